package io.wirestream.enrich;

import io.wirestream.enrich.Gazetteer.Entry;
import io.wirestream.enrich.Gazetteer.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which countries a story is about: place names found in one pass over headline, dateline and body
 * (a token trie of the {@link Gazetteer}), each ambiguous name resolved against the rest of the
 * story, false friends dropped, and every mention weighed by where it stands (headline, dateline,
 * lead, later body) and what it is (a country name counts more than a city, a weak cue such as
 * "Nasdaq" only when nothing else names a country). A country is tagged when its score is a good
 * share of the best one: the gold tags of newsroom corpora say what a story is about, not every
 * country it names. Stateless and thread-safe.
 */
public final class RegionTagger {

    /** Where a mention stands. */
    enum Zone { HEADLINE, DATELINE, BODY }

    /** A place found in the story, as reported per story. */
    public record Place(String name, long geonameId, String country, Double lat, Double lon, String role, int count) {
    }

    /** A country and its score (sum of weighed mentions). */
    public record CountryScore(String country, double score) {
    }

    /**
     * The result: places, tagged countries best first with scores, the primary country, its UN M49
     * region and subregion, its newsroom desk. Empty when nothing names a place.
     */
    public record Tagging(List<Place> places, List<CountryScore> countries, List<String> tagged, String primary,
                          String m49Region, String m49Subregion, String desk) {
    }

    /** Share of the best score a country needs to be tagged. */
    static final double KEEP_SHARE = 0.3;
    /** Cities smaller than this need support from the rest of the story (another mention of their country). */
    static final long MAJOR_CITY = 500_000;

    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*([A-Z][\\p{L}.'’\\- ]{1,40}?(?:,\\s*[A-Z][\\p{L}.]+(?: [A-Z][\\p{L}.]+)?)?)"
                    + "(?:,?\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2})?"
                    + "\\s*(?:\\([^)]{1,30}\\))?\\s*(?:[-–—_]+|:)\\s");

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "gen",
            "sen", "rep", "gov", "president", "coach", "judge", "rev", "st", "saint", "fort", "mount", "lake", "port",
            "cape", "san", "santa", "los", "las", "el", "la", "new");
    /** Capitalised words that may stand before a place without making it a surname. */
    private static final Set<String> BEFORE_PLACE = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
            "northwestern", "southeastern", "southwestern", "upper", "lower", "greater", "mainland", "rural", "coastal",
            "the", "in", "of", "for", "from", "to", "and", "or", "with", "by", "at", "on", "a", "an", "as", "said",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "but", "while",
            "after", "before", "if", "when", "where", "says", "about", "against", "between", "into", "over", "under",
            "i", "we", "you", "he", "she", "they", "it", "his", "her", "their", "our", "both", "all", "that", "this",
            "official", "officials", "minister", "ministry", "government", "royal", "team", "side",
            "via", "near", "outside", "inside", "across", "throughout", "around", "including", "like", "than", "vs");
    /** Names that are also first names or head organisation names: "Jordan Spieth", "Chad Smith", "Georgia Tech". */
    private static final Set<String> PERSONISH = Set.of("jordan", "chad", "georgia", "israel", "india", "kenya", "niger",
            "washington", "houston", "paris", "austin", "jackson", "lincoln", "sydney", "florence", "victoria",
            "charlotte", "dallas", "madison", "regina", "eugene", "troy", "phoenix", "aurora", "orlando",
            "columbia", "camden", "salem", "warren", "clinton", "franklin", "hamilton", "marion", "mali", "chelsea",
            "milton", "preston", "douglas", "stanley", "vernon", "elizabeth", "adelaide", "alexandria", "savannah");
    /** Words after "Turkey" (or "China") that make it the bird, the meal or the plate. */
    private static final Set<String> NOT_THE_COUNTRY_AFTER = Set.of("dinner", "dinners", "sandwich", "sandwiches",
            "breast", "meat", "prices", "price", "farmers", "farms", "farm", "hunt", "hunting", "hunters", "day",
            "leg", "legs", "roast", "burger", "burgers", "bacon", "gravy", "stuffing", "feathers", "plates", "plate",
            "cabinet", "doll", "dolls", "teacup", "teacups", "pattern", "shop", "trot", "vulture", "vultures",
            "shoot", "feast", "oven", "recipe", "recipes", "slices", "pardon", "pardoning");
    private static final Set<String> NOT_THE_COUNTRY_BEFORE = Set.of("thanksgiving", "roast", "roasted", "wild",
            "smoked", "stuffed", "fine", "bone", "cold", "fried", "deep-fried", "christmas", "frozen");
    private static final Set<String> STREET = Set.of("st", "street", "road", "rd", "avenue", "ave", "drive", "dr",
            "boulevard", "blvd", "lane", "ln", "pike", "highway", "hwy", "way", "place", "court", "terrace");
    private static final Set<String> BIRD_OR_PLATE = Set.of("turkey", "china");

    /** Historical states and the modern countries whose places they covered: Moscow in 1987 copy is SU. */
    private static final Map<String, Set<String>> SUCCESSORS = Map.of(
            "SU", Set.of("RU", "UA", "BY", "KZ", "UZ", "GE", "AM", "AZ", "LT", "LV", "EE", "MD", "KG", "TJ", "TM"),
            "YU", Set.of("RS", "HR", "BA", "SI", "MK", "ME", "XK"),
            "CS", Set.of("CZ", "SK"));

    private final Gazetteer gazetteer;
    private final DeskMap desks;

    public RegionTagger(Gazetteer gazetteer, DeskMap desks) {
        this.gazetteer = gazetteer;
        this.desks = desks;
    }

    /** The bundled gazetteer and default desk map. */
    public static RegionTagger standard() {
        return new RegionTagger(Gazetteer.bundled(), DeskMap.defaults());
    }

    /** One resolved mention. */
    private static final class Mention {
        final List<Entry> candidates;
        final Zone zone;
        final int position;
        final boolean leadingToken;
        Entry qualifiedBy;
        Entry chosen;
        String country;

        Mention(List<Entry> candidates, Zone zone, int position, boolean leadingToken) {
            this.candidates = candidates;
            this.zone = zone;
            this.position = position;
            this.leadingToken = leadingToken;
        }
    }

    /**
     * Tags a story.
     *
     * @param headline      headline (may be shouted in capitals)
     * @param body          body paragraphs; a dateline at the start of the first is recognised
     * @param datelinePlace the dateline place the parser found, or null
     * @param language      the story's language (ISO 639-1), or null for English
     */
    public Tagging tag(String headline, List<String> body, String datelinePlace, String language) {
        String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
        List<Mention> mentions = new ArrayList<>();
        collect(headline, Zone.HEADLINE, lang, mentions, 0);
        List<String> paragraphs = body == null ? List.of() : body;
        int offset = 0;
        boolean datelineSeen = false;
        for (int p = 0; p < paragraphs.size(); p++) {
            String text = paragraphs.get(p);
            if (p == 0 && text != null) {
                Matcher m = DATELINE.matcher(text);
                if (m.find() && m.group(1).length() <= 40) {
                    collect(m.group(1), Zone.DATELINE, lang, mentions, 0);
                    datelineSeen = true;
                    text = text.substring(m.end());
                }
            }
            offset += collect(text, Zone.BODY, lang, mentions, offset);
        }
        if (!datelineSeen && datelinePlace != null) {
            collect(datelinePlace, Zone.DATELINE, lang, mentions, 0);
        }
        resolve(mentions);
        return score(mentions);
    }

    /** Finds the names in one piece of text; returns its token count (positions in the body run on). */
    private int collect(String text, Zone zone, String lang, List<Mention> out, int offset) {
        List<Tokens.Token> tokens = Tokens.of(text);
        boolean shouting = Tokens.shouting(tokens);
        boolean strict = zone == Zone.BODY && !shouting;
        NameTrie<Entry> trie = gazetteer.trie();
        int i = 0;
        while (i < tokens.size()) {
            NameTrie.Match<Entry> m = trie.longestAt(tokens, i);
            if (m == null) {
                i++;
                continue;
            }
            List<Entry> candidates = new ArrayList<>();
            boolean block = false;
            for (Entry e : m.values()) {
                if (e.kind() == Kind.BLOCK) {
                    block = true;
                } else if (e.kind() != Kind.QUALIFIER && (e.lang() == null || e.lang().equals(lang))
                        && !((e.kind() == Kind.CITY || e.kind() == Kind.DIVISION) && m.to() - m.from() == 1
                        && tokens.get(m.from()).key().length() <= 3)) {
                    candidates.add(e);
                }
            }
            Tokens.Token first = tokens.get(m.from());
            boolean cueOnly = candidates.stream().allMatch(e -> e.kind() == Kind.CUE);
            if (!block && !candidates.isEmpty() && (shouting || first.capitalised() || cueOnly)
                    && !(strict && falseFriend(tokens, m, trie))) {
                Mention mention = new Mention(candidates, zone, offset + m.from(), first.sentenceStart());
                mention.qualifiedBy = qualifier(tokens, m.to(), trie);
                out.add(mention);
            }
            i = m.to();
        }
        return tokens.size();
    }

    /** "Paris, Texas", "Alexandria, Va.", "Perth, Australia": the division or country after a comma. */
    private static Entry qualifier(List<Tokens.Token> tokens, int after, NameTrie<Entry> trie) {
        if (after >= tokens.size() || after == 0) {
            return null;
        }
        Tokens.Token prev = tokens.get(after - 1);
        Tokens.Token next = tokens.get(after);
        if (next.start() - prev.end() < 1 || next.start() - prev.end() > 3) {
            return null;
        }
        NameTrie.Match<Entry> q = trie.longestAt(tokens, after);
        if (q == null || !next.capitalised() || q.values().stream().anyMatch(e -> e.kind() == Kind.BLOCK)) {
            return null;
        }
        for (Entry e : q.values()) {
            if (e.kind() == Kind.DIVISION || e.kind() == Kind.QUALIFIER || e.kind() == Kind.COUNTRY) {
                return e;
            }
        }
        return null;
    }

    /** A person, an organisation, a bird: a single capitalised token that names no place here. */
    private static boolean falseFriend(List<Tokens.Token> tokens, NameTrie.Match<Entry> m, NameTrie<Entry> trie) {
        String key = tokens.get(m.from()).key();
        Tokens.Token prev = m.from() > 0 ? tokens.get(m.from() - 1) : null;
        Tokens.Token next = m.to() < tokens.size() ? tokens.get(m.to()) : null;
        if (BIRD_OR_PLATE.contains(key) && m.to() - m.from() == 1
                && ((next != null && NOT_THE_COUNTRY_AFTER.contains(next.key()))
                || (prev != null && NOT_THE_COUNTRY_BEFORE.contains(prev.key())))) {
            return true;
        }
        if (prev != null && !tokens.get(m.from()).sentenceStart() && HONORIFICS.contains(prev.key())
                && m.to() - m.from() == 1 && !isDemonym(m)) {
            return !prev.key().equals("new") && !prev.key().equals("st") ? true : false;
        }
        if (next != null && STREET.contains(next.key()) && !isDemonym(m)) {
            return true; // "Memphis St.", "Dublin Road": a street, not the place
        }
        if (m.to() - m.from() != 1 || isDemonym(m)) {
            return false;
        }
        // "Michael Jordan", "George Washington": a capitalised word before, not a sentence start nor a place word
        if (prev != null && prev.capitalised() && !tokens.get(m.from()).sentenceStart() && !BEFORE_PLACE.contains(prev.key())
                && !placeAt(tokens, m.from() - 1, trie) && !prev.surface().endsWith(".")
                && tokens.get(m.from()).start() - prev.end() == 1) {
            return true;
        }
        // "Jordan Spieth", "Chad Smith", "Georgia Tech", "Washington Post"
        return PERSONISH.contains(key) && next != null && next.capitalised() && !next.sentenceStart()
                && next.start() - tokens.get(m.from()).end() == 1 && !placeAt(tokens, m.to(), trie)
                && !BEFORE_PLACE.contains(next.key());
    }

    /** A place name (not a blocked word) starts at token {@code i}. */
    private static boolean placeAt(List<Tokens.Token> tokens, int i, NameTrie<Entry> trie) {
        NameTrie.Match<Entry> m = trie.longestAt(tokens, i);
        return m != null && m.values().stream().noneMatch(e -> e.kind() == Kind.BLOCK);
    }

    private static boolean isDemonym(NameTrie.Match<Entry> m) {
        return m.values().stream().anyMatch(e -> e.kind() == Kind.DEMONYM);
    }

    /** Picks one meaning per mention: the story's other mentions, a qualifier, the dateline, then size. */
    private void resolve(List<Mention> mentions) {
        Map<String, Double> context = new HashMap<>();
        Set<String> coherent = new java.util.HashSet<>();
        for (Mention m : mentions) {
            String only = singleCountry(m.candidates);
            if (only != null && m.candidates.get(0).kind() != Kind.CUE) {
                context.merge(only, m.zone == Zone.DATELINE ? 2.0 : 1.0, Double::sum);
            } else if (m.zone == Zone.DATELINE) {
                Entry biggest = m.candidates.stream().max(Comparator.comparingDouble(RegionTagger::prior)).orElseThrow();
                context.merge(biggest.country(), 1.0, Double::sum);
            }
        }
        // Geographic coherence: two different names that can both lie in one country support each
        // other there ("Alexandria" and "Pineville": Louisiana, not Egypt).
        Map<String, Set<String>> namesByCountry = new HashMap<>();
        for (Mention m : mentions) {
            for (Entry e : m.candidates) {
                if (e.country() != null) {
                    namesByCountry.computeIfAbsent(e.country(), k -> new java.util.HashSet<>()).add(m.candidates.get(0).name());
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : namesByCountry.entrySet()) {
            if (e.getValue().size() >= 2) {
                context.merge(e.getKey(), 0.0, Double::sum);
                coherent.add(e.getKey());
            }
        }
        for (Mention m : mentions) {
            Entry best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Entry e : m.candidates) {
                double s = prior(e);
                Double ctx = context.get(e.country());
                if (ctx != null) {
                    // support from elsewhere in the story, not counting this mention's own vote
                    double own = singleCountry(m.candidates) != null ? (m.zone == Zone.DATELINE ? 2.0 : 1.0) : 0.0;
                    if (ctx - own > 0 || coherent.contains(e.country())) {
                        s += 1.0;
                    }
                }
                if (m.qualifiedBy != null && m.qualifiedBy.country() != null && m.qualifiedBy.country().equals(e.country())
                        && (m.qualifiedBy.kind() == Kind.COUNTRY || m.qualifiedBy.admin1() == null
                        || m.qualifiedBy.admin1().equals(e.admin1()))) {
                    s += 10;
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = e;
                }
            }
            m.chosen = best;
            m.country = best.country();
            boolean supported = context.getOrDefault(m.country, 0.0) > (singleCountry(m.candidates) != null ? 1.0 : 0.0)
                    || coherent.contains(m.country) || m.qualifiedBy != null || m.zone == Zone.DATELINE;
            if (m.qualifiedBy != null && m.qualifiedBy.country() != null && !m.qualifiedBy.country().equals(m.country)
                    && m.candidates.stream().noneMatch(e -> e.country().equals(m.qualifiedBy.country()))) {
                // "Elwood, Kan.": a place we do not know, in a division we do
                m.chosen = m.qualifiedBy;
                m.country = m.qualifiedBy.country();
            } else if (!supported && needsSupport(best)) {
                m.country = null;
            }
        }
        for (Map.Entry<String, Set<String>> h : SUCCESSORS.entrySet()) {
            boolean present = mentions.stream().anyMatch(m -> h.getKey().equals(m.country));
            if (present) {
                for (Mention m : mentions) {
                    if (m.country != null && h.getValue().contains(m.country) && m.chosen.kind() != Kind.COUNTRY) {
                        m.country = h.getKey();
                    }
                }
            }
        }
    }

    /**
     * A small city, or a division outside the countries whose states are named without their
     * country (US, Canada, Australia), counts only with support from the rest of the story: most
     * such names in news copy are namesakes ("Sale", "March" in England; "Western" in Fiji).
     */
    private static boolean needsSupport(Entry e) {
        return switch (e.kind()) {
            case CITY -> e.population() < MAJOR_CITY && !(e.capital() && e.population() >= 100_000);
            case DIVISION -> !SELF_EVIDENT_DIVISIONS.contains(e.country());
            default -> false;
        };
    }

    private static final Set<String> SELF_EVIDENT_DIVISIONS = Set.of("US", "CA", "AU");

    private static String singleCountry(List<Entry> candidates) {
        String c = candidates.get(0).country();
        for (Entry e : candidates) {
            if (c == null || !c.equals(e.country())) {
                return null;
            }
        }
        return c;
    }

    /** How likely a meaning is before context: countries over divisions over cities, big cities over small. */
    static double prior(Entry e) {
        return switch (e.kind()) {
            case COUNTRY, HISTORICAL -> 3.0;
            case DEMONYM -> 2.9;
            case METONYM -> 2.8;
            case DIVISION -> 2.7;
            case CITY -> 0.5 + Math.log10(Math.max(10, e.population())) / 2.5 + (e.capital() ? 0.5 : 0.0);
            case CUE -> 0.5;
            default -> 0.0;
        };
    }

    private static double kindWeight(Kind k) {
        return switch (k) {
            case COUNTRY, HISTORICAL -> 1.0;
            case DEMONYM, DIVISION -> 0.8;
            case CITY -> 0.7;
            case METONYM -> 0.6;
            case CUE -> 0.1;
            default -> 0.0;
        };
    }

    private static double zoneWeight(Mention m) {
        return switch (m.zone) {
            case HEADLINE -> 3.0;
            case DATELINE -> 2.5;
            case BODY -> m.position < 40 ? 1.5 : 1.0 / (1.0 + (m.position - 40) / 400.0);
        };
    }

    private Tagging score(List<Mention> mentions) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Place> places = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (m.country == null) {
                continue;
            }
            scores.merge(m.country, kindWeight(m.chosen.kind()) * zoneWeight(m), Double::sum);
            if (m.chosen.kind() == Kind.CITY || m.chosen.kind() == Kind.DIVISION || m.chosen.kind() == Kind.COUNTRY
                    || m.chosen.kind() == Kind.HISTORICAL) {
                String id = m.chosen.kind() + ":" + m.country + ":" + (m.chosen.geonameId() != 0 ? m.chosen.geonameId() : m.chosen.name());
                String role = m.zone == Zone.DATELINE ? "dateline" : "mention";
                Place old = places.get(id);
                boolean city = m.chosen.kind() == Kind.CITY;
                places.put(id, old == null
                        ? new Place(m.chosen.name(), m.chosen.geonameId(), m.country, city ? m.chosen.lat() : null,
                                city ? m.chosen.lon() : null, role, 1)
                        : new Place(old.name(), old.geonameId(), old.country(), old.lat(), old.lon(),
                                "dateline".equals(old.role()) ? old.role() : role, old.count() + 1));
            }
        }
        if (scores.isEmpty()) {
            return new Tagging(List.of(), List.of(), List.of(), null, null, null, null);
        }
        double top = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<CountryScore> all = new ArrayList<>();
        scores.forEach((k, v) -> all.add(new CountryScore(k, round(v))));
        // best first; ties keep the order of first mention (headline, dateline, body): the sort is stable
        all.sort(Comparator.comparingDouble(CountryScore::score).reversed());
        List<String> tagged = new ArrayList<>();
        for (CountryScore cs : all) {
            if (cs.score() >= KEEP_SHARE * top - 1e-9) {
                tagged.add(cs.country());
            }
        }
        String primary = all.get(0).country();
        Gazetteer.Country c = gazetteer.country(primary);
        return new Tagging(List.copyOf(places.values()), all, tagged, primary, c == null ? null : c.region(),
                c == null ? null : c.subregion(), desks.deskOf(primary, c));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
