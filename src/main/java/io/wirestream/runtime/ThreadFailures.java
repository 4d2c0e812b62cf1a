package io.wirestream.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stream-thread failures of the last minutes, for {@code /health}. A failed thread is replaced and the
 * application stays RUNNING, so its state alone says UP while a record that fails every time (the
 * broker refusing what the transaction writes) stops all progress behind it: a few failures in a
 * short window are reported as FAILING instead. Thread-safe.
 */
public final class ThreadFailures {

    /** Failures within {@link #WINDOW} from which the application counts as failing. */
    static final int FAILING_AFTER = 3;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Deque<Long> times = new ArrayDeque<>();
    private String last;

    public ThreadFailures(Clock clock) {
        this.clock = clock;
    }

    public synchronized void record(Throwable failure) {
        times.addLast(clock.millis());
        last = String.valueOf(failure);
        prune();
    }

    /** Failures within the window. */
    public synchronized int recent() {
        prune();
        return times.size();
    }

    public boolean failing() {
        return recent() >= FAILING_AFTER;
    }

    /** The last failure, or null when there was none in the window. */
    public synchronized String last() {
        prune();
        return times.isEmpty() ? null : last;
    }

    private void prune() {
        long since = clock.millis() - WINDOW.toMillis();
        while (!times.isEmpty() && times.peekFirst() < since) {
            times.removeFirst();
        }
    }
}
