package io.wirestream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawWireItem;
import io.wirestream.avro.StoryVersionState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Safe upgrades (issue 9): every record that is stored, repartitioned or replayed keeps each of its
 * writer schemas in {@code src/main/resources/avro-history/<Record>-vN.avsc}, and records written
 * with any of them still decode with the current code.
 *
 * <p>A new stored record (a state store value, a repartitioned value of a new stage) is one more line
 * in {@link #kept()}; then run
 * {@code mvn -B -o test -Dtest=SchemaHistoryTest -Dwirestream.schemas.update=true} once to write its v1.
 * After changing a schema in {@code schemas/}, the same command writes the next version; the old files
 * stay, so records already on topics and in stores keep decoding.
 */
class SchemaHistoryTest {

    private static final Path HISTORY = Path.of("src/main/resources/avro-history");

    /** Records kept on topics or in stores that a newer version of the code must still read. */
    static Stream<Class<? extends SpecificRecord>> kept() {
        return Stream.of(
                RawWireItem.class,        // wire.raw, replayed (decision 1)
                EnrichedStory.class,      // the stories-by-key repartition topic, stories.enriched
                StoryVersionState.class,  // the story-versions store and its changelog
                Duplicate.class,          // stories.duplicates
                DeadLetter.class,         // wire.dlq, read when replaying dead letters
                io.wirestream.avro.SamenessQuery.class,    // the sameness-queries repartition topic
                io.wirestream.avro.SamenessMessage.class,  // the sameness-answers repartition topic
                io.wirestream.avro.ClusterMember.class,    // the cluster-members and cluster-terms repartition topics
                io.wirestream.avro.BucketState.class,      // the sameness-buckets store
                io.wirestream.avro.GatherState.class,      // the sameness-gather store
                io.wirestream.avro.ClusterState.class,     // the clusters store
                io.wirestream.avro.Alert.class,            // the alerts topic (compacted: read back by sinks after an upgrade)
                io.wirestream.avro.AlertState.class,       // the cluster-alerts store
                io.wirestream.avro.Subscription.class,     // alerts.subscriptions (compacted) and its global store
                io.wirestream.avro.DeskAlert.class,        // alerts.desk, read by the webhook sink after an upgrade
                io.wirestream.avro.SequenceState.class);   // the provider-sequences store
    }

    @ParameterizedTest
    @MethodSource("kept")
    void theCurrentSchemaIsKeptAsTheLatestVersion(Class<? extends SpecificRecord> type) throws Exception {
        Schema current = schemaOf(type);
        List<Schema> history = AvroSerde.history(current.getName());
        boolean kept = !history.isEmpty() && fingerprint(history.get(history.size() - 1)) == fingerprint(current);
        Path next = HISTORY.resolve(current.getName() + "-v" + (history.size() + 1) + ".avsc");
        if (!kept && Boolean.getBoolean("wirestream.schemas.update")) {
            Files.writeString(next, current.toString(true) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertThat(kept).as("the current schema of %s is not kept: write it to %s (run this test with "
                + "-Dwirestream.schemas.update=true), so records written with it stay readable after the next change",
                current.getName(), next).isTrue();
    }

    @ParameterizedTest
    @MethodSource("kept")
    void recordsWrittenWithEveryKeptVersionStillDecode(Class<? extends SpecificRecord> type) {
        Schema current = schemaOf(type);
        AvroSerde<? extends SpecificRecord> serde = AvroSerde.of(type);
        List<Schema> history = AvroSerde.history(current.getName());
        assertThat(history).as("kept versions of %s", current.getName()).isNotEmpty();
        for (Schema writer : history) {
            int n = 0;
            for (Object datum : new RandomData(writer, 20, 42L)) {
                byte[] bytes = encode(writer, (GenericRecord) datum);
                SpecificRecord read = serde.decode(bytes);
                // Every field both versions have comes through with its value.
                for (Schema.Field f : writer.getFields()) {
                    Schema.Field now = current.getField(f.name());
                    if (now != null && isSimple(f.schema())) {
                        assertThat(String.valueOf(read.get(now.pos())))
                                .as("%s v%d field %s", current.getName(), history.indexOf(writer) + 1, f.name())
                                .isEqualTo(String.valueOf(((GenericRecord) datum).get(f.name())));
                    }
                }
                n++;
            }
            assertThat(n).isEqualTo(20);
        }
    }

    /** Strings and numbers compare by their text; records, unions, enums and bytes are checked by decoding at all. */
    private static boolean isSimple(Schema s) {
        return switch (s.getType()) {
            case STRING, INT, BOOLEAN, DOUBLE, FLOAT -> true;
            case LONG -> s.getLogicalType() == null;
            default -> false;
        };
    }

    private static byte[] encode(Schema writer, GenericRecord datum) {
        try {
            ByteBuffer b = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(datum);
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Schema schemaOf(Class<? extends SpecificRecord> type) {
        return org.apache.avro.specific.SpecificData.get().getSchema(type);
    }

    private static long fingerprint(Schema s) {
        return SchemaNormalization.parsingFingerprint64(s);
    }

}
