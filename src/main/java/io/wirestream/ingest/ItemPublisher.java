package io.wirestream.ingest;

import java.util.concurrent.CompletableFuture;

/**
 * Where producers hand captured items: {@link WireProducer} in the application. An interface so each
 * producer's own behaviour (which files move where, which feed entries are new, which HTTP status is
 * returned) can be tested without a broker, and so the command can count published items for its
 * progress line.
 */
@FunctionalInterface
public interface ItemPublisher {

    /**
     * Publishes one item. The future completes when the broker has acknowledged it (acks=all) and
     * fails when it was not stored; only then may a producer forget the item (move the file, mark
     * the feed entry seen, answer 202).
     */
    CompletableFuture<Void> publish(RawItems.Captured item);
}
