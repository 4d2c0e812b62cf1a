package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.ClusterState;
import io.wirestream.serde.AvroSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.Test;

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

    /** A bucket store and the processor that files into it. */
    private static final class Buckets {
        final KeyValueStore<String, BucketState> store;
        final ClusterIndexProcessor index;

        Buckets() {
            MockProcessorContext<Void, Void> context = new MockProcessorContext<>(props(), new TaskId(0, 0), null);
            store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("buckets"), Serdes.String(),
                    AvroSerde.of(BucketState.class)).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
            index = new ClusterIndexProcessor("buckets", new TermBucketCaches(0));
            index.init(context);
        }

        void file(String key, ClusterMember update) {
            index.process(new Record<>(key, update, update.getEventTime().toEpochMilli()));
        }

        Map<String, BucketState> contents() {
            return StoreContents.of(store);
        }
    }

    @Test
    void eachUpdateCrossesOncePerPartitionAndFilesWhatOneRecordPerBucketFiled() {
        SamenessSettings settings = SamenessSettings.defaults();
        MockProcessorContext<String, ClusterMember> clusterContext = new MockProcessorContext<>(props(), new TaskId(0, 0), null);
        KeyValueStore<String, ClusterState> clusters = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("clusters"),
                Serdes.String(), AvroSerde.of(ClusterState.class)).withLoggingDisabled().build();
        clusters.init(clusterContext.getStateStoreContext(), clusters);
        clusterContext.addStateStore(clusters);
        ClusterProcessor processor = new ClusterProcessor("clusters", settings);
        processor.init(clusterContext);
        AvroSerde<ClusterMember> serde = AvroSerde.of(ClusterMember.class);
        Buckets grouped = new Buckets();
        Buckets perBucket = new Buckets();
        Random random = new Random(11);
        List<String> clusterIds = new ArrayList<>();
        int records = 0;
        int bucketsNamed = 0;
        int retractions = 0;
        Instant now = T0;
        for (int step = 0; step < 600; step++) {
            now = now.plusSeconds(random.nextInt(240));
            String story = "urn:s:" + step;
            // a founder of its own cluster, or a member joining one (whose provisional entries are retracted)
            boolean joins = !clusterIds.isEmpty() && random.nextInt(3) > 0;
            String cluster = joins ? clusterIds.get(random.nextInt(clusterIds.size())) : GatherProcessor.newClusterId(story);
            if (!joins) {
                clusterIds.add(cluster);
            }
            Map<String, Float> vector = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                vector.put(TERMS.get(random.nextInt(TERMS.size())), 0.1f + random.nextFloat());
            }
            ClusterMember member = ClusterMember.newBuilder().setClusterId(cluster).setStoryKey(story).setSource("src" + random.nextInt(9))
                    .setEventTime(now).setVector(vector).setMarks(Map.of("m" + random.nextInt(5), 1f)).build();
            clusterContext.resetForwards();
            processor.process(new Record<>(cluster, member, now.toEpochMilli()));
            Set<Integer> partitions = new HashSet<>();
            for (var f : clusterContext.forwarded()) {
                String key = f.record().key();
                ClusterMember update = serde.decode(serde.encode(f.record().value()));
                int partition = Scatter.partition(key, settings.partitions());
                assertThat(partitions.add(partition)).as("one record per partition, step %d", step).isTrue();
                List<String> named = new ArrayList<>(update.getBuckets());
                named.addAll(update.getRetractFrom());
                assertThat(named).as("buckets named, step %d", step).isNotEmpty()
                        .allSatisfy(b -> assertThat(Scatter.partition(b, settings.partitions())).isEqualTo(partition));
                assertThat(named.get(0)).isEqualTo(key);
                records++;
                bucketsNamed += update.getBuckets().size();
                retractions += update.getRetractFrom().size();
                grouped.file(key, update);
                // the same update as one record per bucket, the way the versions before sent it
                for (String b : update.getRetractFrom()) {
                    perBucket.file(b, ClusterMember.newBuilder().setClusterId(update.getClusterId()).setEventTime(update.getEventTime())
                            .setVector(Map.of()).setRetract(update.getRetract()).build());
                }
                for (String b : update.getBuckets()) {
                    perBucket.file(b, ClusterMember.newBuilder(update).setBuckets(List.of()).setRetractFrom(List.of()).setRetract(null).build());
                }
            }
            assertThat(grouped.contents()).as("bucket store at step %d", step).isEqualTo(perBucket.contents());
        }
        assertThat(retractions).as("joins retracted provisional entries").isPositive();
        assertThat(records).as("fewer records than buckets").isLessThan(bucketsNamed + retractions);
    }
}
