package io.wirestream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.sources.SourceCatalogue;
import io.wirestream.testing.Stories;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which writers have a home market: papers and outlets the catalogue lacks, not agencies or broadcasters. */
class RegionEnricherTest {

    private static final RegionEnricher ENRICHER = RegionEnricher.standard();

    private static EnrichedStory placeless(String writer) {
        EnrichedStory s = Stories.aStory("k-" + writer).headline("Council votes").body("The council voted again.").build();
        var record = SourceCatalogue.bundled().match(writer).orElseGet(() -> SourceCatalogue.unknown(writer));
        return ENRICHER.enrich(EnrichedStory.newBuilder(s).setSourceRecord(record).build());
    }

    @Test
    void aPapersPlacelessStoryIsHomeNewsAnAgencysOrBroadcastersIsTheFallback() {
        assertEquals(List.of("IE"), placeless("independent.ie").getRegions(), "an unknown outlet on a .ie domain");
        assertEquals(List.of("US"), placeless("ajc.com").getRegions(), "a generic domain: the fallback");
        assertEquals(List.of("US"), placeless("Reuters").getRegions(), "agency copy: the fallback, not GB");
        String broadcaster = SourceCatalogue.bundled().sources().stream()
                .filter(x -> x.getKind().equals("broadcaster") && !"US".equals(x.getCountry())).findFirst().orElseThrow().getId();
        assertEquals(List.of("US"), placeless(broadcaster).getRegions(), "a broadcaster covers the world");
    }
}
