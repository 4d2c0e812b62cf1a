package io.wirestream.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpiryIndexTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long T0 = 1_800_000L * HOUR;

    private KeyValueStore<String, Long> store;
    private KeyValueStore<String, String> indexStore;
    private ExpiryIndex index;

    @BeforeEach
    void stores() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        indexStore = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ExpiryIndex.indexName("s")), Serdes.String(),
                Serdes.String()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        indexStore.init(context.getStateStoreContext(), indexStore);
        index = new ExpiryIndex(indexStore, Duration.ofHours(1));
    }

    private void seen(String key, long time) {
        Long before = store.get(key);
        store.put(key, time);
        index.touch(key, before, time);
    }

    private int expire(long cutoff) {
        return index.expire(store, cutoff, v -> v, (k, v) -> store.delete(k));
    }

    @Test
    void expiresWhatWasLastSeenBeforeTheCutoffAndKeepsTheRest() {
        seen("old", T0);
        seen("fresh", T0 + 5 * HOUR);
        assertThat(expire(T0 + 2 * HOUR)).isEqualTo(1);
        assertThat(store.get("old")).isNull();
        assertThat(store.get("fresh")).isEqualTo(T0 + 5 * HOUR);
        assertThat(entries()).singleElement().satisfies(e -> assertThat(e).endsWith("|fresh"));
    }

    @Test
    void aKeySeenAgainMovesToItsNewBucketAndSurvives() {
        seen("story", T0);
        seen("story", T0 + 10 * 60_000); // same hour: no index write
        assertThat(entries()).hasSize(1);
        seen("story", T0 + 3 * HOUR);
        assertThat(entries()).hasSize(1);
        assertThat(expire(T0 + 2 * HOUR)).isZero();
        assertThat(store.get("story")).isNotNull();
    }

    @Test
    void expiryReadsOnlyTheDueBucketsNotTheWholeStore() {
        for (int i = 0; i < 5_000; i++) {
            seen("live-" + i, T0 + 10 * HOUR + i);
        }
        for (int i = 0; i < 7; i++) {
            seen("old-" + i, T0 + i);
        }
        List<String> read = new ArrayList<>();
        int deleted = index.expire(store, T0 + 2 * HOUR, v -> v, (k, v) -> {
            read.add(k);
            store.delete(k);
        });
        assertThat(deleted).isEqualTo(7);
        assertThat(read).allMatch(k -> k.startsWith("old-"));
        assertThat(entries()).hasSize(5_000);
    }

    @Test
    void aStoreWrittenBeforeTheIndexIsScannedOnceAndThenIndexed() {
        store.put("old", T0);
        store.put("fresh", T0 + 5 * HOUR);
        assertThat(expire(T0 + 2 * HOUR)).isEqualTo(1);
        assertThat(store.get("old")).isNull();
        assertThat(entries()).singleElement().satisfies(e -> assertThat(e).endsWith("|fresh"));
        assertThat(expire(T0 + 6 * HOUR + HOUR)).isEqualTo(1);
        assertThat(store.get("fresh")).isNull();
    }

    private List<String> entries() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> it = indexStore.all()) {
            it.forEachRemaining((KeyValue<String, String> kv) -> keys.add(kv.key));
        }
        return keys;
    }
}
