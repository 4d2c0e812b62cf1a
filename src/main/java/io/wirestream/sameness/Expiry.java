package io.wirestream.sameness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Deletes the entries of a store last seen longer ago than a retention, by stream time. */
public final class Expiry {

    private Expiry() {
    }

    public static <V> void expire(KeyValueStore<String, V> store, long streamTime, long retentionMs, Function<V, Instant> lastSeen) {
        long cutoff = streamTime - retentionMs;
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (lastSeen.apply(kv.value).toEpochMilli() < cutoff) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(store::delete);
    }
}
