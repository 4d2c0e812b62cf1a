package io.wirestream.alert;

import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.AlertState;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Signal;
import io.wirestream.avro.StoryAction;
import io.wirestream.state.TimeIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alert stage, keyed by cluster id: every accepted version and every near-duplicate copy of a
 * cluster meets the cluster's {@link AlertState} here, and the rules ({@link AlertRules}) decide its
 * level. One alert per cluster per level: a level higher than any sent goes out as a new alert
 * (update=false); later stories of a cluster already alerted refresh that alert (update=true: source
 * count, latest headline) and never send a second alert of the same level. A kill is a KILL notice.
 *
 * <p>Embargo (kept from the fidelity work): a story whose embargo has not lifted is held, in a store
 * keyed by release time (zero-padded, so it iterates in release order), and enters its cluster only
 * once the release time is reached, as if it arrived then; an editor must not be rung for copy that
 * may not run yet, and held copy does not corroborate either. Stream time releases it in replays and
 * tests. On a live feed the wall clock does too, checked every second while anything is held: stream
 * time stands still while no wire arrives, and a quiet night would otherwise hold the alert until the
 * next wire. The wall clock decides only when the feed is live (stream time within seconds of it) or
 * quiet (no record for two seconds); while a backlog or a replay is being worked through, stream time
 * alone does, so the alerts come out as they did live. A kill is never held, and drops what its story
 * has held (a story killed under embargo never comes out as an alert).
 *
 * <p>An alert record carries the time of the record that triggered it (the wire's), never the story's
 * event time: a wire dated in the future ("versionCreated" hours ahead, a wrong clock or time zone)
 * would otherwise be refused by the broker (message.timestamp.after.max.ms, an hour by default) and,
 * under exactly-once, abort every transaction that tries to write it. The event time is in the alert.
 */
public final class ClusterAlertProcessor implements Processor<String, EnrichedStory, String, Alert> {

    /** How often stream time is checked for embargoes that have lifted. */
    static final Duration RELEASE_CHECK = Duration.ofMinutes(1);
    /** How often the wall clock is, while anything is held: an embargo lifts on time even when no wire arrives. */
    static final Duration RELEASE_CHECK_WALL_CLOCK = Duration.ofSeconds(1);
    /** No record for this long: the feed is quiet, and the wall clock releases. */
    static final Duration QUIET = Duration.ofSeconds(2);
    /** Stream time within this of the wall clock: the feed is live, and the wall clock releases. */
    static final Duration LIVE = Duration.ofSeconds(10);
    private static final int KEY_DIGITS = 15;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterAlertProcessor.class);

    private final String stateStoreName;
    private final String heldStoreName;
    private final AlertSettings settings;
    private KeyValueStore<String, AlertState> states;
    private TimeIndex<AlertState> expiry;
    private KeyValueStore<String, EnrichedStory> held;
    private ProcessorContext<String, Alert> context;
    /** The wall-clock release check, scheduled only while a story is held. */
    private org.apache.kafka.streams.processor.Cancellable wallClockCheck;
    /** When (wall clock) the last record came: a feed without one for a while is quiet. */
    private long lastRecordAt;

    public ClusterAlertProcessor(String stateStoreName, String heldStoreName, AlertSettings settings) {
        this.stateStoreName = stateStoreName;
        this.heldStoreName = heldStoreName;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(stateStoreName);
        this.held = context.getStateStore(heldStoreName);
        context.schedule(RELEASE_CHECK, PunctuationType.STREAM_TIME, this::release);
        lastRecordAt = context.currentSystemTimeMs();
        if (holdsAny()) {
            checkWallClock(); // held before a restart
        }
        // Incremental: a pass reads only the clusters that came due, not the whole store. Cluster ids
        // never start with NUL, so the index keys sort apart from them.
        this.expiry = new TimeIndex<>(states, "\u0000x:", AlertState::getLastSeen,
                millis -> AlertState.newBuilder().setFirstSeen(Instant.ofEpochMilli(millis)).setFirstReceivedAt(Instant.ofEpochMilli(millis))
                        .setLastSeen(Instant.ofEpochMilli(millis)).setSources(Map.of()).setEvidence(List.of()).setLanguageReasons(List.of())
                        .setRegions(List.of()).setCategories(List.of()).build());
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, t -> expiry.expire(t - settings.retention().toMillis()));
    }

    @Override
    public void process(Record<String, EnrichedStory> record) {
        EnrichedStory s = record.value();
        if (s == null) {
            return;
        }
        Instant until = s.getEmbargoedUntil();
        long now = Math.max(context.currentStreamTimeMs(), record.timestamp());
        lastRecordAt = context.currentSystemTimeMs();
        if (until != null && until.toEpochMilli() > now && s.getAction() != StoryAction.KILL) {
            held.put(heldKey(until, s.getStoryKey()), s);
            checkWallClock();
            return;
        }
        handle(record.key(), s, eventTime(s, record.timestamp()), null, record.timestamp(), record.headers());
    }

    private static long eventTime(EnrichedStory s, long recordTime) {
        return s.getVersionCreated() != null ? s.getVersionCreated().toEpochMilli() : recordTime;
    }

    /**
     * @param recordTime the alert record's timestamp: the triggering record's, or the release's
     * @param headers    the triggering wire's record headers, carried onto the alert as every stage carries
     *                   them (tracing, the bench's send time); none for a story released from an embargo
     */
    private void handle(String clusterId, EnrichedStory s, long eventTime, Instant releasedAt, long recordTime,
                        Headers headers) {
        AlertState st = states.get(clusterId);
        if (st == null) {
            st = AlertRules.newState(s, eventTime);
            expiry.index(clusterId, eventTime);
        }
        if (s.getAction() == StoryAction.KILL) {
            st.setLastSeen(Instant.ofEpochMilli(Math.max(st.getLastSeen().toEpochMilli(), eventTime)));
            states.put(clusterId, st);
            // a story held for its embargo is killed before it lifts: it must never come out as an alert
            boolean wasHeld = dropHeld(s.getStoryKey());
            if (!wasHeld && firstSeen(s, st) && bare(s)) {
                // A bare cancel (no text: a uri and a status) of an item this pipeline never carried, a picture's most
                // often: it goes to stories.enriched like every kill, but a notice would ask editors to drop something
                // they cannot even recognise. A kill with text, or of anything seen or alerted, is always noticed.
                LOG.debug("bare cancel of {} not noticed to editors: nothing of it was seen here", s.getStoryKey());
            } else {
                forward(kill(clusterId, s, st, eventTime, wasHeld), recordTime, headers);
            }
            return;
        }
        AlertRules.include(st, s, eventTime, settings);
        Optional<AlertRules.Decision> d = AlertRules.decide(st, eventTime, settings);
        Alert out = null;
        if (d.isPresent() && AlertRules.rank(d.get().level()) > AlertRules.rank(st.getLevel())) {
            List<String> reasons = new ArrayList<>(d.get().reasons());
            if (st.getLevel() != null) {
                reasons.add("escalated from " + st.getLevel());
            }
            if (releasedAt != null) {
                reasons.add("held until the embargo lifted at " + releasedAt);
            }
            out = alert(clusterId, s, st, d.get().level(), reasons, eventTime, false);
            st.setLevel(d.get().level());
        } else if (st.getAlert() != null && (st.getSources().size() != st.getAlert().getSourceCount()
                || !s.getHeadline().equals(st.getAlert().getHeadline()))) {
            // An update only when editors would see a change: another source, a later headline.
            out = alert(clusterId, s, st, st.getLevel(), d.map(AlertRules.Decision::reasons).orElse(st.getAlert().getReasons()),
                    st.getAlert().getAlertedAt().toEpochMilli(), true);
            out.setStoryKey(st.getAlert().getStoryKey());
            out.setLatencyMs(st.getAlert().getLatencyMs());
            out.setLatencyFromTriggerMs(st.getAlert().getLatencyFromTriggerMs());
            out.setTriggerReceivedAt(st.getAlert().getTriggerReceivedAt());
        }
        if (out != null) {
            st.setAlert(out);
            forward(out, recordTime, headers);
        }
        states.put(clusterId, st);
    }

    private Alert alert(String clusterId, EnrichedStory trigger, AlertState st, AlertLevel level, List<String> reasons,
                        long alertedAt, boolean update) {
        long received = trigger.getReceivedAt().toEpochMilli();
        return Alert.newBuilder()
                .setClusterId(clusterId)
                .setStoryKey(trigger.getStoryKey())
                .setLevel(level)
                .setReasons(List.copyOf(reasons))
                .setEvidence(List.copyOf(st.getEvidence()))
                .setHeadline(trigger.getHeadline())
                .setSources(st.getSources().keySet().stream().sorted().toList())
                .setSourceCount(st.getSources().size())
                .setRegions(List.copyOf(st.getRegions()))
                .setDesk(st.getDesk())
                .setM49Region(st.getM49Region())
                .setCategories(List.copyOf(st.getCategories()))
                .setScore(st.getLanguage())
                .setFirstSeen(st.getFirstSeen())
                .setAlertedAt(Instant.ofEpochMilli(alertedAt))
                .setFirstReceivedAt(st.getFirstReceivedAt())
                .setTriggerReceivedAt(trigger.getReceivedAt())
                .setLatencyMs(Math.max(0, received - st.getFirstReceivedAt().toEpochMilli()))
                // Measurement only: Kafka Streams' cached system time (mock time under TopologyTestDriver).
                .setLatencyFromTriggerMs(Math.max(0, context.currentSystemTimeMs() - received))
                .setUpdate(update)
                .build();
    }

    /**
     * Whether a kill is the first this stage saw of its story: it kept its story's cluster (an update or kill does), so
     * a story seen before left it members; a version-less story has no previous version to tell it by.
     */
    private static boolean firstSeen(EnrichedStory s, AlertState st) {
        return st.getLevel() == null && st.getMembers() == 0 && s.getPreviousVersion() == null;
    }

    /**
     * A kill without text: no body, no standfirst, and a headline the parser made up ("Withdrawn: ...",
     * StoryFields.ensureHeadline); a headline derived from a standfirst ("This story has been withdrawn: ...") is text.
     */
    private static boolean bare(EnrichedStory s) {
        return s.getBody().isEmpty() && (s.getDescription() == null || s.getDescription().isBlank())
                && s.getSignals().contains(Signal.NO_HEADLINE);
    }

    /** Deletes what is held for a story's embargo; whether anything was. */
    private boolean dropHeld(String storyKey) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedStory> it = held.all()) {
            it.forEachRemaining(kv -> {
                if (kv.key.substring(KEY_DIGITS + 1).equals(storyKey)) {
                    keys.add(kv.key);
                }
            });
        }
        keys.forEach(held::delete);
        return !keys.isEmpty();
    }

    private Alert kill(String clusterId, EnrichedStory s, AlertState st, long eventTime, boolean wasHeld) {
        List<String> reasons = new ArrayList<>();
        String before;
        if (wasHeld) {
            before = "; it was delivered under an embargo, which no longer lifts";
        } else if (st.getLevel() != null) {
            before = String.format(Locale.ROOT, "; its cluster was alerted at %s", st.getLevel());
        } else if (!firstSeen(s, st)) {
            before = "; it was delivered";
        } else {
            // the kill is the first this pipeline saw of the story: editors may have it from elsewhere
            before = "; no earlier version was seen here";
        }
        reasons.add("story killed (pubStatus " + s.getPubStatus() + ")" + before);
        AlertState routing = st;
        if (st.getMembers() == 0) {
            // nothing else of the cluster was seen: the notice is routed by the killed story's own regions, desk,
            // categories and source (a copy: a killed story is no source of the cluster for later alerts)
            routing = AlertState.newBuilder(st).build();
            AlertRules.include(routing, s, eventTime, settings);
        }
        Alert a = alert(clusterId, s, routing, AlertLevel.KILL, reasons, eventTime, false);
        a.setEvidence(List.of(s.getStoryKey()));
        return a;
    }

    private void forward(Alert a, long timestamp, Headers headers) {
        context.forward(new Record<>(a.getClusterId(), a, timestamp, headers));
    }

    /**
     * Checks the wall clock every second while anything is held (each check is a punctuation, after which
     * Kafka Streams commits: none while nothing is held, so an idle instance stays idle).
     */
    private void checkWallClock() {
        if (wallClockCheck == null) {
            wallClockCheck = context.schedule(RELEASE_CHECK_WALL_CLOCK, PunctuationType.WALL_CLOCK_TIME, this::releaseByWallClock);
        }
    }

    void releaseByWallClock(long now) {
        boolean live = now - context.currentStreamTimeMs() <= LIVE.toMillis();
        boolean quiet = now - lastRecordAt >= QUIET.toMillis();
        if (live || quiet) {
            release(now);
        }
        if (!holdsAny()) {
            wallClockCheck.cancel();
            wallClockCheck = null;
        }
    }

    private boolean holdsAny() {
        try (KeyValueIterator<String, EnrichedStory> it = held.all()) {
            return it.hasNext();
        }
    }

    /** Lets every held story whose release time has come ({@code now}: stream time or the wall clock) into its cluster. */
    void release(long now) {
        List<KeyValue<String, EnrichedStory>> due = new ArrayList<>();
        try (KeyValueIterator<String, EnrichedStory> it = held.range(heldKey(Instant.EPOCH, ""),
                heldKey(Instant.ofEpochMilli(now), "\uffff"))) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, EnrichedStory> kv : due) {
            held.delete(kv.key);
            long releasedAt = Long.parseLong(kv.key.substring(0, KEY_DIGITS));
            EnrichedStory s = kv.value;
            if (s.getClusterId() != null) {
                handle(s.getClusterId(), s, releasedAt, Instant.ofEpochMilli(releasedAt), now, new RecordHeaders());
            }
        }
    }

    private static String heldKey(Instant releaseAt, String storyKey) {
        return String.format(Locale.ROOT, "%0" + KEY_DIGITS + "d|%s", releaseAt.toEpochMilli(), storyKey);
    }
}
