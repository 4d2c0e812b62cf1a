package io.wirestream.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real broker for the whole test run (a broker start costs seconds; tests isolate themselves
 * with unique topic prefixes and application ids instead).
 *
 * <p>By default the in-process KRaft broker ({@link EmbeddedKafkaBroker}). With
 * {@code -Dwirestream.test.broker=testcontainers} the same tests run against the apache/kafka image of
 * the client version in Docker (Testcontainers), or skip with a message where Docker is not
 * available (as on the team's machines and CI).
 */
public final class TestBroker {

    public static final String SWITCH = "wirestream.test.broker";

    private static String bootstrapServers;

    private TestBroker() {
    }

    /** Bootstrap servers of the run's broker, started on first use. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = "testcontainers".equals(System.getProperty(SWITCH, "embedded")) ? container() : embedded();
        }
        return bootstrapServers;
    }

    private static String embedded() {
        try {
            Path dir = Files.createTempDirectory("wirestream-test-broker");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-broker-shutdown"));
            return broker.bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static String container() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                () -> SWITCH + "=testcontainers but Docker is not available here: skipping the broker-backed test");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:" + kafkaClientsVersion())
                // The size policy's records (README "Size policy") and exactly-once on one broker.
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(EmbeddedKafkaBroker.DEFAULT_MAX_MESSAGE_BYTES))
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        kafka.start();
        return kafka.getBootstrapServers();
    }

    /** The version kafka-clients reports about itself (its kafka-version.properties): the image to test against. */
    public static String kafkaClientsVersion() {
        java.util.Properties p = new java.util.Properties();
        try (var in = org.apache.kafka.clients.admin.Admin.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
