package io.wirestream.sameness;

import io.wirestream.avro.BandEntry;
import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import io.wirestream.state.BlindDelete;
import io.wirestream.state.TimeIndex;
import java.time.Duration;
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
 * The bucket store ({@code sameness-buckets}). A term bucket is one small record per entry, a cluster
 * entry {@code t:<term>/<clusterId>} holding that one entry: filing or replacing a centroid writes
 * only that entry (a few hundred bytes to RocksDB and the changelog), not the whole bucket of up to
 * {@code bucketClusters} centroids; a query reads the bucket by prefix, or from the task's
 * {@link TermBucketCache}, which every write here keeps up to date. A band bucket is one record,
 * {@code n:<band>}, holding its stories: almost every band bucket a query asks is empty or holds one
 * story (only copies of one text share a band), so a point read, which RocksDB's bloom filters answer
 * without reading a data block when the bucket is empty, replaces a prefix scan, whose seek into every
 * sorted run of a large store cost three times what it cost in a small one (53 against 18 µs at
 * 100,000 stories retained, measured in {@code bench}). Until 2026-12-03 band entries were one record
 * each ({@code n:<band>/<storyKey>}); a store that may still hold them ({@link #legacyBandsUntil})
 * reads them too, and a query moves them into its bucket's record.
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
    /**
     * Index keys of band-bucket records, one per bucket: a prefix of their own, so that the version
     * before band records, after a roll-back, neither reads nor deletes them.
     */
    private static final String RECORD_INDEX = "d:";
    /**
     * Marks the store as written by a version with band records: its time is the stream time until
     * which band entries of the per-entry layout may still be there (the epoch when there never were any).
     */
    static final String BAND_RECORDS_MARK = "v:band-records";
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, BucketState> store;
    /** Term buckets read before; every write to a term bucket goes through here and reaches it. */
    private final TermBucketCache termCache;

    /** Entries read from and written to the store only. */
    BucketEntries(KeyValueStore<String, BucketState> store) {
        this(store, TermBucketCache.none());
    }

    BucketEntries(KeyValueStore<String, BucketState> store, TermBucketCache termCache) {
        this.store = store;
        this.termCache = termCache;
    }

    /** Every entry of one bucket ({@code n:...} or {@code t:...}), in key order. */
    List<KeyValue<String, BucketState>> scan(String bucket) {
        boolean term = bucket.startsWith(Scatter.TERM);
        List<KeyValue<String, BucketState>> cached = term ? termCache.get(bucket) : null;
        if (cached != null) {
            return cached;
        }
        List<KeyValue<String, BucketState>> out = new ArrayList<>();
        try (KeyValueIterator<String, BucketState> it = store.prefixScan(bucket + SEP, KEYS)) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        if (term) {
            termCache.put(bucket, out);
        }
        return out;
    }

    private boolean isEmpty(String bucket) {
        Boolean cached = termCache.isEmpty(bucket);
        if (cached != null) {
            return cached;
        }
        try (KeyValueIterator<String, BucketState> it = store.prefixScan(bucket + SEP, KEYS)) {
            return !it.hasNext();
        }
    }

    /**
     * The stream time until which band entries of the per-entry layout may be in the store: the time
     * {@link #BAND_RECORDS_MARK} carries; without it (the first band query on this store), none when
     * the store holds no band key, else (a store the version before wrote) until they expire, one
     * near-duplicate window after now. The mark is written here, so the answer survives a restart.
     *
     * @param now    the stream time of the record being processed
     * @param window how long a band entry is kept
     */
    Instant legacyBandsUntil(Instant now, Duration window) {
        BucketState mark = store.get(BAND_RECORDS_MARK);
        if (mark != null) {
            return mark.getLastSeen();
        }
        // Asked before this version files its first band story, so any band key is the previous layout's.
        boolean perEntryBands;
        try (KeyValueIterator<String, BucketState> it = store.prefixScan(Scatter.BAND, KEYS)) {
            perEntryBands = it.hasNext();
        }
        Instant until = perEntryBands ? now.plus(window) : Instant.EPOCH;
        store.put(BAND_RECORDS_MARK, BucketState.newBuilder().setStories(List.of()).setClusters(List.of()).setLastSeen(until).build());
        return until;
    }

    /** A band bucket's stories as its record holds them, newest first; empty when it holds none. */
    List<BandEntry> bandStories(String bucket) {
        BucketState record = store.get(bucket);
        return record == null ? List.of() : record.getStories();
    }

    /**
     * Writes a band bucket's record.
     *
     * @param stories        what it keeps, newest first, at least one
     * @param oldestInBucket the oldest story it held before, null when it held none: the bucket is
     *                       indexed again when the oldest it keeps is older than that
     */
    void putBand(String bucket, List<BandEntry> stories, Instant oldestInBucket) {
        Instant oldest = oldest(stories);
        if (oldestInBucket == null || oldest.isBefore(oldestInBucket)) {
            index(RECORD_INDEX, bucket, oldest.toEpochMilli());
        }
        store.put(bucket, bandRecord(stories, oldest));
    }

    /** The oldest event time among band stories; null when there are none. */
    static Instant oldest(List<BandEntry> stories) {
        return stories.stream().map(BandEntry::getEventTime).min(Instant::compareTo).orElse(null);
    }

    /** A band bucket's record; its time is its oldest story's, the one expiry keys on. */
    private static BucketState bandRecord(List<BandEntry> stories, Instant oldest) {
        return BucketState.newBuilder().setStories(stories).setClusters(List.of()).setLastSeen(oldest).build();
    }

    static String entryKey(String bucket, String id) {
        return bucket + SEP + id;
    }

    /**
     * Files a cluster in a term bucket.
     *
     * @param oldestInBucket the oldest last-seen time of the bucket's other entries, as the caller's
     *                       scan found them; null when there were none. The entry is indexed when it is
     *                       the bucket's first or older than all the others.
     */
    void putCluster(String bucket, ClusterEntry e, Instant oldestInBucket) {
        put(bucket, e.getClusterId(), clusterValue(e), oldestInBucket);
    }

    /**
     * Files a cluster's snapshot, replacing the one filed before, without a scan of the bucket: it
     * is indexed only when it is the bucket's first entry (one seek finds out). A snapshot carries
     * its cluster's newest time, so it is not older than what the bucket holds.
     */
    void replaceCluster(String bucket, ClusterEntry e) {
        Boolean cachedEmpty = termCache.isEmpty(bucket);
        boolean bucketWasEmpty = cachedEmpty != null ? cachedEmpty
                : store.get(entryKey(bucket, e.getClusterId())) == null && isEmpty(bucket);
        put(bucket, e.getClusterId(), clusterValue(e), bucketWasEmpty ? null : e.getLastSeen());
    }

    private static BucketState clusterValue(ClusterEntry e) {
        return BucketState.newBuilder().setStories(List.of()).setClusters(List.of(e)).setLastSeen(e.getLastSeen()).build();
    }

    /** Deletes one entry of a bucket. */
    void delete(String bucket, String id) {
        deleteKey(bucket, entryKey(bucket, id));
    }

    /** Deletes an entry of the per-entry band layout, which no cache holds. */
    void deleteBandEntry(String entryKey) {
        BlindDelete.delete(store, entryKey);
    }

    private void deleteKey(String bucket, String entryKey) {
        BlindDelete.delete(store, entryKey);
        termCache.deleted(bucket, entryKey);
    }

    private void put(String bucket, String id, BucketState value, Instant oldestInBucket) {
        if (oldestInBucket == null || value.getLastSeen().isBefore(oldestInBucket)) {
            index(INDEX, bucket, value.getLastSeen().toEpochMilli());
        }
        String key = entryKey(bucket, id);
        store.put(key, value);
        termCache.written(bucket, key, value);
    }

    private void index(String prefix, String bucket, long millis) {
        store.put(prefix + TimeIndex.digits(millis) + SEP + bucket, BucketState.newBuilder().setStories(List.of())
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
        for (String prefix : List.of(ENTRY_INDEX, INDEX, RECORD_INDEX)) {
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
            if (indexKey.startsWith(RECORD_INDEX)) {
                // a record's spare keys due in one pass: the first re-indexes it, the others only go
                if (done.add(RECORD_INDEX + bucket)) {
                    deleted += expireRecord(bucket, cutoff);
                }
            } else if (done.add(bucket)) {
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
                    index(INDEX, bucket, oldestKept);
                }
                expired.forEach(key -> deleteKey(bucket, key));
                deleted += expired.size();
            }
            BlindDelete.delete(store, indexKey);
        }
        return deleted;
    }

    /** Drops a band record's stories filed before the cutoff; the record goes with its last story. */
    private int expireRecord(String bucket, long cutoff) {
        List<BandEntry> stories = bandStories(bucket);
        List<BandEntry> kept = stories.stream().filter(e -> e.getEventTime().toEpochMilli() >= cutoff).toList();
        if (kept.isEmpty()) {
            if (!stories.isEmpty()) {
                BlindDelete.delete(store, bucket);
            }
        } else {
            // Indexed again even when nothing expired: the key that came due may be its only one (its
            // oldest story then has since been pushed out by newer ones).
            Instant oldest = oldest(kept);
            index(RECORD_INDEX, bucket, oldest.toEpochMilli());
            if (kept.size() < stories.size()) {
                store.put(bucket, bandRecord(kept, oldest));
            }
        }
        return stories.size() - kept.size();
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
