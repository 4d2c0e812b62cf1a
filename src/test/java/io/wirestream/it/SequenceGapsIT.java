package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.wirestream.avro.RawWireItem;
import io.wirestream.ingest.RawItems;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.sources.SequenceSettings;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The sequence-gaps stage on the real broker: one line's numbered messages, keyed by item id, spread over six
 * partitions read by two instances, still meet in one task, so the one message the line lost is the only one
 * counted lost; every message still reaches stories.enriched.
 */
class SequenceGapsIT {

    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    /** Long enough that two instances reading six partitions a little apart do not look like a loss. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    @Test
    void aLinesNumbersMeetInOneTaskAcrossSixPartitionsAndTwoInstances() throws Exception {
        PipelineMetrics secondMetrics = PipelineMetrics.inMemory();
        try (PipelineFixture pipeline = new PipelineFixture(6, StreamsConfig.EXACTLY_ONCE_V2,
                c -> c.withTopology(c.topology().withSequences(new SequenceSettings(GRACE, 500))));
             StreamsRunner second = SamenessPartitionsIT.secondInstance(pipeline, secondMetrics)) {
            int sent = 0;
            for (int n = 1; n <= 24; n++) {
                if (n == 13) {
                    continue; // the message the line lost
                }
                RawWireItem item = WireItems.anpa("ap", String.format("a%04d", 4000 + n), "BC-US--Story" + n,
                        "Story number " + n + " happens", T0.plusSeconds(n));
                pipeline.send(new RawItems.Captured(item.getSource() + ":" + item.getItemId(), item));
                sent++;
            }
            pipeline.flush();
            Map<String, List<ConsumerRecord<String, byte[]>>> out = pipeline.awaitSettled(Duration.ofSeconds(60));
            assertThat(out.get(pipeline.topics.enriched())).as("every message a story, the stage off its path").hasSize(sent);
            assertThat(out.get(pipeline.topics.dlq())).isEmpty();

            await("the lost message counted").atMost(GRACE.multipliedBy(6)).pollInterval(Duration.ofMillis(250))
                    .until(() -> counted(pipeline.metrics, secondMetrics, "lost") >= 1);
            assertThat(counted(pipeline.metrics, secondMetrics, "lost")).isEqualTo(1);
            assertThat(counted(pipeline.metrics, secondMetrics, "late")).isZero();
            assertThat(counted(pipeline.metrics, secondMetrics, "restarted")).isZero();
        }
    }

    private static double counted(PipelineMetrics first, PipelineMetrics second, String outcome) {
        double sum = 0;
        for (PipelineMetrics m : List.of(first, second)) {
            Counter c = m.registry().find("wirestream.source.sequence").tag("source", "ap").tag("outcome", outcome).counter();
            sum += c == null ? 0 : c.count();
        }
        return sum;
    }
}
