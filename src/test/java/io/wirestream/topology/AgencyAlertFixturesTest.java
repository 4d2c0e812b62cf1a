package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.AlertLevel;
import io.wirestream.testing.SharedData;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Alert rules on real agency copy (DOMAIN.md section 8: fixture-driven alert cases). */
class AgencyAlertFixturesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void apFeatureFiledAtPriorityFIsNotAFlash() throws Exception {
        byte[] feature = Files.readAllBytes(SharedData.fixture("anpa/anpa-1.tst"));
        try (TopologyHarness pipeline = new TopologyHarness()) {
            pipeline.send("ap:anpa-1", WireItems.raw("ap", "auto", feature, T0));
            assertThat(pipeline.enrichedSeen).singleElement().satisfies(s -> {
                assertThat(s.getPriority()).isEqualTo("f");
                assertThat(s.getAlertLevel()).isNull();
            });
            assertThat(pipeline.alertsSeen).isEmpty();
        }
    }

    @Test
    void dpaEilWithBellsAnnouncingAResignationIsABulletin() throws Exception {
        byte[] eil = Files.readAllBytes(SharedData.fixture("iptc7901/dpa-digitalwires-apache2/eil.iptc"));
        try (TopologyHarness pipeline = new TopologyHarness()) {
            pipeline.send("dpa:eil", WireItems.raw("dpa", "auto", eil, T0));
            // Two signals agree: the wire's Eil (urgency 2) and breaking language (Rücktritt).
            assertThat(pipeline.alertsSeen).singleElement().satisfies(a -> {
                assertThat(a.getLevel()).isEqualTo(AlertLevel.BULLETIN);
                assertThat(a.getReasons()).anySatisfy(r -> assertThat(r).contains("wire urgent/bulletin (urgency 2)"));
                assertThat(a.getReasons()).anySatisfy(r -> assertThat(r).contains("Rücktritt"));
            });
        }
    }
}
