package io.wirestream.runtime;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.topology.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Kafka is: the embedded broker (started here when no cluster is configured) or an existing
 * cluster. Builds client settings with the pass-through ones and creates the topics.
 */
public final class KafkaRuntime implements AutoCloseable {

    /** How long the first call to the cluster may take before the address is called wrong. */
    static final java.time.Duration REACH_TIMEOUT = java.time.Duration.ofSeconds(30);

    /**
     * Wirestream's default commit interval: every repartition hop costs up to one under exactly-once. 30 ms
     * measured best at 200 wires/s on 2 cores (docs/benchmarks.md, "The alert path under a live feed"): alerts at a
     * median of 154-218 ms against 233 at 50, and 20 committed so often that the tail grew (story p99 of 5 s windows
     * 350-550 ms against about 200).
     */
    static final int COMMIT_INTERVAL_MS = 30;
    /** Wirestream's default {@code poll.ms}: how long the stream thread waits for input before it may commit. */
    static final int POLL_MS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRuntime.class);

    private final WirestreamConfig config;
    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final boolean singleNode;
    /** Existing topics that accept less than max.record.bytes, found by {@link #ensureTopics}. */
    private final Map<String, Integer> topicLimits = new HashMap<>();

    private KafkaRuntime(WirestreamConfig config, EmbeddedKafkaBroker broker, String bootstrapServers) {
        this.config = config;
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.singleNode = broker != null || config.bootstrapServers() == null;
    }

    /** Connects to the configured cluster, or starts the embedded broker in the data dir. */
    public static KafkaRuntime start(WirestreamConfig config) {
        if (config.bootstrapServers() != null) {
            LOG.info("Using Kafka cluster at {}", config.bootstrapServers());
            return new KafkaRuntime(config, null, config.bootstrapServers());
        }
        int port = config.brokerPort();
        if (port > 0 && listening(port)) {
            LOG.warn("Port {} is taken; the embedded broker takes a free port instead", port);
            port = 0;
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config.dataDir(), port, config.sizes().maxRecordBytes());
        return new KafkaRuntime(config, broker, broker.bootstrapServers());
    }

    /**
     * For client commands (produce, tail, run): the configured cluster; else a local broker already
     * listening on the embedded broker's port (one started by {@code wirestream broker} or {@code demo});
     * else a new embedded broker.
     */
    public static KafkaRuntime connect(WirestreamConfig config) {
        if (config.bootstrapServers() == null && config.brokerPort() > 0 && listening(config.brokerPort())) {
            String local = "127.0.0.1:" + config.brokerPort();
            LOG.info("Using the local broker already running at {}", local);
            return new KafkaRuntime(config, null, local);
        }
        return start(config);
    }

    /** A cluster that did not answer its first call in time: most often a wrong address, a configuration error. */
    static WirestreamConfig.ConfigException unreachable(Object bootstrapServers, java.time.Duration within) {
        return new WirestreamConfig.ConfigException("cannot reach Kafka at " + bootstrapServers + " within " + within.toSeconds()
                + " s: check bootstrap.servers (WIRESTREAM_BOOTSTRAP_SERVERS, -b) and that the broker is up");
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** True when this runtime started its own embedded broker (no cluster given, none running on the port). */
    public boolean startedBroker() {
        return broker != null;
    }

    /** True for the embedded broker (ours or one found locally): internal topics at replication 1. */
    public boolean embedded() {
        return singleNode;
    }

    /**
     * Settings for any client: bootstrap servers, the socket buffers left to the operating system, plus
     * every kafka.* pass-through (security included; kafka.receive.buffer.bytes and kafka.send.buffer.bytes
     * win).
     */
    public Map<String, Object> clientProps() {
        Map<String, Object> p = new HashMap<>(config.kafka());
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Kafka's clients fix SO_RCVBUF at 32 or 64 KiB, which turns off Linux's buffer autotuning. On the
        // loopback (64 KiB packets, as with the embedded broker) the kernel then drops whole packets from a
        // full receive queue (TCPRcvQDrop, about 200 in a three-minute bench run at 200 wires/s), and a dropped
        // packet with nothing behind it waits for the tail-loss probe, at least TCP_RTO_MIN: 200 ms. That was
        // the constant 200-250 ms stall behind the alert p99 (docs/benchmarks.md, "The stalls found").
        // -1 is the operating system's default, autotuned, on any network.
        p.putIfAbsent(CommonClientConfigs.RECEIVE_BUFFER_CONFIG, -1);
        p.putIfAbsent(CommonClientConfigs.SEND_BUFFER_CONFIG, -1);
        return p;
    }

    /** Kafka Streams settings for the full topology. */
    public Properties streamsProps() {
        Properties p = new Properties();
        p.putAll(clientProps());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.guarantee());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        // One thread: more were slower on 2 cores (KAFKA-NOTES.md); scale out with instances and partitions.
        // Defaults only: kafka.num.stream.threads and kafka.commit.interval.ms (file or environment) win.
        p.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        if (embedded()) {
            // A single broker cannot hold replicas; a real cluster keeps its default (broker's choice).
            p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        }
        // Levelled compaction for the bucket store, whose prefix scans slowed as it grew (StoreTuning).
        p.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, io.wirestream.state.StoreTuning.class.getName());
        // Under exactly-once a record is readable downstream only after its transaction commits, so every
        // repartition hop costs up to a commit interval, and an alert crosses four, five when a near-duplicate
        // copy triggers it (docs/benchmarks.md, "Hops on the alert path"): commit often.
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        // The stream thread commits between polls; a poll with nothing to read blocks up to poll.ms (100 by
        // default) before the commit that would make the last hop's records readable, so in a quiet spell
        // every hop cost a commit interval plus a poll (a wire every 200 ms: 620 ms to stories.enriched at
        // 100, 400 at 10). Under load a poll returns at once either way.
        p.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        // A record that never reaches our code (a bug, a broken internal record) goes to the DLQ with
        // its original bytes and error headers instead of stopping the stream.
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().dlq());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
        // A record that cannot be written becomes a bounded dead letter (mirrors, category copies and
        // alerts are skipped: their story is accounted for elsewhere), so no record stalls the pipeline (SizePolicy).
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        List<String> skipped = new ArrayList<>(config.topics().mirrors());
        skipped.addAll(config.topics().categoryTopics());
        skipped.add(config.topics().alerts());
        p.put(DeadLetterProductionHandler.SKIP_TOPICS_CONFIG, String.join(",", skipped));
        if (!topicLimits.isEmpty()) {
            p.put(StreamsRunner.TOPIC_LIMITS_CONFIG, Map.copyOf(topicLimits));
        }
        config.sizes().applyTo(p);
        Recovery.applyTo(p, config);
        config.kafka().forEach(p::put);
        return p;
    }

    public Path stateDir() {
        return stateDir(config);
    }

    /** Where Kafka Streams keeps the local state of an application configured so, with or without a broker. */
    public static Path stateDir(WirestreamConfig config) {
        return config.dataDir().resolve("streams-state");
    }

    /**
     * Creates every topic that does not exist yet (compacted where the topic is keyed state) and
     * seeds the source catalogue with the bundled defaults it has never seen.
     */
    public void ensureTopics(Topics topics, int partitions) {
        createTopics(topics, partitions);
        int seeded = new SourceTopic(clientProps(), topics.sources())
                .seed(io.wirestream.sources.SourceCatalogue.bundled().sources());
        if (seeded > 0) {
            LOG.info("Seeded {} sources into {}", seeded, topics.sources());
        }
    }

    private void createTopics(Topics topics, int partitions) {
        try (Admin admin = Admin.create(clientProps())) {
            Set<String> existing;
            try {
                // the first call to the cluster: a wrong address should say so in seconds, not in a stack trace a minute later
                existing = admin.listTopics().names().get(REACH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                admin.close(java.time.Duration.ZERO); // its pending call would hold close() for the rest of its minute
                throw unreachable(bootstrapServers, REACH_TIMEOUT);
            }
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.Spec spec : topics.specs()) {
                if (!existing.contains(spec.name())) {
                    NewTopic t = new NewTopic(spec.name(), spec.compacted() ? 1 : partitions, embedded() ? (short) 1 : (short) -1);
                    Map<String, String> configs = new HashMap<>(config.sizes().topicConfigs());
                    if (spec.compacted()) {
                        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                    }
                    t.configs(configs);
                    missing.add(t);
                }
            }
            checkLimits(admin, topics.specs().stream().map(Topics.Spec::name).filter(existing::contains).toList());
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Existing topics (a real cluster, topics made by someone else) may accept less than
     * max.record.bytes: warn once, and let the Streams producer refuse such records up front, so they
     * become dead letters instead of failing inside a transaction.
     */
    private void checkLimits(Admin admin, List<String> names) throws ExecutionException, InterruptedException {
        if (names.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        admin.describeConfigs(resources).all().get().forEach((resource, cfg) -> {
            ConfigEntry e = cfg.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (e != null && e.value() != null) {
                int limit = Integer.parseInt(e.value());
                if (limit < config.sizes().maxRecordBytes()) {
                    topicLimits.put(resource.name(), limit);
                    LOG.warn("Topic {} accepts records up to {} bytes, less than max.record.bytes={}: larger records to it "
                            + "become dead letters (raise its max.message.bytes to keep them)", resource.name(), limit,
                            config.sizes().maxRecordBytes());
                }
            }
        });
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
