package io.wirestream.text;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The primary language of a tag as the wires send it, as the classifier's lexicons and the gazetteer file their words:
 * "fi-FI" is "fi", "EN", "eng" and "English" are "en", the three-letter codes (ISO 639-2, both forms) their two-letter
 * ones ("fra", "ger"), and Norwegian in any form ("no", "nn", "nob", "nb-NO") "nb", Bokmål, as most Norwegian copy is
 * written.
 */
public final class LanguageTags {

    /** Undetermined, several, none, uncoded (Drupal sends "und"): no language at all. */
    private static final Set<String> NONE = Set.of("und", "mul", "zxx", "mis");
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("no", "nb"), Map.entry("nn", "nb"),
            Map.entry("nor", "nb"), Map.entry("nob", "nb"), Map.entry("nno", "nb"), Map.entry("fra", "fr"), Map.entry("fre", "fr"),
            Map.entry("deu", "de"), Map.entry("ger", "de"), Map.entry("spa", "es"), Map.entry("ita", "it"), Map.entry("por", "pt"),
            Map.entry("nld", "nl"), Map.entry("dut", "nl"), Map.entry("swe", "sv"), Map.entry("dan", "da"), Map.entry("fin", "fi"),
            Map.entry("cat", "ca"));

    private LanguageTags() {
    }

    /** The primary language, or "" when the tag names none (null, blank, "und"). */
    public static String primary(String tag) {
        if (tag == null) {
            return "";
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        if (NONE.contains(primary)) {
            return "";
        }
        return primary.startsWith("en") ? "en" : ALIASES.getOrDefault(primary, primary);
    }
}
