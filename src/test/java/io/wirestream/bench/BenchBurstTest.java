package io.wirestream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.AlertLevel;
import io.wirestream.testing.TopologyHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bursts the bench's latency run sends to time alerts: a new story and two other agencies' copies
 * of it reach three sources in one cluster, so the run has corroborated alerts to time (TopologyTestDriver).
 */
class BenchBurstTest {

    private final TopologyHarness t = new TopologyHarness();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aBurstIsOneClusterOfThreeSourcesThatAlerts() {
        WireStoryGenerator gen = new WireStoryGenerator(42);
        List<WireStoryGenerator.WireStory> burst = gen.burst(2);
        assertThat(burst).extracting(WireStoryGenerator.WireStory::source).doesNotHaveDuplicates();
        burst.forEach(w -> t.send(w.key(), Bench.item(w)));

        assertThat(t.duplicatesSeen).hasSize(2).allSatisfy(d -> {
            assertThat(d.getDuplicateOf()).isEqualTo(burst.get(0).uri());
            assertThat(d.getStory().getClusterId()).isEqualTo(t.enrichedSeen.get(0).getClusterId());
        });
        assertThat(t.alertsSeen).filteredOn(a -> !a.getUpdate()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getLevel()).isIn(AlertLevel.BULLETIN, AlertLevel.FLASH));
        assertThat(t.alertsSeen.get(t.alertsSeen.size() - 1).getSourceCount()).as("corroborated by all three").isEqualTo(3);
    }
}
