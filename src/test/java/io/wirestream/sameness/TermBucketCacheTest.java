package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.SamenessQuery;
import io.wirestream.serde.AvroSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The term bucket read cache changes nothing the buckets answer or the store holds. */
class TermBucketCacheTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> TERMS = List.of("quake", "chile", "tsunami", "minister", "resign", "strike", "rail",
            "election", "vote", "flood", "storm", "bank");

    /** A bucket store with the two processors that use it, as one task of the topology runs them. */
    private static final class Task {
        final KeyValueStore<String, BucketState> store;
        final MockProcessorContext<String, SamenessMessage> queries;
        final BucketProcessor buckets;
        final ClusterIndexProcessor index;

        Task(TermBucketCaches caches) {
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, "term-bucket-cache-test");
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            queries = new MockProcessorContext<>(p, new TaskId(0, 0), null);
            MockProcessorContext<Void, Void> terms = new MockProcessorContext<>(p, new TaskId(0, 0), null);
            store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("buckets"), Serdes.String(),
                    AvroSerde.of(BucketState.class)).withLoggingDisabled().build();
            store.init(queries.getStateStoreContext(), store);
            queries.addStateStore(store);
            terms.addStateStore(store);
            buckets = new BucketProcessor("buckets", SamenessSettings.defaults(), caches);
            buckets.init(queries);
            index = new ClusterIndexProcessor("buckets", caches);
            index.init(terms);
        }

        SamenessMessage ask(SamenessQuery q) {
            queries.resetForwards();
            buckets.process(new Record<>(q.getBuckets().get(0), q, q.getEventTime().toEpochMilli()));
            return queries.forwarded().get(0).record().value();
        }

        void file(String term, ClusterMember snapshot) {
            index.process(new Record<>(term, snapshot, snapshot.getEventTime().toEpochMilli()));
        }

        void expire(long streamTime) {
            queries.scheduledPunctuators().get(0).getPunctuator().punctuate(streamTime);
        }

        double metric(String name) {
            return queries.metrics().metrics().entrySet().stream()
                    .filter(e -> e.getKey().group().equals(BucketProcessor.METRICS_GROUP) && e.getKey().name().equals(name))
                    .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).findFirst().orElseThrow();
        }

        Map<String, BucketState> contents() {
            return StoreContents.of(store);
        }
    }

    @Test
    void queriesFilingsRetractionsAndExpiryGiveTheSameAnswersAndStoreWithTheCacheAsWithout() {
        Task plain = new Task(new TermBucketCaches(0));
        TermBucketCaches caches = TermBucketCaches.ofBytes(20_000); // a few buckets, fewer than the queries use: evictions too
        Task cached = new Task(caches);
        Random random = new Random(7);
        Instant now = T0;
        List<String> clusters = new ArrayList<>();
        for (int step = 0; step < 3_000; step++) {
            now = now.plusSeconds(random.nextInt(600));
            int op = random.nextInt(10);
            if (op < 6) {
                Map<String, Float> vector = new HashMap<>();
                List<String> buckets = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String term = TERMS.get(random.nextInt(TERMS.size()));
                    vector.put(term, 0.5f + random.nextFloat());
                    buckets.add(Scatter.TERM + term);
                }
                String story = "urn:s:" + step;
                clusters.add(GatherProcessor.newClusterId(story));
                SamenessQuery q = SamenessQuery.newBuilder().setStoryKey(story).setToken("t").setEventTime(now)
                        .setShingleCount(0).setVector(vector).setBuckets(buckets.stream().distinct().toList()).build();
                assertThat(cached.ask(q)).as("answer at step %d", step).isEqualTo(plain.ask(q));
            } else if (op < 9 && !clusters.isEmpty()) {
                String term = TERMS.get(random.nextInt(TERMS.size()));
                ClusterMember snapshot = ClusterMember.newBuilder().setClusterId(clusters.get(random.nextInt(clusters.size())))
                        .setEventTime(now).setVector(op == 8 ? Map.of() : Map.of(term, 1f)).setMarks(Map.of())
                        .setRetract(random.nextBoolean() ? clusters.get(random.nextInt(clusters.size())) : null).build();
                plain.file(Scatter.TERM + term, snapshot);
                cached.file(Scatter.TERM + term, snapshot);
            } else {
                plain.expire(now.toEpochMilli());
                cached.expire(now.toEpochMilli());
            }
            assertThat(cached.contents()).as("store at step %d", step).isEqualTo(plain.contents());
        }
        assertThat(caches.hits()).as("the cache answered reads").isPositive();
        assertThat(caches.misses()).as("and evicted buckets were read again").isPositive();

        cached.expire(now.toEpochMilli());
        assertThat(cached.metric("term-cache-hit-total")).as("metrics at the expiry pass").isEqualTo((double) caches.hits());
        assertThat(cached.metric("term-cache-miss-total")).isEqualTo((double) caches.misses());
        assertThat(cached.metric("term-cache-bytes")).isEqualTo((double) caches.bytes()).isPositive().isLessThanOrEqualTo(20_000);
    }

    @Test
    void theLeastRecentlyAskedBucketGoesFirst() {
        TermBucketCache cache = new TermBucketCache(2 * TermBucketCache.EMPTY_BUCKET);
        cache.put("t:a", List.of());
        cache.put("t:b", List.of());
        assertThat(cache.get("t:a")).isEmpty();
        cache.put("t:c", List.of());

        assertThat(cache.get("t:b")).as("least recently asked, evicted").isNull();
        assertThat(cache.get("t:a")).isNotNull();
        assertThat(cache.get("t:c")).isNotNull();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.hits()).isEqualTo(3);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void writesReachOnlyBucketsTheCacheHolds() {
        TermBucketCache cache = new TermBucketCache(1 << 20);
        BucketState entry = BucketState.newBuilder().setStories(List.of()).setClusters(List.of(ClusterEntry.newBuilder()
                .setClusterId("cl-1").setLastSeen(T0).setCentroid(Map.of()).build())).setLastSeen(T0).build();
        cache.written("t:quake", "t:quake/cl-1", entry);
        assertThat(cache.get("t:quake")).as("not cached: a later read goes to the store").isNull();

        cache.put("t:quake", List.of());
        cache.written("t:quake", "t:quake/cl-1", entry);
        assertThat(cache.get("t:quake")).extracting(kv -> kv.key).containsExactly("t:quake/cl-1");
        assertThat(cache.isEmpty("t:quake")).isFalse();
        cache.deleted("t:quake", "t:quake/cl-1");
        assertThat(cache.isEmpty("t:quake")).isTrue();
        assertThat(cache.isEmpty("t:chile")).isNull();
    }

    @Test
    void aSmallHeapGetsASmallerCache() {
        long mb = 1024L * 1024L;
        assertThat(new TermBucketCaches(64 * mb, 6_000 * mb).bytesPerTask()).isEqualTo(64 * mb);
        assertThat(new TermBucketCaches(64 * mb, 512 * mb).bytesPerTask()).as("a sixteenth of the heap").isEqualTo(32 * mb);
        assertThat(new TermBucketCaches(0, 6_000 * mb).bytesPerTask()).isZero();
    }

    @Test
    void theProcessorsOfOneTaskShareOneCacheEmptiedAtEachInit() {
        TermBucketCaches caches = new TermBucketCaches(1);
        TermBucketCache first = caches.open(new TaskId(2, 0));
        first.put("t:quake", List.of());
        TermBucketCache second = caches.open(new TaskId(2, 0));

        assertThat(second).as("the other processor of the task").isSameAs(first);
        assertThat(second.size()).as("emptied: the store may have been restored behind it").isZero();
        assertThat(caches.open(new TaskId(2, 1))).as("another task").isNotSameAs(first);

        caches.close(new TaskId(2, 0));
        caches.close(new TaskId(2, 0)); // the second processor's close finds it gone
        assertThat(caches.open(new TaskId(2, 0))).as("a task opened again starts afresh").isNotSameAs(first);
    }
}
