package io.wirestream.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Newsroom desk regions (Middle East and North Africa, Europe, Africa, North America, Latin America,
 * South Asia, East Asia and Pacific) from a country code and its UN M49 placement. Rules are tried in
 * order; a rule lists ISO codes and M49 region, subregion or intermediate-region names. The default
 * is the team's {@code desks.tsv}; a newsroom gives its own file in the same format.
 */
public final class DeskMap {

    private record Rule(String desk, Set<String> selectors) {
    }

    private final List<Rule> rules;

    private DeskMap(List<Rule> rules) {
        this.rules = rules;
    }

    /** The bundled default mapping. */
    public static DeskMap defaults() {
        try (InputStream in = DeskMap.class.getResourceAsStream("desks.tsv")) {
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A newsroom's own mapping file. */
    public static DeskMap of(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    private static DeskMap read(Reader reader) throws IOException {
        List<Rule> rules = new ArrayList<>();
        BufferedReader r = new BufferedReader(reader);
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            if (f.length < 2) {
                throw new IOException("desk rule without selectors: " + line);
            }
            rules.add(new Rule(f[0].strip(), Set.of(f[1].strip().split("\\s*\\|\\s*"))));
        }
        return new DeskMap(List.copyOf(rules));
    }

    /**
     * The selectors no country can match: neither an ISO code the gazetteer knows or a former one (ISO 3166-3: SU, YU,
     * CS, DD, which stories about those states are tagged with) nor the name of a UN M49 region, subregion or
     * intermediate region of one ("XX", "Narnia", "Euorpe"). A rule with one matches fewer countries than its writer
     * meant, and their stories get no desk.
     */
    public List<String> unknownSelectors(Gazetteer gazetteer) {
        Set<String> known = new java.util.HashSet<>();
        for (String former : java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART3)) {
            known.add(former.substring(0, 2));
        }
        for (Gazetteer.Country c : gazetteer.countries()) {
            known.add(c.code());
            known.add(c.region());
            known.add(c.subregion());
            known.add(c.intermediate());
        }
        return rules.stream().flatMap(r -> r.selectors().stream()).filter(s -> !known.contains(s)).distinct().sorted().toList();
    }

    /** The desks the rules name, in rule order, each once. */
    public List<String> desks() {
        return rules.stream().map(Rule::desk).distinct().toList();
    }

    /** The desk of a country, or null when no rule matches. {@code country} may be null (historical codes). */
    public String deskOf(String code, Gazetteer.Country country) {
        for (Rule r : rules) {
            if (r.selectors().contains(code) || (country != null && (r.selectors().contains(country.region())
                    || r.selectors().contains(country.subregion()) || r.selectors().contains(country.intermediate())))) {
                return r.desk();
            }
        }
        return null;
    }
}
