package io.wirestream.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** An in-memory publisher for producer tests: records what was published; fails items on request. */
final class RecordingPublisher implements ItemPublisher {

    final List<RawItems.Captured> published = new CopyOnWriteArrayList<>();
    private volatile Predicate<RawItems.Captured> fail = c -> false;

    /** Items matching this are refused, as a broker that is down would. */
    RecordingPublisher failing(Predicate<RawItems.Captured> p) {
        fail = p;
        return this;
    }

    @Override
    public CompletableFuture<Void> publish(RawItems.Captured item) {
        if (fail.test(item)) {
            return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("broker unavailable"));
        }
        published.add(item);
        return CompletableFuture.completedFuture(null);
    }

    List<String> keys() {
        return published.stream().map(RawItems.Captured::key).toList();
    }
}
