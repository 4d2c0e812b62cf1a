package io.wirestream.enrich;

import io.wirestream.enrich.Gazetteer.Entry;
import io.wirestream.enrich.Gazetteer.Kind;
import io.wirestream.text.LanguageGuess;
import io.wirestream.text.LanguageTags;
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

    /**
     * Where a mention stands. WIRE is a place the wire's own metadata names (ninjs places, NewsML-G2
     * located and geoArea subjects, NewsML 1.x Location): a place for certain, in any language, whatever its case.
     */
    enum Zone { HEADLINE, DATELINE, WIRE, BODY }

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

    /**
     * What {@code regions} lists. Newsroom tagging conventions differ: agencies route their own copy
     * by what a story is about (Reuters' PLACES, AP's and PA's routing codes), while other copy
     * (newspapers, web pages, unknown sources) is tagged with every country it names that the text
     * supports (a geoparser's view). Both keep all countries in {@code countryScores}.
     */
    public enum Scope {
        /** Countries with a good share of the best score: what the story is about. */
        ABOUT(0.3),
        /** Every country the story names with support (false friends and unsupported namesakes are already gone). */
        NAMED(0.0);

        final double keepShare;

        Scope(double keepShare) {
            this.keepShare = keepShare;
        }
    }

    /** Share of the best score a country needs to be tagged ({@link Scope#ABOUT}). */
    static final double KEEP_SHARE = Scope.ABOUT.keepShare;
    /** Share of the best score at which the dateline's country is the primary one. */
    static final double DATELINE_PRIMARY_SHARE = 0.3;
    /** Cities smaller than this need support from the rest of the story (another mention of their country). */
    static final long MAJOR_CITY = 500_000;

    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*([A-Z][\\p{L}.'’\\- ]{1,40}?(?:,\\s*[A-Z][\\p{L}.]+(?: [A-Z][\\p{L}.]+)?)?)"
                    + "(?:,?\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2})?"
                    + "\\s*(?:\\([^)]{1,30}\\))?\\s*(?:[-–—_]+|:)\\s");

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "gen",
            "sen", "rep", "gov", "president", "coach", "judge", "rev", "st", "saint", "fort", "mount", "lake", "port",
            "cape", "san", "santa", "los", "las", "el", "la", "new");
    /**
     * Prepositions of place in the languages whose agencies send persons as G2 concepts: "in Washington" is the
     * city even when the item names a player called Washington.
     */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "from", "to", "near", "into", "across", "outside",
            "i", "fran", "fra", "till", "til", "pa", "aus", "nach", "bei", "im");
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
    /**
     * Articles and prepositions of the languages that write them before a country's name, capitalised when a sentence
     * starts with them ("La France", "Le Japon", "L'Allemagne", "Il Giappone", "O Brasil", "De Verenigde Staten"):
     * in copy in those languages such a word is no first name, and "La" or "El" before a name is grammar, not the
     * first word of another place ("La Paz").
     */
    private static final Set<String> ARTICLES = Set.of("le", "la", "les", "l", "du", "des", "de", "d", "au", "aux", "il", "lo",
            "gli", "i", "del", "della", "dell", "nell", "all", "o", "os", "as", "a", "do", "da", "dos", "das", "no", "na", "el",
            "los", "las", "al", "het", "der", "die", "den", "dem", "en", "et", "y", "e", "und", "un", "une", "una", "um",
            "uma", "ein", "eine", "een");
    /** The languages whose copy writes those words before a place. */
    private static final Set<String> ARTICLE_LANGUAGES = Set.of("fr", "it", "es", "pt", "ca", "de", "nl", "lb");

    /**
     * Whether the capitalised word before a name is grammar, not a first name: an article in a language that writes
     * them before places, or, in copy in any language but English, a word that opens the sentence ("Eftersom Polen
     * inte ...", "Quand l'Iran ...", "Sitten Suomi ..."). English keeps its own list of such words (BEFORE_PLACE); no
     * list of every other language's conjunctions and adverbs is kept, and a first name opening a sentence before a
     * country is rare there, except before the names that are surnames too ("Michael Jordan a déclaré").
     */
    private static boolean grammarBefore(Tokens.Token prev, String lang, NameTrie.Match<Entry> m, String name) {
        return article(prev, lang) || !lang.equals("en") && prev.sentenceStart() && countryNotSurname(m, name);
    }

    /**
     * A country's name that is no common surname: a city's name often is ("Naomi Osaka", "Jack London", "Adriana Lima"),
     * and so are the PERSONISH names ("Michael Jordan", "Michael Jordans rekord"), and "Holland".
     */
    private static boolean countryNotSurname(NameTrie.Match<Entry> m, String name) {
        String bare = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        return m.values().stream().allMatch(e -> e.kind() == Kind.COUNTRY) && !PERSONISH.contains(name)
                && !PERSONISH.contains(bare) && !name.equals("holland");
    }

    /**
     * An article before a name: lower case ("pour la France"), or capitalised because it opens the sentence ("La France
     * a ..."). Capitalised inside a sentence it is a surname's particle ("Pietro Lo Monaco", "Eduardo Dos Santos").
     */
    private static boolean article(Tokens.Token prev, String lang) {
        return ARTICLE_LANGUAGES.contains(lang) && ARTICLES.contains(prev.key()) && (!prev.capitalised() || prev.sentenceStart());
    }

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
    /** "Guernsey County", "Rapides Parish": a US county named after a place, not the place. */
    private static final Set<String> US_COUNTY_WORDS = Set.of("county", "parish", "township", "borough");
    /** The evidence a US county name gives: local US copy, weak as any cue. */
    private static final Entry US_COUNTY = new Entry(Kind.CUE, "US", "County", null, null, 0, 0, 0, 0, false);
    /**
     * Cues that mark local news (as opposed to "Nasdaq", "dlrs": financial copy names foreign
     * cities with no local meaning): with them, a lone foreign city name is the local namesake.
     */
    private static final Set<String> LOCAL_CUES = Set.of("county", "sheriff", "sheriff's office", "parish", "county jail",
            "county sheriff", "police department", "fire department", "township", "gov.", "sen.", "congressman",
            "congresswoman", "interstate", "state legislature", "general assembly");

    /** Historical states and the modern countries whose places they covered: Moscow in 1987 copy is SU. */
    private static final Map<String, Set<String>> SUCCESSORS = Map.of(
            "SU", Set.of("RU", "UA", "BY", "KZ", "UZ", "GE", "AM", "AZ", "LT", "LV", "EE", "MD", "KG", "TJ", "TM"),
            "YU", Set.of("RS", "HR", "BA", "SI", "MK", "ME", "XK"),
            "CS", Set.of("CZ", "SK"));
    /**
     * The state a historical one is filed under in copy written after it ended (a newsroom's
     * successor-state convention: the Soviet Union's seat and UN seat went to Russia, Yugoslavia's
     * continuity to Serbia, Czechoslovakia's capital to the Czech Republic).
     */
    static final Map<String, String> MAIN_SUCCESSOR = Map.of("SU", "RU", "YU", "RS", "CS", "CZ");

    /** Country assumed when a story names none (the desk's home market), or null for none. */
    public static final String DEFAULT_FALLBACK = "US";
    /**
     * The languages whose copy the fallback is assumed for: a desk's home market is the home of copy in its language.
     * A US desk's AFP story in Arabic or APA story in German that names no place is not US news.
     */
    public static final Set<String> DEFAULT_FALLBACK_LANGUAGES = Set.of("en");
    /** In the fallback languages: every language. */
    public static final String ANY_LANGUAGE = "*";

    /**
     * "MANSFIELD — The council ...", "CLINTON -- A town couple": a shouted dateline that follows a
     * repeated headline or standfirst in the first paragraph rather than opening it.
     */
    private static final Pattern INNER_DATELINE = Pattern.compile(
            "(?:^|[.!?]\\s+)((?:\\p{Lu}[\\p{Lu}.'’]+)(?:[ -]\\p{Lu}[\\p{Lu}.'’]+){0,3})(?:,\\s+\\p{L}[\\p{L}.]+)?\\s+(?:—|–|--|-)\\s");

    private final Gazetteer gazetteer;
    private final DeskMap desks;
    private final String fallback;
    private final Set<String> fallbackLanguages;

    public RegionTagger(Gazetteer gazetteer, DeskMap desks) {
        this(gazetteer, desks, DEFAULT_FALLBACK);
    }

    public RegionTagger(Gazetteer gazetteer, DeskMap desks, String fallback) {
        this(gazetteer, desks, fallback, DEFAULT_FALLBACK_LANGUAGES);
    }

    /**
     * @param fallback country tagged (with no score and no places) when a story names no place at
     *                 all: most such stories in a desk's feed are home news ("the council voted").
     *                 Null tags nothing.
     * @param fallbackLanguages the story languages (primary subtags; a story that declares none is English) the
     *                 fallback is assumed for, or {@link #ANY_LANGUAGE}
     */
    public RegionTagger(Gazetteer gazetteer, DeskMap desks, String fallback, Set<String> fallbackLanguages) {
        this.gazetteer = gazetteer;
        this.desks = desks;
        this.fallback = fallback;
        this.fallbackLanguages = Set.copyOf(fallbackLanguages);
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
        /** The token key of a one-word name ("jordan"), else null: for second references to a person. */
        String singleKey;
        /** The token keys of the name as written, space-separated ("new york"), else null: for the wire's own persons. */
        String nameKey;
        /** After a preposition of place ("in Washington", "från Hamilton"): a place whoever the wire names. */
        boolean afterPlacePreposition;
        /** What the division or country after a comma may mean ("Atlanta, Georgia"): GE or US.GA. */
        List<Entry> qualifiers = List.of();
        /** The mention this one qualifies ("Georgia" after "Atlanta, "), resolved the same way. */
        Mention head;
        Entry qualifiedBy;
        Entry chosen;
        String country;

        Mention(List<Entry> candidates, Zone zone, int position, boolean leadingToken) {
            this.candidates = candidates;
            this.zone = zone;
            this.position = position;
            this.leadingToken = leadingToken;
        }

        /** Named where the story was filed or by the wire's metadata: a place, needing no support. */
        boolean placed() {
            return zone == Zone.DATELINE || zone == Zone.WIRE;
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
        return tag(headline, body, datelinePlace, language, Scope.ABOUT);
    }

    /** Tags a story, listing in {@code regions} what {@code scope} asks for. */
    public Tagging tag(String headline, List<String> body, String datelinePlace, String language, Scope scope) {
        return tag(headline, body, datelinePlace, language, scope, null);
    }

    /**
     * Tags a story written for a home market.
     *
     * @param home the writer's home country (ISO alpha-2) when its copy is local to it, as a local
     *             paper's is; null for agency copy and sources with no known home. A local paper's
     *             "London" or "Hamilton" is its own unless the story names the other country, and a
     *             story of it that names no place is home news (before the configured fallback).
     */
    public Tagging tag(String headline, List<String> body, String datelinePlace, String language, Scope scope,
                       String home) {
        return tag(headline, body, datelinePlace, List.of(), language, scope, home);
    }

    /**
     * Tags a story whose wire named places of its own ({@code wirePlaces}: what the metadata says the
     * story is about or where it was filed). They are read, in any language, when the text names no
     * place, before the home market or the fallback is assumed.
     */
    public Tagging tag(String headline, List<String> body, String datelinePlace, List<String> wirePlaces, String language,
                       Scope scope, String home) {
        return tag(headline, body, datelinePlace, wirePlaces, language, scope, home, null);
    }

    /**
     * Tags a story whose writer's country is where its placeless stories happen ({@code placeless}), though its copy
     * is not local to it: an English-language national agency's (PTI's story that names no place is Indian news, not
     * the desk's fallback), which still means London, England by "London". Null for none; {@code home} comes first.
     */
    public Tagging tag(String headline, List<String> body, String datelinePlace, List<String> wirePlaces, String language,
                       Scope scope, String home, String placeless) {
        return tag(headline, body, datelinePlace, wirePlaces, List.of(), language, scope, home, placeless);
    }

    /**
     * Tags a story whose wire names persons of its own ({@code wirePersons}: NewsML-G2's person concepts, TT's
     * "Hamilton" in a story about Jan Guillou's novels). A name in the text that is the whole of such a person's name is
     * that person, not a place (Hamilton, Ontario), unless the text qualifies it as one ("Hamilton, Ontario") or it
     * stands in the dateline.
     */
    public Tagging tag(String headline, List<String> body, String datelinePlace, List<String> wirePlaces,
                       java.util.Collection<String> wirePersons, String language, Scope scope, String home, String placeless) {
        String lang = primaryLanguage(language);
        List<Mention> mentions = new ArrayList<>();
        Set<String> persons = new java.util.HashSet<>();
        collect(headline, Zone.HEADLINE, lang, mentions, 0, persons);
        List<String> paragraphs = body == null ? List.of() : body;
        int offset = 0;
        boolean datelineSeen = false;
        int datelineParagraph = datelineParagraph(paragraphs, datelinePlace);
        for (int p = 0; p < paragraphs.size(); p++) {
            String text = paragraphs.get(p);
            if (p == datelineParagraph && text != null) {
                Matcher m = DATELINE.matcher(text);
                if (m.find() && m.group(1).length() <= 40) {
                    collect(m.group(1), Zone.DATELINE, lang, mentions, 0, persons);
                    datelineSeen = true;
                    text = text.substring(m.end());
                } else if (datelinePlace == null) {
                    Matcher inner = INNER_DATELINE.matcher(text);
                    if (inner.find() && inner.start(1) < 400) {
                        collect(inner.group(1), Zone.DATELINE, lang, mentions, 0, persons);
                        datelineSeen = true;
                    }
                }
            }
            offset += collect(text, Zone.BODY, lang, mentions, offset, persons);
        }
        if (!datelineSeen && datelinePlace != null) {
            collect(datelinePlace, Zone.DATELINE, lang, mentions, 0, persons);
        }
        // Second references: "Marcus Jordan ... Brown and Jordan shot": once a name is a person's in
        // this story, the bare name later (or earlier, in the headline) is that person too.
        mentions.removeIf(m -> m.singleKey != null && persons.contains(m.singleKey) && !m.placed());
        Set<String> declared = nameKeys(wirePersons);
        if (!declared.isEmpty()) {
            mentions.removeIf(m -> m.nameKey != null && declared.contains(m.nameKey) && !m.placed() && m.qualifiers.isEmpty()
                    && !m.afterPlacePreposition);
        }
        boolean nouns = NOUNS_CAPITALISED.contains(lang);
        resolve(mentions, home, nouns);
        if (mentions.stream().allMatch(m -> m.country == null) && wirePlaces != null && !wirePlaces.isEmpty()) {
            // Only when the text names no place: the metadata's places are not always what the story is
            // about (a NewsML-G2 item's located is where it was written, Reuters' editing desk in Bangalore).
            for (String place : wirePlaces) {
                String code = place == null ? null : alpha2(place.strip());
                if (code != null && code.length() == 2 && code.equals(code.toUpperCase(Locale.ROOT)) && gazetteer.country(code) != null) {
                    // a country code from the metadata ("GB" from Reuters' N2:GB, an ISO sameAs)
                    mentions.add(new Mention(List.of(new Entry(Kind.COUNTRY, code, gazetteer.countryName(code), null, null,
                            0, 0, 0, 0, false)), Zone.WIRE, 0, false));
                } else if (code != null && !code.isEmpty()) {
                    collect(place, Zone.WIRE, lang, mentions, 0, persons);
                }
            }
            resolve(mentions, home, nouns);
        }
        return score(mentions, scope, home != null ? home : placeless != null ? placeless : fallbackFor(lang));
    }

    /** The names' token keys, each space-separated as {@link Mention#nameKey}. */
    private static Set<String> nameKeys(java.util.Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        Set<String> keys = new java.util.HashSet<>();
        for (String name : names) {
            List<Tokens.Token> tokens = Tokens.of(name);
            if (!tokens.isEmpty()) {
                keys.add(joinedKeys(tokens, 0, tokens.size()));
            }
        }
        return keys;
    }

    private static String joinedKeys(List<Tokens.Token> tokens, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int t = from; t < to; t++) {
            b.append(t == from ? "" : " ").append(tokens.get(t).key());
        }
        return b.toString();
    }

    /**
     * The paragraph that opens with the dateline: the first, or, when the parser found the dateline's place and one of the
     * first three paragraphs opens with it, that one (a standfirst may come first, and its "So häufig wie ...:" is no
     * dateline).
     */
    private static int datelineParagraph(List<String> paragraphs, String datelinePlace) {
        for (int p = 0; datelinePlace != null && p < Math.min(3, paragraphs.size()); p++) {
            if (paragraphs.get(p) != null && opensWith(paragraphs.get(p), datelinePlace)) {
                return p;
            }
        }
        return 0;
    }

    /** Whether a paragraph opens with the dateline place's first part ("Rom/Sydney (dpa) -" with "Rom/Sydney"). */
    private static boolean opensWith(String paragraph, String datelinePlace) {
        String place = datelinePlace.split("[,/(]", 2)[0].strip();
        String text = paragraph.stripLeading();
        return !place.isEmpty() && text.regionMatches(true, 0, place, 0, place.length())
                && (text.length() == place.length() || !Character.isLetter(text.charAt(place.length())));
    }

    /** The fallback country for a story in this language (primary subtag), or null when none applies to it. */
    private String fallbackFor(String lang) {
        return fallbackLanguages.contains(ANY_LANGUAGE) || fallbackLanguages.contains(lang) ? fallback : null;
    }

    /** ISO 3166-1 alpha-3 codes ("UKR", "FRA"), which AFP's NewsML 1.2 sends as a Location's Country, by alpha-2. */
    private static final Map<String, String> ALPHA2_OF_ALPHA3 = alpha3Codes();

    private static Map<String, String> alpha3Codes() {
        Map<String, String> m = new HashMap<>();
        for (String a2 : Locale.getISOCountries()) {
            m.put(new Locale("", a2).getISO3Country(), a2);
        }
        return Map.copyOf(m);
    }

    /** A wire's country code in alpha-2, whichever form it came in; anything else as it is. */
    static String alpha2(String code) {
        return code.length() == 3 ? ALPHA2_OF_ALPHA3.getOrDefault(code, code) : code;
    }

    /**
     * A city's exonym ("København /ritzau/:", "Haag") is read in a dateline, whatever the story's language (and
     * in the wire's own place fields). GeoNames does not say which language an alternate name is, and in running
     * text too many are words or names of some language: German "Kita", "Mosel", "Kanton", "Tanja"; "Roma" people.
     * In running text it is read only in a story written in a language of the city's own country, where it is the
     * city's own name ("em Lisboa" in Portuguese, "in München" in German, "a Milano" in Italian); not in English, whose
     * cities go by their main names and whose other names are nicknames.
     */
    private static boolean exonymReadable(Entry e, Zone zone, String lang) {
        if (!Gazetteer.EXONYM.equals(e.lang())) {
            return false;
        }
        return zone == Zone.DATELINE || (e.capital() || e.population() >= RUNNING_TEXT_EXONYM_POPULATION)
                && lang != null && !lang.equals("en") && e.country() != null
                && COUNTRY_LANGUAGES.getOrDefault(e.country(), Set.of()).contains(lang);
    }

    /**
     * Exonyms of smaller cities are read in datelines only: in running text their alternates are words and names of the
     * city's own language ("Hamas" is one of Hamm's, "Kilo" of Kiel's, "Nuss" of Neuss's, "Sainte" of Saint-Étienne's).
     */
    static final long RUNNING_TEXT_EXONYM_POPULATION = 300_000;

    /**
     * The national languages of the countries whose agencies write in the tagger's languages: a city's own name is read
     * in those. Not the JDK's locale list, which names every language with a locale there (German in Italy, for South
     * Tyrol, would read "Roma" in German copy as Rome).
     */
    private static final Map<String, Set<String>> COUNTRY_LANGUAGES = countryLanguages(Map.ofEntries(
            Map.entry("de", "DE AT CH LI LU"), Map.entry("fr", "FR BE CH LU MC SN CI CM ML BF NE TG BJ GA CG CD MG HT"),
            Map.entry("es", "ES MX AR CO CL PE VE EC BO PY UY CU DO GT HN SV NI CR PA"), Map.entry("it", "IT CH SM VA"),
            Map.entry("pt", "PT BR AO MZ CV GW ST TL"), Map.entry("nl", "NL BE SR"), Map.entry("sv", "SE FI"), Map.entry("da", "DK"),
            Map.entry("nb", "NO"), Map.entry("no", "NO"), Map.entry("fi", "FI"), Map.entry("is", "IS"), Map.entry("pl", "PL"),
            Map.entry("cs", "CZ"), Map.entry("sk", "SK"), Map.entry("hu", "HU"), Map.entry("ro", "RO MD"), Map.entry("hr", "HR BA"),
            Map.entry("sl", "SI"), Map.entry("bg", "BG"), Map.entry("el", "GR CY"), Map.entry("ru", "RU BY KZ KG"),
            Map.entry("uk", "UA"), Map.entry("tr", "TR CY"), Map.entry("ca", "ES AD"), Map.entry("et", "EE"), Map.entry("lv", "LV"),
            Map.entry("lt", "LT")));

    private static Map<String, Set<String>> countryLanguages(Map<String, String> countriesByLanguage) {
        Map<String, Set<String>> m = new HashMap<>();
        countriesByLanguage.forEach((lang, countries) -> {
            for (String c : countries.split(" ")) {
                m.computeIfAbsent(c, k -> new java.util.TreeSet<>()).add(lang);
            }
        });
        return Map.copyOf(m);
    }

    /**
     * Languages that capitalise every noun: a capitalised word before a name says nothing of a person
     * there ("Zeitung China Daily"), nor do two capitalised words that are both small towns somewhere.
     */
    private static final Set<String> NOUNS_CAPITALISED = Set.of("de", "lb");
    /** In such copy, towns smaller than this support no other name by coherence. */
    static final long COHERENT_TOWN_IN_NOUN_CASE = 100_000;

    /** For each word of a dateline, which run of words between commas and slashes it is in. */
    private static int[] datelineRuns(String text, List<Tokens.Token> tokens) {
        int[] run = new int[tokens.size()];
        int r = 0;
        int from = 0;
        for (int t = 0; t < tokens.size(); t++) {
            for (int c = from; c < tokens.get(t).start(); c++) {
                r += text.charAt(c) == ',' || text.charAt(c) == '/' ? 1 : 0;
            }
            from = tokens.get(t).end();
            run[t] = r;
        }
        return run;
    }

    /** Finds the names in one piece of text; returns its token count (positions in the body run on). */
    private int collect(String text, Zone zone, String lang, List<Mention> out, int offset, Set<String> persons) {
        List<Tokens.Token> tokens = Tokens.of(text);
        boolean shouting = Tokens.shouting(tokens);
        boolean strict = zone == Zone.BODY && !shouting;
        boolean nouns = NOUNS_CAPITALISED.contains(lang);
        NameTrie<Entry> trie = gazetteer.trie();
        // a dateline's places are the runs of words between its commas and slashes ("BALA CYNWYD, Pa.", "Genf/Bern"): an
        // exonym must be a whole run, or "Bala", one of Basel's, is read in Bala Cynwyd, Pennsylvania
        int[] run = zone == Zone.DATELINE ? datelineRuns(text, tokens) : null;
        int i = 0;
        Mention pendingHead = null;
        int pendingAt = -1;
        while (i < tokens.size()) {
            NameTrie.Match<Entry> m = trie.longestAt(tokens, i);
            if (m == null) {
                i++;
                continue;
            }
            boolean wholePlace = run == null || (m.from() == 0 || run[m.from() - 1] != run[m.from()])
                    && run[m.to() - 1] == run[m.from()] && (m.to() == tokens.size() || run[m.to()] != run[m.from()]);
            List<Entry> candidates = new ArrayList<>();
            boolean block = false;
            for (Entry e : m.values()) {
                if (e.kind() == Kind.BLOCK) {
                    block = true;
                } else if (e.kind() != Kind.QUALIFIER && (e.lang() == null || e.lang().equals(lang) || zone == Zone.WIRE
                        || wholePlace && exonymReadable(e, zone, lang))
                        && !((e.kind() == Kind.CITY || e.kind() == Kind.DIVISION) && m.to() - m.from() == 1
                        && tokens.get(m.from()).key().length() <= 3)) {
                    candidates.add(e);
                }
            }
            Tokens.Token first = tokens.get(m.from());
            boolean cueOnly = candidates.stream().allMatch(e -> e.kind() == Kind.CUE);
            if (!block && !candidates.isEmpty() && !cueOnly && usCounty(tokens, m.to())
                    && candidates.stream().noneMatch(Entry::capital)) {
                out.add(new Mention(List.of(US_COUNTY), zone, offset + m.from(), first.sentenceStart()));
                i = m.to() + 1;
                continue;
            }
            if (!block && !candidates.isEmpty() && currency(text, tokens, m)) {
                i = m.to(); // "US$2.8 million", "HK$10": a currency, not the country
                continue;
            }
            if (!block && !candidates.isEmpty() && (shouting || first.capitalised() || cueOnly || zone == Zone.WIRE)) {
                if (strict && falseFriend(tokens, m, trie, nouns, lang)) {
                    if (m.to() - m.from() == 1 && personName(tokens, m, nouns, lang)) {
                        persons.add(first.key());
                    }
                } else {
                    Mention mention = new Mention(candidates, zone, offset + m.from(), first.sentenceStart());
                    mention.singleKey = m.to() - m.from() == 1 && !isDemonym(m) ? first.key() : null;
                    mention.nameKey = joinedKeys(tokens, m.from(), m.to());
                    mention.afterPlacePreposition = m.from() > 0 && PLACE_PREPOSITIONS.contains(tokens.get(m.from() - 1).key());
                    // only a city is qualified: after a country ("Bahrain, Jordan") a comma is a list, unless
                    // what follows is only ever a qualifier, a state as AP writes it ("LEBANON, N.H.", "PERU, Ind.")
                    boolean countryLike = candidates.stream().anyMatch(e -> e.kind() == Kind.COUNTRY || e.kind() == Kind.HISTORICAL
                            || e.kind() == Kind.DEMONYM || e.kind() == Kind.METONYM);
                    if (candidates.stream().anyMatch(e -> e.kind() == Kind.CITY) && !countryLike) {
                        mention.qualifiers = qualifier(tokens, m.to(), trie);
                    } else if (countryLike && m.to() - m.from() == 1 && m.to() < tokens.size()
                            && tokens.get(m.to()).surface().endsWith(".")) {
                        // AP's abbreviation with its stop ("N.H.", "Ind."): "Colombia, Miss Universe" is no Mississippi
                        mention.qualifiers = qualifier(tokens, m.to(), trie).stream().filter(q -> q.kind() == Kind.QUALIFIER).toList();
                    }
                    if (pendingHead != null && pendingAt == m.from()) {
                        mention.head = pendingHead;
                    }
                    if (!mention.qualifiers.isEmpty()) {
                        pendingHead = mention;
                        pendingAt = m.to();
                    }
                    out.add(mention);
                }
            }
            i = m.to();
        }
        return tokens.size();
    }

    /** A capitalised County, Parish, Township or Borough right after the name. */
    private static boolean usCounty(List<Tokens.Token> tokens, int after) {
        if (after >= tokens.size()) {
            return false;
        }
        Tokens.Token next = tokens.get(after);
        return next.capitalised() && US_COUNTY_WORDS.contains(next.key()) && next.start() - tokens.get(after - 1).end() == 1;
    }

    /**
     * "Paris, Texas", "Alexandria, Va.", "Perth, Australia": what the division or country after a
     * comma may mean (both meanings of "Georgia"; the city's own candidates decide which), or empty.
     */
    private static List<Entry> qualifier(List<Tokens.Token> tokens, int after, NameTrie<Entry> trie) {
        if (after >= tokens.size() || after == 0) {
            return List.of();
        }
        Tokens.Token prev = tokens.get(after - 1);
        Tokens.Token next = tokens.get(after);
        if (next.start() - prev.end() < 1 || next.start() - prev.end() > 3 || next.sentenceStart()) {
            return List.of(); // "... flew to Berlin. Poland protested": a new sentence, no qualifier
        }
        NameTrie.Match<Entry> q = trie.longestAt(tokens, after);
        if (q == null || !next.capitalised() || q.values().stream().anyMatch(e -> e.kind() == Kind.BLOCK)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : q.values()) {
            if (e.kind() == Kind.DIVISION || e.kind() == Kind.QUALIFIER || e.kind() == Kind.COUNTRY) {
                out.add(e);
            }
        }
        return out;
    }

    /** Whether {@code q}, after a comma, places candidate {@code e}: same country, and same division if it is one. */
    private static boolean places(Entry q, Entry e) {
        return q.country() != null && q.country().equals(e.country())
                && (q.kind() == Kind.COUNTRY || q.admin1() == null || q.admin1().equals(e.admin1()));
    }

    /**
     * "US$2.8 million", "A$40", "HK$ 10": a country name or code written onto a dollar sign is a
     * currency, which says nothing about where the story is.
     */
    private static boolean currency(String text, List<Tokens.Token> tokens, NameTrie.Match<Entry> m) {
        int end = tokens.get(m.to() - 1).end();
        return end < text.length() && text.charAt(end) == '$';
    }

    /**
     * The false friend is a person's name, so the story's bare mentions of it are that person too: a capitalised
     * word before it ("Michael Jordan": "Brown and Jordan shot" is Jordan the surname), or a surname after a name
     * that is not a country's ("Paris Hilton", "Chad Walker"), not a street or an organisation word. A country's
     * name as a first name ("Defence Minister Israel Katz") leaves its other mentions the country's: news calls a
     * person by the surname on second reference, and a story naming Israel Katz is most often about Israel.
     */
    private static boolean personName(List<Tokens.Token> tokens, NameTrie.Match<Entry> m, boolean nounsCapitalised,
                                      String lang) {
        Tokens.Token prev = m.from() > 0 ? tokens.get(m.from() - 1) : null;
        Tokens.Token next = m.to() < tokens.size() ? tokens.get(m.to()) : null;
        boolean firstNameBefore = !nounsCapitalised && prev != null && prev.capitalised() && !tokens.get(m.from()).sentenceStart()
                && !BEFORE_PLACE.contains(prev.key()) && !HONORIFICS.contains(prev.key()) && !prev.surface().endsWith(".")
                && !grammarBefore(prev, lang, m, tokens.get(m.from()).key());
        // a person takes no article: "the Israel Defense Forces", "the Jordan Valley" are no one's name
        boolean surnameAfter = next != null && next.capitalised() && !next.sentenceStart()
                && m.values().stream().noneMatch(e -> e.kind() == Kind.COUNTRY)
                && PERSONISH.contains(tokens.get(m.from()).key()) && !ORGANISATION_WORDS.contains(next.key())
                && !STREET.contains(next.key()) && !(prev != null && article(prev, lang))
                && !possessive(tokens.get(m.from()));
        return firstNameBefore || surnameAfter;
    }

    /** Words after a place name that make an organisation or institution of it, not a person ("Georgia Tech"). */
    private static final Set<String> ORGANISATION_WORDS = Set.of("tech", "state", "university", "college", "school",
            "elementary", "junior", "senior", "high", "middle", "academy", "post", "times", "herald", "news", "county",
            "city", "township", "club", "fc", "united", "bank", "airlines", "airways", "company", "corp", "inc",
            "group", "church", "hospital", "center", "centre", "council", "department", "police", "fire", "public",
            "river", "valley", "lake", "park", "house", "hall", "road", "street", "avenue", "defense", "defence", "forces",
            "army", "navy", "government", "ministry", "embassy");

    /** A person, an organisation, a bird: a single capitalised token that names no place here. */
    private static boolean falseFriend(List<Tokens.Token> tokens, NameTrie.Match<Entry> m, NameTrie<Entry> trie,
                                       boolean nounsCapitalised, String lang) {
        boolean article = m.from() > 0 && article(tokens.get(m.from() - 1), lang);
        String key = tokens.get(m.from()).key();
        Tokens.Token prev = m.from() > 0 ? tokens.get(m.from() - 1) : null;
        Tokens.Token next = m.to() < tokens.size() ? tokens.get(m.to()) : null;
        if (BIRD_OR_PLATE.contains(key) && m.to() - m.from() == 1
                && ((next != null && NOT_THE_COUNTRY_AFTER.contains(next.key()))
                || (prev != null && NOT_THE_COUNTRY_BEFORE.contains(prev.key())))) {
            return true;
        }
        if (prev != null && !tokens.get(m.from()).sentenceStart() && HONORIFICS.contains(prev.key()) && !article
                && m.to() - m.from() == 1 && !isDemonym(m)) {
            return !prev.key().equals("new") && !prev.key().equals("st") ? true : false;
        }
        if (next != null && STREET.contains(next.key()) && !isDemonym(m)) {
            return true; // "Memphis St.", "Dublin Road": a street, not the place
        }
        if (m.to() - m.from() != 1 || isDemonym(m)) {
            return false;
        }
        Tokens.Token word = tokens.get(m.from());
        if (lang != null && word.sentenceStart() && LanguageGuess.functionWord(word.surface().toLowerCase(Locale.ROOT), lang)) {
            // "Auch die Regierung ...": German "also" opening a sentence, not Auch in Gascony (the surface, not the key
            // without its accents: Portuguese "Pará" is the state, "para" the word)
            return true;
        }
        // "Michael Jordan", "George Washington": a capitalised word before, not a sentence start nor a place word
        if (!nounsCapitalised && prev != null && prev.capitalised() && !tokens.get(m.from()).sentenceStart()
                && !BEFORE_PLACE.contains(prev.key()) && !grammarBefore(prev, lang, m, key)
                && !placeAt(tokens, m.from() - 1, trie) && !prev.surface().endsWith(".")
                && tokens.get(m.from()).start() - prev.end() == 1) {
            return true;
        }
        // "Jordan Spieth", "Chad Smith", "Georgia Tech", "Washington Post"; not "Israel's Iron Dome" (a first name takes no
        // possessive before the surname)
        return PERSONISH.contains(key) && next != null && next.capitalised() && !next.sentenceStart()
                && !possessive(tokens.get(m.from()))
                && next.start() - tokens.get(m.from()).end() == 1 && !placeAt(tokens, m.to(), trie)
                && !BEFORE_PLACE.contains(next.key());
    }

    private static boolean possessive(Tokens.Token t) {
        String w = t.surface();
        return w.endsWith("'s") || w.endsWith("’s") || w.endsWith("'") || w.endsWith("’");
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
    private void resolve(List<Mention> mentions, String home, boolean nounsCapitalised) {
        Map<String, Double> context = new HashMap<>();
        // which names gave each country its context: a small city's own repeats are no support for it
        Map<String, Set<String>> contextNames = new HashMap<>();
        if (home != null) {
            // the writer's home market counts as one mention of it: its namesakes win close calls
            context.put(home, 1.0);
        }
        Set<String> coherent = new java.util.HashSet<>();
        // countries the story names outright, outside its dateline: a home dateline must not contradict them
        Set<String> named = new java.util.HashSet<>();
        for (Mention m : mentions) {
            String only = singleCountry(m.candidates);
            if (only != null && !m.placed() && m.candidates.get(0).kind() != Kind.CUE) {
                named.add(only);
            }
        }
        for (Mention m : mentions) {
            String only = singleCountry(m.candidates);
            if (only != null && m.candidates.get(0).kind() != Kind.CUE) {
                context.merge(only, m.placed() ? 2.0 : 1.0, Double::sum);
                if (m.placed() || m.candidates.stream().anyMatch(e -> !needsSupport(e))) {
                    // support comes from names that stand on their own: two small towns support each
                    // other only by coherence below, which German copy does without
                    contextNames.computeIfAbsent(only, k -> new java.util.HashSet<>()).add(m.candidates.get(0).name());
                }
            } else if (m.placed()) {
                Entry biggest = java.util.Optional.ofNullable(homeDateline(m, home, named))
                        .orElseGet(() -> m.candidates.stream().max(Comparator.comparingDouble(RegionTagger::prior)).orElseThrow());
                context.merge(biggest.country(), 1.0, Double::sum);
                contextNames.computeIfAbsent(biggest.country(), k -> new java.util.HashSet<>()).add(m.candidates.get(0).name());
            }
        }
        // Geographic coherence: two different names that can both lie in one country support each
        // other there ("Alexandria" and "Pineville": Louisiana, not Egypt).
        Map<String, Set<String>> namesByCountry = new HashMap<>();
        for (Mention m : mentions) {
            for (Entry e : m.candidates) {
                // where every noun is capitalised (German) only towns of some size count: "Derby" and "Lutz" are
                // no two places in one country, "Linz und Graz" are
                if (e.country() != null && !(nounsCapitalised && e.kind() == Kind.CITY && e.population() < COHERENT_TOWN_IN_NOUN_CASE)) {
                    namesByCountry.computeIfAbsent(e.country(), k -> new java.util.HashSet<>()).add(m.candidates.get(0).name());
                }
            }
        }
        // A name the dateline (or the wire) gives is that place again in the body. Not so a name in both headline
        // and body ("Residents escape fire at Northland apartments": local copy full of foreign divisions' names;
        // counting them cost regions-geo 0.003), so a story that names only "Kerala" needs "India" somewhere.
        Set<String> placedNames = new java.util.HashSet<>();
        mentions.stream().filter(Mention::placed).forEach(m -> placedNames.add(m.candidates.get(0).name()));
        for (Map.Entry<String, Set<String>> e : namesByCountry.entrySet()) {
            if (e.getValue().size() >= 2) {
                context.merge(e.getKey(), 0.0, Double::sum);
                coherent.add(e.getKey());
            }
        }
        // Local copy: a story that names a state or province, or uses local-news vocabulary
        // ("Sheriff", "Parish"), means the local Paris, Athens or London unless it names the foreign
        // country too. A dateline, or a name that is a city as well ("Washington"), names no state: AP's
        // "NEW YORK (AP) _" (New York City, which the gazetteer knows only as the state) world weather
        // table is Amsterdam and Vienna, not their small US namesakes.
        Set<String> localCountries = new java.util.HashSet<>();
        for (Mention m : mentions) {
            String only = singleCountry(m.candidates);
            Kind k = m.candidates.get(0).kind();
            boolean cue = k == Kind.CUE && LOCAL_CUES.contains(m.candidates.get(0).name().toLowerCase(Locale.ROOT));
            boolean state = k == Kind.DIVISION && m.zone != Zone.DATELINE && m.candidates.stream().noneMatch(e -> e.kind() == Kind.CITY);
            if (only != null && m.qualifiers.isEmpty() && (state || cue)) {
                localCountries.add(only);
            }
        }
        if (home != null) {
            localCountries.add(home);
        }
        for (Mention m : mentions) {
            if (m.head != null && m.head.country != null && m.head.qualifiedBy != null) {
                // "Atlanta, Georgia": the qualifier is the meaning that placed its city (US.GA, not GE)
                Entry same = m.head.qualifiedBy;
                Entry match = m.candidates.stream().filter(e -> e.kind() == same.kind() && same.country().equals(e.country())
                        && java.util.Objects.equals(same.admin1(), e.admin1())).findFirst().orElse(null);
                if (match != null) {
                    m.chosen = match;
                    m.country = match.country();
                    continue;
                }
            }
            Entry homeDateline = homeDateline(m, home, named);
            if (homeDateline != null) {
                m.chosen = homeDateline;
                m.country = homeDateline.country();
                continue;
            }
            Entry best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Entry e : m.candidates) {
                double s = prior(e);
                Double ctx = context.get(e.country());
                if (ctx != null) {
                    // support from elsewhere in the story, not counting this mention's own vote
                    double own = singleCountry(m.candidates) != null ? (m.placed() ? 2.0 : 1.0) : 0.0;
                    if (ctx - own > 0 || coherent.contains(e.country())) {
                        s += 1.0;
                    }
                }
                if (m.qualifiers.stream().anyMatch(q -> places(q, e))) {
                    s += 10;
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = e;
                }
            }
            Entry chosenCity = best;
            m.qualifiedBy = m.qualifiers.stream().filter(q -> places(q, chosenCity)).findFirst()
                    .orElseGet(() -> bestQualifier(m.qualifiers, context));
            Entry local = localNamesake(m, best, context, coherent, localCountries);
            if (local != null) {
                best = local;
            }
            m.chosen = best;
            m.country = best.country();
            String name = m.candidates.get(0).name();
            // the home market supports its namesakes, but not a German noun ("Lage", "Norden") as a German town
            boolean supported = m.country.equals(home) && !nounsCapitalised || placedNames.contains(name)
                    || contextNames.getOrDefault(m.country, Set.of()).stream().anyMatch(n -> !n.equals(name))
                    || coherent.contains(m.country) || m.qualifiedBy != null || m.placed();
            if (m.qualifiedBy != null && m.qualifiedBy.country() != null && !m.qualifiedBy.country().equals(m.country)
                    && m.candidates.stream().noneMatch(e -> places(m.qualifiedBy, e))) {
                // "Elwood, Kan.": a place we do not know, in a division we do ("Dover, Mass.": the Dovers we
                // know are in Delaware, New Hampshire and England)
                m.chosen = m.qualifiedBy;
                m.country = m.qualifiedBy.country();
            } else if (!supported && needsSupport(best)) {
                m.country = null;
            }
        }
        for (Map.Entry<String, Set<String>> h : SUCCESSORS.entrySet()) {
            boolean present = mentions.stream().anyMatch(m -> h.getKey().equals(m.country));
            if (!present) {
                continue;
            }
            String successor = MAIN_SUCCESSOR.get(h.getKey());
            // "left Russia or the Soviet Union": the main successor named as a country of its own (not
            // "Russian", which 1980s copy used for Soviet, nor "Ukraine", a Soviet republic then)
            boolean after = mentions.stream().anyMatch(m -> successor.equals(m.country) && m.chosen.kind() == Kind.COUNTRY);
            for (Mention m : mentions) {
                if (after && h.getKey().equals(m.country)) {
                    // written after the state ended: the historical state is filed as its main successor
                    m.country = successor;
                } else if (!after && m.country != null && h.getValue().contains(m.country) && m.chosen.kind() != Kind.COUNTRY) {
                    m.country = h.getKey();
                }
            }
        }
    }

    /**
     * A dateline written for a home market names a home place unless it says otherwise: EFE's "Valencia, 3 ene
     * (EFE)" is Valencia in Spain, its "Valencia (Venezuela)" carries its country. So an unqualified dateline of
     * copy with a home market ({@code home}: a paper's, or a national agency's in its own language) that can be a
     * home city about as big as its biggest meaning, itself a city, is the biggest such home city; null when it
     * cannot, when the story names another of the dateline's countries and not the home one ({@code named}: a US
     * paper's "MANCHESTER -- Manchester United of England said"), or for any other mention.
     */
    private static Entry homeDateline(Mention m, String home, Set<String> named) {
        if (home == null || m.zone != Zone.DATELINE || !m.qualifiers.isEmpty() || m.candidates.size() < 2) {
            return null;
        }
        Entry biggest = m.candidates.stream().max(Comparator.comparingDouble(RegionTagger::prior)).orElseThrow();
        if (biggest.kind() != Kind.CITY || !named.contains(home) && m.candidates.stream()
                .anyMatch(e -> e.country() != null && !home.equals(e.country()) && named.contains(e.country()))) {
            return null;
        }
        // Only a home city of about the same standing: a US paper's "MOSCOW --" is Moscow, Russia, not Moscow,
        // Idaho, and a British paper's "BOSTON --" is not Boston, Lincolnshire (a prior 0.3 lower is about a
        // fifth of the population; Valencia in Spain has 0.6 of the Venezuelan one's).
        return m.candidates.stream().filter(e -> home.equals(e.country()) && e.kind() == Kind.CITY)
                .max(Comparator.comparingDouble(RegionTagger::prior))
                .filter(e -> prior(e) > prior(biggest) - HOME_DATELINE_MARGIN).orElse(null);
    }

    /** How much smaller (in {@link #prior}) a home place may be than a dateline's biggest meaning and still be it. */
    private static final double HOME_DATELINE_MARGIN = 0.3;

    /** For "Elwood, Kan." (a place we do not know): the qualifier meaning the rest of the story supports best. */
    private static Entry bestQualifier(List<Entry> qualifiers, Map<String, Double> context) {
        Entry best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Entry q : qualifiers) {
            double s = (q.kind() == Kind.QUALIFIER ? 2.7 : prior(q)) + (context.getOrDefault(q.country(), 0.0) > 0 ? 1.0 : 0.0);
            if (s > bestScore) {
                bestScore = s;
                best = q;
            }
        }
        return best;
    }

    /**
     * The namesake in a country the story is locally about ({@code localCountries}) of a foreign
     * city nothing else in the story supports, or null to keep {@code best}.
     */
    private static Entry localNamesake(Mention m, Entry best, Map<String, Double> context, Set<String> coherent,
                                       Set<String> localCountries) {
        if (best.kind() != Kind.CITY || m.qualifiedBy != null || localCountries.isEmpty()
                || localCountries.contains(best.country()) || coherent.contains(best.country())) {
            return null;
        }
        double own = singleCountry(m.candidates) != null ? (m.placed() ? 2.0 : 1.0) : 0.0;
        if (context.getOrDefault(best.country(), 0.0) - own > 0) {
            return null;
        }
        Entry local = null;
        for (Entry e : m.candidates) {
            if ((e.kind() == Kind.CITY || e.kind() == Kind.DIVISION) && localCountries.contains(e.country())
                    && (local == null || prior(e) > prior(local))) {
                local = e;
            }
        }
        return local;
    }

    /**
     * A small city, or a division outside the countries whose states are named without their
     * country (US, Canada, Australia), counts only with support from the rest of the story (another
     * name of its country, not its own repeats): most such names in news copy are namesakes ("Sale",
     * "March" in England; "Western" in Fiji; "Redan" in Georgia for Swedish "already").
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
            // a qualifier chosen stands for a town we do not know in that division ("Elwood, Kan.")
            case CITY, QUALIFIER -> 0.7;
            case METONYM -> 0.6;
            case CUE -> 0.1;
            default -> 0.0;
        };
    }

    private static double zoneWeight(Mention m) {
        return switch (m.zone) {
            case HEADLINE -> 3.0;
            case DATELINE -> 2.5;
            case WIRE -> 2.0;
            case BODY -> m.position < 40 ? 1.5 : 1.0 / (1.0 + (m.position - 40) / 400.0);
        };
    }

    /** @param placeless the country tagged when the story names none (its home, else the fallback for its language), or null */
    private Tagging score(List<Mention> mentions, Scope scope, String placeless) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Place> places = new LinkedHashMap<>();
        Map<String, Integer> bodyMentions = new HashMap<>();
        for (Mention m : mentions) {
            if (m.country == null) {
                continue;
            }
            double repeat = 1.0;
            if (m.zone == Zone.BODY) {
                int k = bodyMentions.merge(m.country, 1, Integer::sum);
                repeat = k <= 2 ? 1.0 : 1.0 / Math.sqrt(k - 1);
            }
            scores.merge(m.country, kindWeight(m.chosen.kind()) * zoneWeight(m) * repeat, Double::sum);
            if (m.chosen.kind() == Kind.CITY || m.chosen.kind() == Kind.DIVISION || m.chosen.kind() == Kind.COUNTRY
                    || m.chosen.kind() == Kind.HISTORICAL) {
                String id = m.chosen.kind() + ":" + m.country + ":" + (m.chosen.geonameId() != 0 ? m.chosen.geonameId() : m.chosen.name());
                String role = switch (m.zone) {
                    case DATELINE -> "dateline";
                    case WIRE -> "wire";
                    default -> "mention";
                };
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
            String assumed = placeless;
            if (assumed == null) {
                return new Tagging(List.of(), List.of(), List.of(), null, null, null, null);
            }
            Gazetteer.Country c = gazetteer.country(assumed);
            return new Tagging(List.of(), List.of(), List.of(assumed), assumed, c == null ? null : c.region(),
                    c == null ? null : c.subregion(), desks.deskOf(assumed, c));
        }
        double top = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<CountryScore> all = new ArrayList<>();
        scores.forEach((k, v) -> all.add(new CountryScore(k, round(v))));
        // best first; ties keep the order of first mention (headline, dateline, body): the sort is stable
        all.sort(Comparator.comparingDouble(CountryScore::score).reversed());
        List<String> tagged = new ArrayList<>();
        for (CountryScore cs : all) {
            if (cs.score() >= scope.keepShare * top - 1e-9) {
                tagged.add(cs.country());
            }
        }
        String primary = all.get(0).country();
        String dateline = mentions.stream().filter(m -> m.zone == Zone.DATELINE && m.country != null).map(m -> m.country)
                .findFirst().orElse(null);
        if (dateline != null && !dateline.equals(primary) && scores.get(dateline) >= DATELINE_PRIMARY_SHARE * top) {
            // a close call goes to where the story was filed: "TEHRAN - ... will not negotiate with the
            // United States" is Tehran's story even when the other side is named as often
            primary = dateline;
        }
        Gazetteer.Country c = gazetteer.country(primary);
        return new Tagging(List.copyOf(places.values()), all, tagged, primary, c == null ? null : c.region(),
                c == null ? null : c.subregion(), desks.deskOf(primary, c));
    }

    /** The language subtag the gazetteer's names are filed under ({@link LanguageTags#primary}); English when none. */
    static String primaryLanguage(String language) {
        String primary = LanguageTags.primary(language);
        return primary.isEmpty() ? "en" : primary;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
