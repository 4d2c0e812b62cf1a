package io.wirestream.sameness;

import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/**
 * Term buckets as last read from one task's bucket store, within a memory budget, the least recently
 * asked dropped first: a story asks its 8 strongest terms, and the terms of the news of the day come
 * up story after story. At 100,000 stories retained a term bucket's prefix scan cost two to three
 * times what it cost in a small store (a RocksDB iterator seek visits every sorted run), so reading a
 * hot bucket from memory is what keeps the per-story cost flat as the store grows (docs/benchmarks.md).
 *
 * <p>Write-through: every write to a term bucket of the store goes through {@link BucketEntries},
 * which tells the cache, so a cached bucket is always what the store holds. Restoring a store from
 * its changelog writes to RocksDB behind the cache's back, which is why each processor that uses the
 * store empties the cache when it is initialised ({@link TermBucketCaches#open}): Kafka Streams
 * initialises a task's processors after every restoration and before the task processes a record
 * (a new task, a standby made active, a task revived after a failure). Values are shared with the
 * store's callers, who never change them. Confined to the task's stream thread.
 */
final class TermBucketCache {

    /** Heap bytes of a map entry, a key string and a value record with its lists, beyond their contents. */
    private static final int ENTRY_OVERHEAD = 160;
    /** Heap bytes of a cluster entry and its two buffers, beyond their contents. */
    private static final int CLUSTER_OVERHEAD = 120;

    /** Heap bytes of a cached bucket with no entries (the map, its key in the cache's map). */
    static final int EMPTY_BUCKET = 160;

    /** A cache that holds nothing: every read goes to the store. */
    static TermBucketCache none() {
        return new TermBucketCache(0);
    }

    /** One cached bucket: its entries by key and their estimated heap bytes. */
    private static final class Bucket {
        final TreeMap<String, BucketState> entries = new TreeMap<>();
        long bytes = EMPTY_BUCKET;
    }

    private final long budgetBytes;
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    /** @param budgetBytes the estimated heap the cached buckets may take; 0 caches nothing */
    TermBucketCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** A cached bucket's entries in key order, or null when it is not cached (counted as a miss). */
    List<KeyValue<String, BucketState>> get(String bucket) {
        Bucket b = buckets.get(bucket);
        if (b == null) {
            misses++;
            return null;
        }
        hits++;
        List<KeyValue<String, BucketState>> out = new ArrayList<>(b.entries.size());
        b.entries.forEach((k, v) -> out.add(KeyValue.pair(k, v)));
        return out;
    }

    /** Whether a bucket is cached and holds no entry; null when it is not cached. */
    Boolean isEmpty(String bucket) {
        Bucket b = buckets.get(bucket);
        return b == null ? null : b.entries.isEmpty();
    }

    /** Caches a bucket as a scan of the store just read it. */
    void put(String bucket, List<KeyValue<String, BucketState>> entries) {
        if (budgetBytes <= 0) {
            return;
        }
        Bucket b = new Bucket();
        entries.forEach(kv -> add(b, kv.key, kv.value));
        Bucket before = buckets.put(bucket, b);
        bytes += b.bytes - (before == null ? 0 : before.bytes);
        evict();
    }

    /** An entry of a bucket was written to the store. */
    void written(String bucket, String entryKey, BucketState value) {
        Bucket b = buckets.get(bucket);
        if (b != null) {
            long was = b.bytes;
            remove(b, entryKey);
            add(b, entryKey, value);
            bytes += b.bytes - was;
            evict();
        }
    }

    /** An entry of a bucket was deleted from the store. */
    void deleted(String bucket, String entryKey) {
        Bucket b = buckets.get(bucket);
        if (b != null) {
            long was = b.bytes;
            remove(b, entryKey);
            bytes += b.bytes - was;
        }
    }

    void clear() {
        buckets.clear();
        bytes = 0;
    }

    int size() {
        return buckets.size();
    }

    /** The estimated heap the cached buckets take. */
    long bytes() {
        return bytes;
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    private void evict() {
        Iterator<Bucket> eldestFirst = buckets.values().iterator();
        while (bytes > budgetBytes && eldestFirst.hasNext()) {
            bytes -= eldestFirst.next().bytes;
            eldestFirst.remove();
        }
    }

    private static void add(Bucket b, String key, BucketState value) {
        b.entries.put(key, value);
        b.bytes += sizeOf(key, value);
    }

    private static void remove(Bucket b, String key) {
        BucketState gone = b.entries.remove(key);
        if (gone != null) {
            b.bytes -= sizeOf(key, gone);
        }
    }

    /** Estimated heap bytes of one entry: its packed vectors dominate (up to about 1.2 KB). */
    static long sizeOf(String key, BucketState value) {
        long size = ENTRY_OVERHEAD + 2L * key.length();
        for (ClusterEntry c : value.getClusters()) {
            size += CLUSTER_OVERHEAD + 2L * c.getClusterId().length() + capacity(c.getTerms()) + capacity(c.getMarks())
                    + 64L * c.getCentroid().size();
        }
        return size;
    }

    private static int capacity(ByteBuffer b) {
        return b == null ? 0 : b.capacity();
    }
}
