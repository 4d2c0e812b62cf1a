package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawRef;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import io.wirestream.runtime.CommittedReader;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.CaughtUp;
import io.wirestream.testing.JarProcesses;
import io.wirestream.testing.JarProcesses.Output;
import io.wirestream.testing.WireItems;
import io.wirestream.topology.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Faults an operator meets, on the real broker with {@code wirestream run} as a separate process
 * (issue 9 item 4): {@code run} killed with SIGKILL in the middle of a burst and started again on
 * its data dir, then the broker stopped and started again while {@code run} is working, then a second
 * instance joining during a burst and leaving again, then a 20,000-record burst into a {@code run}
 * limited to a 512 MB heap. Afterwards
 * every raw story is in exactly one of stories.enriched, stories.duplicates and wire.dlq, read
 * read_committed: nothing lost, nothing doubled by the replays exactly-once must absorb.
 */
class FaultIT {

    private static final int BURST = 600;
    private static final int BIG_BURST = 20_000;
    /** The heap `run` gets: a burst must not need more (state lives in RocksDB, off the heap). */
    private static final List<String> HEAP = List.of("-Xmx512m");
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static final Topics TOPICS = Topics.defaults();

    @Test
    void survivesSigkillABrokerRestartAnInstanceJoiningAndLeavingAndABurstWithEveryStoryAccountedOnce() throws Exception {
        Path brokerDir = Files.createTempDirectory("fault-broker");
        Path runDir = Files.createTempDirectory("fault-run");
        int port = JarProcesses.freePort();
        String bootstrap = "127.0.0.1:" + port;
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        String applicationId = WirestreamConfig.defaults().applicationId();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(brokerDir, port);
        try (JarProcesses jars = new JarProcesses()) {
            String[] runArgs = {"run", "--bootstrap-servers", bootstrap, "--data-dir", runDir.toString(), "--status-interval", "PT2S"};
            Output first = jars.startWith(HEAP, runArgs);
            await("run RUNNING").atMost(Duration.ofSeconds(120)).until(() -> first.stderr().contains("wirestream running"));

            // 1. SIGKILL in the middle of a burst, then the same run started again on its data dir.
            send(client, 0, BURST);
            await("part of the burst through").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> committedCount(client, TOPICS.enriched()) >= BURST / 5);
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook, an open transaction left behind
            assertThat(first.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Output second = jars.startWith(HEAP, runArgs);
            await("run RUNNING again").atMost(Duration.ofSeconds(120)).until(() -> second.stderr().contains("wirestream running"));

            // 2. The broker stopped and started again (same log dir and port) while run works on a second burst.
            send(client, BURST, BURST);
            await("second burst under way").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> committedCount(client, TOPICS.enriched()) >= BURST + BURST / 5);
            broker.close();
            await("run notices the outage").atMost(Duration.ofSeconds(60)).until(() -> second.stderr().contains("unreachable"));
            broker = EmbeddedKafkaBroker.start(brokerDir, port);
            await("run notices the broker is back").atMost(Duration.ofSeconds(120))
                    .until(() -> second.stderr().contains("reachable again"));

            // 3. A second instance joins during a third burst and leaves again (SIGTERM). It takes stateless
            //    tasks (parse) at once; stateful ones move only once it has warmed up (Streams' HA assignor).
            Output joining = jars.start("run", "--bootstrap-servers", bootstrap, "--data-dir",
                    Files.createTempDirectory("fault-run-2").toString(), "--status-interval", "PT2S");
            await("second instance RUNNING").atMost(Duration.ofSeconds(120)).until(() -> joining.stderr().contains("wirestream running"));
            send(client, 2 * BURST, BURST);
            await("the second instance took work").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> joining.stderr().lines().anyMatch(l -> l.contains("status") && l.contains("parsed") && !l.contains("parsed 0 |")));
            joining.process().destroy();
            assertThat(joining.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("leaves on SIGTERM").isTrue();

            await("run committed past every raw record").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> CaughtUp.caughtUp(client, applicationId, TOPICS.raw()));
            assertAccountedOnce(client, 3 * BURST);

            // 4. A 20,000-record burst into a run limited to a 512 MB heap: 2,000 new stories, each then
            //    resent nine times (a feed replaying its backlog). Memory stays bounded: run lives on.
            for (int round = 0; round < 10; round++) {
                send(client, 3 * BURST, BIG_BURST / 10);
            }
            await("the 20,000-record burst through").atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> CaughtUp.caughtUp(client, applicationId, TOPICS.raw()));
            assertAccountedOnce(client, 3 * BURST + BIG_BURST);
            assertThat(second.stderr()).doesNotContain("OutOfMemoryError");
            assertThat(second.process().isAlive()).as("run still up").isTrue();
        } finally {
            broker.close();
        }
    }

    /** Sends {@code n} ninjs stories, each with its own words, so none is a near-duplicate of another. */
    private static void send(Map<String, Object> client, int from, int n) throws Exception {
        try (WireProducer producer = new WireProducer(client, TOPICS.raw())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = from; i < from + n; i++) {
                WireItems.Ninjs story = WireItems.ninjs("urn:fault:" + i).at(T0.plusMillis(i))
                        .headline(words(i, 8)).body(words(i + 1_000_000, 60) + ".");
                sent.add(producer.send(RawItems.of("ap", "ninjs", "fault-" + i, "test", story.bytes(), story.time(), null)));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(); // a record the broker refused would make the accounting below meaningless
            }
        }
    }

    /** Made-up words from a seeded generator: two stories share few of them. */
    private static String words(int seed, int count) {
        Random r = new Random(seed);
        String consonants = "bcdfghklmnprstvz";
        String vowels = "aeiou";
        List<String> out = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            StringBuilder word = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                word.append(consonants.charAt(r.nextInt(consonants.length()))).append(vowels.charAt(r.nextInt(vowels.length())));
            }
            out.add(word.toString());
        }
        return String.join(" ", out);
    }

    private static long committedCount(Map<String, Object> client, String topic) {
        return readAll(client, List.of(topic)).get(topic).size();
    }

    /** Every committed record of the topics, read to their last stable offsets, by topic. */
    private static Map<String, List<ConsumerRecord<String, byte[]>>> readAll(Map<String, Object> client, List<String> topics) {
        Map<String, List<ConsumerRecord<String, byte[]>>> seen = new HashMap<>();
        topics.forEach(t -> seen.put(t, new ArrayList<>()));
        CommittedReader.readToEnd(client, topics, Duration.ofSeconds(60)).forEach(r -> seen.get(r.topic()).add(r));
        return seen;
    }

    /** Each raw story (partition, offset, index) in exactly one output, and every one of them there. */
    private static void assertAccountedOnce(Map<String, Object> client, int rawStories) {
        Map<String, List<ConsumerRecord<String, byte[]>>> out = readAll(client,
                List.of(TOPICS.enriched(), TOPICS.duplicates(), TOPICS.dlq()));
        List<RawRef> refs = new ArrayList<>();
        refs.addAll(decode(out.get(TOPICS.enriched()), EnrichedStory.class, EnrichedStory::getRaw));
        refs.addAll(decode(out.get(TOPICS.duplicates()), Duplicate.class, d -> d.getStory().getRaw()));
        refs.addAll(decode(out.get(TOPICS.dlq()), DeadLetter.class, DeadLetter::getRaw));
        Map<String, Long> times = refs.stream().collect(Collectors.groupingBy(
                r -> r.getPartition() + "/" + r.getOffset() + "/" + r.getIndex(), HashMap::new, Collectors.counting()));
        assertThat(times.values()).as("no raw story in two outputs or twice in one").allMatch(c -> c == 1);
        assertThat(times).as("every raw story accounted for").hasSize(rawStories);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<RawRef> decode(
            List<ConsumerRecord<String, byte[]>> records, Class<T> type, Function<T, RawRef> raw) {
        AvroSerde<T> serde = AvroSerde.of(type);
        List<RawRef> refs = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            refs.add(raw.apply(serde.deserializer().deserialize(r.topic(), r.value())));
        }
        return refs;
    }
}
