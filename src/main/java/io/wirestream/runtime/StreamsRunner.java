package io.wirestream.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one KafkaStreams instance: start, wait until it is RUNNING, and a clean close. Given the
 * application's meter registry, Kafka Streams' own metrics (lag, process rate, commit latency ...)
 * are exported there, beside the pipeline counters.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final KafkaStreamsMetrics streamsMetrics;

    /**
     * Streams property (a {@code Map<String, Integer>}) naming existing topics that accept fewer bytes
     * than max.record.bytes; set by {@link KafkaRuntime#streamsProps()}, read here, not passed to Kafka.
     */
    public static final String TOPIC_LIMITS_CONFIG = "wirestream.topic.limits";

    /** Without exported metrics (the bench's pass-through baseline). */
    public StreamsRunner(Topology topology, Properties props) {
        this(topology, props, null);
    }

    private final ThreadFailures failures = new ThreadFailures(java.time.Clock.systemUTC());

    /** With Kafka Streams' metrics bound to {@code registry} (null: not exported). */
    public StreamsRunner(Topology topology, Properties props, MeterRegistry registry) {
        Properties withMetrics = new Properties();
        withMetrics.putAll(props);
        if (registry != null) {
            withMetrics.put(DeadLetterProductionHandler.METRICS_CONFIG, registry);
        }
        withMetrics.remove(TOPIC_LIMITS_CONFIG);
        SizeGuardedClientSupplier clients = new SizeGuardedClientSupplier();
        if (props.get(TOPIC_LIMITS_CONFIG) instanceof Map<?, ?> limits) {
            limits.forEach((topic, limit) -> clients.limitTopic((String) topic, (Integer) limit));
        }
        this.streams = new KafkaStreams(topology, withMetrics, clients);
        streams.setGlobalStateRestoreListener(new RestoreLog());
        this.streamsMetrics = registry == null ? null : new KafkaStreamsMetrics(streams);
        if (streamsMetrics != null) {
            streamsMetrics.bindTo(registry);
        }
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread failed; replacing it", e);
            failures.record(e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public StreamsRunner start() {
        streams.start();
        return this;
    }

    /** Waits until the application first reaches RUNNING. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stream-thread failures of the last minutes (each thread is replaced; the state stays RUNNING). */
    public ThreadFailures failures() {
        return failures;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Leaves the consumer group on close: with a plain close() the next start waits out the old
     * member's session timeout (about 46 s, KAFKA-NOTES.md).
     */
    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(15)));
    }
}
