package io.wirestream.state;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes a key without reading it. {@link KeyValueStore#delete} returns the value it deleted, so
 * Kafka Streams' RocksDB store reads it first (a point read that, in a large store, goes to disk
 * blocks) and the metered layer deserialises it; a put of null writes the same tombstone to the store
 * and its changelog, unread. In the bucket store at 100,000 stories retained every filing into a full
 * term bucket deletes the entry it pushes out, so this was one read per filing (docs/benchmarks.md).
 */
public final class BlindDelete {

    private BlindDelete() {
    }

    public static <V> void delete(KeyValueStore<String, V> store, String key) {
        store.put(key, null);
    }
}
