package io.wirestream.sources;

import io.wirestream.avro.Source;
import io.wirestream.text.BoundedMemo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of sources and the names they go by. Immutable and thread-safe. The bundled default
 * ({@link #bundled()}) is what wire.sources is seeded with and what parsers use to give an agency its
 * short name; the topology looks records up in the topic by {@link #idOf(String)}.
 */
public final class SourceCatalogue {

    /** Kind of a source the catalogue does not know. */
    public static final String UNKNOWN_KIND = "unknown";
    /** The kinds a catalogue entry may have: the enrich stage reads agency, broadcaster and newspaper by name. */
    public static final Set<String> KINDS = Set.of("agency", "broadcaster", "newspaper", "aggregator");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Aliases this short (AP, PA, CP, AA) name a source only as the whole name, never inside one. */
    private static final int EXACT_ONLY = 3;
    private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9]+");

    private static final SourceCatalogue BUNDLED = load("sources.tsv");

    private record Alias(String lower, Pattern word, Source source) {
    }

    private final Map<String, Source> byId;
    private final List<Alias> aliases;
    /**
     * Names already matched: a few hundred distinct names arrive over and over, and each match tries
     * every alias's pattern in turn (a JFR profile of bench found that 14% of the stream thread).
     * The catalogue never changes, so neither does an answer; cleared when it grows past its bound.
     */
    private final BoundedMemo<Optional<Source>> matched = new BoundedMemo<>(10_000);

    private SourceCatalogue(List<Source> sources) {
        Map<String, Source> ids = new LinkedHashMap<>();
        List<Alias> all = new ArrayList<>();
        for (Source s : sources) {
            ids.put(s.getId(), s);
            List<String> names = new ArrayList<>(s.getAliases());
            names.add(s.getName());
            if (s.getCode() != null) {
                names.add(s.getCode());
            }
            names.add(s.getId());
            for (String n : names) {
                String lower = fold(n);
                if (!lower.isEmpty()) {
                    all.add(new Alias(lower, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(lower) + "(?![\\p{L}\\p{N}])"), s));
                }
            }
        }
        // longest first: "Australian Associated Press" before "Associated Press"
        all.sort((a, b) -> Integer.compare(b.lower().length(), a.lower().length()));
        this.byId = ids;
        this.aliases = all;
    }

    /** A catalogue of these sources. */
    public static SourceCatalogue of(List<Source> sources) {
        return new SourceCatalogue(sources);
    }

    /** The bundled default catalogue (resource {@code sources.tsv}, written by the team). */
    public static SourceCatalogue bundled() {
        return BUNDLED;
    }

    /** Every source, in catalogue order. */
    public List<Source> sources() {
        return List.copyOf(byId.values());
    }

    /** The source with this id, if any. */
    public Optional<Source> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /**
     * The source a name as sent stands for ("Thomson Reuters", "(AP)", "The Canadian Press. All rights
     * reserved.", "dpa"): the longest alias found in it as whole words; aliases of three characters or
     * fewer must be the whole name (after "the" and copyright boilerplate).
     */
    public Optional<Source> match(String sent) {
        if (sent == null || sent.isBlank()) {
            return Optional.empty();
        }
        return matched.get(sent, this::find);
    }

    /**
     * The source one of whose names is the whole of what was sent ("PTI", "(Reuters)", "Press Trust of India"), after
     * "the" and punctuation; unlike {@link #match} a name inside other words ("New York Times sues ...") is none. Not
     * cached: it reads lines of story text, most of which name nobody.
     */
    public Optional<Source> exactly(String sent) {
        if (sent == null || sent.isBlank() || sent.length() > LONGEST_NAME) {
            return Optional.empty();
        }
        String whole = whole(fold(sent));
        for (Alias a : aliases) {
            if (a.lower().equals(whole)) {
                return Optional.of(a.source());
            }
        }
        return Optional.empty();
    }

    private static String whole(String lower) {
        return EDGE_PUNCTUATION.matcher(LEADING_ARTICLE.matcher(lower).replaceAll("")).replaceAll("");
    }

    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:the |\\(c\\) |© )+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s.,;:()\\-]+|[\\s.,;:()\\-]+$");
    /** Longer than any agency's name: what {@link #exactly} need not compare. */
    private static final int LONGEST_NAME = 60;

    private Optional<Source> find(String sent) {
        int slash = sent.indexOf('/');
        if (slash > 0) {
            // "dpa/Europa Press", "AFP/Getty": the first named wrote it ("dpa" names dpa only as a whole part)
            Optional<Source> first = find(sent.substring(0, slash));
            if (first.isPresent()) {
                return first;
            }
        }
        String lower = fold(sent);
        String whole = whole(lower);
        // The name that starts first wins ("dpa/Europa Press" is dpa's, "Reuters/Interfax" Reuters'); at one start the
        // longest ("Australian Associated Press" before "Associated Press"): aliases are sorted longest first.
        Source best = null;
        int bestStart = Integer.MAX_VALUE;
        for (Alias a : aliases) {
            int start = -1;
            if (a.lower().length() <= EXACT_ONLY) {
                start = a.lower().equals(whole) ? 0 : -1;
            } else {
                Matcher m = a.word().matcher(lower);
                start = m.find() ? m.start() : -1;
            }
            if (start >= 0 && start < bestStart) {
                best = a.source();
                bestStart = start;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        String site = siteName(whole);
        if (site != null) {
            // a provider named by its web address ("afp.com" in AFP's NewsML 1.2, "www.belga.be"): its site's name
            for (Alias a : aliases) {
                if (a.lower().equals(site)) {
                    return Optional.of(a.source());
                }
            }
        }
        return Optional.empty();
    }

    /** A web host: letters, digits, hyphens and dots (read without a repeated group, which recurses per label). */
    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]+");
    /** No host name is longer (DNS). */
    private static final int HOST_MAX = 253;
    /** Second-level labels under a country's domain that name no outlet ("bbc.co.uk", "abc.net.au"). */
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "ac", "gov", "or", "ne");
    /**
     * Shorter site names are some agency's code only by chance ("tt.com" is the Tiroler Tageszeitung, "pa.gov"
     * Pennsylvania's government): an agency known by such a host lists it among its aliases ("afp.com").
     */
    private static final int SITE_NAME_MIN = 4;

    /**
     * The name a web address gives its site ("www.belga.be" belga, "news.bbc.co.uk" bbc), or null for what is no
     * address, or names its site in fewer than {@link #SITE_NAME_MIN} letters.
     */
    static String siteName(String lower) {
        String host = lower.replaceFirst("^[a-z]+://", "");
        int end = host.length();
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '/' || c == ':') {
                end = i;
                break;
            }
        }
        host = host.substring(0, end);
        if (host.length() > HOST_MAX || !HOST.matcher(host).matches()) {
            return null;
        }
        String[] labels = host.split("\\.");
        if (labels.length < 2 || labels[labels.length - 1].length() < 2) {
            return null;
        }
        int i = labels.length - 2; // the label before the top-level domain
        if (i > 0 && labels[labels.length - 1].length() == 2 && SECOND_LEVEL.contains(labels[i])) {
            i--;
        }
        return labels[i].length() >= SITE_NAME_MIN ? labels[i] : null;
    }

    /** The catalogue id for a name as sent: the matched source's id, else the name as an id (lower case, dashes). */
    public String idOf(String sent) {
        return match(sent).map(Source::getId).orElseGet(() -> slug(sent));
    }

    /** The name as an id: accents dropped, lower case, runs of other characters as one dash; "unknown" when empty. */
    public static String slug(String sent) {
        if (sent == null) {
            return UNKNOWN_KIND;
        }
        String plain = Normalizer.normalize(sent, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = NOT_ID.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? UNKNOWN_KIND : id;
    }

    /**
     * The record a story from a source the catalogue lacks gets: kind unknown, tier 3, and the home
     * country its web domain names, if any ({@link #countryOfDomain(String)}).
     */
    public static Source unknown(String sent) {
        String name = sent == null || sent.isBlank() ? UNKNOWN_KIND : sent.strip();
        return Source.newBuilder().setId(slug(sent)).setName(name).setKind(UNKNOWN_KIND).setTier(3)
                .setCountry(countryOfDomain(sent)).build();
    }

    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9-]+\\.)+([a-z]{2})\\.?");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    /**
     * Country-code domains sold worldwide as generic names (.tv, .io, .co, .me, .fm ...): they say
     * nothing about where an outlet is.
     */
    private static final Set<String> GENERIC_CC = Set.of("AC", "AI", "AM", "CC", "CO", "FM", "GG", "IM", "IO", "LA",
            "LY", "MD", "ME", "MS", "NU", "SH", "TK", "TO", "TV", "VC", "WS");

    /**
     * The home country of an outlet known only by its web domain: the country-code top-level domain
     * ("lfpress.ca" CA, "cambridge-news.co.uk" GB, "civil.ge" GE), or null for generic domains
     * (.com, .org, .tv) and names that are not domains. A local paper on a national domain writes
     * for that country, which is what the region tagger uses it for.
     */
    public static String countryOfDomain(String sent) {
        if (sent == null) {
            return null;
        }
        String host = sent.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("[/:].*$", "");
        Matcher m = DOMAIN.matcher(host);
        if (!m.matches()) {
            return null;
        }
        String cc = m.group(1).toUpperCase(Locale.ROOT);
        if (cc.equals("UK")) {
            return "GB";
        }
        return ISO_COUNTRIES.contains(cc) && !GENERIC_CC.contains(cc) ? cc : null;
    }

    /** The source's home time zone, or null when it has none or an invalid one. */
    public static ZoneId zoneOf(Source s) {
        try {
            return s == null || s.getTimeZone() == null ? null : ZoneId.of(s.getTimeZone());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * One line of the catalogue format: id, code, name, aliases (|-separated), country, time zone,
     * language, kind, tier, tab-separated; empty fields are null. The format of {@code sources.tsv}
     * and of {@code wirestream sources put FILE}.
     *
     * @throws IllegalArgumentException naming the problem when the line is not a source
     */
    public static Source parseLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 3 || f[0].isBlank() || f[2].isBlank()) {
            throw new IllegalArgumentException("a source line needs at least id, code and name (tab-separated): " + line);
        }
        Source.Builder b = Source.newBuilder().setId(f[0].strip()).setCode(blankToNull(f[1])).setName(f[2].strip());
        b.setAliases(f.length > 3 && !f[3].isBlank() ? Arrays.stream(f[3].split("\\|")).map(String::strip).toList() : List.of());
        b.setCountry(f.length > 4 ? blankToNull(f[4]) : null);
        b.setTimeZone(f.length > 5 ? blankToNull(f[5]) : null);
        b.setLanguage(f.length > 6 ? blankToNull(f[6]) : null);
        b.setKind(f.length > 7 && !f[7].isBlank() ? f[7].strip() : "agency");
        try {
            b.setTier(f.length > 8 && !f[8].isBlank() ? Integer.parseInt(f[8].strip()) : 2);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tier must be a number: " + line, e);
        }
        Source s = b.build();
        if (s.getTimeZone() != null && zoneOf(s) == null) {
            throw new IllegalArgumentException("unknown time zone " + s.getTimeZone() + ": " + line);
        }
        // A value no rule reads would be kept silently and change nothing (tier 9, kind "wire", country "UK").
        if (!KINDS.contains(s.getKind())) {
            throw new IllegalArgumentException("kind must be one of " + new java.util.TreeSet<>(KINDS) + ", not " + s.getKind() + ": " + line);
        }
        if (s.getTier() < 1 || s.getTier() > 3) {
            throw new IllegalArgumentException("tier must be 1, 2 or 3, not " + s.getTier() + ": " + line);
        }
        if (s.getCountry() != null && !COUNTRIES.contains(s.getCountry())) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code in capitals (GB, US), not "
                    + s.getCountry() + ": " + line);
        }
        if (s.getLanguage() != null && !s.getLanguage().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw new IllegalArgumentException("language must be an ISO 639 code in lower case, or a BCP 47 tag (en, de, pt-BR), not "
                    + s.getLanguage() + ": " + line);
        }
        return s;
    }

    /** Sources in the catalogue format, comment lines (#) and blank lines skipped. */
    public static List<Source> parse(BufferedReader in) throws IOException {
        List<Source> out = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(parseLine(line));
            }
        }
        return out;
    }

    /** A source as one catalogue line (the inverse of {@link #parseLine}). */
    public static String toLine(Source s) {
        return String.join("\t", s.getId(), nullToEmpty(s.getCode()), s.getName(), String.join("|", s.getAliases()),
                nullToEmpty(s.getCountry()), nullToEmpty(s.getTimeZone()), nullToEmpty(s.getLanguage()), s.getKind(),
                Integer.toString(s.getTier()));
    }

    private static SourceCatalogue load(String resource) {
        try (InputStream in = SourceCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new SourceCatalogue(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String fold(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
