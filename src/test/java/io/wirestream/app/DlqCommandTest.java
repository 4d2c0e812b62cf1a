package io.wirestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.RawRef;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DlqCommandTest {

    private static DeadLetter letter(String stage, String reason) {
        return DeadLetter.newBuilder().setStage(stage).setReason(reason).setSource("pti").setFormat("nitf")
                .setRaw(RawRef.newBuilder().setTopic("wire.raw").setPartition(0).setOffset(7).build())
                .setPayload(ByteBuffer.wrap(new byte[] {1})).build();
    }

    @Test
    void theListingHoldsOnlyWhatTheFiltersMatch() {
        DlqCommand all = new DlqCommand();
        assertThat(all.shown(letter("parse", "malformed XML at line 3"))).isTrue();
        assertThat(all.shown(null)).as("a record Kafka Streams dead-lettered itself").isTrue();

        DlqCommand charset = new DlqCommand();
        charset.stage = "PARSE";
        charset.reason = "Charset";
        assertThat(charset.shown(letter("parse", "undecodable charset: windows-1252 declared"))).isTrue();
        assertThat(charset.shown(letter("parse", "malformed XML at line 3"))).isFalse();
        assertThat(charset.shown(letter("versions", "bad charset"))).isFalse();
        assertThat(charset.shown(null)).isFalse();
    }
}
