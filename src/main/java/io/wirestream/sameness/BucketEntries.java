package io.wirestream.sameness;

import io.wirestream.avro.BandEntry;
import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import io.wirestream.state.TimeIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * <p>Expiry is incremental and indexed <b>by bucket</b>: index keys {@code x:<millis>/<bucket>}, one
 * per bucket that holds entries, written when the bucket gets its first entry, at a time at or before
 * its oldest entry's. A pass reads only the index keys that came due and, for each, the bucket
 * (at most its cap of entries): it deletes the entries last seen before the cutoff and indexes the
 * bucket again at its oldest remaining entry. Filing into a bucket that already has entries writes
 * no index key, so a story's many filings into busy term buckets cost one record each, not three
 * (entry, index key, and the index key's deletion when it came due). Index keys of the per-entry
 * layout before this one ({@code x:<millis>/<bucket>/<id>}) are read as their bucket's.
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

    private boolean isEmpty(String bucket) {
        try (KeyValueIterator<String, BucketState> it = store.prefixScan(bucket + SEP, KEYS)) {
            return !it.hasNext();
        }
    }

    static String entryKey(String bucket, String id) {
        return bucket + SEP + id;
    }

    /**
     * Files a story in a band bucket.
     *
     * @param bucketWasEmpty what the caller's scan of the bucket found: a bucket's first entry indexes it
     */
    void putStory(String bucket, BandEntry e, boolean bucketWasEmpty) {
        put(bucket, e.getStoryKey(), BucketState.newBuilder().setStories(List.of(e)).setClusters(List.of())
                .setLastSeen(e.getEventTime()).build(), bucketWasEmpty);
    }

    /** Files a cluster in a term bucket; {@code bucketWasEmpty} as for {@link #putStory}. */
    void putCluster(String bucket, ClusterEntry e, boolean bucketWasEmpty) {
        put(bucket, e.getClusterId(), clusterValue(e), bucketWasEmpty);
    }

    /**
     * Files a cluster's snapshot, replacing the one filed before, without a scan of the bucket: it
     * is indexed only when it is the bucket's first entry (one seek finds out).
     */
    void replaceCluster(String bucket, ClusterEntry e) {
        String key = entryKey(bucket, e.getClusterId());
        boolean bucketWasEmpty = store.get(key) == null && isEmpty(bucket);
        put(bucket, e.getClusterId(), clusterValue(e), bucketWasEmpty);
    }

    private static BucketState clusterValue(ClusterEntry e) {
        return BucketState.newBuilder().setStories(List.of()).setClusters(List.of(e)).setLastSeen(e.getLastSeen()).build();
    }

    void delete(String entryKey) {
        store.delete(entryKey);
    }

    private void put(String bucket, String id, BucketState value, boolean bucketWasEmpty) {
        store.put(entryKey(bucket, id), value);
        if (bucketWasEmpty) {
            index(bucket, value.getLastSeen().toEpochMilli());
        }
    }

    private void index(String bucket, long millis) {
        store.put(INDEX + TimeIndex.digits(millis) + SEP + bucket, BucketState.newBuilder().setStories(List.of())
                .setClusters(List.of()).setLastSeen(Instant.ofEpochMilli(millis)).build());
    }

    /**
     * Deletes the entries last seen before {@code cutoff}: the work is proportional to the buckets
     * that came due (each read whole, at most its cap), not to what the store holds.
     *
     * @return how many entries were deleted
     */
    int expire(long cutoff) {
        List<String> due = new ArrayList<>();
        // Every index key of a time before the cutoff sorts below "x:<cutoff digits>", none at or after it.
        try (KeyValueIterator<String, BucketState> it = store.range(INDEX, INDEX + TimeIndex.digits(cutoff))) {
            while (it.hasNext()) {
                due.add(it.next().key);
            }
        }
        Set<String> done = new HashSet<>();
        int deleted = 0;
        for (String indexKey : due) {
            store.delete(indexKey);
            String rest = indexKey.substring(INDEX.length() + TimeIndex.WIDTH + SEP.length());
            // A bucket name has no "/" (hex band ids, single-word terms): anything after one names an
            // entry, as index keys did before they were per bucket.
            int slash = rest.indexOf(SEP);
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (!done.add(bucket)) {
                continue;
            }
            long oldestKept = Long.MAX_VALUE;
            for (KeyValue<String, BucketState> kv : scan(bucket)) {
                long seen = kv.value.getLastSeen().toEpochMilli();
                if (seen < cutoff) {
                    store.delete(kv.key);
                    deleted++;
                } else {
                    oldestKept = Math.min(oldestKept, seen);
                }
            }
            if (oldestKept != Long.MAX_VALUE) {
                index(bucket, oldestKept);
            }
        }
        return deleted;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
