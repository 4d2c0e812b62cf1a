package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A thread replaced again and again is FAILING on /health, though Kafka Streams stays RUNNING. */
class ThreadFailuresTest {

    @Test
    void threeFailuresWithinFiveMinutesAreFailingAndAgeOut() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T12:00:00Z"));
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        ThreadFailures f = new ThreadFailures(clock);
        assertThat(f.failing()).isFalse();
        assertThat(f.last()).isNull();
        for (int i = 0; i < ThreadFailures.FAILING_AFTER; i++) {
            f.record(new IllegalStateException("transaction aborted " + i));
            now.set(now.get().plusSeconds(10));
        }
        assertThat(f.failing()).isTrue();
        assertThat(f.last()).contains("transaction aborted 2");
        now.set(now.get().plus(ThreadFailures.WINDOW));
        assertThat(f.recent()).isZero();
        assertThat(f.failing()).isFalse();
        assertThat(f.last()).isNull();
    }

    @Test
    void oneFailureIsNotFailing() {
        ThreadFailures f = new ThreadFailures(Clock.systemUTC());
        f.record(new RuntimeException("once"));
        assertThat(f.recent()).isEqualTo(1);
        assertThat(f.failing()).isFalse();
    }
}
