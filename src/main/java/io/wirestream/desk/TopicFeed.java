package io.wirestream.desk;

import io.wirestream.runtime.CommittedReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics onto the desk's boards: read_committed (nothing of an aborted transaction shows), from the beginning
 * (the topics' retention: a week by default), then as records come. The boards keep each cluster's latest, so
 * reading a log whole ends with what the page shows. A consumer of its own with no group: every instance's page
 * shows everything, and nothing is committed. It outlives Kafka going away, as the webhook sink does: the client
 * reconnects by itself.
 */
public final class TopicFeed implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFeed.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, BiConsumer<String, byte[]>> handlers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    /** Each topic's records go to its handler as key and value (null for a tombstone). */
    public TopicFeed(Map<String, Object> clientProps, Map<String, BiConsumer<String, byte[]>> handlers) {
        this.handlers = Map.copyOf(handlers);
        this.consumer = CommittedReader.open(clientProps, List.copyOf(handlers.keySet()));
    }

    public TopicFeed start() {
        thread = new Thread(this, "desk-feed");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public void run() {
        try {
            while (running.get()) {
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                        show(r);
                    }
                } catch (WakeupException e) {
                    return;
                } catch (KafkaException e) {
                    // Kafka away: the page must outlive it
                    LOG.warn("desk page: topics not read ({}); retrying", e.toString());
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    /** A handler of values only: tombstones are skipped (the boards' topics are logs, not tables). */
    public static BiConsumer<String, byte[]> values(Consumer<byte[]> handler) {
        return (key, value) -> {
            if (value != null) {
                handler.accept(value);
            }
        };
    }

    /** One record onto its board; one that cannot be read (written by a newer version, say) is skipped, not the rest. */
    private void show(ConsumerRecord<String, byte[]> r) {
        try {
            handlers.get(r.topic()).accept(r.key(), r.value());
        } catch (RuntimeException e) {
            LOG.warn("desk page: {} record at offset {} of partition {} not shown ({})", r.topic(), r.offset(), r.partition(),
                    e.toString());
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (thread == null) {
            consumer.close(); // never started
            return;
        }
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
