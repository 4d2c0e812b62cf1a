package io.wirestream.metrics;

import io.wirestream.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * When each source last delivered a wire, and which have gone quiet: the idle-provider alarm a
 * newsroom's ingest is expected to raise. Nothing from AP for forty minutes is an outage somewhere (at
 * the agency, on the line, in a producer), and the desk must hear of it before the next big story fails
 * to arrive.
 *
 * <p>A source is idle when nothing of it has arrived for {@code factor} times its usual gap between
 * wires, and never sooner than {@code minimum}. So AP, with a wire every minute or so, is idle after the
 * minimum. A regional agency with a few stories a day is idle only after many hours. The usual gap is the
 * mean gap over its last {@value #REMEMBERED} wires by the times they reached wire.raw: the span they cover
 * divided by their number (a median would shrink to nothing in a burst of copies). Those are the source's
 * pace even when the pipeline reads them in a burst, after an outage or in a replay. Silence is measured on
 * the wall clock from when the pipeline last read one of its wires, so a replay of old wires is no silence.
 * A source seen fewer than {@value #LEARNING} times is never idle: its pace is not known yet.
 *
 * <p>Thread-safe: stream threads report arrivals, the status loop and metric scrapes read.
 */
public final class SourceActivity {

    /** How many recent arrivals per source set its usual gap. */
    static final int REMEMBERED = 32;
    /** Arrivals needed before a source can be idle. */
    static final int LEARNING = 5;

    /**
     * @param minimum the shortest silence that makes a source idle; zero turns the alarm off
     * @param factor  how many usual gaps of silence make a source idle
     */
    public record Settings(Duration minimum, double factor) {

        public Settings {
            if (minimum == null || minimum.isNegative()) {
                throw new IllegalArgumentException("the idle minimum must be zero (off) or positive, not " + minimum);
            }
            if (!(factor >= 1)) {
                throw new IllegalArgumentException("the idle factor must be at least 1, not " + factor);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(30), 10);
        }

        public boolean enabled() {
            return !minimum.isZero();
        }
    }

    /** A source that went idle ({@code idle}) or delivered again after being idle. */
    public record Change(String source, boolean idle, Duration silence, Duration usualGap) {

        /** One line for the log. */
        public String describe() {
            return idle
                    ? "source " + source + " idle: nothing for " + Durations.inWords(silence) + " (usually a wire every " + Durations.inWords(usualGap) + ")"
                    : "source " + source + " delivering again after " + Durations.inWords(silence) + " of silence";
        }
    }

    private static final class Source {
        /** When its latest wires reached wire.raw, a ring of {@link #REMEMBERED}: its pace. */
        final long[] sent = new long[REMEMBERED];
        long count;
        /** When the pipeline last read one of its wires (wall clock). */
        long last;
        /** Idle at the last {@link #changes}: what the next one compares with. */
        boolean reportedIdle;
        /** The silence the first wire after being reported idle ended; -1 while none has. */
        long endedSilence = -1;

        long usualGap() {
            int n = (int) Math.min(count, REMEMBERED);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, sent[i]);
                max = Math.max(max, sent[i]);
            }
            return n < 2 ? 0 : (max - min) / (n - 1);
        }
    }

    private final Settings settings;
    private final Map<String, Source> sources = new HashMap<>();

    public SourceActivity(Settings settings) {
        this.settings = settings;
    }

    /** A wire of {@code source} was read now, {@code nowMillis} (wall clock); it reached wire.raw at {@code sentMillis}. */
    public synchronized void received(String source, long nowMillis, long sentMillis) {
        Source s = sources.computeIfAbsent(source, k -> new Source());
        if (s.count > 0 && s.reportedIdle && s.endedSilence < 0) {
            s.endedSilence = nowMillis - s.last; // the first wire back: a backlog behind it ends no further silence
        }
        s.sent[(int) (s.count % REMEMBERED)] = sentMillis;
        s.last = s.count > 0 ? Math.max(nowMillis, s.last) : nowMillis;
        s.count++;
    }

    /** When a wire of {@code source} was last read (epoch millis), if one was. */
    public synchronized OptionalLong lastReceived(String source) {
        Source s = sources.get(source);
        return s == null ? OptionalLong.empty() : OptionalLong.of(s.last);
    }

    /** Whether {@code source} is idle at {@code nowMillis}. */
    public synchronized boolean idle(String source, long nowMillis) {
        Source s = sources.get(source);
        return s != null && idle(s, nowMillis);
    }

    /** The sources idle at {@code nowMillis}, by name. */
    public synchronized List<String> idleSources(long nowMillis) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(sources).forEach((name, s) -> {
            if (idle(s, nowMillis)) {
                out.add(name);
            }
        });
        return out;
    }

    /**
     * The sources that went idle, or delivered again, since the last call (each change reported once), by
     * name: what the status loop logs.
     */
    public synchronized List<Change> changes(long nowMillis) {
        List<Change> out = new ArrayList<>();
        new TreeMap<>(sources).forEach((name, s) -> {
            boolean idle = idle(s, nowMillis);
            if (idle && !s.reportedIdle) {
                out.add(new Change(name, true, Duration.ofMillis(nowMillis - s.last), Duration.ofMillis(s.usualGap())));
            } else if (!idle && s.reportedIdle) {
                out.add(new Change(name, false, Duration.ofMillis(Math.max(0, s.endedSilence)), Duration.ofMillis(s.usualGap())));
            }
            if (idle != s.reportedIdle) {
                s.endedSilence = -1;
            }
            s.reportedIdle = idle;
        });
        return out;
    }

    private boolean idle(Source s, long nowMillis) {
        if (!settings.enabled() || s.count < LEARNING) {
            return false;
        }
        long threshold = Math.max(settings.minimum().toMillis(), (long) (settings.factor() * s.usualGap()));
        return nowMillis - s.last > threshold;
    }
}
