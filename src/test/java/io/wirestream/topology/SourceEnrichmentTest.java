package io.wirestream.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Source;
import io.wirestream.sources.SourceCatalogue;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The source catalogue join (GlobalKTable over wire.sources) on the real topology, in memory. */
class SourceEnrichmentTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final TopologyHarness pipeline = new TopologyHarness();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private EnrichedStory last() {
        return pipeline.enrichedSeen.get(pipeline.enrichedSeen.size() - 1);
    }

    @Test
    void aKnownAgencyGetsItsCatalogueRecord() {
        pipeline.send(WireItems.ninjs("urn:src:1").from("AP").headline("Lawmakers meet").body("Lawmakers met in Ohio.").at(T0));
        Source s = last().getSourceRecord();
        assertEquals("ap", s.getId());
        assertEquals("agency", s.getKind());
        assertEquals("America/New_York", s.getTimeZone());
        assertEquals("US", s.getCountry());
        assertNull(last().getOriginalSource());
    }

    @Test
    void anUnknownSourceIsStillEnrichedAndMarkedUnknownThenPickedUpWhenAdded() {
        pipeline.send(WireItems.ninjs("urn:src:2").from("Acme Wire").headline("Council votes").body("The council voted.").at(T0));
        assertEquals("unknown", last().getSourceRecord().getKind());
        assertEquals("acme-wire", last().getSourceRecord().getId());

        Source acme = SourceCatalogue.parseLine("acme-wire\tAcme\tAcme Wire\tAcme Wire\tNZ\tPacific/Auckland\ten\tnewspaper\t3");
        pipeline.putSource("acme-wire", acme);
        pipeline.send(WireItems.ninjs("urn:src:3").from("Acme Wire").headline("Council votes again").body("It voted.")
                .at(T0.plusSeconds(60)));
        assertEquals(acme, last().getSourceRecord());

        pipeline.putSource("acme-wire", null);
        pipeline.send(WireItems.ninjs("urn:src:4").from("Acme Wire").headline("Council votes a third time")
                .body("Once more.").at(T0.plusSeconds(120)));
        assertEquals("unknown", last().getSourceRecord().getKind(), "deleted: unknown again");
    }

    @Test
    void agencyCopyIsTaggedByWhatItIsAboutOtherCopyByEveryCountryItNames() {
        String body = "TOKYO, March 3 - Japan raised its rice support price. Japanese farmers had asked for more. "
                + "Japan imports no rice. Some traders compared it with the U.S. programme.";
        pipeline.send(WireItems.ninjs("urn:src:5").from("Reuters").headline("Rice price").body(body).at(T0));
        assertEquals(java.util.List.of("JP"), last().getRegions());
        pipeline.send(WireItems.ninjs("urn:src:6").from("Acme Gazette").headline("Rice price rises")
                .body(body.replace("rice support", "rice floor")).at(T0.plusSeconds(10)));
        assertNotNull(last().getSourceRecord());
        assertEquals(java.util.List.of("JP", "US"), last().getRegions());
    }

    @Test
    void aDuplicateCarriesItsOwnSourceAndRegions() {
        WireItems.Ninjs story = WireItems.ninjs("urn:src:7").from("AP").headline("Quake hits Chile")
                .body("SANTIAGO (AP) - A strong quake hit central Chile on Monday.").at(T0);
        pipeline.send(story);
        pipeline.send(story); // a redelivery
        io.wirestream.avro.Duplicate d = pipeline.duplicatesSeen.get(pipeline.duplicatesSeen.size() - 1);
        assertEquals("ap", d.getStory().getSourceRecord().getId());
        assertEquals("CL", d.getStory().getPrimaryRegion());
    }

    @Test
    void theConfiguredFallbackAndAnOutletsDomainDecideAStoryThatNamesNoPlace() {
        try (TopologyHarness gb = new TopologyHarness(WirestreamTopology.Settings.defaults()
                .withRegions(new io.wirestream.enrich.RegionSettings(null, "GB")))) {
            gb.send(WireItems.ninjs("urn:src:7").from("Acme Wire").headline("Council votes").body("The council voted.").at(T0));
            EnrichedStory s = gb.enrichedSeen.get(gb.enrichedSeen.size() - 1);
            assertEquals(java.util.List.of("GB"), s.getRegions(), "the configured fallback");
            assertEquals("Europe", s.getDesk());
            gb.send(WireItems.ninjs("urn:src:8").from("independent.ie").headline("Council votes again")
                    .body("The council voted again.").at(T0.plusSeconds(5)));
            s = gb.enrichedSeen.get(gb.enrichedSeen.size() - 1);
            assertEquals("IE", s.getSourceRecord().getCountry());
            assertEquals(java.util.List.of("IE"), s.getRegions(), "an outlet's home before the fallback");
        }
    }
}
