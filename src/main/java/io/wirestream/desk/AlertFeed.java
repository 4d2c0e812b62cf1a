package io.wirestream.desk;

import io.wirestream.avro.Alert;
import io.wirestream.runtime.CommittedReader;
import io.wirestream.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alerts topic onto the desk's {@link AlertBoard}: read_committed (an alert of an aborted transaction
 * never shows), from the beginning (the topic's retention, a week by default: alerts are few), then as alerts
 * come. The board keeps each cluster's latest, so reading the whole log ends with what the page shows. A consumer of its own with no group: every
 * instance's page shows every alert, and nothing is committed. It outlives Kafka going away, as the webhook
 * sink does: the client reconnects by itself.
 */
public final class AlertFeed implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AlertBoard board;
    private final AvroSerde<Alert> serde = AvroSerde.of(Alert.class);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    public AlertFeed(Map<String, Object> clientProps, String alertsTopic, AlertBoard board) {
        this.consumer = CommittedReader.open(clientProps, List.of(alertsTopic));
        this.board = board;
    }

    public AlertFeed start() {
        thread = new Thread(this, "desk-alert-feed");
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
                        if (r.value() != null) {
                            board.accept(serde.decode(r.value()));
                        }
                    }
                } catch (WakeupException e) {
                    return;
                } catch (KafkaException e) {
                    // an alert this version cannot read, Kafka away: the page must outlive it
                    LOG.warn("desk page: alerts topic not read ({}); retrying", e.toString());
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
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
