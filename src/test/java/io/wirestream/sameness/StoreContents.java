package io.wirestream.sameness;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Every key and value a store holds, to compare two stores that should hold the same. */
final class StoreContents {

    private StoreContents() {
    }

    static <V> Map<String, V> of(KeyValueStore<String, V> store) {
        Map<String, V> out = new HashMap<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> out.put(kv.key, kv.value));
        }
        return out;
    }
}
