package io.wirestream.sameness;

import io.wirestream.avro.BandEntry;
import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import io.wirestream.state.TimeIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Expiry is incremental ({@link TimeIndex}, index keys {@code x:<millis>/<entry key>}): the
 * expiry pass reads only what came due, not the whole store. Every entry written is indexed at its
 * time (a replaced entry's older index key then finds it newer when it comes due, and goes).
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
    private final TimeIndex<BucketState> index;

    BucketEntries(KeyValueStore<String, BucketState> store) {
        this.store = store;
        this.index = new TimeIndex<>(store, INDEX, BucketState::getLastSeen, millis -> BucketState.newBuilder()
                .setStories(List.of()).setClusters(List.of()).setLastSeen(Instant.ofEpochMilli(millis)).build());
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

    /**
     * Files a cluster's snapshot, replacing the one filed before: the time index is written only
     * when there was none (an index key at or before the older snapshot's time finds this one newer
     * when it comes due, and re-indexes it), so a re-filing is one write instead of two, to the store
     * and to its changelog.
     */
    void replaceCluster(String bucket, ClusterEntry e) {
        String key = entryKey(bucket, e.getClusterId());
        boolean indexed = store.get(key) != null;
        BucketState value = BucketState.newBuilder().setStories(List.of()).setClusters(List.of(e)).setLastSeen(e.getLastSeen()).build();
        store.put(key, value);
        if (!indexed) {
            index.index(key, value.getLastSeen().toEpochMilli());
        }
    }

    void delete(String entryKey) {
        store.delete(entryKey);
    }

    private void put(String key, BucketState value) {
        store.put(key, value);
        index.index(key, value.getLastSeen().toEpochMilli());
    }

    /**
     * Deletes the entries last seen before {@code cutoff}: the work is proportional to what expires,
     * not to what the store holds.
     *
     * @return how many entries were deleted
     */
    int expire(long cutoff) {
        return index.expire(cutoff);
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
