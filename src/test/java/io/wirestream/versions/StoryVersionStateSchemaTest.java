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

/**
 * State written with an earlier StoryVersionState still decodes after an upgrade: v1 (with clusterId),
 * v2 (clusterId removed, before leadTerms was added for slug identity), v3 (before otherStories).
 */
class StoryVersionStateSchemaTest {

    private static final Schema V1 = AvroSerde.historicSchema("/avro-history/StoryVersionState-v1.avsc");
    private static final Schema V2 = AvroSerde.historicSchema("/avro-history/StoryVersionState-v2.avsc");
    private static final Schema V3 = AvroSerde.historicSchema("/avro-history/StoryVersionState-v3.avsc");
    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void stateWrittenWithV1StillDecodes() throws Exception {
        GenericRecord old = record(V1, "2", "USABLE");
        old.put("clusterId", "cluster-1");

        StoryVersionState state = AvroSerde.of(StoryVersionState.class, List.of(V1, V2)).decode(encode(old));
        assertThat(state.getVersion()).isEqualTo("2");
        assertThat(state.getPubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(state.getLastSeen()).isEqualTo(T);
        assertThat(state.getLeadTerms()).isEmpty();
        assertThat(StoryVersionState.getClassSchema().getField("clusterId")).isNull();
    }

    @Test
    void stateWrittenWithV2StillDecodes() throws Exception {
        assertThat(V2.getField("clusterId")).isNull();
        assertThat(V2.getField("leadTerms")).isNull();

        StoryVersionState state = AvroSerde.of(StoryVersionState.class, List.of(V1, V2)).decode(encode(record(V2, "3", "CANCELED")));
        assertThat(state.getVersion()).isEqualTo("3");
        assertThat(state.getPubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(state.getLastSeen()).isEqualTo(T);
        assertThat(state.getLeadTerms()).isEmpty();
    }

    @Test
    void stateWrittenWithV3StillDecodesRememberingNoOtherStories() throws Exception {
        assertThat(V3.getField("otherStories")).isNull();
        GenericRecord old = record(V3, "4", "USABLE");
        old.put("leadTerms", List.of("wildfire", "denver"));

        StoryVersionState state = AvroSerde.of(StoryVersionState.class, List.of(V1, V2, V3)).decode(encode(old));
        assertThat(state.getVersion()).isEqualTo("4");
        assertThat(state.getLeadTerms()).containsExactly("wildfire", "denver");
        assertThat(state.getOtherStories()).isEmpty();
    }

    /** A state record in an older schema, with every field common to v1 and v2 set. */
    private static GenericRecord record(Schema schema, String version, String pubStatus) {
        GenericRecord old = new GenericData.Record(schema);
        old.put("version", version);
        old.put("versionCreated", T.toEpochMilli());
        old.put("contentHash", "abc");
        old.put("pubStatus", new GenericData.EnumSymbol(schema.getField("pubStatus").schema(), pubStatus));
        old.put("headline", "Headline");
        old.put("firstSeen", T.toEpochMilli());
        old.put("lastSeen", T.toEpochMilli());
        return old;
    }

    private static byte[] encode(GenericRecord old) throws Exception {
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), old.getSchema()).encode(old);
        byte[] data = new byte[bytes.remaining()];
        bytes.get(data);
        return data;
    }
}
