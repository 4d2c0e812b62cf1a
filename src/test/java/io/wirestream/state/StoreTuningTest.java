package io.wirestream.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.topology.WirestreamTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.CompactionStyle;
import org.rocksdb.Options;

/** Levelled compaction for the bucket store only, and a store written before it opens with its data. */
class StoreTuningTest {

    @Test
    void onlyTheBucketStoreIsLevelled() {
        try (Options buckets = new Options(); Options other = new Options()) {
            new StoreTuning().setConfig(WirestreamTopology.BUCKETS_STORE, buckets, Map.of());
            new StoreTuning().setConfig(WirestreamTopology.CLUSTERS_STORE, other, Map.of());
            assertThat(buckets.compactionStyle()).isEqualTo(CompactionStyle.LEVEL);
            assertThat(buckets.levelCompactionDynamicLevelBytes()).isTrue();
            assertThat(other.compactionStyle()).as("RocksDB's own default, which Kafka Streams then sets")
                    .isEqualTo(new Options().compactionStyle());
        }
    }

    @Test
    void aBucketStoreWrittenWithKafkaStreamsDefaultsOpensLevelledWithItsData(@TempDir Path dir) throws Exception {
        KeyValueStore<String, String> before = open(dir, null);
        for (int i = 0; i < 20_000; i++) {
            before.put("t:term" + (i % 500) + "/cl-" + i, "v" + i);
            if (i % 5_000 == 4_999) {
                before.flush(); // several files
            }
        }
        before.close();
        KeyValueStore<String, String> after = open(dir, StoreTuning.class);
        try {
            assertThat(after.get("t:term7/cl-507")).isEqualTo("v507");
            assertThat(after.approximateNumEntries()).isGreaterThan(0);
            try (var it = after.prefixScan("t:term42/", new org.apache.kafka.common.serialization.StringSerializer())) {
                int n = 0;
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
                assertThat(n).isEqualTo(40);
            }
        } finally {
            after.close();
        }
    }

    private static KeyValueStore<String, String> open(Path dir, Class<?> setter) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-tuning-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        if (setter != null) {
            p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, setter);
        }
        Files.createDirectories(dir);
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>(p, new TaskId(0, 0), dir.toFile());
        KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WirestreamTopology.BUCKETS_STORE),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
