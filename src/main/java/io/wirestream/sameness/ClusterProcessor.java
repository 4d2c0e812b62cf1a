package io.wirestream.sameness;

import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.ClusterState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one event cluster's centroid (the sum of its members' vectors), size and distinct sources,
 * keyed by cluster id, and sends the new centroid to the term buckets it should be found under: the
 * centroid's strongest terms and the new member's. A cluster that has not grown for the cluster
 * window starts afresh (and the hourly expiry deletes it).
 */
public final class ClusterProcessor implements Processor<String, ClusterMember, String, ClusterMember> {

    /** Terms a centroid keeps: enough for the vocabulary of a story told many ways, bounded per cluster. */
    static final int CENTROID_TERMS = 100;

    private final String storeName;
    private final SamenessSettings settings;
    private KeyValueStore<String, ClusterState> store;
    private ProcessorContext<String, ClusterMember> context;

    public ClusterProcessor(String storeName, SamenessSettings settings) {
        this.storeName = storeName;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, ClusterMember> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME,
                t -> Expiry.expire(store, t, settings.clusterWindow().toMillis(), ClusterState::getLastSeen));
    }

    @Override
    public void process(Record<String, ClusterMember> record) {
        ClusterMember m = record.value();
        ClusterState state = store.get(record.key());
        if (state == null || m.getEventTime().toEpochMilli() - state.getLastSeen().toEpochMilli() > settings.clusterWindow().toMillis()) {
            state = ClusterState.newBuilder().setCentroid(new HashMap<>()).setFirstSeen(m.getEventTime())
                    .setLastSeen(m.getEventTime()).setSize(0).setSources(new ArrayList<>()).build();
        }
        Map<String, Float> sum = new HashMap<>(state.getCentroid());
        TermVectors.add(sum, m.getVector());
        // Keep the strongest terms at their summed weights (not rescaled), so later members add up alike.
        Map<String, Float> kept = new HashMap<>();
        for (String t : TermVectors.topTerms(sum, CENTROID_TERMS)) {
            kept.put(t, sum.get(t));
        }
        state.setCentroid(kept);
        state.setSize(state.getSize() + 1);
        state.setLastSeen(BucketProcessor.max(state.getLastSeen(), m.getEventTime()));
        if (m.getSource() != null && !state.getSources().contains(m.getSource())) {
            List<String> sources = new ArrayList<>(state.getSources());
            sources.add(m.getSource());
            state.setSources(sources);
        }
        store.put(record.key(), state);

        Map<String, Float> centroid = TermVectors.top(kept, TermVectors.TERMS);
        Set<String> terms = new LinkedHashSet<>(TermVectors.topTerms(centroid, settings.termKeys()));
        terms.addAll(TermVectors.topTerms(m.getVector(), settings.termKeys()));
        List<String> ordered = new ArrayList<>(terms);
        for (String t : ordered) {
            context.forward(record.withKey(Scatter.TERM + t).withValue(ClusterMember.newBuilder().setClusterId(record.key())
                    .setEventTime(state.getLastSeen()).setVector(centroid).build()));
        }
    }
}
