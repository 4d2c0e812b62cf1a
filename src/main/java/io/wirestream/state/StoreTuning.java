package io.wirestream.state;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.Options;

/**
 * RocksDB settings for the stores whose reads are range scans over a large, busy key space: the
 * sameness bucket store ({@code sameness-buckets}). Kafka Streams opens every store with universal
 * compaction, which keeps many sorted runs of overlapping key ranges; an iterator seek (what a term
 * bucket's prefix scan starts with) visits every one of them, so its cost grows with the store.
 * Levelled compaction keeps at most the few level-0 files plus one sorted run per level, the usual
 * choice for a read-heavy store (RocksDB's tuning guide); {@code level_compaction_dynamic_level_bytes}
 * sizes the levels from the bottom, which RocksDB applies to an existing store on open, moving its files
 * down. Measured with {@code bench --index-only} (docs/benchmarks.md). Every other store keeps Kafka
 * Streams' defaults. Set as {@code rocksdb.config.setter} by the runtime unless the configuration names
 * another ({@code kafka.rocksdb.config.setter}).
 */
public final class StoreTuning implements RocksDBConfigSetter {

    /** The stores levelled compaction is for. */
    private static final Set<String> LEVELLED = Set.of("sameness-buckets");

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (LEVELLED.contains(storeName)) {
            options.setCompactionStyle(CompactionStyle.LEVEL);
            options.setLevelCompactionDynamicLevelBytes(true);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing allocated
    }
}
