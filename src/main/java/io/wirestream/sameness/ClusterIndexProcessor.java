package io.wirestream.sameness;

import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import io.wirestream.avro.ClusterMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Files a cluster's latest centroid under one term bucket ("t:" key), replacing its older snapshot
 * there; a bucket keeps the {@code bucketClusters} clusters that grew most recently. Shares the
 * bucket store with {@link BucketProcessor}, so a query sees every snapshot filed before it.
 */
public final class ClusterIndexProcessor implements Processor<String, ClusterMember, Void, Void> {

    private final String storeName;
    private final SamenessSettings settings;
    private KeyValueStore<String, BucketState> store;

    public ClusterIndexProcessor(String storeName, SamenessSettings settings) {
        this.storeName = storeName;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ClusterMember> record) {
        ClusterMember snapshot = record.value();
        BucketState state = store.get(record.key());
        if (state == null) {
            state = BucketState.newBuilder().setStories(new ArrayList<>()).setClusters(new ArrayList<>())
                    .setLastSeen(snapshot.getEventTime()).build();
        }
        List<ClusterEntry> clusters = new ArrayList<>(state.getClusters());
        state.setClusters(clusters);
        clusters.removeIf(c -> c.getClusterId().equals(snapshot.getClusterId()));
        clusters.add(ClusterEntry.newBuilder().setClusterId(snapshot.getClusterId()).setLastSeen(snapshot.getEventTime())
                .setCentroid(snapshot.getVector()).build());
        if (clusters.size() > settings.bucketClusters()) {
            clusters.sort(Comparator.comparing(ClusterEntry::getLastSeen).thenComparing(ClusterEntry::getClusterId));
            while (clusters.size() > settings.bucketClusters()) {
                clusters.remove(0);
            }
        }
        state.setLastSeen(BucketProcessor.max(state.getLastSeen(), snapshot.getEventTime()));
        store.put(record.key(), state);
    }
}
