package io.wirestream.app;

import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.sink.WebhookSink;
import io.wirestream.runtime.BrokerWatch;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.desk.DeskPage;
import io.wirestream.metrics.MetricsServer;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.topology.WirestreamTopology;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streams application against --bootstrap-servers or the embedded broker, until stopped.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    WirestreamCli.ConnectionOptions connection;

    @Mixin
    WirestreamCli.PartitionsOption partitions;

    @Mixin
    WirestreamCli.GuaranteeOption guarantee;

    @Mixin
    CategoryOptions categories;

    @Mixin
    DeskOptions desk;

    @Option(names = "--metrics-port", description = "Serve Prometheus metrics on this port at /metrics (default: off).")
    Integer metricsPort;

    @Option(names = "--status-interval", defaultValue = "PT30S",
            description = "How often to log a status line with the totals so far (ISO-8601; default PT30S).")
    Duration statusInterval;

    @Option(names = "--for", description = "Stop after this long (ISO-8601, e.g. PT1M); default: until stopped.")
    Duration runFor;

    @Override
    public Integer call() throws Exception {
        WirestreamCli.port("--metrics-port", metricsPort);
        WirestreamCli.port("--desk-port", desk.deskPort);
        WirestreamConfig config = guarantee.applyTo(partitions.applyTo(connection.config()));
        WirestreamTopology.Settings topology = categories.applyTo(config.topology());
        // The application's one registry: pipeline counters, Kafka Streams metrics, and with
        // --metrics-port the JVM's, served from it; the status line reads the same counters.
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ShutdownSignal stop = new ShutdownSignal(); KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            kafka.ensureTopics(config.topics(), config.partitions());
            PipelineMetrics metrics = new PipelineMetrics(registry, config.idleSources(), java.time.Clock.systemUTC());
            try (StreamsRunner streams = new StreamsRunner(
                    WirestreamTopology.build(config.topics(), topology, kafka.streamsProps(), metrics),
                    kafka.streamsProps(), registry)) {
                streams.start();
                // The webhook sink: a consumer of its own (group <application.id>-webhooks), never inside the topology.
                try (WebhookSink webhooks = new WebhookSink(kafka.clientProps(), config.topics().deskAlerts(),
                        config.applicationId() + "-webhooks", WebhookSink.Retry.defaults()).start();
                     BrokerWatch broker = new BrokerWatch(kafka.clientProps(), Duration.ofSeconds(2));
                     MetricsServer server = metricsServer(registry, streams, broker, metrics);
                     DeskPage page = desk.start(kafka, config.topics())) {
                    if (server != null) {
                        System.err.println("metrics at http://127.0.0.1:" + server.port() + "/metrics (health at /health)");
                    }
                    awaitAndServe(streams, metrics, config, kafka, broker, stop);
                }
            }
        } finally {
            registry.close();
        }
        return 0;
    }

    /** The /metrics and /health server on --metrics-port, or null without it; a port taken is one line naming the option. */
    private MetricsServer metricsServer(PrometheusMeterRegistry registry, StreamsRunner streams, BrokerWatch broker,
                                        PipelineMetrics metrics) throws java.io.IOException {
        if (metricsPort == null) {
            return null;
        }
        try {
            return new MetricsServer(metricsPort, registry,
                    () -> broker.reachable() && streams.state().isRunningOrRebalancing() && !streams.failures().failing(),
                    () -> health(streams, broker, metrics));
        } catch (java.net.BindException e) {
            throw WirestreamCli.cannotListen("--metrics-port", "0.0.0.0", metricsPort, e);
        }
    }

    /**
     * The /health body: streams state, whether Kafka answers, stream threads failing over and over, and the
     * sources gone quiet (which leave the status UP: the pipeline is fine, the feed is not).
     */
    static String health(StreamsRunner streams, BrokerWatch broker, PipelineMetrics metrics) {
        boolean up = broker.reachable() && streams.state().isRunningOrRebalancing();
        String status = !up ? "DOWN" : streams.failures().failing() ? "FAILING" : "UP";
        com.fasterxml.jackson.databind.node.ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("status", status).put("streams", String.valueOf(streams.state())).put("kafka", broker.describe())
                .put("streamThreadFailures", streams.failures().recent());
        if (streams.failures().last() != null) {
            n.put("lastFailure", streams.failures().last());
        }
        metrics.sources().idleSources(metrics.clock().millis()).forEach(n.putArray("idleSources")::add);
        return n.toString();
    }

    private void awaitAndServe(StreamsRunner streams, PipelineMetrics metrics, WirestreamConfig config, KafkaRuntime kafka,
                               BrokerWatch broker, ShutdownSignal stop) throws InterruptedException {
        if (streams.awaitRunning(Duration.ofSeconds(120))) {
            System.err.println("wirestream running: " + config.topics().raw() + " -> " + config.topics().enriched()
                    + ", " + config.topics().duplicates() + ", " + config.topics().dlq() + " on " + kafka.bootstrapServers()
                    + " (" + config.guarantee() + ")");
        } else {
            LOG.warn("Streams not RUNNING after 120 s (state {}); still trying", streams.state());
        }
        java.time.Instant deadline = runFor == null ? null : java.time.Instant.now().plus(runFor);
        while (true) {
            Duration wait = statusInterval;
            if (deadline != null) {
                Duration left = Duration.between(java.time.Instant.now(), deadline);
                wait = left.compareTo(wait) < 0 ? left : wait;
            }
            if (wait.isNegative() || wait.isZero() || stop.await(wait)) {
                break;
            }
            LOG.info("status {}, kafka {}: {}", streams.state(), broker.describe(), metrics.summary());
            logIdleSources(metrics);
        }
        LOG.info("stopping; totals: {}", metrics.summary());
    }

    /** A source that went quiet is a WARN once, its return an INFO once (sources.idle.minimum, sources.idle.factor). */
    static void logIdleSources(PipelineMetrics metrics) {
        for (io.wirestream.metrics.SourceActivity.Change c : metrics.sources().changes(metrics.clock().millis())) {
            if (c.idle()) {
                LOG.warn(c.describe());
            } else {
                LOG.info(c.describe());
            }
        }
    }
}
