package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.testing.CapturedLog;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class WireProducerTest {

    @Test
    void theBufferHoldsAnItemAtTheLargestLimitAllowed() {
        int maxItemBytes = 64 * 1024 * 1024; // the top of max.item.bytes
        Map<String, Object> p = WireProducer.settings(Map.of("bootstrap.servers", "127.0.0.1:1"), maxItemBytes);
        long request = ((Number) p.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).longValue();
        assertThat(request).isGreaterThan(maxItemBytes);
        assertThat(((Number) p.get(ProducerConfig.BUFFER_MEMORY_CONFIG)).longValue()).isGreaterThanOrEqualTo(2 * request);
        // the default limit keeps Kafka's default buffer
        assertThat(WireProducer.settings(Map.of(), 4 * 1024 * 1024).get(ProducerConfig.BUFFER_MEMORY_CONFIG)).isEqualTo(32L * 1024 * 1024);
        // an operator's larger kafka.buffer.memory stays
        assertThat(WireProducer.settings(Map.of(ProducerConfig.BUFFER_MEMORY_CONFIG, "1073741824"), maxItemBytes)
                .get(ProducerConfig.BUFFER_MEMORY_CONFIG)).isEqualTo("1073741824");
    }

    @Test
    void theOperatorsSettingsWinExceptThoseThatKeepItemsSafe() {
        try (CapturedLog log = CapturedLog.of(WireProducer.class)) {
            Map<String, Object> p = WireProducer.settings(Map.of(ProducerConfig.LINGER_MS_CONFIG, "50",
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd", ProducerConfig.ACKS_CONFIG, "1"), 4 * 1024 * 1024);
            assertThat(p).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "50").containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                    .containsEntry(ProducerConfig.ACKS_CONFIG, "all").containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            assertThat(log.events()).singleElement().satisfies(e ->
                    assertThat(e.getFormattedMessage()).startsWith("kafka.acks=1 is not taken by the ingest producer"));
        }
        try (CapturedLog log = CapturedLog.of(WireProducer.class)) {
            WireProducer.settings(Map.of(ProducerConfig.ACKS_CONFIG, "-1"), 4 * 1024 * 1024);
            assertThat(log.events()).as("-1 is all").isEmpty();
        }
        assertThatThrownBy(() -> WireProducer.settings(Map.of(ProducerConfig.BUFFER_MEMORY_CONFIG, "64MB"), 4 * 1024 * 1024))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class).hasMessageContaining("buffer.memory")
                .hasMessageContaining("64MB");
    }
}
