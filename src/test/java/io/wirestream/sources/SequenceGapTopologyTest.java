package io.wirestream.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.wirestream.avro.SequenceState;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import io.wirestream.topology.WirestreamTopology;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sequence-gaps stage in the whole topology: numbers read from the wire, checked on the wall clock. */
class SequenceGapTopologyTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static void send(TopologyHarness h, String source, String sequence, int i) {
        h.send(source + ":" + sequence, WireItems.anpa(source, sequence, "BC-US--Story" + i, "Story number " + i + " happens",
                T0.plusSeconds(i)));
    }

    private static double counted(TopologyHarness h, String source, String outcome) {
        Counter c = h.metrics().registry().find("wirestream.source.sequence").tag("source", source).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aMessageTheLineLostIsCountedAGraceLaterAndTheStoriesGoOnAsEver() {
        try (TopologyHarness h = TopologyHarness.atWallClock(T0)) {
            send(h, "ap", "a0101", 1);
            send(h, "ap", "a0102", 2);
            send(h, "ap", "a0105", 3); // a0103 and a0104 missing
            send(h, "ap", "a0104", 4); // read out of order: not lost
            assertThat(h.enrichedSeen).hasSize(4); // the stage is off the story's path

            h.advanceWallClock(Duration.ofMinutes(1));
            assertThat(counted(h, "ap", "lost")).isZero(); // within the two-minute grace

            h.advanceWallClock(Duration.ofMinutes(2));
            assertThat(counted(h, "ap", "lost")).isEqualTo(1);
            SequenceState state = h.<String, SequenceState>store(WirestreamTopology.SEQUENCES_STORE).get("ap/a");
            assertThat(state.getLatest()).isEqualTo(105);
            assertThat(state.getMissing()).singleElement().satisfies(r -> {
                assertThat(r.getFirst()).isEqualTo(103);
                assertThat(r.getReported()).isTrue();
            });

            h.advanceWallClock(Duration.ofMinutes(5));
            assertThat(counted(h, "ap", "lost")).isEqualTo(1); // counted once

            send(h, "ap", "a0103", 5); // it came after all
            assertThat(counted(h, "ap", "late")).isEqualTo(1);
        }
    }

    @Test
    void eachSourceAndChannelCountsOnItsOwn() {
        try (TopologyHarness h = TopologyHarness.atWallClock(T0)) {
            send(h, "ap", "a0101", 1);
            send(h, "kyodo", "a0500", 2);
            send(h, "ap", "b0007", 3);
            send(h, "ap", "a0102", 4);
            send(h, "kyodo", "a0501", 5);
            send(h, "ap", "b0008", 6);
            h.advanceWallClock(Duration.ofMinutes(10));
            assertThat(counted(h, "ap", "lost") + counted(h, "kyodo", "lost")).isZero();
            assertThat(h.<String, SequenceState>store(WirestreamTopology.SEQUENCES_STORE).get("ap/b").getLatest()).isEqualTo(8);
        }
    }

    @Test
    void wiresWithoutANumberAreNotWatched() {
        try (TopologyHarness h = TopologyHarness.atWallClock(T0)) {
            h.send(WireItems.ninjs("urn:test:1").headline("A ninjs story").body("Its body."));
            assertThat(h.enrichedSeen).hasSize(1);
            try (var all = h.<String, SequenceState>store(WirestreamTopology.SEQUENCES_STORE).all()) {
                assertThat(all.hasNext()).isFalse();
            }
        }
    }
}
