package io.wirestream.bench;

import io.wirestream.runtime.CommittedReader;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.Progress;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.TopicCounter;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.RawWireItem;
import io.wirestream.serde.AvroSerde;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.serde.RawWireItemSerde;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The benchmark of DESIGN.md ("Benchmark contract"), in one process on one embedded broker:
 * <ol>
 *   <li>N generated wires are produced to one raw topic once; a pass-through topology and then the
 *       full topology each read it from the beginning, timed from RUNNING until every expected output
 *       is readable read_committed (counting offsets would count transaction markers);</li>
 *   <li>the full topology on fresh topics created with LogAppendTime, fed at a fixed rate: latency is
 *       the broker's append time of the output minus the send time carried in a header;</li>
 *   <li>the per-story cost of the sameness buckets (the near-dup and cluster index) with a small and a
 *       large number of stories retained, and each stage's own cost per story ({@link SamenessCost}).</li>
 * </ol>
 * Progress goes to the log stream; the result is a map the command prints as one JSON line.
 */
public final class Bench {

    /** Header with the producer's wall-clock send time, copied by Kafka Streams to every output. */
    static final String SENT_HEADER = "wirestream-bench-sent-ms";

    /**
     * What to run.
     *
     * @param stories        wires for the throughput runs
     * @param latencyPhase   how long wires are offered at {@code rate} in the latency run, and timed
     * @param latencyWarmup  how long they are offered at that rate before, untimed: the first seconds of a
     *                       fresh application (its first transactions on every partition) are a restart's
     *                       cost, reported apart ({@code warmup_*}), not the steady state
     * @param retainedSmall  stories in the sameness buckets for the first cost figure (the contract's 1k)
     * @param retainedLarge  the same for the second (the contract's 100k)
     * @param costBatch      wires timed per round of the cost measurement (three rounds, median kept)
     * @param dataDir        broker and Streams state; null for a temporary folder deleted afterwards
     * @param latencyTrace   where to write every latency sample of the latency run (CSV), or null
     */
    public record Options(int stories, int partitions, int rate, Duration latencyPhase, Duration latencyWarmup, String guarantee,
                          long seed, int retainedSmall, int retainedLarge, int costBatch, Path dataDir, boolean quick,
                          Path latencyTrace) {
        public static Options defaults() {
            return new Options(50_000, 3, 200, Duration.ofSeconds(25), Duration.ofSeconds(30), StreamsConfig.EXACTLY_ONCE_V2, 42L,
                    1_000, 100_000, 2_000, null, false, null);
        }

        public static Options quickDefaults() {
            return new Options(5_000, 3, 200, Duration.ofSeconds(10), Duration.ofSeconds(5), StreamsConfig.EXACTLY_ONCE_V2, 42L,
                    1_000, 20_000, 500, null, true, null);
        }
    }

    private final Options options;
    private final PrintStream log;

    public Bench(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Runs every phase and returns the figures, keys in the contract's order first. */
    public Map<String, Object> run() throws Exception {
        resetHeapPeaks();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        boolean temporary = options.dataDir() == null;
        Path dir = temporary ? Files.createTempDirectory("wirestream-bench") : options.dataDir();
        Throughput passThrough;
        Throughput full;
        Map<String, Object> fullTraffic;
        Latency latency;
        try {
            // Settings from the environment (WIRESTREAM_KAFKA_COMMIT_INTERVAL_MS, WIRESTREAM_SAMENESS_*, ...), so a
            // run can measure what a setting costs; always on the embedded broker.
            WirestreamConfig config = WirestreamConfig.load(null, System.getenv()).withEmbeddedBroker().withDataDir(dir).withBrokerPort(0)
                    .withPartitions(options.partitions()).withGuarantee(options.guarantee());
            try (KafkaRuntime kafka = KafkaRuntime.start(config)) {
                String run = UUID.randomUUID().toString().substring(0, 6);
                String raw = "bench." + run + ".wire.raw";
                createTopics(kafka, List.of(raw), false);
                Map<WireStoryGenerator.Kind, Integer> kinds = produce(kafka, raw);
                log.println("[bench] generated " + kinds);

                String ptOut = "bench." + run + ".passthrough";
                createTopics(kafka, List.of(ptOut), false);
                passThrough = throughput("pass-through", kafka, WirestreamTopology.passThrough(raw, ptOut),
                        props(kafka, "bench-passthrough-" + run, null), PipelineMetrics.inMemory(), List.of(ptOut));

                Topics fullTopics = Topics.defaults().map(n -> "bench." + run + ".full." + n).with(Topics.RAW, raw);
                kafka.ensureTopics(fullTopics, options.partitions());
                Properties fullProps = props(kafka, "bench-full-" + run, fullTopics.dlq());
                PipelineMetrics fullMetrics = PipelineMetrics.inMemory();
                full = throughput("full topology", kafka,
                        WirestreamTopology.build(fullTopics, config.topology(), fullProps, fullMetrics), fullProps,
                        fullMetrics, fullTopics.accountingOutputs());
                fullTraffic = traffic(kafka, List.of("bench-full-" + run + "-", "bench." + run + ".full."));

                latency = latency(kafka, config, run);
            }
        } finally {
            if (temporary) {
                deleteRecursively(dir);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passthrough_stories_per_s", round(passThrough.perSecond(), 1));
        out.put("full_stories_per_s", round(full.perSecond(), 1));
        out.put("throughput_ratio", round(full.perSecond() / passThrough.perSecond(), 3));
        // The same from the poll that saw half the outputs on: the full run's after the JIT compilers' first minute
        // (the pass-through's half comes seconds in).
        out.put("passthrough_stories_per_s_second_half", round(passThrough.secondHalfPerSecond(), 1));
        out.put("full_stories_per_s_second_half", round(full.secondHalfPerSecond(), 1));
        out.put("throughput_ratio_second_half", round(full.secondHalfPerSecond() / passThrough.secondHalfPerSecond(), 3));
        out.put("full_jit_cores", full.jitCores() == null ? null : round(full.jitCores(), 2));
        // Where the full run's stream thread time went over its second half: busy, or waiting for input and commits.
        out.put("full_stream_threads_second_half", full.lateThreads());
        out.put("offered_rate", options.rate());
        out.put("latency_ms_p50", latency.percentiles().at(50));
        out.put("latency_ms_p95", latency.percentiles().at(95));
        out.put("latency_ms_p99", latency.percentiles().at(99));
        index(out);
        out.put("latency_seconds", options.latencyPhase().toSeconds());
        out.put("latency_sent", latency.sent());
        out.put("latency_samples", latency.percentiles().count());
        // The untimed first seconds at the same rate: what a (re)started application costs.
        out.put("latency_warmup_seconds", options.latencyWarmup().toSeconds());
        out.put("warmup_latency_ms_p99", latency.warmup() == null ? null : latency.warmup().at(99));
        out.put("warmup_latency_ms_max", latency.warmup() == null ? null : latency.warmup().max());
        out.put("warmup_alert_latency_ms_p99", latency.warmupAlerts() == null ? null : latency.warmupAlerts().at(99));
        // wire.raw to a new BULLETIN or FLASH on the alerts topic, from the wire that triggered it (issue 13).
        Percentiles alerts = latency.alerts();
        out.put("alert_latency_ms_p50", alerts == null ? null : alerts.at(50));
        out.put("alert_latency_ms_p99", alerts == null ? null : alerts.at(99));
        out.put("alert_latency_ms_max", alerts == null ? null : alerts.max());
        out.put("alerts_timed", alerts == null ? 0 : alerts.count());
        out.put("commit_interval_ms", latency.commitIntervalMs());
        // Where the stream thread's time went while the timed wires were offered (ThreadTime).
        out.put("latency_stream_threads", latency.threadTime());
        out.put("latency_ms_max", latency.percentiles().max());
        out.put("passthrough_startup_s", round(passThrough.startupSeconds(), 2));
        out.put("full_startup_s", round(full.startupSeconds(), 2));
        out.put("full_outputs", full.counts());
        // [offsets, KB] per story on every topic the full run wrote: what the broker carries for a story.
        out.put("full_topic_traffic_per_story", fullTraffic);
        // Other work on the machine skews every figure: say how busy it was.
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("load_average_start", round(loadBefore, 2));
        out.put("load_average_end", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        return out;
    }

    /**
     * Only the index and stage costs (phase 3), no broker: the way to measure the index at 100,000
     * retained stories ({@code bench --index-only --retained 1000,100000}) without the throughput
     * and latency runs before it. The same keys as {@link #run()} for what it measures.
     */
    public Map<String, Object> runIndexOnly() {
        resetHeapPeaks();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("index_only", true);
        index(out);
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("load_average_start", round(loadBefore, 2));
        out.put("load_average_end", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        return out;
    }

    /** Measures the index and the stages and puts their figures (from neardup_cost_us_1k on). */
    private void index(Map<String, Object> out) {
        SamenessCost.Result cost = new SamenessCost(options.seed(), options.costBatch(), log)
                .measure(options.retainedSmall(), options.retainedLarge());
        double classifyMicros = ClassifyCost.perStoryMicros(options.seed(), options.costBatch(), log);
        out.put("neardup_cost_us_1k", round(cost.small().indexMicros(), 1));
        out.put("neardup_cost_us_100k", round(cost.large().indexMicros(), 1));
        out.put("neardup_cost_ratio", round(cost.large().indexMicros() / cost.small().indexMicros(), 3));
        // The same on each size's median round: a burst of other work in one round moves it less.
        out.put("neardup_cost_ratio_median", round(cost.large().medianMicros() / cost.small().medianMicros(), 3));
        // The two sizes' rounds take turns: the median of each pair's ratio.
        out.put("neardup_cost_ratio_paired", round(cost.pairedRatio(), 3));
        out.put("neardup_index", SamenessCost.INDEX);
        // Per-stage cost per story, at the large retained size: parse, versions and serdes per wire,
        // near-dup and cluster per new story (the only ones that ask the buckets).
        cost.large().stageMicros().forEach((stage, us) -> out.put("stage_us_" + stage, round(us, 1)));
        // The classify stage alone (text path) per story, and its share of the per-story cost of every
        // stage timed (the stages above plus classify): the 20% budget.
        double allStages = cost.large().stageMicros().values().stream().mapToDouble(Double::doubleValue).sum() + classifyMicros;
        out.put("stage_us_classify", round(classifyMicros, 1));
        out.put("classify_share", round(classifyMicros / allStages, 3));
        out.put("peak_heap_mb", peakHeapMb());
        out.put("stories", options.stories());
        out.put("partitions", options.partitions());
        out.put("guarantee", options.guarantee());
        // What was used, so a quick or partial run cannot pass for the default one.
        out.put("quick", options.quick());
        out.put("seed", options.seed());
        out.put("neardup_retained", List.of(options.retainedSmall(), options.retainedLarge()));
        out.put("neardup_batch", options.costBatch());
        out.put("neardup_scope", "per new story: its 6 band and 8 term buckets (one query per partition, timed in halves) through BucketProcessor on the production store "
                + "(Avro round trips of queries and answers, RocksDB get and put, a flush per 20 new stories); the incremental "
                + "expiry measured apart (neardup_detail.*.expiry_pass_ms)");
        out.put("neardup_detail", SamenessCost.json(cost));
        out.put("stage_scope", "us per wire (parse: ParserRegistry + CanonicalStories; versions: VersionTracker on an in-memory map; "
                + "regions: both source catalogue lookups and RegionEnricher on every accepted version; serdes: one Avro encode + decode of EnrichedStory) and per new story (neardup: normalise, shingles, band "
                + "queries and answers; cluster: TermVectors, term queries and answers, cluster choice, ClusterProcessor and its "
                + "centroid filed in the term buckets), at the large retained size");
    }

    // ---------------------------------------------------------------- throughput

    /**
     * One throughput run: seconds from RUNNING to the last expected output, and the per-topic counts at that moment.
     * {@code lateStories} and {@code lateSeconds}: the outputs from the poll that first saw half of them to the end,
     * and how long they took: the rate once the JIT compilers have had the first half, which on two cores they share
     * with the run ({@code jitCores}: CPU their threads used over the whole run, in cores; docs/benchmarks.md, "The
     * JIT's first minutes"). {@code lateThreads}: where the stream threads' time went over those late outputs
     * ({@link ThreadTime}), null when the poll that first saw half saw them all (the late figures are then the whole
     * run's).
     */
    record Throughput(int stories, double seconds, double startupSeconds, Map<String, Long> counts, long lateStories,
                      double lateSeconds, Double jitCores, Map<String, Object> lateThreads) {
        double perSecond() {
            return stories / seconds;
        }

        double secondHalfPerSecond() {
            return lateStories / lateSeconds;
        }
    }

    private Map<WireStoryGenerator.Kind, Integer> produce(KafkaRuntime kafka, String raw) {
        Map<WireStoryGenerator.Kind, Integer> kinds = new EnumMap<>(WireStoryGenerator.Kind.class);
        WireStoryGenerator gen = new WireStoryGenerator(options.seed());
        Progress progress = new Progress("producing", options.stories());
        long bytes = 0;
        try (WireProducer producer = new WireProducer(kafka.clientProps(), raw)) {
            for (int i = 0; i < options.stories(); i++) {
                WireStoryGenerator.WireStory w = gen.next();
                kinds.merge(w.kind(), 1, Integer::sum);
                bytes += w.ninjs().length;
                producer.send(capture(w, Instant.now()));
                progress.step();
            }
            producer.flush();
        }
        progress.done();
        log.printf(Locale.ROOT, "[bench] produced %d wires, %.1f MB of ninjs (mean %.1f KB)%n", options.stories(),
                bytes / 1e6, bytes / 1024.0 / Math.max(1, options.stories()));
        return kinds;
    }

    /** Both runs export Kafka Streams' metrics to a registry of their own, so they cost the same. */
    private Throughput throughput(String name, KafkaRuntime kafka, Topology topology, Properties props, PipelineMetrics metrics,
                                  List<String> outputs) throws InterruptedException {
        int expected = options.stories();
        Duration limit = Duration.ofSeconds(120 + expected / 100);
        try (TopicCounter counter = new TopicCounter(kafka.clientProps(), outputs);
             StreamsRunner streams = new StreamsRunner(topology, props, metrics.registry())) {
            long s0 = System.nanoTime();
            streams.start();
            if (!streams.awaitRunning(Duration.ofSeconds(120))) {
                throw new IllegalStateException(name + ": Kafka Streams not RUNNING after 120 s (" + streams.state() + ")");
            }
            long t0 = System.nanoTime();
            long jit0 = ThreadTime.jitMillis();
            long deadline = t0 + limit.toNanos();
            long lastLog = t0;
            Map<String, Long> counts = counter.poll(Duration.ofMillis(50));
            long half = 0;
            long atHalf = 0;
            ThreadTime atHalfThreads = null;
            while (sum(counts) < expected) {
                if (half == 0 && sum(counts) >= expected / 2) {
                    half = System.nanoTime();
                    atHalf = sum(counts);
                    atHalfThreads = ThreadTime.of(streams.streams());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": only " + sum(counts) + " of " + expected
                            + " outputs after " + limit.toSeconds() + " s: " + counts);
                }
                if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                    throw new IllegalStateException(name + ": Kafka Streams stopped (" + streams.state() + ")");
                }
                counts = counter.poll(Duration.ofMillis(100));
                if (System.nanoTime() - lastLog > 5_000_000_000L) {
                    log.printf(Locale.ROOT, "[bench] %s: %d/%d outputs%n", name, sum(counts), expected);
                    lastLog = System.nanoTime();
                }
            }
            long t1 = System.nanoTime();
            long jit1 = ThreadTime.jitMillis();
            Map<String, Object> lateThreads = atHalfThreads == null ? null : ThreadTime.of(streams.streams()).since(atHalfThreads);
            if (half == 0) { // all of them in the first poll that saw half
                half = t0;
            }
            Throughput t = new Throughput(expected, (t1 - t0) / 1e9, (t0 - s0) / 1e9, shortNames(counts), expected - atHalf,
                    Math.max(1e-3, (t1 - half) / 1e9), jit0 < 0 ? null : (jit1 - jit0) / 1e3 / ((t1 - t0) / 1e9), lateThreads);
            log.printf(Locale.ROOT, "[bench] %s: %d stories in %.2f s = %.0f stories/s (start-up %.2f s, not counted; second half"
                            + " %.0f stories/s; JIT compilers %.2f cores) %s%n", name, expected, t.seconds(), t.perSecond(),
                    t.startupSeconds(), t.secondHalfPerSecond(), t.jitCores() == null ? Double.NaN : t.jitCores(), t.counts());
            return t;
        }
    }

    // ---------------------------------------------------------------- latency

    /**
     * Latency samples (ms) of the outputs that arrived, and how many wires were offered, after the
     * warm-up; {@code alerts}: of each new alert (BULLETIN or FLASH, not an update) on the alerts topic,
     * from the send time of the wire that triggered it (its header travels with it through every hop) to
     * the alert's append; null when no alert came out. {@code warmup} and {@code warmupAlerts}: the same
     * for the warm-up's wires (null when there were none). {@code threadTime}: the stream threads'
     * commits and waits while the timed wires were offered ({@link ThreadTime}; null if the run ended first).
     */
    record Latency(Percentiles percentiles, int sent, Percentiles alerts, Percentiles warmup, Percentiles warmupAlerts,
                   String commitIntervalMs, Map<String, Object> threadTime) {
    }

    private Latency latency(KafkaRuntime kafka, WirestreamConfig config, String run) throws Exception {
        Topics topics = Topics.defaults().map(n -> "bench." + run + ".latency." + n);
        // Outputs stamped by the broker at append: the time a consumer could first have read them
        // is within the commit that makes them visible, so append time is the honest end point.
        List<String> timed = new ArrayList<>(topics.accountingOutputs());
        timed.add(topics.alerts());
        createTopics(kafka, timed, true);
        kafka.ensureTopics(topics, options.partitions());
        Properties props = props(kafka, "bench-latency-" + run, topics.dlq());
        int timedWires = (int) Math.max(1, options.rate() * options.latencyPhase().toMillis() / 1000);
        int warmupWires = (int) (options.rate() * options.latencyWarmup().toMillis() / 1000);
        int total = warmupWires + timedWires;
        List<Long> samples = new ArrayList<>(timedWires);
        List<Long> alertSamples = new ArrayList<>();
        List<Long> warmupSamples = new ArrayList<>();
        List<Long> warmupAlertSamples = new ArrayList<>();
        // sent ms, output, latency ms, phase: when a run's tail comes, and on which output
        StringBuilder trace = new StringBuilder("sent_ms,output,latency_ms,phase\n");
        AvroSerde<Alert> alertSerde = AvroSerde.of(Alert.class);
        SentTimes sentTimes = new SentTimes(topics);
        AtomicInteger sent = new AtomicInteger();
        // the send time of the first timed wire; every warm-up wire was sent before it (offer keeps them apart)
        AtomicLong timedFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        Map<String, Object> threadTime = null;
        PipelineMetrics metrics = PipelineMetrics.inMemory();
        try (StreamsRunner streams = new StreamsRunner(WirestreamTopology.build(topics, config.topology(), props, metrics), props,
                metrics.registry());
             KafkaConsumer<String, byte[]> consumer = CommittedReader.open(kafka.clientProps(), timed)) {
            streams.start();
            if (!streams.awaitRunning(Duration.ofSeconds(120))) {
                throw new IllegalStateException("latency: Kafka Streams not RUNNING after 120 s (" + streams.state() + ")");
            }
            warmUp(kafka, topics.raw(), consumer, topics.alerts());
            log.printf(Locale.ROOT, "[bench] latency: offering %d wires at %d/s, %d s untimed then %d s timed%n", total,
                    options.rate(), options.latencyWarmup().toSeconds(), options.latencyPhase().toSeconds());
            Thread producer = new Thread(() -> {
                try {
                    offer(kafka, topics.raw(), total, warmupWires, sent, timedFrom);
                } catch (Throwable e) {
                    producerFailure.set(e);
                } finally {
                    sending.set(false);
                }
            }, "bench-offer");
            producer.start();
            long deadline = Long.MAX_VALUE;
            ThreadTime timedStart = null;
            // Wait for each phase's own outputs: counted together, one output too many in the warm-up (51 of 50 were
            // seen once on a loaded machine) ended the wait one timed output early.
            while (sending.get() || samples.size() < sent.get() - warmupWires
                    || warmupSamples.size() < Math.min(sent.get(), warmupWires)) {
                if (timedStart == null && sent.get() >= warmupWires) {
                    timedStart = ThreadTime.of(streams.streams());
                }
                if (!sending.get() && threadTime == null && timedStart != null) {
                    threadTime = ThreadTime.of(streams.streams()).since(timedStart);
                }
                if (!sending.get() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                }
                if (System.nanoTime() > deadline) {
                    log.printf(Locale.ROOT, "[bench] latency: only %d of %d outputs 60 s after the last send%n",
                            samples.size() + warmupSamples.size(), sent.get());
                    break;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    if (r.timestampType() != TimestampType.LOG_APPEND_TIME) {
                        throw new IllegalStateException(r.topic() + " is not a LogAppendTime topic: " + r.timestampType());
                    }
                    Header h = r.headers().lastHeader(SENT_HEADER);
                    if (h == null && r.topic().equals(topics.alerts())) {
                        continue; // an alert of the warm-up wires, or one released by a punctuation (embargo)
                    }
                    if (h == null) {
                        throw new IllegalStateException("output without the send-time header on " + r.topic());
                    }
                    // The wire's own send time is in the output's value (its receive time, which the bench sets to the
                    // send time): the headers are those of the record the emitting step was processing, which for a
                    // near-duplicate that waited for its original are the original's (a timed wire's output once
                    // came with a warm-up wire's headers, "149 of 150 samples").
                    boolean alert = r.topic().equals(topics.alerts());
                    Alert a = alert ? alertSerde.decode(r.value()) : null;
                    if (alert && !isNewAlert(a)) {
                        continue;
                    }
                    long sentMs = sentTimes.of(r.topic(), r.value(), a, Long.parseLong(new String(h.value(), StandardCharsets.UTF_8)));
                    long latency = r.timestamp() - sentMs;
                    boolean warm = sentMs < timedFrom.get();
                    if (!alert) {
                        (warm ? warmupSamples : samples).add(latency);
                    } else {
                        (warm ? warmupAlertSamples : alertSamples).add(latency);
                    }
                    trace.append(sentMs).append(',').append(alert ? "alert" : "story").append(',').append(latency)
                            .append(',').append(warm ? "warmup" : "timed").append('\n');
                }
            }
            producer.join();
            if (threadTime == null && timedStart != null) {
                // the last output came in the poll during which the last wire was sent
                threadTime = ThreadTime.of(streams.streams()).since(timedStart);
            }
            if (producerFailure.get() != null) {
                throw new IllegalStateException("latency: producer failed", producerFailure.get());
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("latency: no output arrived");
        }
        if (options.latencyTrace() != null) {
            Files.writeString(options.latencyTrace(), trace);
            log.println("[bench] latency: every sample written to " + options.latencyTrace());
        }
        Percentiles p = percentiles(samples);
        Percentiles w = percentiles(warmupSamples);
        if (w != null) {
            log.printf(Locale.ROOT, "[bench] latency, warm-up (untimed): %d samples, p50 %d ms, p99 %d ms, max %d ms%n",
                    w.count(), w.at(50), w.at(99), w.max());
        }
        log.printf(Locale.ROOT, "[bench] latency: %d samples of %d sent after the warm-up, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                p.count(), sent.get() - warmupWires, p.at(50), p.at(95), p.at(99), p.max());
        Percentiles a = percentiles(alertSamples);
        if (a == null) {
            log.println("[bench] alert latency: no new alert in the latency run");
        } else {
            log.printf(Locale.ROOT, "[bench] alert latency: %d new alerts, p50 %d ms, p99 %d ms, max %d ms%n",
                    a.count(), a.at(50), a.at(99), a.max());
        }
        if (threadTime != null) {
            log.println("[bench] latency: stream threads while the timed wires were offered " + threadTime);
        }
        return new Latency(p, sent.get() - warmupWires, a, w, percentiles(warmupAlertSamples),
                String.valueOf(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)), threadTime);
    }

    private static Percentiles percentiles(List<Long> samples) {
        return samples.isEmpty() ? null : Percentiles.of(samples.stream().mapToLong(Long::longValue).toArray());
    }

    /** What eval alerts counts as an alert: a first alert of its level for its cluster, BULLETIN or FLASH. */
    /**
     * When the wire behind an output was sent: its receive time, which {@link #capture} sets to the send time, read from
     * the output's value (a story, a duplicate's story, a dead letter; an alert's triggering wire); the header's send
     * time when the value has none.
     */
    static final class SentTimes {
        private final Topics topics;
        private final AvroSerde<io.wirestream.avro.EnrichedStory> stories = AvroSerde.of(io.wirestream.avro.EnrichedStory.class);
        private final AvroSerde<io.wirestream.avro.Duplicate> duplicates = AvroSerde.of(io.wirestream.avro.Duplicate.class);
        private final AvroSerde<io.wirestream.avro.DeadLetter> deadLetters = AvroSerde.of(io.wirestream.avro.DeadLetter.class);

        SentTimes(Topics topics) {
            this.topics = topics;
        }

        long of(String topic, byte[] value, Alert alert, long fromHeader) {
            Instant received;
            if (alert != null) {
                received = alert.getTriggerReceivedAt();
            } else if (topic.equals(topics.enriched())) {
                received = stories.decode(value).getReceivedAt();
            } else if (topic.equals(topics.duplicates())) {
                io.wirestream.avro.Duplicate d = duplicates.decode(value);
                received = d.getStory() == null ? null : d.getStory().getReceivedAt();
            } else if (topic.equals(topics.dlq())) {
                received = deadLetters.decode(value).getReceivedAt();
            } else {
                received = null;
            }
            return received == null ? fromHeader : received.toEpochMilli();
        }
    }

    private static boolean isNewAlert(Alert a) {
        return !a.getUpdate() && (a.getLevel() == AlertLevel.BULLETIN || a.getLevel() == AlertLevel.FLASH);
    }

    /**
     * Pushes a few wires of their own story keys through the fresh application and waits for their
     * outputs, so the first transactions on new partitions (retried CONCURRENT_TRANSACTIONS at start)
     * are not counted as steady-state latency.
     */
    private void warmUp(KafkaRuntime kafka, String raw, KafkaConsumer<String, byte[]> consumer, String alerts) {
        int n = 20;
        WireStoryGenerator gen = new WireStoryGenerator(options.seed(), WireStoryGenerator.Mix.allNew(), "warmup")
                .startingAt(Instant.now()).spacing(Duration.ofMillis(5), Duration.ofMillis(10));
        try (WireProducer producer = new WireProducer(kafka.clientProps(), raw)) {
            for (int i = 0; i < n; i++) {
                producer.send(capture(gen.next(), Instant.now()));
            }
            producer.flush();
        }
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen < n && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                // Only the stories' own outputs count: an alert of a warm-up wire is not one of them.
                seen += r.topic().equals(alerts) ? 0 : 1;
            }
        }
        if (seen < n) {
            throw new IllegalStateException("latency: warm-up wires not through after 60 s (" + seen + " of " + n + ")");
        }
    }

    /** One wire in this many (in the latency run) starts a burst: a new story and two agencies' copies of it. */
    static final int BURST_EVERY = 50;

    /**
     * Sends {@code total} wires on a fixed schedule (not back-to-back), each stamped with its send time,
     * the first {@code warmup} of them the warm-up's (sent before {@code timedFrom}); every {@link #BURST_EVERY}th slot starts
     * a corroborated burst ({@link WireStoryGenerator#burst}).
     */
    private void offer(KafkaRuntime kafka, String topic, int total, int warmup, AtomicInteger sent, AtomicLong timedFrom)
            throws Exception {
        Map<String, Object> p = new HashMap<>(kafka.clientProps());
        // As WireProducer: what production ingest does.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long intervalNanos = 1_000_000_000L / options.rate();
        // A live feed: event times from now, a wire's worth of event time apart on average (a burst's copies
        // follow within the lower bound). Before Dec 3 (sixth session) event time ran about 400 times faster
        // than the wall clock from January 2026, so the first expiry pass, a minute into the run, deleted every
        // store entry written so far: a stall of about a second no live feed has.
        long intervalMs = Math.max(2, intervalNanos / 1_000_000L);
        WireStoryGenerator gen = new WireStoryGenerator(options.seed()).startingAt(Instant.now())
                .spacing(Duration.ofMillis(intervalMs / 2), Duration.ofMillis(intervalMs));
        ArrayDeque<WireStoryGenerator.WireStory> queued = new ArrayDeque<>();
        try (KafkaProducer<String, RawWireItem> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new RawWireItemSerde().serializer())) {
            long start = System.nanoTime();
            long lastSent = Long.MIN_VALUE;
            for (int i = 0; i < total; i++) {
                if (queued.isEmpty() && i % BURST_EVERY == BURST_EVERY - 1) {
                    // A breaking story and two other agencies' copies of it, in the next three slots:
                    // the corroborated alerts whose latency the run measures.
                    queued.addAll(gen.burst(2));
                }
                WireStoryGenerator.WireStory w = queued.isEmpty() ? gen.next() : queued.poll();
                long due = start + i * intervalNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                long now = System.currentTimeMillis();
                if (i == warmup) {
                    // the first timed wire leaves in a millisecond of its own: a send time tells the phases apart
                    while (now <= lastSent) {
                        Thread.onSpinWait();
                        now = System.currentTimeMillis();
                    }
                    timedFrom.set(now);
                }
                lastSent = now;
                RawItems.Captured c = capture(w, Instant.ofEpochMilli(now));
                RecordHeaders headers = new RecordHeaders();
                headers.add(SENT_HEADER, Long.toString(now).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(topic, null, now, c.key(), c.item(), headers));
                sent.incrementAndGet();
            }
            producer.flush();
        }
    }

    // ---------------------------------------------------------------- helpers

    static RawItems.Captured capture(WireStoryGenerator.WireStory w, Instant receivedAt) {
        return RawItems.of(w.source(), "ninjs", w.itemId(), "bench", w.ninjs(), receivedAt, "application/json");
    }

    /** Received when filed: on the in-memory driver the record time drives the store's expiry, as in production. */
    static RawWireItem item(WireStoryGenerator.WireStory w) {
        return capture(w, w.versionCreated()).item();
    }

    private Properties props(KafkaRuntime kafka, String applicationId, String dlq) {
        Properties p = kafka.streamsProps();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        if (dlq != null) {
            p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlq);
        } else {
            p.remove(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        }
        return p;
    }

    /** The full run's topics (outputs, repartition topics, changelogs), read as soon as it finished. */
    private Map<String, Object> traffic(KafkaRuntime kafka, List<String> prefixes) {
        try (Admin admin = Admin.create(kafka.clientProps())) {
            return TopicTraffic.perStory(admin, prefixes, options.stories());
        } catch (ExecutionException e) {
            log.println("[bench] topic traffic not read: " + e.getCause().getMessage());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void createTopics(KafkaRuntime kafka, List<String> names, boolean logAppendTime) {
        List<NewTopic> topics = new ArrayList<>();
        for (String n : names) {
            NewTopic t = new NewTopic(n, options.partitions(), (short) 1);
            if (logAppendTime) {
                t.configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
            }
            topics.add(t);
        }
        try (Admin admin = Admin.create(kafka.clientProps())) {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + names + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "bench.ab12cd.full.stories.enriched" to "stories.enriched". */
    private static Map<String, Long> shortNames(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey().replaceFirst("^bench\\.[^.]+\\.(full\\.)?", ""), e.getValue()));
        return out;
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * Sum of the heap pools' peak usage since the start of the run: an upper bound (each pool peaks
     * at its own moment), for the whole JVM, the in-process broker included.
     */
    static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
