package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wirestream.topology.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this keeps it in step with the code:
 * the Kafka image is the version of the Kafka jars we build with, it creates exactly our topics,
 * and the application's settings there are our defaults.
 */
class DockerComposeTest {

    private final JsonNode compose = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("docker-compose.yml unreadable", e);
        }
    }

    @Test
    void kafkaImageIsTheVersionTheCodeIsBuiltWith() {
        String version = io.wirestream.testing.TestBroker.kafkaClientsVersion();
        assertThat(compose.at("/services/kafka/image").asText()).isEqualTo("apache/kafka:" + version);
        assertThat(compose.at("/services/topics/image").asText()).isEqualTo("apache/kafka:" + version);
    }

    @Test
    void topicsCreatedAreExactlyTheTopicsOfTheCode() {
        String script = compose.at("/services/topics/command").toString();
        // Logs are created in the loop "for t in a b c; do ... --topic $$t"; compacted topics one by one.
        List<String> logs = List.of(script.split("for t in ")[1].split(";")[0].trim().split("\\s+"));
        List<String> compacted = Pattern.compile("--topic ([\\w.-]+) --partitions 1 --replication-factor 1 --config cleanup.policy=compact")
                .matcher(script).results().map(m -> m.group(1)).toList();
        long created = Pattern.compile("--topic ").matcher(script).results().count() - 1 + logs.size();

        List<Topics.Spec> specs = Topics.defaults().specs();
        assertThat(logs).as("log topics in docker-compose.yml")
                .containsExactlyInAnyOrderElementsOf(specs.stream().filter(s -> !s.compacted()).map(Topics.Spec::name).toList());
        assertThat(compacted).as("compacted topics in docker-compose.yml")
                .containsExactlyInAnyOrderElementsOf(specs.stream().filter(Topics.Spec::compacted).map(Topics.Spec::name).toList());
        assertThat(created).as("topics created in all").isEqualTo(specs.size());
    }

    @Test
    void applicationSettingsMatchTheDefaults() {
        WirestreamConfig defaults = WirestreamConfig.defaults();
        JsonNode env = compose.at("/services/wirestream/environment");
        assertThat(env.get("WIRESTREAM_PARTITIONS").asText()).isEqualTo(String.valueOf(defaults.partitions()));
        assertThat(env.get("WIRESTREAM_PROCESSING_GUARANTEE").asText()).isEqualTo(defaults.guarantee());
        assertThat(compose.at("/services/topics/command").toString()).contains("--partitions " + defaults.partitions());
        // The environment names are ones our config loader understands.
        WirestreamConfig fromEnv = WirestreamConfig.load(null, java.util.Map.of(
                "WIRESTREAM_BOOTSTRAP_SERVERS", env.get("WIRESTREAM_BOOTSTRAP_SERVERS").asText(),
                "WIRESTREAM_DATA_DIR", env.get("WIRESTREAM_DATA_DIR").asText(),
                "WIRESTREAM_PARTITIONS", env.get("WIRESTREAM_PARTITIONS").asText(),
                "WIRESTREAM_PROCESSING_GUARANTEE", env.get("WIRESTREAM_PROCESSING_GUARANTEE").asText()));
        assertThat(fromEnv.bootstrapServers()).isEqualTo("kafka:19092");
    }

    /**
     * The application's health check, run by bash as Docker runs it, against a real metrics server:
     * it passes while /health says UP and fails on 503, on the port the command serves.
     */
    @Test
    void healthCheckPassesOnlyWhileHealthIsUp() throws Exception {
        assertThat(compose.at("/services/wirestream/command").toString()).contains("\"--metrics-port\",\"9400\"");
        String check = compose.at("/services/wirestream/healthcheck/test/1").asText();
        assertThat(check).contains("/dev/tcp/localhost/9400", "/health");
        java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (io.wirestream.metrics.MetricsServer server = new io.wirestream.metrics.MetricsServer(0,
                new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT),
                up::get, () -> "{}")) {
            String local = check.replace("9400", String.valueOf(server.port()));
            assertThat(bash(local)).as("healthy").isZero();
            up.set(false);
            assertThat(bash(local)).as("unhealthy").isNotZero();
        }
    }

    private static int bash(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
