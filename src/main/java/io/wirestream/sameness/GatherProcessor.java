package io.wirestream.sameness;

import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.GatherState;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.state.TimeIndex;
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
 *
 * <p>A near-duplicate takes its original's cluster, which its own term answers need not give it: on a
 * real broker copies sent within one commit interval do not yet see each other's clusters. So it asks
 * its original: a follow request goes, keyed by the original's story key, back through
 * {@code sameness-answers} to the gather step that holds the original (one more hop, for
 * near-duplicates only), and the copy leaves from there, in the original's cluster, once the original
 * has one. See {@link #onFollow} for chains and for copies that each took the other for the original.
 *
 * <p>Its alert input need not wait for that round: a copy corroborates its original's story, and an alert
 * that a copy's outlet completes reached editors one commit interval later than one a distinct story
 * completes. So when the copy's own term answers put it in a cluster that already exists, the copy's story
 * goes to the alert stage at once, in that cluster ({@link #alertGoesAhead}); when it then settles in the
 * same cluster, as it nearly always does (its text is its original's), it is not counted again. In the
 * rare other case (the original is in a cluster its copy scores just below another, or a chain ends
 * elsewhere) it counts in the cluster it settles in as well, and its outlet in both: a corroboration the
 * copy's words supported in either. A copy whose answers found no cluster (its original too new to be in
 * the term buckets) waits for the round, as before. A copy that breaks out as a story of its own
 * ({@link #breakOut}) leaves in the cluster it was sent ahead to, where the alert stage meets it again:
 * its outlet is already there, so that changes nothing the rules count.
 */
public final class GatherProcessor implements Processor<String, SamenessMessage, String, Gathered> {

    /** How often a follow request is passed on along a chain of copies before it settles where it is. */
    static final int MAX_HOPS = 8;

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
            if (m.getFollow()) {
                // The original is unknown here (expired): the copy keeps the cluster its own answers gave it.
                settle(record, m, m.getStory().getClusterId());
                return;
            }
            if (m.getSettledCluster() != null) {
                return;
            }
            state = GatherState.newBuilder().setLastSeen(Instant.ofEpochMilli(record.timestamp()))
                    .setPending(new ArrayList<>()).setAnswers(new ArrayList<>()).setFollowers(new ArrayList<>()).build();
            expiry.index(record.key(), record.timestamp());
        } else {
            // Decoded Avro arrays do not support every List operation: work on plain lists.
            state.setPending(new ArrayList<>(state.getPending()));
            state.setAnswers(new ArrayList<>(state.getAnswers()));
            state.setFollowers(new ArrayList<>(state.getFollowers()));
        }
        if (m.getFollow()) {
            onFollow(record, state, m);
        } else if (m.getSettledCluster() != null) {
            state.setClusterId(m.getSettledCluster());
            state.setHeld(null);
        } else if (m.getStory() != null) {
            state.getPending().add(SamenessMessage.newBuilder().setStoryKey(m.getStoryKey()).setToken(m.getToken())
                    .setExpectedAnswers(m.getExpectedAnswers()).build());
        } else {
            state.getAnswers().add(m);
        }
        drain(record, state, isStoryMessage(m) ? m : null);
        if (isStoryMessage(m) && state.getPending().stream().anyMatch(p -> p.getToken().equals(m.getToken()))) {
            // The story itself waits under a key of its own, written once: the state rewritten on every
            // answer holds only a stub of it (token and answer count), not the whole story.
            store.put(waitingKey(record.key(), m.getToken()), GatherState.newBuilder()
                    .setLastSeen(Instant.ofEpochMilli(record.timestamp())).setPending(List.of(m)).setAnswers(List.of()).build());
            expiry.index(waitingKey(record.key(), m.getToken()), record.timestamp());
        }
        state.setLastSeen(BucketProcessor.max(state.getLastSeen(), Instant.ofEpochMilli(record.timestamp())));
        store.put(record.key(), state);
    }

    private static boolean isStoryMessage(SamenessMessage m) {
        return m.getStory() != null && !m.getFollow();
    }

    /**
     * Decides the versions whose answers are all in, in order; none while the story is a near-duplicate
     * waiting for its original's cluster (its updates and kills must take that cluster).
     */
    private void drain(Record<String, SamenessMessage> record, GatherState state, SamenessMessage storyMessage) {
        while (!state.getPending().isEmpty() && state.getHeld() == null) {
            SamenessMessage stub = state.getPending().get(0);
            List<SamenessMessage> answers = state.getAnswers().stream().filter(a -> a.getToken().equals(stub.getToken())).toList();
            if (answers.size() < stub.getExpectedAnswers()) {
                break;
            }
            state.getPending().remove(0);
            state.getAnswers().removeIf(a -> a.getToken().equals(stub.getToken()));
            SamenessMessage head = storyMessage;
            if (head == null || !head.getToken().equals(stub.getToken())) {
                String waiting = waitingKey(record.key(), stub.getToken());
                head = store.get(waiting).getPending().get(0);
                store.delete(waiting);
            }
            decide(record, head, answers, state);
        }
    }

    /** Where a story version waits for its answers: beside its story's state, in the same task. */
    static String waitingKey(String storyKey, String token) {
        return storyKey + "\u0000" + token;
    }

    private void decide(Record<String, SamenessMessage> record, SamenessMessage head, List<SamenessMessage> answers,
                        GatherState state) {
        EnrichedStory story = EnrichedStory.newBuilder(head.getStory()).build();
        if (head.getVector() == null) {
            // An update or kill keeps its story's cluster.
            story.setClusterId(state.getClusterId() != null ? state.getClusterId() : newClusterId(story.getStoryKey()));
            state.setClusterId(story.getClusterId());
            context.forward(record.withKey(story.getStoryKey()).withValue(new Gathered(story, null, null)));
            return;
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
        if (duplicateOf == null) {
            settleHere(record, state, new Gathered(story, null, member(story, story.getClusterId(), head)));
            return;
        }
        SamenessMessage request = SamenessMessage.newBuilder().setStoryKey(story.getStoryKey()).setToken(head.getToken())
                .setStory(story).setVector(head.getVector()).setMarks(head.getMarks()).setYears(head.getYears()).setDuplicateOf(duplicateOf).setDuplicateOfTime(duplicateOfTime)
                .setSimilarity(similarity).setFollow(true).build();
        state.setDuplicateOf(duplicateOf);
        state.setHeld(request);
        String self = story.getStoryKey();
        String original = duplicateOf;
        SamenessMessage crossed = state.getFollowers().stream()
                .filter(f -> f.getStoryKey().equals(original) && self.equals(f.getDuplicateOf())).findFirst().orElse(null);
        if (crossed != null && originalFirst(request, crossed)) {
            // The original took this story for its own original, and this one comes first: it leaves as a
            // story after all, and the waiting original with it, as its near-duplicate (see onFollow).
            breakOut(record, state);
            return;
        }
        if (alertGoesAhead(request)) {
            context.forward(record.withKey(self).withValue(Gathered.alertAhead(story)));
            request.setAlertSentAhead(true);
        }
        List<SamenessMessage> queued = state.getFollowers();
        state.setFollowers(new ArrayList<>());
        send(record, original, request);
        for (SamenessMessage f : queued) {
            if (f != crossed) {
                send(record, original, passedOn(f));
            }
        }
    }

    /**
     * A follow request from a near-duplicate of this story (the record key). This story
     * <ul>
     * <li>has its cluster: the copy leaves in it;</li>
     * <li>is still gathering its own answers: the request waits for its decision;</li>
     * <li>is itself a near-duplicate waiting for its original: the request is passed on to that
     *     original, so a chain of copies ends in the first one's cluster. Two copies that each took the
     *     other for the original (their queries crossed in the buckets) settle on the one earlier in
     *     event time, then story key: it leaves as a story after all, and the other joins it. A request
     *     that comes back to the story that sent it (a longer cycle) makes that story leave as a story.</li>
     * </ul>
     */
    private void onFollow(Record<String, SamenessMessage> record, GatherState state, SamenessMessage request) {
        String self = record.key();
        SamenessMessage held = state.getHeld();
        if (request.getStoryKey().equals(self)) {
            if (held != null) {
                breakOut(record, state);
            }
        } else if (held == null && state.getClusterId() != null) {
            settle(record, request, state.getClusterId());
        } else if (held == null) {
            state.getFollowers().add(request);
        } else if (request.getStoryKey().equals(held.getDuplicateOf()) && self.equals(request.getDuplicateOf())) {
            // Each took the other for the original. The first leaves as a story; the other's request was
            // sent to it and makes it do so there, so this request (of the first) is dropped here.
            if (originalFirst(held, request)) {
                breakOut(record, state);
                settle(record, request, state.getClusterId());
            }
        } else if (request.getHops() >= MAX_HOPS) {
            settle(record, request, held.getStory().getClusterId());
        } else {
            send(record, held.getDuplicateOf(), passedOn(request));
        }
    }

    /**
     * Whether the story of {@code mine} comes before that of {@code other}: the one tie-break of the
     * buckets ({@link Candidates#better}, at equal similarity: earlier event time, then smaller key).
     */
    private static boolean originalFirst(SamenessMessage mine, SamenessMessage other) {
        return Candidates.better(0, mine.getStory().getVersionCreated(), mine.getStoryKey(),
                0, other.getStory().getVersionCreated(), other.getStoryKey());
    }

    /** A held near-duplicate leaves as a story of its own, in the cluster its own answers gave it. */
    private void breakOut(Record<String, SamenessMessage> record, GatherState state) {
        SamenessMessage held = state.getHeld();
        state.setHeld(null);
        state.setDuplicateOf(null);
        EnrichedStory story = EnrichedStory.newBuilder(held.getStory()).build();
        settleHere(record, state, new Gathered(story, null, member(story, story.getClusterId(), held)));
    }

    /** This story leaves with its cluster; near-duplicates that waited for it leave in the same one. */
    private void settleHere(Record<String, SamenessMessage> record, GatherState state, Gathered outcome) {
        state.setClusterId(outcome.story().getClusterId());
        context.forward(record.withKey(outcome.story().getStoryKey()).withValue(outcome));
        for (SamenessMessage f : state.getFollowers()) {
            settle(record, f, state.getClusterId());
        }
        state.setFollowers(new ArrayList<>());
    }

    /**
     * A near-duplicate leaves (to stories.duplicates, keyed by its own story key) in {@code clusterId},
     * and its own gather step learns the cluster, for its later versions.
     */
    private void settle(Record<String, SamenessMessage> record, SamenessMessage request, String clusterId) {
        // Recorded on the request when it was sent, not worked out again here: a request written before an upgrade
        // that brought this went nowhere ahead, and must be counted now.
        boolean sentAhead = request.getAlertSentAhead() && clusterId.equals(request.getStory().getClusterId());
        EnrichedStory story = EnrichedStory.newBuilder(request.getStory()).setClusterId(clusterId).build();
        Duplicate d = Duplicate.newBuilder().setStoryKey(story.getStoryKey()).setDuplicateOf(request.getDuplicateOf())
                .setReason(DuplicateReason.NEAR_DUPLICATE).setSimilarity(request.getSimilarity())
                .setDetail(String.format(Locale.ROOT, "near-duplicate of %s (%.0f%% of the shorter text's shingles shared), cluster %s",
                        request.getDuplicateOf(), request.getSimilarity() * 100, clusterId))
                .setStory(story).build();
        context.forward(record.withKey(story.getStoryKey()).withValue(new Gathered(story, d, member(story, clusterId, request), null,
                sentAhead ? Gathered.AlertInput.SENT_AHEAD : Gathered.AlertInput.WITH_STORY)));
        send(record, story.getStoryKey(), SamenessMessage.newBuilder().setStoryKey(story.getStoryKey()).setToken(request.getToken())
                .setSettledCluster(clusterId).build());
    }

    /**
     * Whether a near-duplicate's story goes to the alert stage ahead of its follow request: when its own term answers
     * put it in an existing cluster (the one it carries), not one named after itself.
     */
    static boolean alertGoesAhead(SamenessMessage followRequest) {
        return !followRequest.getStory().getClusterId().equals(newClusterId(followRequest.getStoryKey()));
    }

    /** The membership of a story in its cluster, with the vector and event marks its story message (or follow request) carried. */
    private static ClusterMember member(EnrichedStory story, String clusterId, SamenessMessage features) {
        return ClusterMember.newBuilder().setClusterId(clusterId).setStoryKey(story.getStoryKey())
                .setSource(story.getSource()).setEventTime(story.getVersionCreated()).setVector(features.getVector())
                .setMarks(features.getMarks() == null ? Map.of() : features.getMarks()).setYears(features.getYears()).build();
    }

    private static SamenessMessage passedOn(SamenessMessage request) {
        return SamenessMessage.newBuilder(request).setHops(request.getHops() + 1).build();
    }

    /** A message to the gather step of story {@code to}, through {@code sameness-answers}. */
    private void send(Record<String, SamenessMessage> record, String to, SamenessMessage m) {
        context.forward(record.withKey(to).withValue(Gathered.loop(m)));
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
