package io.wirestream.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.StoryVersionState;
import io.wirestream.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** State written before clusterId was removed from StoryVersionState still decodes after an upgrade. */
class StoryVersionStateSchemaTest {

    @Test
    void stateWrittenWithV1StillDecodes() throws Exception {
        Schema v1 = AvroSerde.historicSchema("/avro-history/StoryVersionState-v1.avsc");
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        GenericRecord old = new GenericData.Record(v1);
        old.put("version", "2");
        old.put("versionCreated", t.toEpochMilli());
        old.put("contentHash", "abc");
        old.put("pubStatus", new GenericData.EnumSymbol(v1.getField("pubStatus").schema(), "USABLE"));
        old.put("headline", "Headline");
        old.put("clusterId", "cluster-1");
        old.put("firstSeen", t.toEpochMilli());
        old.put("lastSeen", t.toEpochMilli());
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] data = new byte[bytes.remaining()];
        bytes.get(data);

        StoryVersionState state = AvroSerde.of(StoryVersionState.class, List.of(v1)).decode(data);
        assertThat(state.getVersion()).isEqualTo("2");
        assertThat(state.getPubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(state.getLastSeen()).isEqualTo(t);
        assertThat(StoryVersionState.getClassSchema().getField("clusterId")).isNull();
    }
}
