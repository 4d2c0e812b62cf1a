package io.wirestream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.BucketState;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.SamenessQuery;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The serde writes byte for byte what Avro's single-object encoder writes, and reads it back. */
class AvroSerdeTest {

    @ParameterizedTest
    @ValueSource(classes = {EnrichedStory.class, SamenessQuery.class, BucketState.class})
    <T extends SpecificRecord> void bytesAreAvrosSingleObjectEncoding(Class<T> type) throws Exception {
        Schema schema = SpecificData.get().getSchema(type);
        AvroSerde<T> serde = AvroSerde.of(type);
        BinaryMessageEncoder<T> avro = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        int n = 0;
        BinaryMessageEncoder<GenericRecord> generic = new BinaryMessageEncoder<>(GenericData.get(), schema);
        for (Object random : new RandomData(schema, 20, 7L)) {
            byte[] written = bytes(generic.encode((GenericRecord) random));
            T datum = serde.decode(written);
            // (not compared with written: a decoded map may iterate in another order than the random one)
            byte[] again = serde.encode(datum);
            assertThat(again).isEqualTo(bytes(avro.encode(datum)));
            assertThat(serde.decode(again)).isEqualTo(datum);
            n++;
        }
        assertThat(n).isEqualTo(20);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "C3", "not avro at all", "C301000000000000000000"})
    void anythingElseIsASerializationError(String hexOrText) {
        byte[] bytes = hexOrText.matches("[0-9A-F]+") ? java.util.HexFormat.of().parseHex(hexOrText) : hexOrText.getBytes();
        assertThatThrownBy(() -> AvroSerde.of(EnrichedStory.class).decode(bytes)).isInstanceOf(SerializationException.class);
    }

    @org.junit.jupiter.api.Test
    void aLargeRecordThenSmallOnesAndADecodingErrorBetweenThemStayByteForByteAvros() throws Exception {
        AvroSerde<EnrichedStory> serde = AvroSerde.of(EnrichedStory.class);
        java.util.List<EnrichedStory> stories = randomStories(serde, 3, 11L);
        // Past the kept buffer's limit, so the thread's buffer is dropped after it.
        int textField = STORY.getField("headline").pos();
        stories.get(0).put(textField, "x".repeat(600 * 1024));
        for (EnrichedStory story : stories) {
            byte[] written = serde.encode(story);
            assertThat(written).isEqualTo(avrosBytes(story));
            assertThatThrownBy(() -> serde.decode(java.util.Arrays.copyOf(written, written.length / 2)))
                    .isInstanceOf(SerializationException.class);
            assertThat(serde.decode(written)).isEqualTo(story);
        }
    }

    @org.junit.jupiter.api.Test
    void anEncodeThatFailsHalfWayLeavesNothingInTheNextRecord() throws Exception {
        AvroSerde<EnrichedStory> serde = AvroSerde.of(EnrichedStory.class);
        java.util.List<EnrichedStory> stories = randomStories(serde, 2, 13L);
        // The last plain string field: everything before it is written when the null is met.
        int last = STORY.getFields().stream().filter(f -> f.schema().getType() == Schema.Type.STRING)
                .mapToInt(Schema.Field::pos).max().orElseThrow();
        EnrichedStory broken = EnrichedStory.newBuilder(stories.get(0)).build();
        broken.put(last, null);
        assertThatThrownBy(() -> serde.encode(broken)).isInstanceOf(RuntimeException.class);
        EnrichedStory good = stories.get(1);
        assertThat(serde.encode(good)).isEqualTo(avrosBytes(good));
    }

    private static final Schema STORY = SpecificData.get().getSchema(EnrichedStory.class);

    /** What Avro's own single-object encoder writes for a story. */
    private static byte[] avrosBytes(EnrichedStory story) throws Exception {
        return bytes(new BinaryMessageEncoder<EnrichedStory>(SpecificData.get(), STORY).encode(story));
    }

    /** Random stories of the current schema, read back through the serde. */
    private static java.util.List<EnrichedStory> randomStories(AvroSerde<EnrichedStory> serde, int n, long seed) throws Exception {
        BinaryMessageEncoder<GenericRecord> generic = new BinaryMessageEncoder<>(GenericData.get(), STORY);
        java.util.List<EnrichedStory> stories = new java.util.ArrayList<>();
        for (Object random : new RandomData(STORY, n, seed)) {
            stories.add(serde.decode(bytes(generic.encode((GenericRecord) random))));
        }
        return stories;
    }
}
