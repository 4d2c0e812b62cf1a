package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.Subscription;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.TopicCounter;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.serde.AvroSerde;
import io.wirestream.sink.WebhookSink;
import io.wirestream.testing.WireItems;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's delivery acceptance on the real broker: a webhook receiver run by the test gets each
 * alert exactly once although its first answer is a 500 and the application (broker, topology and
 * sink) is stopped and started again on the same data dir between the two alerts. A second subscription
 * matching the same alerts has a webhook that is no URL (written past `subscriptions put`, which refuses
 * it): its desk alerts are logged and passed, and the good subscription's deliveries go on in both lives.
 */
class WebhookIT {

    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final String STRIKE = "The president was killed in a military strike on the capital early on Sunday, "
            + "state television said, citing officials who asked not to be named.";
    private static final String COUP = "Soldiers took over the state broadcaster overnight and announced that the armed forces "
            + "had dissolved the government; the whereabouts of the president were unknown.";

    /** Accepted deliveries by idempotency key; every request in arrival order. */
    private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failedOnce = new AtomicBoolean();

    @Test
    void eachAlertReachesTheWebhookOnceDespiteA500AndARestart() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(key + " " + body);
            int status = failedOnce.compareAndSet(false, true) ? 500 : 200; // the injected failure
            if (status == 200) {
                accepted.merge(key, 1, Integer::sum);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Path dataDir = Files.createTempDirectory("wirestream-webhook");
            WirestreamConfig config = WirestreamConfig.defaults().withDataDir(dataDir).withBrokerPort(0);
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

            // Single-wire alerts, so the test does not depend on how fast the cluster index catches up
            // (see docs/quality.md "Alerts": copies arriving within a few commit intervals found clusters
            // of their own on a real broker). First life: a wire flash that strong language confirms ->
            // one FLASH, answered first with a 500, then retried.
            life(config, url, List.of(WireItems.ninjs("urn:ap:strike").from("ap").urgency(1)
                    .headline("President killed in military strike").body(STRIKE).at(T0)), 1);
            assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
            // Second life (same data dir: broker, topology state and the sink's offsets survive): another
            // story, a bulletin from its language alone. The FLASH must not be posted again.
            life(config, url, List.of(WireItems.ninjs("urn:reuters:coup").from("reuters")
                    .headline("Army seizes power in coup, president ousted").body(COUP).at(T0.plusSeconds(60))), 2);

            assertThat(accepted).hasSize(2).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
            assertThat(accepted.keySet()).anySatisfy(k -> assertThat(k).startsWith("desk:").endsWith(":" + AlertLevel.FLASH))
                    .anySatisfy(k -> assertThat(k).endsWith(":" + AlertLevel.BULLETIN));
        } finally {
            receiver.stop(0);
        }
    }


    private void life(WirestreamConfig config, String url, List<WireItems.Ninjs> send, int acceptedTotal) throws Exception {
        Topics topics = config.topics();
        try (KafkaRuntime kafka = KafkaRuntime.start(config)) {
            kafka.ensureTopics(topics, config.partitions());
            try (KafkaProducer<String, Subscription> p = new KafkaProducer<>(kafka.clientProps(), new StringSerializer(),
                    AvroSerde.of(Subscription.class).serializer())) {
                p.send(new ProducerRecord<>(topics.subscriptions(), "desk",
                        Subscription.newBuilder().setId("desk").setKeywords(List.of("president")).setWebhook(url).build())).get();
                p.send(new ProducerRecord<>(topics.subscriptions(), "broken",
                        Subscription.newBuilder().setId("broken").setKeywords(List.of("president")).setWebhook("notaurl").build())).get();
            }
            PipelineMetrics metrics = PipelineMetrics.inMemory();
            try (StreamsRunner streams = new StreamsRunner(WirestreamTopology.build(topics, config.topology(), kafka.streamsProps(),
                    metrics), kafka.streamsProps(), metrics.registry()).start();
                 WebhookSink sink = new WebhookSink(kafka.clientProps(), topics.deskAlerts(), "wirestream-webhooks",
                         new WebhookSink.Retry(5, Duration.ofMillis(100), Duration.ofSeconds(1))).start();
                 WireProducer producer = new WireProducer(kafka.clientProps(), topics.raw());
                 TopicCounter counter = new TopicCounter(kafka.clientProps(),
                         List.of(topics.enriched(), topics.duplicates(), topics.alerts(), topics.deskAlerts()))) {
                assertThat(streams.awaitRunning(Duration.ofSeconds(90))).as("RUNNING").isTrue();
                for (WireItems.Ninjs n : send) {
                    producer.send(RawItems.of(n.uri().split(":")[1], "ninjs", n.uri(), "test", n.bytes(), n.time(), null));
                    producer.flush();
                }
                await("webhook accepted " + acceptedTotal + " alerts").atMost(Duration.ofSeconds(120))
                        .conditionEvaluationListener(c -> {
                            counter.poll(Duration.ofMillis(100));
                            if (c.getRemainingTimeInMS() < 2000) {
                                System.err.println("counts: enriched " + counter.count(topics.enriched()) + ", duplicates "
                                        + counter.count(topics.duplicates()) + ", alerts " + counter.count(topics.alerts())
                                        + ", desk " + counter.count(topics.deskAlerts()) + "; requests " + requests);
                            }
                        })
                        .until(() -> accepted.size() >= acceptedTotal);
            }
        }
    }
}
