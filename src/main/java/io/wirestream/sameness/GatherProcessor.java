package io.wirestream.sameness;

import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.GatherState;
import io.wirestream.avro.SamenessMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The gather half, keyed by story key: holds a NEW story until all its bucket answers are in, then
 * decides. Near-duplicate: the best band answer (highest containment, then the earliest in event
 * time, as the original, then the smallest story key, so every instance breaks ties alike). Cluster: the best decayed centroid score over all term answers,
 * if it reaches the threshold (lower for headline-only stories), else a new cluster named after the
 * story. Updates and kills wait behind an earlier version of their story that is still gathering,
 * then take the cluster their story joined. The story key's cluster is kept for the version retention.
 */
public final class GatherProcessor implements Processor<String, SamenessMessage, String, Gathered> {

    private final String storeName;
    private final SamenessSettings settings;
    private final Duration retention;
    private KeyValueStore<String, GatherState> store;
    private TimeIndex<GatherState> expiry;
    private ProcessorContext<String, Gathered> context;

    public GatherProcessor(String storeName, SamenessSettings settings, Duration retention) {
        this.storeName = storeName;
        this.settings = settings;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Gathered> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // Story keys never start with NUL, so the index keys sort apart from them.
        this.expiry = new TimeIndex<>(store, "\u0000x:", GatherState::getLastSeen, millis -> GatherState.newBuilder()
                .setLastSeen(Instant.ofEpochMilli(millis)).setPending(List.of()).setAnswers(List.of()).build());
        context.schedule(BucketProcessor.EXPIRY_EVERY, PunctuationType.STREAM_TIME, t -> expiry.expire(t - retention.toMillis()));
    }

    @Override
    public void process(Record<String, SamenessMessage> record) {
        SamenessMessage m = record.value();
        GatherState state = store.get(record.key());
        if (state == null) {
            state = GatherState.newBuilder().setLastSeen(Instant.ofEpochMilli(record.timestamp()))
                    .setPending(new ArrayList<>()).setAnswers(new ArrayList<>()).build();
            expiry.index(record.key(), record.timestamp());
        } else {
            // Decoded Avro arrays do not support every List operation: work on plain lists.
            state.setPending(new ArrayList<>(state.getPending()));
            state.setAnswers(new ArrayList<>(state.getAnswers()));
        }
        if (m.getStory() != null) {
            state.getPending().add(SamenessMessage.newBuilder().setStoryKey(m.getStoryKey()).setToken(m.getToken())
                    .setExpectedAnswers(m.getExpectedAnswers()).build());
        } else {
            state.getAnswers().add(m);
        }
        while (!state.getPending().isEmpty()) {
            SamenessMessage stub = state.getPending().get(0);
            List<SamenessMessage> answers = state.getAnswers().stream().filter(a -> a.getToken().equals(stub.getToken())).toList();
            if (answers.size() < stub.getExpectedAnswers()) {
                break;
            }
            state.getPending().remove(0);
            state.getAnswers().removeIf(a -> a.getToken().equals(stub.getToken()));
            SamenessMessage head = m;
            if (m.getStory() == null || !m.getToken().equals(stub.getToken())) {
                String waiting = waitingKey(record.key(), stub.getToken());
                head = store.get(waiting).getPending().get(0);
                store.delete(waiting);
            }
            context.forward(record.withValue(decide(head, answers, state)));
        }
        if (m.getStory() != null && state.getPending().stream().anyMatch(p -> p.getToken().equals(m.getToken()))) {
            // The story itself waits under a key of its own, written once: the state rewritten on every
            // answer holds only a stub of it (token and answer count), not the whole story.
            store.put(waitingKey(record.key(), m.getToken()), GatherState.newBuilder()
                    .setLastSeen(Instant.ofEpochMilli(record.timestamp())).setPending(List.of(m)).setAnswers(List.of()).build());
            expiry.index(waitingKey(record.key(), m.getToken()), record.timestamp());
        }
        state.setLastSeen(BucketProcessor.max(state.getLastSeen(), Instant.ofEpochMilli(record.timestamp())));
        store.put(record.key(), state);
    }

    /** Where a story version waits for its answers: beside its story's state, in the same task. */
    static String waitingKey(String storyKey, String token) {
        return storyKey + "\u0000" + token;
    }

    private Gathered decide(SamenessMessage head, List<SamenessMessage> answers, GatherState state) {
        EnrichedStory story = EnrichedStory.newBuilder(head.getStory()).build();
        if (head.getVector() == null) {
            // An update or kill keeps its story's cluster.
            story.setClusterId(state.getClusterId() != null ? state.getClusterId() : newClusterId(story.getStoryKey()));
            state.setClusterId(story.getClusterId());
            return new Gathered(story, null, null);
        }
        String duplicateOf = null;
        Instant duplicateOfTime = null;
        double similarity = 0;
        Map<String, Double> scores = new HashMap<>();
        for (SamenessMessage a : answers) {
            String d = a.getDuplicateOf();
            if (d != null && (duplicateOf == null || Candidates.better(a.getSimilarity(), a.getDuplicateOfTime(), d,
                    similarity, duplicateOfTime, duplicateOf))) {
                duplicateOf = d;
                duplicateOfTime = a.getDuplicateOfTime();
                similarity = a.getSimilarity();
            }
            a.getClusterScores().forEach((c, s) -> scores.merge(c, s, Math::max));
        }
        story.setClusterId(clusterFor(story, scores, settings));
        state.setClusterId(story.getClusterId());
        ClusterMember member = ClusterMember.newBuilder().setClusterId(story.getClusterId()).setStoryKey(story.getStoryKey())
                .setSource(story.getSource()).setEventTime(story.getVersionCreated()).setVector(head.getVector()).build();
        if (duplicateOf == null) {
            return new Gathered(story, null, member);
        }
        state.setDuplicateOf(duplicateOf);
        Duplicate d = Duplicate.newBuilder().setStoryKey(story.getStoryKey()).setDuplicateOf(duplicateOf)
                .setReason(DuplicateReason.NEAR_DUPLICATE).setSimilarity(similarity)
                .setDetail(String.format(Locale.ROOT, "near-duplicate of %s (%.0f%% of the shorter text's shingles shared), cluster %s",
                        duplicateOf, similarity * 100, story.getClusterId()))
                .setStory(story).build();
        return new Gathered(story, d, member);
    }

    /**
     * The cluster a new story joins: the best decayed centroid score over its term answers if it
     * reaches the threshold (lower for headline-only stories), ties by cluster id; else a new cluster
     * named after the story.
     */
    public static String clusterFor(EnrichedStory story, Map<String, Double> scores, SamenessSettings settings) {
        double threshold = TermVectors.isShort(story.getBody()) ? settings.shortTextThreshold() : settings.clusterThreshold();
        String cluster = null;
        double best = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (e.getValue() >= threshold && (e.getValue() > best || (e.getValue() == best && e.getKey().compareTo(cluster) < 0))) {
                cluster = e.getKey();
                best = e.getValue();
            }
        }
        return cluster != null ? cluster : newClusterId(story.getStoryKey());
    }

    /** A new cluster is named after the story that founded it: the same name on every instance. */
    public static String newClusterId(String storyKey) {
        long h = 0xcbf29ce484222325L;
        for (byte b : storyKey.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return String.format(Locale.ROOT, "cl-%016x", h);
    }
}
