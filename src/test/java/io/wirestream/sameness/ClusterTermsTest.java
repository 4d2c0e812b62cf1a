package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.ClusterState;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.SamenessQuery;
import io.wirestream.serde.AvroSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cluster-terms: a cluster's update crosses once per partition of the buckets' topic, and files and retracts
 * in the bucket store exactly what one record per bucket (the versions before 2026-12-06, still read) did.
 */
class ClusterTermsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> TERMS = List.of("quake", "chile", "tsunami", "minister", "resign", "strike", "rail",
            "election", "vote", "flood", "storm", "bank", "court", "fire", "oil", "match");

    private static Properties props() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "cluster-terms-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return p;
    }

    /** A bucket store with the two processors that write it: the term queries (provisional entries) and the filings. */
    private static final class Buckets {
        final KeyValueStore<String, BucketState> store;
        final MockProcessorContext<String, SamenessMessage> queries;
        final BucketProcessor buckets;
        final ClusterIndexProcessor index;

        Buckets(SamenessSettings settings, TermBucketCaches caches) {
            queries = new MockProcessorContext<>(props(), new TaskId(0, 0), null);
            MockProcessorContext<Void, Void> terms = new MockProcessorContext<>(props(), new TaskId(0, 0), null);
            store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("buckets"), Serdes.String(),
                    AvroSerde.of(BucketState.class)).withLoggingDisabled().build();
            store.init(queries.getStateStoreContext(), store);
            queries.addStateStore(store);
            terms.addStateStore(store);
            buckets = new BucketProcessor("buckets", settings, caches);
            buckets.init(queries);
            index = new ClusterIndexProcessor("buckets", caches);
            index.init(terms);
        }

        /** A story's term query: the buckets answer and file it as the founder of a cluster of its own. */
        void ask(SamenessQuery q) {
            buckets.process(new Record<>(q.getBuckets().get(0), q, q.getEventTime().toEpochMilli()));
        }

        void file(String key, ClusterMember update) {
            index.process(new Record<>(key, update, update.getEventTime().toEpochMilli()));
        }

        Map<String, BucketState> contents() {
            return StoreContents.of(store);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6})
    void eachUpdateCrossesOncePerPartitionAndFilesWhatOneRecordPerBucketFiled(int partitions) {
        SamenessSettings d = SamenessSettings.defaults();
        SamenessSettings settings = new SamenessSettings(d.nearDupThreshold(), d.nearDupWindow(), d.bands(), d.bucketStories(),
                d.clusterThreshold(), d.shortTextThreshold(), d.clusterHalfLife(), d.clusterWindow(), d.termKeys(),
                d.bucketClusters(), partitions, d.termCacheMb(), d.sizePrior(), d.eventYears());
        MockProcessorContext<String, ClusterMember> clusterContext = new MockProcessorContext<>(props(), new TaskId(0, 0), null);
        KeyValueStore<String, ClusterState> clusters = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("clusters"),
                Serdes.String(), AvroSerde.of(ClusterState.class)).withLoggingDisabled().build();
        clusters.init(clusterContext.getStateStoreContext(), clusters);
        clusterContext.addStateStore(clusters);
        ClusterProcessor processor = new ClusterProcessor("clusters", settings);
        processor.init(clusterContext);
        AvroSerde<ClusterMember> serde = AvroSerde.of(ClusterMember.class);
        // the grouped side with a small term cache (evictions too), the reference without one
        Buckets grouped = new Buckets(settings, TermBucketCaches.ofBytes(20_000));
        Buckets perBucket = new Buckets(settings, new TermBucketCaches(0));
        Random random = new Random(11 + partitions);
        List<String> clusterIds = new ArrayList<>();
        int records = 0;
        int bucketsNamed = 0;
        int retracted = 0;
        Instant now = T0;
        for (int step = 0; step < 600; step++) {
            now = now.plusSeconds(random.nextInt(240));
            String story = "urn:s:" + step;
            Map<String, Float> vector = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                vector.put(TERMS.get(random.nextInt(TERMS.size())), 0.1f + random.nextFloat());
            }
            // every story asks its term buckets first, which file it as a provisional founder
            List<String> asked = TermVectors.topTerms(vector, settings.termKeys()).stream().map(t -> Scatter.TERM + t).toList();
            SamenessQuery q = SamenessQuery.newBuilder().setStoryKey(story).setToken("t").setEventTime(now).setShingleCount(0)
                    .setVector(vector).setBuckets(asked).build();
            grouped.ask(q);
            perBucket.ask(q);
            // then founds its own cluster, or joins one (and its provisional entries go)
            boolean joins = !clusterIds.isEmpty() && random.nextInt(3) > 0;
            String cluster = joins ? clusterIds.get(random.nextInt(clusterIds.size())) : GatherProcessor.newClusterId(story);
            if (!joins) {
                clusterIds.add(cluster);
            }
            ClusterMember member = ClusterMember.newBuilder().setClusterId(cluster).setStoryKey(story).setSource("src" + random.nextInt(9))
                    .setEventTime(now).setVector(vector).setMarks(Map.of("m" + random.nextInt(5), 1f)).build();
            clusterContext.resetForwards();
            processor.process(new Record<>(cluster, member, now.toEpochMilli()));
            Set<Integer> partitionsSeen = new HashSet<>();
            Set<String> retractedFrom = new HashSet<>();
            for (var f : clusterContext.forwarded()) {
                String key = f.record().key();
                ClusterMember update = serde.decode(serde.encode(f.record().value()));
                int partition = Scatter.partition(key, partitions);
                assertThat(partitionsSeen.add(partition)).as("one record per partition, step %d", step).isTrue();
                List<String> named = new ArrayList<>(update.getBuckets());
                named.addAll(update.getRetractFrom());
                assertThat(named).as("buckets named, step %d", step).isNotEmpty()
                        .allSatisfy(b -> assertThat(Scatter.partition(b, partitions)).isEqualTo(partition));
                assertThat(named.get(0)).isEqualTo(key);
                records++;
                bucketsNamed += update.getBuckets().size();
                retractedFrom.addAll(update.getRetractFrom());
                grouped.file(key, update);
                // the same update as one record per bucket, keyed by the bucket, the way the versions before sent it
                Set<String> buckets = new LinkedHashSet<>(update.getBuckets());
                buckets.addAll(update.getRetractFrom());
                for (String b : buckets) {
                    boolean files = update.getBuckets().contains(b);
                    perBucket.file(b, ClusterMember.newBuilder(update).setBuckets(List.of()).setRetractFrom(List.of())
                            .setRetract(update.getRetractFrom().contains(b) ? update.getRetract() : null)
                            .setVector(files ? update.getVector() : Map.of()).build());
                }
            }
            // a member that joined retracts its provisional entry from every bucket it asked, and a founder from none
            assertThat(retractedFrom).as("retracted from, step %d", step).isEqualTo(joins ? new HashSet<>(asked) : Set.of());
            if (joins) {
                String provisional = GatherProcessor.newClusterId(story);
                assertThat(grouped.contents().keySet()).as("provisional entries gone, step %d", step)
                        .noneMatch(k -> k.endsWith(BucketEntries.SEP + provisional));
                retracted += asked.size();
            }
            assertThat(grouped.contents()).as("bucket store at step %d", step).isEqualTo(perBucket.contents());
        }
        assertThat(retracted).as("joins retracted provisional entries").isPositive();
        if (partitions < 6) {
            assertThat(records).as("fewer records than buckets").isLessThan(bucketsNamed + retracted);
        }
    }
}
