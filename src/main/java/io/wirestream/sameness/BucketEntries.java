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
 * <p>Expiry is incremental and indexed <b>by bucket</b>: index keys {@code b:<millis>/<bucket>}, one
 * per bucket that holds entries, at or before its oldest entry's time: written with the bucket's first
 * entry, and again only for an entry older than every other in the bucket (event times arrive out of
 * order). A pass reads only the index keys that came due and, for each, the bucket (at most its cap of
 * entries): it deletes the entries last seen before the cutoff and indexes the bucket again at its
 * oldest remaining entry. Filing into a bucket that already has older entries writes no index key, so
 * a story's many filings into busy term buckets cost one record each, not three (entry, index key, and
 * the index key's deletion when it came due). An index key is always written before what it covers
 * (the entry; when re-indexing, the deletion of the key that came due), so a crash between two writes
 * under at-least-once leaves a spare key, never an entry without one. Index keys of the per-entry
 * layout before this one ({@code x:<millis>/<bucket>/<id>}) are read as their bucket's; the new keys
 * have a prefix of their own so that the previous version, after a roll-back, neither reads nor
 * deletes them.
 *
 * <p>Keys other than the record key are written to the task's own store (and changelog partition),
 * which Kafka Streams allows: the store is only ever read by the task that owns the bucket keys, and
 * every key of a bucket and its index entries sits with the bucket.
 */
final class BucketEntries {

    static final String SEP = "/";
    /** Index keys, one per bucket. */
    private static final String INDEX = "b:";
    /** Index keys of the per-entry layout before {@link #INDEX}, one per entry: still read, never written. */
    private static final String ENTRY_INDEX = "x:";
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
     * @param oldestInBucket the oldest last-seen time of the bucket's other entries, as the caller's
     *                       scan found them; null when there were none. The entry is indexed when it is
     *                       the bucket's first or older than all the others.
     */
    void putStory(String bucket, BandEntry e, Instant oldestInBucket) {
        put(bucket, e.getStoryKey(), BucketState.newBuilder().setStories(List.of(e)).setClusters(List.of())
                .setLastSeen(e.getEventTime()).build(), oldestInBucket);
    }

    /** Files a cluster in a term bucket; {@code oldestInBucket} as for {@link #putStory}. */
    void putCluster(String bucket, ClusterEntry e, Instant oldestInBucket) {
        put(bucket, e.getClusterId(), clusterValue(e), oldestInBucket);
    }

    /**
     * Files a cluster's snapshot, replacing the one filed before, without a scan of the bucket: it
     * is indexed only when it is the bucket's first entry (one seek finds out). A snapshot carries
     * its cluster's newest time, so it is not older than what the bucket holds.
     */
    void replaceCluster(String bucket, ClusterEntry e) {
        String key = entryKey(bucket, e.getClusterId());
        boolean bucketWasEmpty = store.get(key) == null && isEmpty(bucket);
        put(bucket, e.getClusterId(), clusterValue(e), bucketWasEmpty ? null : e.getLastSeen());
    }

    private static BucketState clusterValue(ClusterEntry e) {
        return BucketState.newBuilder().setStories(List.of()).setClusters(List.of(e)).setLastSeen(e.getLastSeen()).build();
    }

    void delete(String entryKey) {
        store.delete(entryKey);
    }

    private void put(String bucket, String id, BucketState value, Instant oldestInBucket) {
        if (oldestInBucket == null || value.getLastSeen().isBefore(oldestInBucket)) {
            index(bucket, value.getLastSeen().toEpochMilli());
        }
        store.put(entryKey(bucket, id), value);
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
        // Every index key of a time before the cutoff sorts below "<prefix><cutoff digits>", none at or after it.
        for (String prefix : List.of(ENTRY_INDEX, INDEX)) {
            try (KeyValueIterator<String, BucketState> it = store.range(prefix, prefix + TimeIndex.digits(cutoff))) {
                while (it.hasNext()) {
                    due.add(it.next().key);
                }
            }
        }
        Set<String> done = new HashSet<>();
        int deleted = 0;
        for (String indexKey : due) {
            String rest = indexKey.substring(indexKey.indexOf(SEP) + 1);
            // A bucket name has no "/" (hex band ids, single-word terms): an old per-entry key names
            // "<bucket>/<id>", and stands for its bucket.
            int slash = rest.indexOf(SEP);
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (done.add(bucket)) {
                long oldestKept = Long.MAX_VALUE;
                List<String> expired = new ArrayList<>();
                for (KeyValue<String, BucketState> kv : scan(bucket)) {
                    long seen = kv.value.getLastSeen().toEpochMilli();
                    if (seen < cutoff) {
                        expired.add(kv.key);
                    } else {
                        oldestKept = Math.min(oldestKept, seen);
                    }
                }
                if (oldestKept != Long.MAX_VALUE) {
                    index(bucket, oldestKept);
                }
                expired.forEach(store::delete);
                deleted += expired.size();
            }
            store.delete(indexKey);
        }
        return deleted;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
