package io.wirestream.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C / SIGTERM handling for long-running commands: the JVM shutdown hook asks the command to
 * stop and then waits (bounded) until the command has closed Kafka Streams and the broker, because
 * the JVM halts as soon as its hooks return.
 */
final class ShutdownSignal implements AutoCloseable {

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    ShutdownSignal() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wirestream-shutdown"));
    }

    /** Waits for a stop request, or for the duration when one is given; true when stop was requested. */
    boolean await(Duration max) throws InterruptedException {
        if (max == null) {
            stopRequested.await();
            return true;
        }
        return stopRequested.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** Call after everything is closed. */
    @Override
    public void close() {
        closed.countDown();
    }
}
