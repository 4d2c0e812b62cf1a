package io.wirestream.sameness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wirestream.avro.BandEntry;
import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import io.wirestream.serde.AvroSerde;
import io.wirestream.state.TimeIndex;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bucket store's one record per entry, read by prefix, and its incremental expiry. */
class BucketEntriesTest {

    private KeyValueStore<String, BucketState> store;
    private BucketEntries entries;

    @BeforeEach
    void setUp() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bucket-entries-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>(p);
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("buckets"), Serdes.String(), AvroSerde.of(BucketState.class))
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        entries = new BucketEntries(store);
    }

    private static BandEntry story(String key, long at) {
        return BandEntry.newBuilder().setStoryKey(key).setEventTime(Instant.ofEpochMilli(at))
                .setShingles(ByteBuffer.wrap(new byte[] {0, 0, 0, 1})).setShingleCount(1).build();
    }

    private static ClusterEntry cluster(String id, long at) {
        return ClusterEntry.newBuilder().setClusterId(id).setLastSeen(Instant.ofEpochMilli(at)).setCentroid(Map.of("quake", 1f)).build();
    }

    @Test
    void aBucketIsReadByItsPrefixOnly() {
        entries.putCluster("t:quake", cluster("cl-1", 1_000), null);
        entries.putCluster("t:quake", cluster("cl-3", 2_000), Instant.ofEpochMilli(1_000));
        entries.putCluster("t:quakes", cluster("cl-2", 1_000), null);

        assertEquals(List.of("t:quake/cl-1", "t:quake/cl-3"), entries.scan("t:quake").stream().map(kv -> kv.key).toList());
    }

    @Test
    void aBandBucketIsOneRecordOfItsStoriesIndexedAtItsOldest() {
        entries.putBand("n:1a", List.of(story("s1", 1_000)), null);
        entries.putBand("n:1a", List.of(story("s2", 2_000), story("s1", 1_000)), Instant.ofEpochMilli(1_000));
        entries.putBand("n:1ab", List.of(story("s3", 2_000)), null);

        assertEquals(List.of("s2", "s1"), entries.bandStories("n:1a").stream().map(BandEntry::getStoryKey).toList());
        assertEquals(List.of(), entries.bandStories("n:1b"));
        assertEquals(List.of("d:000000000001000/n:1a", "d:000000000002000/n:1ab", "n:1a", "n:1ab"), keys(),
                "one record per bucket, indexed once: a newer story does not index it again");

        entries.putBand("n:1a", List.of(story("s2", 2_000), story("s1", 1_000), story("s0", 500)), Instant.ofEpochMilli(1_000));
        assertEquals(List.of("d:000000000000500/n:1a", "d:000000000001000/n:1a"), indexKeys().stream()
                .filter(k -> k.endsWith("/n:1a")).toList(), "a story older than all the others indexes the bucket at its time");
    }

    @Test
    void expiryDeletesWhatCameDueAndKeepsWhatWasFiledAgainSince() {
        entries.putBand("n:1a", List.of(story("old", 1_000)), null);
        entries.replaceCluster("t:quake", cluster("cl-1", 2_000));
        entries.replaceCluster("t:quake", cluster("cl-1", 9_000)); // filed again, newer
        entries.putBand("n:1a", List.of(story("new", 8_000), story("old", 1_000)), Instant.ofEpochMilli(1_000));

        assertEquals(1, entries.expire(5_000));
        assertEquals(List.of("new"), entries.bandStories("n:1a").stream().map(BandEntry::getStoryKey).toList());
        assertNotNull(store.get("t:quake/cl-1"));
        assertEquals(List.of("d:000000000008000/n:1a", "b:000000000009000/t:quake").stream().sorted().toList(), indexKeys());

        assertEquals(2, entries.expire(10_000));
        assertEquals(List.of(), keys(), "entries, records and their index keys all gone");
    }

    @Test
    void aBandRecordWhoseOldestStoryWasPushedOutStaysIndexed() {
        entries.putBand("n:1a", List.of(story("s1", 1_000)), null);
        // s1 pushed out of the bucket by newer stories: the index key at 1,000 is the record's only one.
        entries.putBand("n:1a", List.of(story("s3", 3_000), story("s2", 2_000)), Instant.ofEpochMilli(1_000));
        assertEquals(0, entries.expire(1_500));
        assertEquals(List.of("d:000000000002000/n:1a"), indexKeys());
        assertEquals(2, entries.expire(4_000));
        assertEquals(List.of(), keys());
    }

    @Test
    void anExpiryPassDeletesOnlyWhatIsDue() {
        for (int i = 0; i < 100; i++) {
            entries.putBand("n:" + i, List.of(story("s" + i, 1_000L * i)), null);
            entries.putCluster("t:" + i, cluster("cl-" + i, 1_000L * i), null);
        }
        assertEquals(20, entries.expire(10_000));
        assertEquals(0, entries.expire(10_000));
        assertEquals(90, keys().stream().filter(k -> k.startsWith("n:")).count());
        assertEquals(90, keys().stream().filter(k -> k.startsWith("t:")).count());
        assertEquals(90, keys().stream().filter(k -> k.startsWith("d:")).count(), "one index key per live band bucket");
        assertEquals(90, keys().stream().filter(k -> k.startsWith("b:")).count(), "one index key per live term bucket");
    }

    @Test
    void aBucketIsIndexedOnceHoweverManyEntriesItTakes() {
        entries.replaceCluster("t:quake", cluster("cl-1", 1_000));
        entries.replaceCluster("t:quake", cluster("cl-2", 2_000));
        entries.putCluster("t:quake", cluster("cl-3", 3_000), Instant.ofEpochMilli(1_000));
        entries.replaceCluster("t:quake", cluster("cl-1", 7_000));
        assertEquals(List.of("b:000000000001000/t:quake"), indexKeys());

        // Due at 1,000: cl-2 and cl-3 go, cl-1 (seen again at 7,000) stays, and the bucket is indexed at it.
        assertEquals(2, entries.expire(5_000));
        assertEquals(List.of("t:quake/cl-1"), entries.scan("t:quake").stream().map(kv -> kv.key).toList());
        assertEquals(List.of("b:000000000007000/t:quake"), indexKeys());

        assertEquals(1, entries.expire(8_000));
        assertEquals(List.of(), keys());
    }

    @Test
    void aBucketEmptiedAndFilledAgainIsIndexedAgainAndItsIndexKeysMerge() {
        entries.replaceCluster("t:quake", cluster("cl-1", 1_000));
        entries.delete("t:quake", "cl-1"); // a retraction
        entries.replaceCluster("t:quake", cluster("cl-2", 3_000));
        entries.replaceCluster("t:quake", cluster("cl-3", 4_000));
        assertEquals(List.of("b:000000000001000/t:quake", "b:000000000003000/t:quake"), indexKeys());

        assertEquals(0, entries.expire(2_000));
        assertEquals(List.of("b:000000000003000/t:quake"), indexKeys(), "the first key re-indexed the bucket where the second is");
        assertEquals(1, entries.expire(3_500));
        assertEquals(List.of("b:000000000004000/t:quake"), indexKeys());
    }

    @Test
    void indexKeysOfTheFormerPerEntryLayoutExpireTheirBucket() {
        // As written before index keys were per bucket: x:<millis>/<bucket>/<id>.
        store.put("t:quake/cl-1", BucketState.newBuilder().setStories(List.of()).setClusters(List.of(cluster("cl-1", 1_000)))
                .setLastSeen(Instant.ofEpochMilli(1_000)).build());
        store.put("t:quake/cl-2", BucketState.newBuilder().setStories(List.of()).setClusters(List.of(cluster("cl-2", 6_000)))
                .setLastSeen(Instant.ofEpochMilli(6_000)).build());
        store.put("x:000000000001000/t:quake/cl-1", BucketState.newBuilder().setStories(List.of()).setClusters(List.of())
                .setLastSeen(Instant.ofEpochMilli(1_000)).build());
        store.put("x:000000000006000/t:quake/cl-2", BucketState.newBuilder().setStories(List.of()).setClusters(List.of())
                .setLastSeen(Instant.ofEpochMilli(6_000)).build());

        assertEquals(1, entries.expire(5_000));
        assertEquals(List.of("b:000000000006000/t:quake", "x:000000000006000/t:quake/cl-2"), indexKeys());
        assertEquals(1, entries.expire(7_000));
        assertEquals(List.of(), keys());
    }

    @Test
    void anEntryOlderThanAllOthersInItsBucketIsIndexedAtItsOwnTime() {
        entries.putCluster("t:quake", cluster("future", 4_000_000_000_000L), null); // a clock a century off
        entries.putCluster("t:quake", cluster("cl-1", 1_000), Instant.ofEpochMilli(4_000_000_000_000L));
        entries.putCluster("t:quake", cluster("cl-2", 2_000), Instant.ofEpochMilli(1_000));

        assertEquals(2, entries.expire(10_000), "cl-1 and cl-2 expire on time, not a century late");
        assertEquals(List.of("t:quake/future"), keys().stream().filter(k -> k.startsWith("t:")).toList());
    }

    @Test
    void thePreviousVersionsExpiryNeitherReadsNorDeletesTheBucketIndex() {
        entries.replaceCluster("t:quake", cluster("cl-1", 1_000));
        entries.replaceCluster("t:quake", cluster("cl-2", 2_000));
        // After a roll-back, the previous version's expiry: a per-entry TimeIndex on "x:" over the same store.
        TimeIndex<BucketState> previous = new TimeIndex<>(store, "x:", BucketState::getLastSeen, millis -> BucketState.newBuilder()
                .setStories(List.of()).setClusters(List.of()).setLastSeen(Instant.ofEpochMilli(millis)).build());
        assertEquals(0, previous.expire(5_000));
        assertEquals(List.of("b:000000000001000/t:quake"), indexKeys());

        entries.replaceCluster("t:quake", cluster("cl-3", 3_000));
        assertEquals(3, entries.expire(10_000));
        assertEquals(List.of(), keys());
    }

    @Test
    void anIndexKeyIsWrittenBeforeWhatItCovers() {
        List<String> writes = new ArrayList<>();
        KeyValueStore<String, BucketState> recording = recordingWrites(writes);
        BucketEntries recorded = new BucketEntries(recording);
        recorded.putCluster("t:quake", cluster("cl-1", 1_000), null);
        recorded.putBand("n:1a", List.of(story("s1", 1_000)), null);
        assertEquals(List.of("put b:000000000001000/t:quake", "put t:quake/cl-1", "put d:000000000001000/n:1a", "put n:1a"), writes,
                "a crash after the first write leaves a spare key");

        recorded.putCluster("t:quake", cluster("cl-2", 9_000), Instant.ofEpochMilli(1_000));
        recorded.putBand("n:1a", List.of(story("s2", 9_000), story("s1", 1_000)), Instant.ofEpochMilli(1_000));
        writes.clear();
        recorded.expire(5_000);
        assertEquals(List.of("put b:000000000009000/t:quake", "delete t:quake/cl-1", "delete b:000000000001000/t:quake",
                        "put d:000000000009000/n:1a", "put n:1a", "delete d:000000000001000/n:1a"), writes,
                "the bucket is indexed again before the key that came due goes");
    }

    /** The test store, recording each put and delete (a put of null, as BlindDelete writes it, is one) in order. */
    private KeyValueStore<String, BucketState> recordingWrites(List<String> writes) {
        return (KeyValueStore<String, BucketState>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("put") || method.getName().equals("delete")) {
                        boolean delete = method.getName().equals("delete") || args[1] == null;
                        writes.add((delete ? "delete " : "put ") + args[0]);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private List<String> indexKeys() {
        return keys().stream().filter(k -> k.startsWith("b:") || k.startsWith("x:") || k.startsWith("d:")).sorted().toList();
    }

    private List<String> keys() {
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<String, BucketState> it = store.all()) {
            it.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }
}
