package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawWireItem;
import io.wirestream.ingest.RawItems;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.CaughtUp;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import io.wirestream.topology.WirestreamTopology;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md decision 5 on the real broker: the same stories, sent in the same order, give the same
 * near-duplicate groups and the same clusters (same ids) with 1 partition, with 6, and with 6 split
 * between two application instances, because candidates meet in buckets keyed by band and term and
 * every tie is broken by one rule. Each story is sent once the application has caught up with the
 * one before, so the arrival order is the same in every run; every raw story is accounted once.
 */
class SamenessPartitionsIT {

    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

    /** What a run decided: story key to the key it duplicates (itself when passed) and to its cluster. */
    record Decisions(Map<String, String> duplicateOf, Map<String, String> cluster) {
    }

    @Test
    void sameGroupsAndClustersWithOneAndSixPartitionsAndTwoInstances() throws Exception {
        List<WireItems.Ninjs> stories = stories();

        Decisions one = run(stories, 1, false);
        Decisions six = run(stories, 6, false);
        Decisions twoInstances = run(stories, 6, true);

        assertThat(one.duplicateOf()).hasSize(stories.size());
        // The copies were found at all (else equal results would prove nothing) ...
        assertThat(one.duplicateOf().values().stream().distinct().count()).isLessThan(stories.size());
        assertThat(one.duplicateOf()).containsEntry("urn:ani:copy-0-1", "urn:agency:0").containsEntry("urn:pti:copy-1-2", "urn:agency:1");
        assertThat(one.cluster().get("urn:afp:event-0")).isEqualTo(one.cluster().get("urn:ap:event-0"));
        // ... and are the same everywhere.
        assertThat(six).isEqualTo(one);
        assertThat(twoInstances).isEqualTo(one);
    }

    /**
     * The same stories sent in one burst, as agency copy arrives: copies now reach the buckets within one
     * commit interval of their original, before its cluster is filed, and their band queries cross. Each
     * original and its copies still end in one cluster, one of them reaching editors (the cluster is what
     * corroborates an alert), and every raw story is accounted once.
     */
    @Test
    void copiesSentInOneBurstShareTheirOriginalsCluster() throws Exception {
        List<WireItems.Ninjs> stories = stories();
        Decisions burst = run(stories, 6, false, false);

        for (int o = 0; o < 4; o++) {
            List<String> group = List.of("urn:agency:" + o, "urn:ani:copy-" + o + "-1", "urn:pti:copy-" + o + "-2",
                    "urn:ians:copy-" + o + "-3");
            assertThat(group.stream().map(burst.cluster()::get).distinct()).as("clusters of " + group).hasSize(1);
            assertThat(group.stream().filter(k -> burst.duplicateOf().get(k).equals(k))).as("passed of " + group).hasSize(1);
        }
    }

    private static Decisions run(List<WireItems.Ninjs> stories, int partitions, boolean secondInstance) throws Exception {
        return run(stories, partitions, secondInstance, true);
    }

    private static Decisions run(List<WireItems.Ninjs> stories, int partitions, boolean secondInstance, boolean oneByOne)
            throws Exception {
        try (PipelineFixture pipeline = new PipelineFixture(partitions, StreamsConfig.EXACTLY_ONCE_V2);
             StreamsRunner second = secondInstance ? secondInstance(pipeline) : null) {
            int i = 0;
            for (WireItems.Ninjs s : stories) {
                RawWireItem item = s.item();
                item.setItemId("item-" + i++);
                pipeline.send(new RawItems.Captured(item.getSource() + ":" + item.getItemId(), item));
                if (!oneByOne) {
                    continue;
                }
                pipeline.flush();
                await("application caught up with story " + i).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> CaughtUp.caughtUp(pipeline.kafka.clientProps(), pipeline.config.applicationId(),
                                pipeline.topics.raw()));
            }
            pipeline.flush();
            Map<String, List<ConsumerRecord<String, byte[]>>> out = pipeline.awaitSettled(Duration.ofSeconds(60));
            Decisions d = new Decisions(new TreeMap<>(), new TreeMap<>());
            AvroSerde<EnrichedStory> storySerde = AvroSerde.of(EnrichedStory.class);
            AvroSerde<Duplicate> duplicateSerde = AvroSerde.of(Duplicate.class);
            int accounted = 0;
            for (ConsumerRecord<String, byte[]> r : out.get(pipeline.topics.enriched())) {
                EnrichedStory s = storySerde.decode(r.value());
                d.duplicateOf().put(s.getStoryKey(), s.getStoryKey());
                d.cluster().put(s.getStoryKey(), s.getClusterId());
                accounted++;
            }
            for (ConsumerRecord<String, byte[]> r : out.get(pipeline.topics.duplicates())) {
                Duplicate dup = duplicateSerde.decode(r.value());
                assertThat(dup.getReason()).isEqualTo(DuplicateReason.NEAR_DUPLICATE);
                d.duplicateOf().put(dup.getStoryKey(), dup.getDuplicateOf());
                d.cluster().put(dup.getStoryKey(), dup.getStory().getClusterId());
                accounted++;
            }
            assertThat(out.get(pipeline.topics.dlq())).isEmpty();
            assertThat(d.duplicateOf().keySet()).as("every raw story in exactly one output")
                    .containsExactlyInAnyOrderElementsOf(stories.stream().map(WireItems.Ninjs::uri).toList());
            assertThat(accounted).as("every raw story in exactly one output").isEqualTo(stories.size());
            return d;
        }
    }

    /** A second instance of the same application (same id, own state directory) that takes half the tasks. */
    private static StreamsRunner secondInstance(PipelineFixture pipeline) throws Exception {
        return secondInstance(pipeline, PipelineMetrics.inMemory());
    }

    /** The same, counting into {@code metrics}. */
    static StreamsRunner secondInstance(PipelineFixture pipeline, PipelineMetrics metrics) throws Exception {
        Properties props = new Properties();
        props.putAll(pipeline.kafka.streamsProps());
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("wirestream-it-second").toString());
        StreamsRunner second = new StreamsRunner(WirestreamTopology.build(pipeline.topics, pipeline.config.topology(), props, metrics),
                props, metrics.registry()).start();
        assertThat(second.awaitRunning(Duration.ofSeconds(60))).as("second instance RUNNING").isTrue();
        await("first instance RUNNING again after the rebalance").atMost(Duration.ofSeconds(60))
                .until(() -> pipeline.streams().state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
        return second;
    }

    /**
     * Four agency originals, each re-run by outlets (a resend, a trimmed copy, a new headline with a
     * dateline), two events reported twice in other words, and unrelated stories between them.
     */
    static List<WireItems.Ninjs> stories() {
        Random random = new Random(7);
        List<WireItems.Ninjs> out = new ArrayList<>();
        List<List<String>> originals = new ArrayList<>();
        for (int o = 0; o < 4; o++) {
            List<String> body = paragraphs(random, 4);
            originals.add(body);
            out.add(WireItems.ninjs("urn:agency:" + o).from("reuters").headline(sentence(random, 6)).body(String.join("\n\n", body))
                    .at(T0.plusSeconds(600L * o)));
            out.add(WireItems.ninjs("urn:unrelated:" + o).from("upi").headline(sentence(random, 6))
                    .body(String.join("\n\n", paragraphs(random, 3))).at(T0.plusSeconds(600L * o + 60)));
        }
        for (int o = 0; o < 4; o++) {
            List<String> body = originals.get(o);
            out.add(WireItems.ninjs("urn:ani:copy-" + o + "-1").from("ani").headline("Copy " + o).body(String.join("\n\n", body))
                    .at(T0.plusSeconds(600L * o + 120)));
            out.add(WireItems.ninjs("urn:pti:copy-" + o + "-2").from("pti").headline(sentence(random, 5))
                    .body(String.join("\n\n", body.subList(0, 2))).at(T0.plusSeconds(600L * o + 180)));
            out.add(WireItems.ninjs("urn:ians:copy-" + o + "-3").from("ians").headline(sentence(random, 5))
                    .body("LONDON (Reuters) - " + String.join("\n\n", body)).at(T0.plusSeconds(600L * o + 240)));
        }
        String[][] events = {
                {"Strong earthquake shakes northern Chile", "A strong earthquake of magnitude 6.8 shook northern Chile, swaying buildings "
                        + "in Antofagasta and cutting power to thousands of homes, the emergency office said.",
                 "Chile quake sways buildings in Antofagasta", "Buildings swayed in the Chilean port of Antofagasta when a magnitude 6.8 "
                        + "earthquake struck northern Chile, cutting power to thousands, emergency officials said."},
                {"Singapore central bank keeps policy unchanged", "The Monetary Authority of Singapore kept its exchange rate policy "
                        + "unchanged and warned that growth in the trade-reliant economy would slow.",
                 "Singapore's MAS holds policy steady, sees slower growth", "Singapore's central bank left its currency policy "
                        + "settings unchanged, the Monetary Authority of Singapore said, forecasting slower growth."}};
        for (int e = 0; e < events.length; e++) {
            out.add(WireItems.ninjs("urn:ap:event-" + e).from("ap").headline(events[e][0]).body(events[e][1])
                    .at(T0.plusSeconds(3000L + 300L * e)));
            out.add(WireItems.ninjs("urn:afp:event-" + e).from("afp").headline(events[e][2]).body(events[e][3])
                    .at(T0.plusSeconds(3100L + 300L * e)));
        }
        return out;
    }

    private static List<String> paragraphs(Random random, int n) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(sentence(random, 14) + ". " + sentence(random, 12) + ".");
        }
        return p;
    }

    private static String sentence(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append("w").append(Integer.toString(random.nextInt(400), 36)).append(random.nextInt(9));
        }
        return b.toString();
    }
}
