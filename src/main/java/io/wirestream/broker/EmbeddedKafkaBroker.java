package io.wirestream.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running in this JVM.
 *
 * <p>Its log lives in a data directory that survives restarts: the directory is formatted once
 * (formatting again fails and a new cluster id would be refused), so topics and committed offsets
 * are kept. Every internal topic runs at replication 1, which is what exactly-once needs on one
 * broker; without the transaction-log settings a Streams app hangs in REBALANCING rather than failing.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    /** max.record.bytes for the default 4 MiB item limit: 4 × 4 MiB + 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 17 * 1024 * 1024;

    private final Path logDir;
    private final int port;
    private final KafkaRaftServer server;
    private boolean stopped;

    private EmbeddedKafkaBroker(Path logDir, int port, KafkaRaftServer server) {
        this.logDir = logDir;
        this.port = port;
        this.server = server;
    }

    /**
     * Starts a broker on 127.0.0.1.
     *
     * @param dataDir folder for the broker's log (created; formatted on first use)
     * @param port    client port, or 0 for a free one
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * Starts a broker on 127.0.0.1 that accepts records up to {@code maxMessageBytes}
     * (max.record.bytes of the size policy).
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, int maxMessageBytes) {
        long t0 = System.nanoTime();
        Path logDir = dataDir.resolve("kafka-logs").toAbsolutePath();
        int clientPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        while (controllerPort == clientPort) {
            // the first port's socket is closed when it is returned, so the system may hand it out again (seen in CI:
            // "two listeners on the same port", and no broker)
            controllerPort = freePort();
        }
        Properties props = brokerProperties(logDir, clientPort, controllerPort);
        props.put("message.max.bytes", String.valueOf(maxMessageBytes));
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir);
            }
        } catch (java.io.IOException e) {
            // the data folder given (--data-dir, data.dir) cannot hold it: the operator's to put right, in one line
            throw new java.io.UncheckedIOException("cannot create the Kafka log folder " + logDir + " (check --data-dir, data.dir)", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        LOG.info("Embedded Kafka broker ready on 127.0.0.1:{} (data {}) in {} ms", clientPort, logDir,
                (System.nanoTime() - t0) / 1_000_000);
        return new EmbeddedKafkaBroker(logDir, clientPort, server);
    }

    private static void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    static Properties brokerProperties(Path logDir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        // One node: every internal topic at replication 1, or transactions (exactly-once) never start.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // No 3 s wait for more members on the first join; topics are created by us, never by accident.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // The cleaner's default 128 MiB dedupe buffer is far more than a local broker needs.
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        // The size policy's record limit (max.record.bytes; the default for 4 MiB items).
        p.put("message.max.bytes", String.valueOf(DEFAULT_MAX_MESSAGE_BYTES));
        return p;
    }

    /** host:port for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker stopped");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
