package io.wirestream.app;

import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.runtime.TopicCounter;
import io.wirestream.runtime.CommittedReader;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.avro.Alert;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import io.wirestream.desk.DeskPage;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.serde.AvroSerde;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Embedded broker, pipeline and a sample feed, with a live summary line.",
                "Replays a bundled sample feed in time order, printing each enriched story, duplicate,",
                "alert and dead letter, with a live summary line, until stopped."})
final class DemoCommand implements Callable<Integer> {

    static final String FEED = "/demo/feed.tsv";

    @Mixin
    WirestreamCli.ConnectionOptions connection;

    @Mixin
    WirestreamCli.PartitionsOption partitions;

    @Mixin
    WirestreamCli.GuaranteeOption guarantee;

    @Mixin
    DeskOptions desk;

    @Option(names = "--speed", defaultValue = "4", description = "Replay speed: feed seconds per real second, more than 0 (default 4).")
    double speed;

    @Option(names = "--replay", description = "Publish the sample feed again even if wire.raw already holds it.")
    boolean replay;

    @Option(names = "--for", description = "Stop after this long (ISO-8601, e.g. PT30S); default: until stopped.")
    Duration runFor;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        // at 0 (or less) the feed clock never moves: the first wire goes out and the demo waits forever for the next
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new WirestreamConfig.ConfigException("--speed must be above 0 (feed seconds per real second; default 4), not " + speed);
        }
        WirestreamCli.port("--desk-port", desk.deskPort);
        WirestreamConfig config = guarantee.applyTo(partitions.applyTo(connection.config()));
        Topics topics = config.topics();
        try (ShutdownSignal stop = new ShutdownSignal(); KafkaRuntime kafka = KafkaRuntime.start(config)) {
            kafka.ensureTopics(topics, config.partitions());
            out.println("wirestream demo: Kafka at " + kafka.bootstrapServers() + ", data in " + config.dataDir());
            PipelineMetrics metrics = PipelineMetrics.inMemory();
            try (StreamsRunner streams = new StreamsRunner(
                    WirestreamTopology.build(topics, config.topology(), kafka.streamsProps(), metrics), kafka.streamsProps(),
                    metrics.registry());
                 OutputWatcher watcher = new OutputWatcher(kafka.clientProps(), topics);
                 TopicCounter counter = new TopicCounter(kafka.clientProps(),
                         List.of(topics.raw(), topics.enriched(), topics.duplicates(), topics.dlq(), topics.alerts()));
                 DeskPage page = desk.start(kafka, topics)) {
                streams.start();
                if (!streams.awaitRunning(Duration.ofSeconds(90))) {
                    System.err.println("Kafka Streams did not reach RUNNING within 90 s (state " + streams.state() + ")");
                    return 1;
                }
                // Whether wire.raw already holds the feed is decided on everything committed so far, not
                // on what one short poll happened to return (which could replay the feed a second time).
                if (!counter.readToEnd(Duration.ofSeconds(60))) {
                    System.err.println("could not read the topics to their end within 60 s; is the broker healthy?");
                    return 1;
                }
                List<FeedItem> feed = readFeed();
                if (counter.count(topics.raw()) > 0 && !replay) {
                    out.println("wire.raw already holds " + counter.count(topics.raw())
                            + " records from an earlier run: nothing is reprocessed (use --replay to send the feed again)");
                    feed = List.of();
                } else {
                    out.println("replaying " + feed.size() + " sample wires at " + speed + "x; Ctrl-C to stop");
                }
                try (WireProducer producer = new WireProducer(kafka.clientProps(), topics.raw())) {
                    Instant start = Instant.now();
                    Instant deadline = runFor == null ? null : start.plus(runFor);
                    int next = 0;
                    long lastSummary = 0;
                    while (!stop.stopRequested() && (deadline == null || Instant.now().isBefore(deadline))) {
                        long elapsedFeedMs = (long) (Duration.between(start, Instant.now()).toMillis() * speed);
                        while (next < feed.size() && feed.get(next).offsetSeconds() * 1000L <= elapsedFeedMs) {
                            producer.send(feed.get(next++).capture(start));
                        }
                        producer.flush();
                        watcher.poll(Duration.ofMillis(200)).forEach(out::println);
                        counter.poll(Duration.ofMillis(50));
                        if (System.nanoTime() - lastSummary > 2_000_000_000L) {
                            System.err.println(summary(counter, topics));
                            lastSummary = System.nanoTime();
                        }
                    }
                }
                System.err.println(summary(counter, topics));
            }
        }
        return 0;
    }

    static String summary(TopicCounter c, Topics t) {
        return String.format(Locale.ROOT, "[summary] stories in %d | enriched %d | duplicates %d | dead letters %d | alerts %d",
                c.count(t.raw()), c.count(t.enriched()), c.count(t.duplicates()), c.count(t.dlq()), c.count(t.alerts()));
    }

    /** The moment the feed's files were written as of: their times are replayed relative to it. */
    static final Instant FEED_EPOCH = Instant.parse("2026-11-28T08:00:00Z");
    private static final java.util.regex.Pattern ISO_INSTANT = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    /** One line of demo/feed.tsv. */
    record FeedItem(int offsetSeconds, String source, String format, String file) {
        /**
         * The file as a raw wire received now. Times written in it (versioncreated, firstcreated) are
         * moved by the time between the feed's epoch and the replay's start, so the feed reads as live
         * news: the stages that work in event time (clusters expire after 48 h) see today's stories.
         */
        RawItems.Captured capture(Instant replayStart) throws IOException {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/feed/" + file)) {
                if (in == null) {
                    throw new IOException("demo feed file missing from the jar: " + file);
                }
                return RawItems.of(source, format, file, "demo:" + file, retime(in.readAllBytes(), replayStart), Instant.now(), null);
            }
        }
    }

    static byte[] retime(byte[] payload, Instant replayStart) {
        String text = new String(payload, StandardCharsets.UTF_8);
        Duration shift = Duration.between(FEED_EPOCH, replayStart);
        String moved = ISO_INSTANT.matcher(text).replaceAll(m -> Instant.parse(m.group()).plus(shift).toString());
        return moved.getBytes(StandardCharsets.UTF_8);
    }

    static List<FeedItem> readFeed() throws IOException {
        List<FeedItem> items = new ArrayList<>();
        try (InputStream in = DemoCommand.class.getResourceAsStream(FEED)) {
            if (in == null) {
                throw new IOException("demo feed missing from the jar: " + FEED);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                items.add(new FeedItem(Integer.parseInt(f[0].strip()), f[1].strip(), f[2].strip(), f[3].strip()));
            }
        }
        return items;
    }

    /** Prints what the pipeline emits from now on, one readable line per record. */
    static final class OutputWatcher implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Topics topics;
        private final AvroSerde<EnrichedStory> stories = AvroSerde.of(EnrichedStory.class);
        private final AvroSerde<Duplicate> duplicates = AvroSerde.of(Duplicate.class);
        private final AvroSerde<DeadLetter> deadLetters = AvroSerde.of(DeadLetter.class);
        private final AvroSerde<Alert> alerts = AvroSerde.of(Alert.class);
        private final Map<String, java.util.Set<String>> clusterSources = new java.util.HashMap<>();

        OutputWatcher(Map<String, Object> clientProps, Topics topics) {
            this.topics = topics;
            consumer = CommittedReader.open(clientProps,
                    List.of(topics.enriched(), topics.duplicates(), topics.dlq(), topics.alerts()));
            java.util.Set<TopicPartition> parts = consumer.assignment();
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position); // resolve "end" now, before the feed is sent
        }

        List<String> poll(Duration timeout) {
            List<String> lines = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
                try {
                    lines.add(describe(r));
                } catch (RuntimeException e) {
                    // e.g. a record Kafka Streams' own dead-letter handler wrote with the original bytes
                    lines.add(String.format(Locale.ROOT, "  %-7s %s: record %d of %d bytes not in our schema (%s)", "?",
                            r.topic(), r.offset(), r.value() == null ? 0 : r.value().length, e.getMessage()));
                }
            }
            return lines;
        }

        private String describe(ConsumerRecord<String, byte[]> r) {
            if (r.topic().equals(topics.enriched())) {
                EnrichedStory s = stories.decode(r.value());
                return String.format(Locale.ROOT, "  %-7s %-9s %-12s %s%s%s", s.getAction(), s.getSource(),
                        s.getDatelinePlace() == null ? "-" : s.getDatelinePlace(), s.getHeadline(),
                        s.getPreviousVersion() == null ? "" : "  (replaces v" + s.getPreviousVersion() + ")",
                        cluster(s.getClusterId(), s.getSource()));
            }
            if (r.topic().equals(topics.duplicates())) {
                Duplicate d = duplicates.decode(r.value());
                String similarity = d.getSimilarity() == null || d.getReason() != io.wirestream.avro.DuplicateReason.NEAR_DUPLICATE ? ""
                        : String.format(Locale.ROOT, " (%.0f%% shared)", d.getSimilarity() * 100);
                return String.format(Locale.ROOT, "  %-7s %-9s %s of %s%s%s", "DUP", d.getStory().getSource(),
                        d.getReason().name().toLowerCase(Locale.ROOT), d.getDuplicateOf(), similarity,
                        d.getReason() == io.wirestream.avro.DuplicateReason.NEAR_DUPLICATE
                                ? cluster(d.getStory().getClusterId(), d.getStory().getSource()) : "");
            }
            if (r.topic().equals(topics.dlq())) {
                DeadLetter d = deadLetters.decode(r.value());
                return String.format(Locale.ROOT, "  %-7s %-9s %s: %s", "DLQ", d.getSource(), d.getStage(), d.getReason());
            }
            Alert a = alerts.decode(r.value());
            return String.format(Locale.ROOT, "! ALERT  %-9s %s  [%s]", a.getLevel() + (a.getUpdate() ? "~" : ""), a.getHeadline(),
                    String.join("; ", a.getReasons()));
        }

        /** "  [cluster 60eecb: ap, afp]": the event cluster and the sources that reported it so far. */
        private String cluster(String clusterId, String source) {
            if (clusterId == null) {
                return "";
            }
            java.util.Set<String> sources = clusterSources.computeIfAbsent(clusterId, c -> new java.util.LinkedHashSet<>());
            sources.add(source);
            String shortId = clusterId.startsWith("cl-") && clusterId.length() > 9 ? clusterId.substring(3, 9) : clusterId;
            return "  [cluster " + shortId + ": " + String.join(", ", sources) + "]";
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
