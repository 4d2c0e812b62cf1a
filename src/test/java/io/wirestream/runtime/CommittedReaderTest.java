package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;

class CommittedReaderTest {

    @Test
    void aClusterThatDoesNotAnswerIsAConfigurationErrorNamingTheAddress() {
        // tail, alerts and dlq -b 127.0.0.1:1 used to end in Kafka's "Timeout expired while fetching topic metadata" trace
        assertThatThrownBy(() -> CommittedReader.open(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
                List.of("wire.raw"), Duration.ofSeconds(1)))
                .isInstanceOf(WirestreamConfig.ConfigException.class)
                .hasMessage("cannot reach Kafka at 127.0.0.1:1 within 1 s: check bootstrap.servers (WIRESTREAM_BOOTSTRAP_SERVERS, -b) "
                        + "and that the broker is up");
    }
}
