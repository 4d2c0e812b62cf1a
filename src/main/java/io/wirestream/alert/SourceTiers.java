package io.wirestream.alert;

import io.wirestream.formats.Agencies;
import java.util.Map;

/**
 * Source tiers until the source catalogue (DESIGN.md decision 6) carries them: a small table by
 * agency code. Tier 1: global agencies whose flash is a flash; tier 2: national agencies; tier 3:
 * everyone else (outlets, scrapes, feeds of unknown provenance). The tier adds weight to an alert
 * and is written into its reasons; it never raises one alone.
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

    /** The tier of a source or agency name as sent ("Associated Press", "ap", "Reuters"). */
    public static int tierOf(String sourceOrAgency) {
        if (sourceOrAgency == null) {
            return OTHER;
        }
        String code = Agencies.known(sourceOrAgency);
        return code == null ? OTHER : TIERS.getOrDefault(code, OTHER);
    }
}
