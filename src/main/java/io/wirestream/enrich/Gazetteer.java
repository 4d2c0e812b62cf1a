package io.wirestream.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The places the region tagger knows: countries (names in several languages, UN M49 region and
 * subregion), first-level divisions, cities with population, and the team's own aliases (demonyms,
 * historical states, seats of power, weak cues, phrases that are no place). Loaded once from the
 * bundled {@code gazetteer.tsv.gz} (built by {@link GazetteerBuilder}) and {@code aliases.tsv}.
 */
public final class Gazetteer {

    /** What a name is. */
    public enum Kind { COUNTRY, DEMONYM, HISTORICAL, METONYM, CUE, BLOCK, DIVISION, CITY, QUALIFIER }

    /** A country with its UN M49 region, subregion and intermediate region (empty where none). */
    public record Country(String code, String region, String subregion, String intermediate) {
    }

    /**
     * One meaning of a name. {@code lang} is null for names used in any language, {@link #EXONYM} for a
     * big city's name in some other language than English (GeoNames does not say which); {@code geonameId},
     * {@code population}, lat/lon are set for cities; {@code admin1} for cities, divisions and qualifiers.
     */
    public record Entry(Kind kind, String country, String name, String lang, String admin1, long geonameId,
                        long population, double lat, double lon, boolean capital) {

        /** The same place under another name or language: a city's exonym, its current name. */
        Entry named(String otherName, String otherLang) {
            return new Entry(kind, country, otherName, otherLang, admin1, geonameId, population, lat, lon, capital);
        }
    }

    /** The {@link Entry#lang()} of a city's exonym ("København", "Wien"): a name in a language GeoNames does not name. */
    public static final String EXONYM = "*";

    private static volatile Gazetteer bundled;

    private final NameTrie<Entry> trie = new NameTrie<>();
    private final Map<String, Country> countries = new HashMap<>();
    private final Map<String, String> divisions = new HashMap<>();
    private final Map<String, String> countryNames = new HashMap<>();
    /** Every English name and short form of a country, and its demonyms: see {@link #countryWords()}. */
    private final java.util.Set<String> countryWords = new java.util.TreeSet<>();
    /** Cities by GeoNames id while loading, for their exonyms. */
    private final Map<Long, Entry> cities = new HashMap<>();

    private Gazetteer() {
    }

    /** The bundled gazetteer, loaded on first use (about 30k names). */
    public static Gazetteer bundled() {
        Gazetteer g = bundled;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = bundled;
                if (g == null) {
                    g = new Gazetteer();
                    g.load("gazetteer.tsv.gz", g::builtLine);
                    g.load("aliases.tsv", g::aliasLine);
                    g.load("renamed-places.tsv", g::renamedLine);
                    g.cities.clear();
                    bundled = g;
                }
            }
        }
        return g;
    }

    NameTrie<Entry> trie() {
        return trie;
    }

    /** Every country it knows, with its UN M49 placement. */
    public java.util.Collection<Country> countries() {
        return java.util.Collections.unmodifiableCollection(countries.values());
    }

    /** The country of a code, or null (historical codes such as SU have none). */
    public Country country(String code) {
        return countries.get(code);
    }

    /** The English name of a country code ("GB" is "United Kingdom"), or the code itself when it has none. */
    public String countryName(String code) {
        return countryNames.getOrDefault(code, code);
    }

    /**
     * The English names and short forms of every country, and the team's demonyms ("Russia", "Russian", "South
     * Korea", "Britons"), as written: the words that say where a story is, which the category model must not learn
     * as what it is about.
     */
    public java.util.Set<String> countryWords() {
        return java.util.Collections.unmodifiableSet(countryWords);
    }

    /** Name of a first-level division ("US.TX" is "Texas"), or null. */
    public String division(String country, String admin1) {
        return divisions.get(country + "." + admin1);
    }

    /** Reads a tab-separated resource (gzipped when its name says so), handing each line that is no comment on. */
    private void load(String resource, java.util.function.Consumer<String[]> line) {
        try (InputStream raw = Gazetteer.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + resource + " (run `wirestream gazetteer build`)");
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    line.accept(l.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void builtLine(String[] f) {
        switch (f[0]) {
            case "C" -> countries.put(f[1], new Country(f[1], f[2], f[3], f[4]));
            case "N" -> {
                Entry name = new Entry(Kind.COUNTRY, f[1], f[3], f[2].equals("en") ? null : f[2], null, 0, 0, 0, 0, false);
                add(f[3], name);
                addInflected(f[3], name);
                if (f[2].equals("en")) {
                    countryNames.putIfAbsent(f[1], f[3]);
                    countryWords.add(f[3]);
                }
            }
            case "A" -> {
                divisions.put(f[1] + "." + f[2], f[3]);
                add(f[3], new Entry(Kind.DIVISION, f[1], f[3], null, f[2], 0, 0, 0, 0, false));
            }
            case "P" -> {
                String[] names = f[8].split("\\|");
                Entry e = new Entry(Kind.CITY, f[2], names[0], null, f[3], Long.parseLong(f[1]), Long.parseLong(f[6]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), f[7].equals("PPLC"));
                for (String n : names) {
                    add(n, e);
                }
                cities.put(e.geonameId(), e);
            }
            case "X" -> {
                Entry city = cities.get(Long.parseLong(f[1]));
                if (city != null) {
                    addAll(f[2], city.named(city.name(), EXONYM));
                }
            }
            case "L" -> {
                Entry city = cities.get(Long.parseLong(f[1]));
                if (city != null) {
                    addAll(f[2], city);
                }
            }
            default -> { }
        }
    }

    /** A line of the team's table of places' current names GeoNames lacks: each added as the place's own name. */
    private void renamedLine(String[] f) {
        Entry city = cities.get(Long.parseLong(f[0]));
        if (city == null) {
            throw new IllegalStateException("renamed-places.tsv names GeoNames id " + f[0] + ", which the gazetteer lacks");
        }
        // shown by its current name ("Gurugram", not Gurgaon) when the copy uses it
        addAll(f[1], city.named(f[1].split("\\|", 2)[0], city.lang()));
    }

    /** Files a place under each of its |-separated names. */
    private void addAll(String names, Entry e) {
        for (String n : names.split("\\|")) {
            add(n, e);
        }
    }

    private void aliasLine(String[] f) {
        Kind kind = switch (f[1]) {
            case "name" -> Kind.COUNTRY;
            case "demonym" -> Kind.DEMONYM;
            case "historical" -> Kind.HISTORICAL;
            case "metonym" -> Kind.METONYM;
            case "cue" -> Kind.CUE;
            case "block" -> Kind.BLOCK;
            case "qualifier" -> Kind.QUALIFIER;
            default -> throw new IllegalStateException("unknown alias kind " + f[1]);
        };
        String[] code = f[0].split("\\.", 2);
        if (kind == Kind.COUNTRY || kind == Kind.DEMONYM) {
            countryWords.addAll(List.of(f[2].split("\\|")));
        }
        for (String n : f[2].split("\\|")) {
            add(n, new Entry(kind, code[0].equals("-") ? null : code[0], n, null, code.length > 1 ? code[1] : null,
                    0, 0, 0, 0, false));
        }
    }

    /** Languages that write a country's genitive with a bare -s: "Frankreichs", "Sveriges", "Danmarks", "Norges". */
    private static final java.util.Set<String> GENITIVE_S = java.util.Set.of("de", "sv", "da", "nb");
    /**
     * Finnish case endings on a country name that ends in a vowel, as keys (accents off, so "llä" is "lla"): genitive
     * "Venäjän", inessive "Ruotsissa", elative "Kiinasta", adessive "Venäjällä", ablative, allative, essive, translative.
     * The illative doubles the last vowel ("Kiinaan", "Ruotsiin"). Names that change their stem ("Suomi", "Suomessa",
     * "Turkki", "Turkin") are written out in aliases.tsv.
     */
    private static final List<String> FINNISH_CASES = List.of("n", "ssa", "sta", "lla", "lta", "lle", "na", "ksi");
    /** The same after a name that ends in a consonant, with its linking "i": "Iranin", "Israelissa", "Pakistaniin". */
    private static final List<String> FINNISH_CASES_AFTER_CONSONANT = List.of("in", "issa", "ista", "illa", "ilta", "ille",
            "ina", "iksi", "iin");
    /**
     * Countries whose inflected forms are other words: German "Jerseys", "Bermudas", "Panamas" (clothes and hats),
     * "Saint Martins"; Finnish "peruna" (potato), "perusta" (basis), "nauru" (laughter), "Malin" (a first name).
     */
    private static final java.util.Set<String> NO_GENITIVE_S = java.util.Set.of("JE", "BM", "PA", "MF");
    private static final java.util.Set<String> NO_FINNISH_CASES = java.util.Set.of("PE", "NR", "ML");

    /**
     * A country's name as copy in its language writes it in the cases news uses most, filed under that language only,
     * so no other language's copy reads them: a genitive -s in German and the Scandinavian languages, the case
     * endings of Finnish.
     */
    private void addInflected(String name, Entry e) {
        List<String> keys = Tokens.keys(name);
        if (keys.isEmpty() || e.lang() == null) {
            return;
        }
        String last = keys.get(keys.size() - 1);
        List<String> forms = new ArrayList<>();
        if (GENITIVE_S.contains(e.lang()) && !last.endsWith("s") && !last.endsWith("x") && !last.endsWith("z")
                && !NO_GENITIVE_S.contains(e.country())) {
            forms.add(last + "s");
        }
        char end = last.charAt(last.length() - 1);
        if (e.lang().equals("fi") && !NO_FINNISH_CASES.contains(e.country())) {
            if ("aeiouy".indexOf(end) >= 0) {
                FINNISH_CASES.forEach(ending -> forms.add(last + ending));
                forms.add(last + end + "n");
            } else if (Character.isLetter(end)) {
                FINNISH_CASES_AFTER_CONSONANT.forEach(ending -> forms.add(last + ending));
            }
        }
        for (String form : forms) {
            List<String> inflected = new ArrayList<>(keys.subList(0, keys.size() - 1));
            inflected.add(form);
            trie.add(inflected, e);
        }
    }

    private void add(String name, Entry e) {
        List<String> keys = Tokens.keys(name);
        if (!keys.isEmpty()) {
            trie.add(keys, e);
        }
    }
}
