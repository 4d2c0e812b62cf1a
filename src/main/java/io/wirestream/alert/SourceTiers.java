package io.wirestream.alert;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Source;
import io.wirestream.formats.Agencies;
import io.wirestream.sources.SourceCatalogue;
import java.util.Map;

/**
 * Source tiers. Tier 1: global agencies whose flash is a flash; tier 2: national agencies and major
 * outlets; tier 3: everyone else (outlets, scrapes, feeds of unknown provenance). The tier adds
 * weight to an alert and is written into its reasons; it never raises one alone.
 *
 * <p>A story carries its source catalogue records (DESIGN.md decision 6: who delivered it, who wrote
 * it); their reliability tier is the one used, so a tier edited with {@code wirestream sources put}
 * applies to the next story. The small table by agency code below is only for stories without a
 * catalogue record (a source the catalogue lacks, or a story that did not pass the enrich stage).
 */
public final class SourceTiers {

    public static final int GLOBAL = 1;
    public static final int NATIONAL = 2;
    public static final int OTHER = 3;

    private static final Map<String, Integer> TIERS = Map.ofEntries(
            Map.entry("AP", GLOBAL), Map.entry("Reuters", GLOBAL), Map.entry("AFP", GLOBAL), Map.entry("Bloomberg", GLOBAL),
            Map.entry("dpa", NATIONAL), Map.entry("PA", NATIONAL), Map.entry("AAP", NATIONAL), Map.entry("CP", NATIONAL),
            Map.entry("PTI", NATIONAL), Map.entry("ANI", NATIONAL), Map.entry("IANS", NATIONAL), Map.entry("UNI", NATIONAL),
            Map.entry("EFE", NATIONAL), Map.entry("ANSA", NATIONAL), Map.entry("NTB", NATIONAL), Map.entry("STT", NATIONAL),
            Map.entry("TT", NATIONAL), Map.entry("Ritzau", NATIONAL), Map.entry("ANA", NATIONAL), Map.entry("Xinhua", NATIONAL));

    private SourceTiers() {
    }

    /**
     * The best tier of a story's sources: its catalogue records (deliverer and original writer) when
     * the catalogue knows either, else the table by the agency and source names as sent.
     */
    public static int tierOf(EnrichedStory s) {
        Integer best = null;
        for (Source r : new Source[] {s.getSourceRecord(), s.getOriginalSource()}) {
            if (r != null && !SourceCatalogue.UNKNOWN_KIND.equals(r.getKind())) {
                best = best == null ? r.getTier() : Math.min(best, r.getTier());
            }
        }
        return best != null ? best : Math.min(tierOf(s.getAgency()), tierOf(s.getSource()));
    }

    /** The tier of a source or agency name as sent ("Associated Press", "ap", "Reuters"). */
    public static int tierOf(String sourceOrAgency) {
        if (sourceOrAgency == null) {
            return OTHER;
        }
        String code = Agencies.known(sourceOrAgency);
        return code == null ? OTHER : TIERS.getOrDefault(code, OTHER);
    }
}
