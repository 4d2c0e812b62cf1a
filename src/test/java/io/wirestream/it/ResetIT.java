package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.runtime.ApplicationReset;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.TopicCounter;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.testing.CaughtUp;
import io.wirestream.testing.WireItems;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/**
 * {@code wirestream reset} on the real broker: refused while the application runs; afterwards the
 * next run reads wire.raw from the start with empty state, so every story is NEW again (not a
 * redelivery of itself), and with the outputs emptied each story is on stories.enriched once.
 */
class ResetIT {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @Test
    void resetReprocessesWireRawFromTheStartWithEmptyState() throws Exception {
        Path dataDir = Files.createTempDirectory("wirestream-reset");
        WirestreamConfig config = WirestreamConfig.defaults().withDataDir(dataDir).withBrokerPort(0);
        Topics topics = config.topics();
        try (KafkaRuntime kafka = KafkaRuntime.start(config)) {
            kafka.ensureTopics(topics, config.partitions());
            ApplicationReset reset = new ApplicationReset(kafka.clientProps(), config.applicationId(), kafka.stateDir(), topics);
            try (WireProducer producer = new WireProducer(kafka.clientProps(), topics.raw())) {
                for (int i = 1; i <= 3; i++) {
                    WireItems.Ninjs story = WireItems.ninjs("urn:reset:" + i).at(T0);
                    producer.send(RawItems.of("ap", "ninjs", "reset-" + i, "test", story.bytes(), story.time(), null));
                }
                producer.flush();
            }

            try (StreamsRunner streams = runner(kafka, config)) {
                awaitEnriched(kafka, topics, 3);
                assertThatThrownBy(() -> reset.reset(true, false, false)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("running member");
            }
            assertThat(Files.exists(kafka.stateDir().resolve(config.applicationId()))).as("local state before").isTrue();

            ApplicationReset.Plan plan = reset.reset(true, false, false);
            assertThat(plan.groupExists()).isTrue();
            assertThat(plan.internalTopics()).isNotEmpty().allMatch(t -> t.startsWith(config.applicationId() + "-"));
            assertThat(plan.truncatedOutputs()).contains(topics.enriched(), topics.duplicates(), topics.dlq());
            assertThat(Files.exists(kafka.stateDir().resolve(config.applicationId()))).as("local state after").isFalse();
            try (Admin admin = Admin.create(kafka.clientProps())) {
                assertThat(admin.listTopics().names().get()).doesNotContainAnyElementsOf(plan.internalTopics()).contains(topics.raw());
            }

            // Second life: the same three stories from wire.raw, NEW again (empty version state), once each.
            try (StreamsRunner streams = runner(kafka, config)) {
                awaitEnriched(kafka, topics, 3);
                await("committed past wire.raw").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                        .until(() -> CaughtUp.caughtUp(kafka.clientProps(), config.applicationId(), topics.raw()));
                try (TopicCounter counter = new TopicCounter(kafka.clientProps(), List.of(topics.enriched(), topics.duplicates()))) {
                    assertThat(counter.readToEnd(Duration.ofSeconds(30))).isTrue();
                    assertThat(counter.count(topics.enriched())).isEqualTo(3);
                    assertThat(counter.count(topics.duplicates())).as("no story is a redelivery of its first life").isZero();
                }
            }
        }
    }

    private static StreamsRunner runner(KafkaRuntime kafka, WirestreamConfig config) throws InterruptedException {
        PipelineMetrics metrics = PipelineMetrics.inMemory();
        StreamsRunner streams = new StreamsRunner(WirestreamTopology.build(config.topics(), config.topology(), kafka.streamsProps(), metrics),
                kafka.streamsProps(), metrics.registry()).start();
        assertThat(streams.awaitRunning(Duration.ofSeconds(60))).as("RUNNING").isTrue();
        return streams;
    }

    /** Waits until stories.enriched holds {@code n} committed records. */
    private static void awaitEnriched(KafkaRuntime kafka, Topics topics, long n) {
        await("enriched " + n).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            try (TopicCounter counter = new TopicCounter(kafka.clientProps(), List.of(topics.enriched()))) {
                return counter.readToEnd(Duration.ofSeconds(10)) && counter.count(topics.enriched()) >= n;
            }
        });
    }
}
