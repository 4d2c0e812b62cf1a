package io.wirestream.sameness;

import io.wirestream.avro.BandEntry;
import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.SamenessQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A band or term bucket answering one query. A band bucket ("n:" key) compares the story's shingles
 * with the stories it holds and answers the most similar one at or above the near-duplicate
 * threshold, then remembers the story (newest {@code bucketStories} kept). A term bucket ("t:" key)
 * scores the story's vector against the centroids of the clusters indexed under that term, decayed
 * by how long ago each cluster last grew, and answers the best few. Every query gets exactly one
 * answer, possibly empty, so the gather step can count them.
 */
public final class BucketProcessor implements Processor<String, SamenessQuery, String, SamenessMessage> {

    /** Clusters one term bucket reports per query: the gather step keeps the best per cluster anyway. */
    static final int CLUSTERS_PER_ANSWER = 3;

    private final String storeName;
    private final SamenessSettings settings;
    private KeyValueStore<String, BucketState> store;
    private ProcessorContext<String, SamenessMessage> context;

    public BucketProcessor(String storeName, SamenessSettings settings) {
        this.storeName = storeName;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SamenessMessage> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME,
                t -> Expiry.expire(store, t, Math.max(settings.nearDupWindow().toMillis(), settings.clusterWindow().toMillis()),
                        BucketState::getLastSeen));
    }

    @Override
    public void process(Record<String, SamenessQuery> record) {
        SamenessQuery q = record.value();
        BucketState state = store.get(record.key());
        if (state == null) {
            state = BucketState.newBuilder().setStories(new ArrayList<>()).setClusters(new ArrayList<>())
                    .setLastSeen(q.getEventTime()).build();
        } else {
            // Decoded Avro arrays do not support every List operation: work on plain lists.
            state.setStories(new ArrayList<>(state.getStories()));
        }
        SamenessMessage.Builder answer = SamenessMessage.newBuilder().setStoryKey(q.getStoryKey()).setToken(q.getToken());
        if (q.getShingles() != null) {
            answerBand(state, q, answer);
            store.put(record.key(), state);
        } else if (q.getVector() != null) {
            answer.setClusterScores(clusterScores(state.getClusters(), q.getVector(), q.getEventTime(), settings));
        }
        context.forward(record.withKey(q.getStoryKey()).withValue(answer.build()));
    }

    private void answerBand(BucketState state, SamenessQuery q, SamenessMessage.Builder answer) {
        Shingles mine = Shingles.unpack(q.getShingles(), q.getShingleCount());
        long window = settings.nearDupWindow().toMillis();
        BandEntry best = null;
        double bestSimilarity = 0;
        for (BandEntry e : state.getStories()) {
            if (e.getStoryKey().equals(q.getStoryKey())
                    || Math.abs(e.getEventTime().toEpochMilli() - q.getEventTime().toEpochMilli()) > window) {
                continue;
            }
            double c = Shingles.containment(mine, Shingles.unpack(e.getShingles(), e.getShingleCount()));
            if (c >= settings.nearDupThreshold() && (best == null || Candidates.better(c, e.getEventTime(), e.getStoryKey(),
                    bestSimilarity, best.getEventTime(), best.getStoryKey()))) {
                best = e;
                bestSimilarity = c;
            }
        }
        if (best != null) {
            answer.setDuplicateOf(best.getStoryKey()).setDuplicateOfTime(best.getEventTime()).setSimilarity(bestSimilarity);
        }
        List<BandEntry> stories = state.getStories();
        stories.add(BandEntry.newBuilder().setStoryKey(q.getStoryKey()).setEventTime(q.getEventTime())
                .setShingles(q.getShingles()).setShingleCount(q.getShingleCount()).build());
        while (stories.size() > settings.bucketStories()) {
            stories.remove(0);
        }
        state.setLastSeen(max(state.getLastSeen(), q.getEventTime()));
    }

    /** Decayed cosine of a vector with each cluster centroid in the bucket, best {@link #CLUSTERS_PER_ANSWER}. */
    static Map<String, Double> clusterScores(List<ClusterEntry> clusters, Map<String, Float> vector, Instant at,
                                             SamenessSettings settings) {
        long window = settings.clusterWindow().toMillis();
        double halfLife = settings.clusterHalfLife().toMillis();
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (ClusterEntry c : clusters) {
            long age = Math.abs(at.toEpochMilli() - c.getLastSeen().toEpochMilli());
            if (age > window) {
                continue;
            }
            double score = TermVectors.cosine(vector, c.getCentroid()) * Math.exp(-age / halfLife);
            if (score > 0) {
                scored.add(Map.entry(c.getClusterId(), score));
            }
        }
        scored.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(e -> -e.getValue()).thenComparing(Map.Entry::getKey));
        Map<String, Double> out = new HashMap<>();
        scored.stream().limit(CLUSTERS_PER_ANSWER).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
