package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.StoryAction;
import io.wirestream.ingest.RawItems;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The whole application on a real broker: 3 partitions, exactly-once, a few hundred raw records with
 * resends, updates, multi-story feeds and garbage; every output read read_committed; every raw story
 * accounted to exactly one of enriched, duplicates or the dead-letter queue.
 */
class PipelineIT {

    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

    @Test
    void everyRawStoryEndsInExactlyOneOutputUnderExactlyOnce() throws Exception {
        try (PipelineFixture pipeline = new PipelineFixture(3, StreamsConfig.EXACTLY_ONCE_V2)) {
            Random random = new Random(42);
            int expectedStories = 0;
            int expectedDeadLetters = 0;
            for (int i = 0; i < 120; i++) {
                Instant t = T0.plusSeconds(i * 10L);
                WireItems.Ninjs story = WireItems.ninjs("urn:it:" + i).from(i % 2 == 0 ? "reuters" : "ap")
                        .headline("Story " + i).body("Paragraph about event " + i + ".").at(t);
                pipeline.send(captured("ninjs-" + i, story.item()));
                expectedStories++;
                if (i % 3 == 0) { // a redelivery
                    pipeline.send(captured("ninjs-" + i + "-again", story.item()));
                    expectedStories++;
                }
                if (i % 4 == 0) { // an update
                    pipeline.send(captured("ninjs-" + i + "-v2", WireItems.ninjs("urn:it:" + i).version("2")
                            .headline("Story " + i + " updated").body("More on event " + i + ".").at(t.plusSeconds(5)).item()));
                    expectedStories++;
                }
                if (i % 10 == 0) { // garbage of several kinds, written as raw bytes like a foreign producer
                    byte[] junk = new byte[64];
                    random.nextBytes(junk);
                    junk[3] = 0;
                    pipeline.sendBytes("junk-" + i, junk);
                    pipeline.sendBytes("truncated-" + i, "<?xml version=\"1.0\"?><nitf><head><title>cut".getBytes(StandardCharsets.UTF_8));
                    expectedDeadLetters += 2;
                }
                if (i % 20 == 0) { // one raw record carrying three stories
                    pipeline.send(captured("rss-" + i, WireItems.raw("feed", "rss", rss(i, 3), t)));
                    expectedStories += 3;
                }
            }
            pipeline.flush();
            int expectedOutputs = expectedStories + expectedDeadLetters;

            await("all " + expectedOutputs + " outputs committed").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> total(pipeline.read()) >= expectedOutputs);
            // Then until the application has committed past every input: an output emitted twice would be here now.
            Map<String, List<ConsumerRecord<String, byte[]>>> out = pipeline.awaitSettled(Duration.ofSeconds(60));

            AvroSerde<EnrichedStory> stories = AvroSerde.of(EnrichedStory.class);
            AvroSerde<Duplicate> dups = AvroSerde.of(Duplicate.class);
            AvroSerde<DeadLetter> dead = AvroSerde.of(DeadLetter.class);
            Map<String, Integer> perRawStory = new HashMap<>();
            List<EnrichedStory> enriched = out.get(pipeline.topics.enriched()).stream().map(r -> stories.decode(r.value())).toList();
            enriched.forEach(s -> count(perRawStory, s.getRaw()));
            out.get(pipeline.topics.duplicates()).forEach(r -> count(perRawStory, dups.decode(r.value()).getStory().getRaw()));
            out.get(pipeline.topics.dlq()).forEach(r -> count(perRawStory, dead.decode(r.value()).getRaw()));

            assertThat(total(out)).isEqualTo(expectedOutputs);
            assertThat(perRawStory).hasSize(expectedOutputs).allSatisfy((ref, n) -> assertThat(n).as(ref).isEqualTo(1));
            assertThat(out.get(pipeline.topics.dlq())).hasSize(expectedDeadLetters);
            // Raw keys spread one story's copies over partitions, so a version 2 may overtake version 1
            // (which then is SUPERSEDED rather than followed by an UPDATE). Whatever the order, each story
            // key is NEW exactly once and every other copy is an UPDATE or a duplicate.
            assertThat(enriched).filteredOn(s -> s.getAction() == StoryAction.NEW).extracting(EnrichedStory::getStoryKey)
                    .hasSize(120 + 6 * 3).doesNotHaveDuplicates();
            assertThat(out.get(pipeline.topics.duplicates()).size()
                    + enriched.stream().filter(s -> s.getAction() == StoryAction.UPDATE).count()).isEqualTo(40 + 30);
            assertThat(out.get(pipeline.topics.enrichedJson())).hasSameSizeAs(enriched);
            assertThat(pipeline.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static RawItems.Captured captured(String id, io.wirestream.avro.RawWireItem item) {
        item.setItemId(id);
        return new RawItems.Captured(item.getSource() + ":" + id, item);
    }

    private static byte[] rss(int n, int items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed</title>");
        for (int i = 0; i < items; i++) {
            b.append("<item><guid>urn:rss:").append(n).append('-').append(i).append("</guid><title>Feed story ").append(n)
                    .append('-').append(i).append("</title><description>Text of feed story ").append(i)
                    .append(" of feed ").append(n).append(".</description><pubDate>Sat, 28 Nov 2026 06:00:00 GMT</pubDate></item>");
        }
        return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int total(Map<String, List<ConsumerRecord<String, byte[]>>> out) {
        return out.values().stream().mapToInt(List::size).sum()
                - out.values().stream().filter(l -> !l.isEmpty() && l.get(0).topic().endsWith(".alerts")).mapToInt(List::size).sum()
                - out.entrySet().stream().filter(e -> e.getKey().endsWith(".json")).mapToInt(e -> e.getValue().size()).sum();
    }

    private static void count(Map<String, Integer> m, RawRef r) {
        m.merge(r.getPartition() + "/" + r.getOffset() + "#" + r.getIndex(), 1, Integer::sum);
    }
}
