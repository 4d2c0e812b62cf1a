package io.wirestream.enrich;

import io.wirestream.text.LanguageTags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A newsroom's region settings: its desk mapping (a file in the format of the bundled
 * {@code desks.tsv}; null for the bundled one) and its fallback country, the home market assumed for
 * a story that names no place and whose writer has no home country (null: tag nothing), for copy in the
 * fallback's languages. Settings {@code regions.desks.file}, {@code regions.fallback} and
 * {@code regions.fallback.languages} (README, "Configuration").
 *
 * @param desksFile desk mapping file, or null for the bundled default
 * @param fallback  ISO 3166-1 alpha-2 code, or null for none
 * @param fallbackLanguages languages (ISO 639 primary subtags, or "*" for all) whose copy the fallback is for
 */
public record RegionSettings(Path desksFile, String fallback, Set<String> fallbackLanguages) {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2,3}|\\*");

    public RegionSettings {
        if (fallback != null && !ISO.contains(fallback)) {
            throw new IllegalArgumentException("regions.fallback must be an ISO 3166-1 alpha-2 code such as US, or none, not '"
                    + fallback + "'");
        }
        fallbackLanguages = fallbackLanguages == null ? RegionTagger.DEFAULT_FALLBACK_LANGUAGES : Set.copyOf(fallbackLanguages);
        if (fallbackLanguages.isEmpty()) {
            throw new IllegalArgumentException("regions.fallback.languages must list at least one language (such as en, or *); "
                    + "to assume no country at all, set regions.fallback=none");
        }
        for (String l : fallbackLanguages) {
            if (!LANGUAGE.matcher(l).matches()) {
                throw new IllegalArgumentException("regions.fallback.languages must list language codes such as en,de (or *), not '"
                        + l + "'");
            }
        }
    }

    public RegionSettings(Path desksFile, String fallback) {
        this(desksFile, fallback, RegionTagger.DEFAULT_FALLBACK_LANGUAGES);
    }

    /** The bundled desks and US for English copy, the fallback the team's figures were measured with. */
    public static RegionSettings defaults() {
        return new RegionSettings(null, RegionTagger.DEFAULT_FALLBACK);
    }

    /**
     * The languages as written in a setting: tags separated by commas or spaces, in any case, read as stories' are
     * ("en-GB" is en, "no" and "nn" are nb, "ger" is de; "*" for all).
     */
    public static Set<String> parseLanguages(String value) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String l : (value == null ? "" : value).split("[,\\s]+")) {
            if (!l.isBlank()) {
                String primary = LanguageTags.primary(l);
                out.add(l.strip().equals(RegionTagger.ANY_LANGUAGE) ? RegionTagger.ANY_LANGUAGE
                        : primary.isEmpty() ? l.strip().toLowerCase(Locale.ROOT) : primary);
            }
        }
        return out;
    }

    /**
     * The fallback as written in a setting: a country code in any case, or "none" (or empty) for no
     * fallback.
     */
    public static String parseFallback(String value) {
        String v = value == null ? "" : value.strip();
        return v.isEmpty() || v.equalsIgnoreCase("none") ? null : v.toUpperCase(Locale.ROOT);
    }

    /** The desk mapping these settings name; the file is read here, once per topology. */
    public DeskMap desks() {
        if (desksFile == null) {
            return DeskMap.defaults();
        }
        try {
            return DeskMap.of(desksFile);
        } catch (IOException e) {
            throw new UncheckedIOException("regions.desks.file " + desksFile + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The enricher these settings configure, with the bundled gazetteer. */
    public RegionEnricher enricher() {
        return new RegionEnricher(new RegionTagger(Gazetteer.bundled(), desks(), fallback, fallbackLanguages));
    }
}
