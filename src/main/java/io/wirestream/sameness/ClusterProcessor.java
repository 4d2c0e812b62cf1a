package io.wirestream.sameness;

import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.ClusterState;
import io.wirestream.state.TimeIndex;
import java.time.Duration;
import java.time.Instant;
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
 * Keeps one event cluster's centroid (the sum of its members' vectors), its {@link EventMarks} (the sum
 * of its members'), size and distinct sources, keyed by cluster id, and sends the new centroid with the
 * strongest marks to the term buckets it should be found under: the centroid's strongest terms and the
 * new member's. A cluster that has not grown for the cluster
 * window starts afresh (and the expiry, every minute of stream time, deletes it).
 */
public final class ClusterProcessor implements Processor<String, ClusterMember, String, ClusterMember> {

    /** Terms a centroid keeps: enough for the vocabulary of a story told many ways, bounded per cluster. */
    static final int CENTROID_TERMS = 100;
    /**
     * A centroid this close to the one last filed everywhere is filed only under buckets new to it.
     * 0.95 (with 10 min below) lost UCI B-cubed F1 0.8113 → 0.8104 (recall: joins missed on stale
     * snapshots); 0.98 and 5 min keep 0.8113.
     */
    static final double REFILE_COSINE = 0.98;
    /**
     * ... and only while the cluster grew within this of that filing: the buckets score with the
     * snapshot's last-seen time, and 5 minutes behind is a factor exp(-5 min / 6 h) = 0.986 of decay.
     */
    static final Duration REFILE_AFTER = Duration.ofMinutes(5);
    /** Term buckets a cluster remembers being filed under (a bucket it forgets is filed again when wanted). */
    static final int MAX_INDEXED_TERMS = 64;

    private final String storeName;
    private final SamenessSettings settings;
    private KeyValueStore<String, ClusterState> store;
    private TimeIndex<ClusterState> expiry;
    private ProcessorContext<String, ClusterMember> context;

    public ClusterProcessor(String storeName, SamenessSettings settings) {
        this.storeName = storeName;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, ClusterMember> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // Cluster ids start "cl-", so the index keys sort apart from them.
        this.expiry = new TimeIndex<>(store, "x:", ClusterState::getLastSeen, millis -> ClusterState.newBuilder()
                .setFirstSeen(Instant.ofEpochMilli(millis)).setLastSeen(Instant.ofEpochMilli(millis)).build());
        context.schedule(BucketProcessor.EXPIRY_EVERY, PunctuationType.STREAM_TIME,
                t -> expiry.expire(t - settings.clusterWindow().toMillis()));
    }

    @Override
    public void process(Record<String, ClusterMember> record) {
        ClusterMember m = record.value();
        ClusterState state = store.get(record.key());
        if (state == null) {
            expiry.index(record.key(), m.getEventTime().toEpochMilli());
        }
        if (state == null || m.getEventTime().toEpochMilli() - state.getLastSeen().toEpochMilli() > settings.clusterWindow().toMillis()) {
            state = ClusterState.newBuilder().setCentroid(new HashMap<>()).setFirstSeen(m.getEventTime())
                    .setLastSeen(m.getEventTime()).setSize(0).setSources(new ArrayList<>()).setIndexedTerms(new ArrayList<>())
                    .setFiledCentroid(new HashMap<>()).setFiledAt(Instant.EPOCH).setMarks(new HashMap<>()).setYears(new HashMap<>()).build();
        }
        state.setMarks(EventMarks.addTo(state.getMarks(), m.getMarks()));
        state.setYears(EventYears.addTo(state.getYears(), m.getYears()));
        Map<String, Float> kept = TermVectors.addKeepingTop(state.getCentroid(), m.getVector(), CENTROID_TERMS);
        state.setCentroid(kept);
        state.setSize(state.getSize() + 1);
        state.setLastSeen(BucketProcessor.max(state.getLastSeen(), m.getEventTime()));
        if (m.getSource() != null && !state.getSources().contains(m.getSource())) {
            List<String> sources = new ArrayList<>(state.getSources());
            sources.add(m.getSource());
            state.setSources(sources);
        }
        Map<String, Float> centroid = TermVectors.top(kept, TermVectors.TERMS);
        Map<String, Float> marks = EventMarks.filed(state.getMarks());
        List<Integer> years = EventYears.filed(state.getYears());
        boolean founder = m.getStoryKey() != null && GatherProcessor.newClusterId(m.getStoryKey()).equals(record.key());
        List<String> filed = filings(state, centroid, m.getVector(), founder);
        // The member asked its term buckets as the founder of a cluster of its own (a provisional
        // entry, see BucketProcessor); it joined this one instead, so that entry goes, riding on the
        // filing to the same partition where there is one.
        List<String> retracted = m.getStoryKey() != null && !founder ? TermVectors.topTerms(m.getVector(), settings.termKeys()) : List.of();
        store.put(record.key(), state);
        // One record per partition of cluster-terms, keyed by its first bucket, as the queries go: the centroid
        // crosses Kafka once per partition, not once per bucket.
        Set<String> fileTo = new LinkedHashSet<>();
        filed.forEach(t -> fileTo.add(Scatter.TERM + t));
        Set<String> retractFrom = new LinkedHashSet<>();
        retracted.forEach(t -> retractFrom.add(Scatter.TERM + t));
        Set<String> named = new LinkedHashSet<>(fileTo);
        named.addAll(retractFrom);
        String provisional = retracted.isEmpty() ? null : GatherProcessor.newClusterId(m.getStoryKey());
        for (List<String> group : Scatter.byPartition(List.copyOf(named), settings.partitions()).values()) {
            List<String> files = group.stream().filter(fileTo::contains).toList();
            List<String> retracts = group.stream().filter(retractFrom::contains).toList();
            ClusterMember.Builder b = ClusterMember.newBuilder().setClusterId(record.key()).setRetract(retracts.isEmpty() ? null : provisional)
                    .setBuckets(files).setRetractFrom(retracts);
            if (files.isEmpty()) {
                b.setEventTime(m.getEventTime()).setVector(Map.of());
            } else {
                b.setEventTime(state.getLastSeen()).setVector(centroid).setMarks(marks).setSize(state.getSize()).setYears(years);
            }
            context.forward(record.withKey(group.get(0)).withValue(b.build()));
        }
    }

    /**
     * The term buckets a cluster's new centroid goes to: those of its strongest terms and of its new
     * member's. Each bucket keeps the snapshot last filed there, so when the centroid has barely moved
     * (cosine with the one last filed everywhere at least {@link #REFILE_COSINE}) and grew within
     * {@link #REFILE_AFTER} of that filing, only buckets it is not filed under yet get it; otherwise
     * all of them. A growing cluster's snapshots are so never more than a few minutes behind in
     * recency decay, nor more than a small angle off in direction, and a cluster of one burst costs
     * a few filings per member instead of {@code 2 x termKeys}. A cluster's founder needs none: its
     * provisional entries are the same snapshot under the same terms. Updates the state's record of it.
     */
    List<String> filings(ClusterState state, Map<String, Float> centroid, Map<String, Float> member, boolean founder) {
        Set<String> wanted = new LinkedHashSet<>(TermVectors.topTerms(centroid, settings.termKeys()));
        wanted.addAll(TermVectors.topTerms(member, settings.termKeys()));
        List<String> indexed = new ArrayList<>(state.getIndexedTerms());
        // A founder's provisional entries (BucketProcessor) are already this very snapshot, under these terms.
        boolean founded = state.getSize() == 1 && founder;
        // (Until Dec 3 the "!founded" bound only the first test, so a founder, whose filed centroid is
        // empty, failed the cosine test and was filed again everywhere: 8 records per new cluster for nothing.)
        boolean refile = !founded && (state.getFiledCentroid().isEmpty()
                || TermVectors.cosine(centroid, state.getFiledCentroid()) < REFILE_COSINE
                || state.getLastSeen().toEpochMilli() - state.getFiledAt().toEpochMilli() >= REFILE_AFTER.toMillis());
        List<String> to = new ArrayList<>();
        for (String t : wanted) {
            if (refile || (!founded && !indexed.contains(t))) {
                to.add(t);
            }
            indexed.remove(t);
            indexed.add(t);
        }
        while (indexed.size() > MAX_INDEXED_TERMS) {
            indexed.remove(0);
        }
        state.setIndexedTerms(indexed);
        if (refile || founded) {
            state.setFiledCentroid(centroid);
            state.setFiledAt(state.getLastSeen());
        }
        return to;
    }
}
