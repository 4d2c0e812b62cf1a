package io.wirestream.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SourceActivityTest {

    private static final long MIN = 60_000;

    private final SourceActivity activity = new SourceActivity(new SourceActivity.Settings(Duration.ofMinutes(30), 10));

    /** {@code n} wires of {@code source}, {@code gap} ms apart from {@code from}; the time of the last. */
    private long deliver(String source, int n, long from, long gap) {
        long t = from;
        for (int i = 0; i < n; i++) {
            t = from + i * gap;
            activity.received(source, t, t);
        }
        return t;
    }

    @Test
    void aBusyAgencyIsIdleAfterTheMinimumSilence() {
        long last = deliver("ap", 40, 0, MIN); // a wire a minute: ten gaps are 10 min, the minimum rules
        assertThat(activity.idle("ap", last + 29 * MIN)).isFalse();
        assertThat(activity.idle("ap", last + 31 * MIN)).isTrue();
        assertThat(activity.lastReceived("ap")).hasValue(last);
    }

    @Test
    void aSlowSourceIsIdleOnlyAfterTenOfItsUsualGaps() {
        long last = deliver("regional", 6, 0, 120 * MIN); // one story every two hours
        assertThat(activity.idle("regional", last + 19 * 60 * MIN)).isFalse();
        assertThat(activity.idle("regional", last + 21 * 60 * MIN)).isTrue();
    }

    @Test
    void aSourceSeenOnlyAFewTimesIsNeverIdle() {
        long last = deliver("new", SourceActivity.LEARNING - 1, 0, MIN);
        assertThat(activity.idle("new", last + 1000 * MIN)).isFalse();
        assertThat(activity.idle("never-seen", 1000 * MIN)).isFalse();
    }

    @Test
    void aBurstOfCopiesDoesNotShrinkTheUsualGap() {
        // twenty wires a minute apart, then twelve copies in one second: the mean gap over the last 32
        // arrivals is still about 40 s, so the minimum decides, not a gap of milliseconds
        long t = deliver("afp", 20, 0, MIN);
        long last = deliver("afp", 12, t + MIN, 80);
        assertThat(activity.idle("afp", last + 29 * MIN)).isFalse();
        assertThat(activity.idle("afp", last + 31 * MIN)).isTrue();
    }

    @Test
    void eachChangeIsReportedOnceAndTheReturnSaysHowLongItWasQuiet() {
        long last = deliver("ap", 40, 0, MIN);
        assertThat(activity.changes(last + 10 * MIN)).isEmpty();
        var wentIdle = activity.changes(last + 31 * MIN);
        assertThat(wentIdle).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo("ap");
            assertThat(c.idle()).isTrue();
            assertThat(c.describe()).isEqualTo("source ap idle: nothing for 31 min (usually a wire every 60 s)");
        });
        assertThat(activity.changes(last + 40 * MIN)).isEmpty();
        assertThat(activity.idleSources(last + 40 * MIN)).containsExactly("ap");

        activity.received("ap", last + 45 * MIN, last + 45 * MIN);
        for (int i = 1; i <= 20; i++) {
            activity.received("ap", last + 45 * MIN + i * 100, last + 45 * MIN + i * 100); // the backlog behind it
        }
        var back = activity.changes(last + 46 * MIN);
        assertThat(back).singleElement().satisfies(c -> {
            assertThat(c.idle()).isFalse();
            assertThat(c.describe()).isEqualTo("source ap delivering again after 45 min of silence");
        });
        assertThat(activity.changes(last + 47 * MIN)).isEmpty();
        assertThat(activity.idleSources(last + 47 * MIN)).isEmpty();
    }

    @Test
    void aSourcesPaceIsReadFromWhenItsWiresReachedTheRawTopicNotWhenTheyWereRead() {
        // a regional agency's day (a story every two hours) read in one burst after an outage or in a replay: its
        // pace is still two hours, so half an hour of silence after the burst is no alarm
        long now = 100 * 60 * MIN;
        for (int i = 0; i < 12; i++) {
            activity.received("regional", now + i * 50, i * 120 * MIN);
        }
        assertThat(activity.idle("regional", now + 31 * MIN)).isFalse();
        assertThat(activity.idle("regional", now + 21 * 60 * MIN)).isTrue();
        assertThat(activity.lastReceived("regional")).hasValue(now + 11 * 50);
    }

    @Test
    void aZeroMinimumTurnsTheAlarmOff() {
        SourceActivity off = new SourceActivity(new SourceActivity.Settings(Duration.ZERO, 10));
        for (int i = 0; i < 40; i++) {
            off.received("ap", i * MIN, i * MIN);
        }
        assertThat(off.idle("ap", 100_000 * MIN)).isFalse();
        assertThat(off.changes(100_000 * MIN)).isEmpty();
        assertThat(off.lastReceived("ap")).hasValue(39 * MIN);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new SourceActivity.Settings(Duration.ofMinutes(-1), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceActivity.Settings(Duration.ofMinutes(30), 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(io.wirestream.text.Durations.inWords(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
    }
}
