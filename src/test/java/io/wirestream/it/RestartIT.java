package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.TopicCounter;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.testing.CaughtUp;
import io.wirestream.testing.WireItems;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker and the application stopped and started again on the same data dir (what a
 * user does with {@code demo}): topics, committed offsets and the version state survive, so stories
 * already processed are not emitted again, and a resend of one is still known as a duplicate.
 */
class RestartIT {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    void restartOnTheSameDataDirProcessesNothingTwice() throws Exception {
        Path dataDir = Files.createTempDirectory("wirestream-restart");
        WirestreamConfig config = WirestreamConfig.defaults().withDataDir(dataDir).withBrokerPort(0);
        WireItems.Ninjs first = WireItems.ninjs("urn:restart:1").at(T0);

        runOnce(config, List.of(first, WireItems.ninjs("urn:restart:2").at(T0), WireItems.ninjs("urn:restart:3").at(T0)), 3, 0);
        assertThat(Files.exists(dataDir.resolve("kafka-logs").resolve("meta.properties"))).isTrue();

        // Second life: one new story and a resend of an old one. Totals count both lives.
        runOnce(config, List.of(WireItems.ninjs("urn:restart:4").at(T0.plusSeconds(60)), first), 4, 1);
    }

    private static void runOnce(WirestreamConfig config, List<WireItems.Ninjs> send, long enrichedTotal, long duplicatesTotal)
            throws Exception {
        Topics topics = config.topics();
        try (KafkaRuntime kafka = KafkaRuntime.start(config)) {
            kafka.ensureTopics(topics, config.partitions());
            PipelineMetrics metrics = PipelineMetrics.inMemory();
            try (StreamsRunner streams = new StreamsRunner(WirestreamTopology.build(topics, config.topology(), kafka.streamsProps(), metrics),
                    kafka.streamsProps(), metrics.registry()).start();
                 WireProducer producer = new WireProducer(kafka.clientProps(), topics.raw());
                 TopicCounter counter = new TopicCounter(kafka.clientProps(), List.of(topics.enriched(), topics.duplicates()))) {
                assertThat(streams.awaitRunning(Duration.ofSeconds(60))).as("RUNNING again").isTrue();
                int i = 0;
                for (WireItems.Ninjs n : send) {
                    producer.send(RawItems.of("ap", "ninjs", n.hashCode() + "-" + i++, "test", n.bytes(), n.time(), null));
                }
                producer.flush();
                await("enriched " + enrichedTotal + ", duplicates " + duplicatesTotal).atMost(Duration.ofSeconds(60))
                        .until(() -> {
                            counter.poll(Duration.ofMillis(200));
                            return counter.count(topics.enriched()) >= enrichedTotal && counter.count(topics.duplicates()) >= duplicatesTotal;
                        });
                // Nothing more arrives: once the application has committed past every input and the
                // counter has read every committed output, the first life's stories were not emitted again.
                await("application committed past every input").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> CaughtUp.caughtUp(kafka.clientProps(), config.applicationId(), topics.raw()));
                assertThat(counter.readToEnd(Duration.ofSeconds(30))).as("outputs read to their end").isTrue();
                assertThat(counter.count(topics.enriched())).isEqualTo(enrichedTotal);
                assertThat(counter.count(topics.duplicates())).isEqualTo(duplicatesTotal);
            }
        }
    }
}
