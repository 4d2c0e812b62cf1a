package io.wirestream.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether Kafka answers, for the status line and {@code /health}: Kafka Streams stays RUNNING
 * while its broker is away (its clients just retry), so without this an outage looks like a quiet
 * night. An outage is logged once when it starts (WARN) and once when it ends (INFO, with its length).
 */
public final class BrokerWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerWatch.class);

    private final String servers;
    /** What an outage means to whoever watches, for its WARN: "processing waits until it is back". */
    private final String whileDown;
    private final Admin admin;
    private final ScheduledExecutorService timer;
    private volatile Instant downSince;

    /** Checks every {@code interval}; an answer slower than the interval counts as no answer. */
    public BrokerWatch(Map<String, Object> clientProps, Duration interval) {
        this(clientProps, interval, "processing waits until it is back");
    }

    /** The same, {@code whileDown} saying in the outage's WARN what it means here ("POSTs are answered 503 ..."). */
    public BrokerWatch(Map<String, Object> clientProps, Duration interval, String whileDown) {
        this.whileDown = whileDown;
        Map<String, Object> p = new HashMap<>(clientProps);
        int ms = (int) Math.max(1000, interval.toMillis());
        p.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, ms);
        this.servers = String.valueOf(clientProps.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        this.admin = Admin.create(p);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broker-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            admin.describeCluster().nodes().get();
            if (downSince != null) {
                LOG.info("Kafka at {} reachable again after {} s", servers,
                        Duration.between(downSince, Instant.now()).toSeconds());
                downSince = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (downSince == null) {
                downSince = Instant.now();
                LOG.warn("Kafka at {} unreachable ({}); {}",
                        servers, e.getCause() == null ? e.toString() : e.getCause().getMessage(), whileDown);
            }
        }
    }

    public boolean reachable() {
        return downSince == null;
    }

    /** "reachable", or "unreachable for 42 s". */
    public String describe() {
        Instant since = downSince;
        return since == null ? "reachable" : "unreachable for " + Duration.between(since, Instant.now()).toSeconds() + " s";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
