package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WirestreamConfigTest {

    @Test
    void defaultsAreEmbeddedExactlyOnceThreePartitions() {
        WirestreamConfig c = WirestreamConfig.load(null, Map.of());
        assertThat(c.bootstrapServers()).isNull();
        assertThat(c.guarantee()).isEqualTo("exactly_once_v2");
        assertThat(c.partitions()).isEqualTo(3);
        assertThat(c.topics().raw()).isEqualTo("wire.raw");
    }

    @Test
    void environmentOverridesTheFileAndKafkaSettingsPassThrough(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wirestream.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\npartitions=6\ntopics.enrichedJson=desk.json\n"
                + "kafka.security.protocol=SASL_SSL\nversions.retention=PT12H\n");
        WirestreamConfig c = WirestreamConfig.load(file, Map.of("WIRESTREAM_BOOTSTRAP_SERVERS", "env:9092",
                "WIRESTREAM_KAFKA_SASL_MECHANISM", "PLAIN", "WIRESTREAM_TOPICS_RAW", "agency.raw", "PATH", "/bin"));
        assertThat(c.bootstrapServers()).isEqualTo("env:9092");
        assertThat(c.partitions()).isEqualTo(6);
        assertThat(c.topics().raw()).isEqualTo("agency.raw");
        assertThat(c.topics().enrichedJson()).isEqualTo("desk.json");
        assertThat(c.kafka()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
        assertThat(c.topology().versionRetention()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_PARTITIONS", "many")))
                .hasMessageContaining("partitions");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_PROCESSING_GUARANTEE", "exactly_once")))
                .hasMessageContaining("processing.guarantee");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_PARTISHUNS", "3")))
                .hasMessageContaining("partishuns");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_VERSIONS_RETENTION", "7 days")))
                .hasMessageContaining("versions.retention");
    }
}
