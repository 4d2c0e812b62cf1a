package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The Kafka Streams settings Wirestream sets itself are defaults: a {@code kafka.<setting>} of the same name wins (README). */
class KafkaRuntimeSettingsTest {

    private static Properties streamsProps(Map<String, String> settings) {
        Map<String, String> values = new java.util.HashMap<>(settings);
        values.put("bootstrap.servers", "unused:9092"); // an existing cluster: nothing is started or contacted
        try (KafkaRuntime kafka = KafkaRuntime.start(WirestreamConfig.from(values))) {
            return kafka.streamsProps();
        }
    }

    private static Map<String, Object> clientProps(Map<String, String> settings) {
        Map<String, String> values = new java.util.HashMap<>(settings);
        values.put("bootstrap.servers", "unused:9092");
        try (KafkaRuntime kafka = KafkaRuntime.start(WirestreamConfig.from(values))) {
            return kafka.clientProps();
        }
    }

    @Test
    void commitIntervalPollAndThreadsHaveDefaults() {
        Properties p = streamsProps(Map.of());
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30);
        assertThat(p.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(10);
        assertThat(p.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(1);
    }

    @Test
    void aConfiguredCommitIntervalAndThreadCountWin() {
        Properties p = streamsProps(Map.of("kafka.commit.interval.ms", "200", "kafka.num.stream.threads", "2", "kafka.poll.ms", "100"));
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("200");
        assertThat(p.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo("100");
        assertThat(p.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("2");
    }

    @Test
    void theBucketStoreIsTunedUnlessTheConfigurationNamesItsOwnSetter() {
        assertThat(streamsProps(Map.of()).get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(io.wirestream.state.StoreTuning.class.getName());
        assertThat(streamsProps(Map.of("kafka.rocksdb.config.setter", "com.example.Mine"))
                .get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo("com.example.Mine");
    }

    @Test
    void everyClientLeavesItsSocketBuffersToTheOperatingSystemUnlessConfigured() {
        assertThat(clientProps(Map.of()))
                .containsEntry(org.apache.kafka.clients.CommonClientConfigs.RECEIVE_BUFFER_CONFIG, -1)
                .containsEntry(org.apache.kafka.clients.CommonClientConfigs.SEND_BUFFER_CONFIG, -1);
        Properties streams = streamsProps(Map.of());
        assertThat(streams.get(StreamsConfig.RECEIVE_BUFFER_CONFIG)).isEqualTo(-1);
        assertThat(streams.get(StreamsConfig.SEND_BUFFER_CONFIG)).isEqualTo(-1);
        Map<String, String> pinned = Map.of("kafka.receive.buffer.bytes", "65536", "kafka.send.buffer.bytes", "131072");
        assertThat(clientProps(pinned))
                .containsEntry(org.apache.kafka.clients.CommonClientConfigs.RECEIVE_BUFFER_CONFIG, "65536")
                .containsEntry(org.apache.kafka.clients.CommonClientConfigs.SEND_BUFFER_CONFIG, "131072");
        Properties configured = streamsProps(pinned);
        assertThat(configured.get(StreamsConfig.RECEIVE_BUFFER_CONFIG)).isEqualTo("65536");
        assertThat(configured.get(StreamsConfig.SEND_BUFFER_CONFIG)).isEqualTo("131072");
    }
}
