package io.wirestream.sink;

import io.wirestream.avro.DeskAlert;
import io.wirestream.serde.AvroSerde;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each desk alert (alerts.desk) to its subscription's webhook, in its own consumer group and
 * thread, never inside the topology. Delivery is at least once with an idempotency key: the
 * {@code Idempotency-Key} header (subscription:cluster:level) lets a receiver drop a repeat, and
 * the sink commits each record's offset as soon as it is delivered, so a restart resends at most
 * the one record in flight. A failed post (5xx, 429, an I/O error) is retried with exponential
 * backoff; a 4xx other than 429 is given up (the subscription is wrong, retrying will not help).
 */
public final class WebhookSink implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);

    /** Retry policy: attempts, first backoff (doubled each time), cap. */
    public record Retry(int attempts, Duration firstBackoff, Duration maxBackoff) {
        public static Retry defaults() {
            return new Retry(8, Duration.ofMillis(200), Duration.ofSeconds(30));
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AvroSerde<DeskAlert> serde = AvroSerde.of(DeskAlert.class);
    private final Retry retry;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    public WebhookSink(Map<String, Object> clientProps, String deskTopic, String groupId, Retry retry) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(deskTopic));
        this.retry = retry;
    }

    /** Starts the sink on a thread of its own. */
    public WebhookSink start() {
        thread = new Thread(this, "webhook-sink");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public void run() {
        // What was delivered (or given up on) and not yet committed: close() wakes the consumer, and a wakeup that
        // lands in the commit after a delivery would leave it uncommitted, to be posted again after a restart.
        Map<TopicPartition, OffsetAndMetadata> settled = new HashMap<>();
        try {
            while (running.get()) {
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                        if (!running.get()) {
                            return;
                        }
                        if (r.value() != null && !post(r) && !running.get()) {
                            return; // attempts cut short by close: left uncommitted, so the next run posts it
                        }
                        settled.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                        consumer.commitSync(settled);
                        settled.clear();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Kafka away (a commit or poll timing out), a rebalance: the sink must outlive it, or every webhook
                    // stops until a restart. What was delivered stays in settled and is committed with the next commit;
                    // a rebalance may hand a record over uncommitted, to be posted again under the same idempotency key.
                    LOG.warn("webhook sink: {}; going on in 1 s", e.toString());
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            commitOnClose(settled);
            consumer.close();
        }
    }

    /** The wakeup is spent once thrown, so this commit goes through. */
    private void commitOnClose(Map<TopicPartition, OffsetAndMetadata> settled) {
        if (settled.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(settled, Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warn("webhook sink closing: could not commit {} (those alerts are posted again on restart): {}", settled, e.toString());
        }
    }

    /**
     * Decodes and delivers one record. A record that cannot be read is logged and passed: one bad record must
     * not stop every subscription's deliveries, after every restart too.
     */
    private boolean post(ConsumerRecord<String, byte[]> r) throws InterruptedException {
        DeskAlert d;
        try {
            d = serde.decode(r.value());
        } catch (RuntimeException e) {
            LOG.error("webhook sink: {}-{}@{} is no desk alert, passed: {}", r.topic(), r.partition(), r.offset(), e.toString());
            return false;
        }
        try {
            return deliver(d);
        } catch (RuntimeException e) {
            LOG.error("webhook sink: {} for subscription {} could not be posted, passed: {}", d.getIdempotencyKey(),
                    d.getSubscriptionId(), e.toString());
            return false;
        }
    }

    /** Posts one desk alert, retrying with backoff; returns whether it was accepted. */
    boolean deliver(DeskAlert d) throws InterruptedException {
        if (d.getWebhook() == null || d.getWebhook().isBlank()) {
            return false;
        }
        String key = d.getSubscriptionId() + ":" + d.getIdempotencyKey();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.getWebhook())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(WebhookBodies.body(d))).build();
        } catch (IllegalArgumentException e) {
            // a subscription written before `subscriptions put` checked its URL, or by another tool
            LOG.error("webhook '{}' of subscription {} is not an http(s) URL, {} not posted: {}", d.getWebhook(),
                    d.getSubscriptionId(), key, e.getMessage());
            return false;
        }
        Duration backoff = retry.firstBackoff();
        for (int attempt = 1; attempt <= retry.attempts() && running.get(); attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return true;
                }
                if (status / 100 == 4 && status != 429) {
                    LOG.warn("webhook {} refused {} with {}: not retried", d.getWebhook(), key, status);
                    return false;
                }
                LOG.warn("webhook {} answered {} for {} (attempt {})", d.getWebhook(), status, key, attempt);
            } catch (IOException e) {
                LOG.warn("webhook {} failed for {} (attempt {}): {}", d.getWebhook(), key, attempt, e.toString());
            }
            Thread.sleep(backoff.toMillis()); // backoff between attempts, on the sink's own thread
            backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff.multipliedBy(2);
        }
        LOG.warn("webhook {} gave up on {}", d.getWebhook(), key);
        return false;
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
