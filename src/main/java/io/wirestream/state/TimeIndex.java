package io.wirestream.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Incremental expiry by event time for a key-value store, instead of a scan of the whole store: each
 * entry has an index key {@code <prefix><lastSeen millis, 15 digits>/<entry key>} in the same store,
 * written when the entry is created. An expiry pass reads only the index keys before the cutoff (a
 * range scan, in time order): an entry last seen before the cutoff is deleted; one that was seen
 * since is indexed again at its last-seen time. So a pass costs what comes due, every live entry keeps
 * one index key at or before its last-seen time, and a store written on every record needs an index
 * write only when an entry is created and once per retention it lives through.
 *
 * <p>The prefix must sort apart from the store's own keys and not be a prefix of any of them.
 *
 * <p>Used by the cluster and gather stores and the alert state (the bucket store indexes by bucket, with
 * these digits: {@code sameness.BucketEntries}); {@link ExpiryIndex} does the same for the
 * version and category stores with the index in a store of its own (their layout predates this one).
 */
public final class TimeIndex<V> {

    /** Digits of an index key's time. */
    public static final int WIDTH = 15;
    private static final String ZEROS = "0".repeat(WIDTH);
    private static final String SEP = "/";

    private final KeyValueStore<String, V> store;
    private final String prefix;
    private final Function<V, Instant> lastSeen;
    private final LongFunction<V> marker;

    /**
     * @param marker the (small) value an index key holds, for its time: the store has one value type
     */
    public TimeIndex(KeyValueStore<String, V> store, String prefix, Function<V, Instant> lastSeen, LongFunction<V> marker) {
        this.store = store;
        this.prefix = prefix;
        this.lastSeen = lastSeen;
        this.marker = marker;
    }

    /** Indexes an entry at a time (its last-seen time when written). */
    public void index(String key, long millis) {
        store.put(indexKey(millis, key), marker.apply(millis));
    }

    private String indexKey(long millis, String key) {
        return prefix + digits(millis) + SEP + key;
    }

    /**
     * {@code millis} as {@value #WIDTH} digits, zero-padded, so index keys sort by time: what
     * {@code String.format("%015d")} gives, without its format parsing (which cost as much as the
     * store write the key goes with).
     */
    public static String digits(long millis) {
        String d = Long.toString(Math.max(0, millis));
        return d.length() >= WIDTH ? d : ZEROS.substring(d.length()) + d;
    }

    /**
     * Deletes the entries last seen before {@code cutoff}, reading only the index keys before it.
     *
     * @return entries deleted
     */
    public int expire(long cutoff) {
        List<String> due = new ArrayList<>();
        // Every index key of a time before the cutoff sorts below "<prefix><cutoff digits>", none at or after it.
        try (KeyValueIterator<String, V> it = store.range(prefix, prefix + digits(cutoff))) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                due.add(kv.key);
            }
        }
        int deleted = 0;
        for (String indexKey : due) {
            String key = indexKey.substring(prefix.length() + WIDTH + SEP.length());
            BlindDelete.delete(store, indexKey);
            V entry = store.get(key);
            if (entry == null) {
                continue;
            }
            long seen = lastSeen.apply(entry).toEpochMilli();
            if (seen < cutoff) {
                BlindDelete.delete(store, key);
                deleted++;
            } else {
                index(key, seen);
            }
        }
        return deleted;
    }
}
