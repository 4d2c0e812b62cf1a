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
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRuntime.class);

    private final WirestreamConfig config;
    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final boolean singleNode;

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
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config.dataDir(), port);
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

    /** True for the embedded broker (ours or one found locally): internal topics at replication 1. */
    public boolean embedded() {
        return singleNode;
    }

    /** Settings for any client: bootstrap servers plus every kafka.* pass-through (security included). */
    public Map<String, Object> clientProps() {
        Map<String, Object> p = new HashMap<>(config.kafka());
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        if (embedded()) {
            // A single broker cannot hold replicas; a real cluster keeps its default (broker's choice).
            p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        }
        // Commit often enough that editors see alerts well within a second under exactly-once.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        // A record that never reaches our code (a bug, a broken internal record) goes to the DLQ with
        // its original bytes and error headers instead of stopping the stream.
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().dlq());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
        config.kafka().forEach(p::put);
        return p;
    }

    public Path stateDir() {
        return config.dataDir().resolve("streams-state");
    }

    /** Creates every topic that does not exist yet; compacted where the topic is keyed state. */
    public void ensureTopics(Topics topics, int partitions) {
        try (Admin admin = Admin.create(clientProps())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.Spec spec : topics.specs()) {
                if (!existing.contains(spec.name())) {
                    NewTopic t = new NewTopic(spec.name(), spec.compacted() ? 1 : partitions, embedded() ? (short) 1 : (short) -1);
                    if (spec.compacted()) {
                        t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(t);
                }
            }
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

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
