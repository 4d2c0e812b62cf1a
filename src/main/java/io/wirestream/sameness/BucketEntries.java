package io.wirestream.sameness;

import io.wirestream.avro.BandEntry;
import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The bucket store ({@code sameness-buckets}) as one small record per bucket entry rather than one
 * large record per bucket: a band entry is {@code n:<band>/<storyKey>}, a cluster entry
 * {@code t:<term>/<clusterId>}, each a {@link BucketState} holding that one entry. Filing or
 * replacing an entry writes only that entry (a few hundred bytes to RocksDB and the changelog), not
 * the whole bucket of up to 30 centroids; a query reads its bucket by prefix.
 *
 * <p>Expiry is incremental: every entry written also writes a time-index key
 * {@code x:<lastSeen millis, zero-padded>/<entry key>}, so the expiry punctuation reads only the
 * index keys older than the cutoff (a range scan in time order) and deletes what they name, instead
 * of reading the whole store. A replaced entry leaves its older index key behind; when that key comes
 * due the entry is found to be newer and only the index key goes.
 *
 * <p>Keys other than the record key are written to the task's own store (and changelog partition),
 * which Kafka Streams allows: the store is only ever read by the task that owns the bucket keys, and
 * every key of a bucket and its index entries sits with the bucket.
 */
final class BucketEntries {

    static final String SEP = "/";
    private static final String INDEX = "x:";
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, BucketState> store;

    BucketEntries(KeyValueStore<String, BucketState> store) {
        this.store = store;
    }

    /** Every entry of one bucket ({@code n:...} or {@code t:...}), in key order. */
    List<KeyValue<String, BucketState>> scan(String bucket) {
        List<KeyValue<String, BucketState>> out = new ArrayList<>();
        try (KeyValueIterator<String, BucketState> it = store.prefixScan(bucket + SEP, KEYS)) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    static String entryKey(String bucket, String id) {
        return bucket + SEP + id;
    }

    void putStory(String bucket, BandEntry e) {
        put(entryKey(bucket, e.getStoryKey()), BucketState.newBuilder().setStories(List.of(e)).setClusters(List.of())
                .setLastSeen(e.getEventTime()).build());
    }

    void putCluster(String bucket, ClusterEntry e) {
        put(entryKey(bucket, e.getClusterId()), BucketState.newBuilder().setStories(List.of()).setClusters(List.of(e))
                .setLastSeen(e.getLastSeen()).build());
    }

    void delete(String entryKey) {
        store.delete(entryKey);
    }

    private void put(String key, BucketState value) {
        store.put(key, value);
        store.put(indexKey(value.getLastSeen().toEpochMilli(), key),
                BucketState.newBuilder().setStories(List.of()).setClusters(List.of()).setLastSeen(value.getLastSeen()).build());
    }

    static String indexKey(long millis, String entryKey) {
        return INDEX + String.format(Locale.ROOT, "%015d", Math.max(0, millis)) + SEP + entryKey;
    }

    /**
     * Deletes the entries last seen before {@code cutoff}, reading only the index keys before it:
     * the work is proportional to what expires, not to what the store holds.
     *
     * @return how many entries were deleted
     */
    int expire(long cutoff) {
        List<String> due = new ArrayList<>();
        // Index keys are x:<15 digits>/...: every key of a time before the cutoff sorts below "x:<cutoff>".
        try (KeyValueIterator<String, BucketState> it = store.range(INDEX, INDEX + String.format(Locale.ROOT, "%015d",
                Math.max(0, cutoff)))) {
            while (it.hasNext()) {
                due.add(it.next().key);
            }
        }
        int deleted = 0;
        for (String indexKey : due) {
            String entryKey = indexKey.substring(INDEX.length() + 15 + SEP.length());
            BucketState entry = store.get(entryKey);
            if (entry != null && entry.getLastSeen().toEpochMilli() < cutoff) {
                store.delete(entryKey);
                deleted++;
            }
            store.delete(indexKey);
        }
        return deleted;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
