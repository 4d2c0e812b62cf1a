package io.wirestream.enrich;

import io.wirestream.avro.CountryScore;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.GeoPlace;
import io.wirestream.avro.Source;
import io.wirestream.avro.Subject;
import io.wirestream.formats.SubjectCode;
import io.wirestream.sources.SourceCatalogue;
import io.wirestream.text.LanguageGuess;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The enrich stage's function: a story in, the same story with its regions out (countries with
 * scores, primary country, UN M49 region and subregion, desk, places). Pure: no state, no Kafka.
 */
public final class RegionEnricher {

    private final RegionTagger tagger;

    public RegionEnricher(RegionTagger tagger) {
        this.tagger = tagger;
    }

    /** With the bundled gazetteer and default desks. */
    public static RegionEnricher standard() {
        return new RegionEnricher(RegionTagger.standard());
    }

    public EnrichedStory enrich(EnrichedStory s) {
        RegionTagger.Scope scope = scopeOf(s);
        String datelinePlace = qualifiedPlace(s.getDateline(), s.getDatelinePlace());
        String language = s.getLanguage() != null ? s.getLanguage() : shortTextLanguage(s);
        String home = homeOf(s);
        String placeless = placelessHomeOf(s, language);
        List<String> persons = personsOf(s);
        RegionTagger.Tagging t = tagger.tag(s.getHeadline(), bodyOf(s, false), datelinePlace, s.getPlaces(), persons, language,
                scope, home, placeless);
        if (t.countries().isEmpty() && s.getBody().stream().anyMatch(RegionEnricher::tableRow)) {
            // nothing but its table names a place (a results table: "FC Augsburg | - | Bor. Mönchengladbach"): the rows say it
            t = tagger.tag(s.getHeadline(), bodyOf(s, true), datelinePlace, s.getPlaces(), persons, language, scope, home, placeless);
        }
        List<CountryScore> scores = new ArrayList<>(t.countries().size());
        for (RegionTagger.CountryScore c : t.countries()) {
            scores.add(new CountryScore(c.country(), c.score()));
        }
        List<GeoPlace> places = new ArrayList<>(t.places().size());
        for (RegionTagger.Place p : t.places()) {
            places.add(new GeoPlace(p.name(), p.geonameId() == 0 ? null : p.geonameId(), p.country(), p.lat(), p.lon(),
                    p.role(), p.count()));
        }
        return EnrichedStory.newBuilder(s)
                .setRegions(t.tagged())
                .setPrimaryRegion(t.primary())
                .setCountryScores(scores)
                .setGeoPlaces(places)
                .setM49Region(t.m49Region())
                .setM49Subregion(t.m49Subregion())
                .setDesk(t.desk())
                .build();
    }

    /** The persons the wire names among its subjects (scheme {@link SubjectCode#PERSON}): no place goes by their names. */
    static List<String> personsOf(EnrichedStory s) {
        List<String> persons = new ArrayList<>();
        for (Subject subject : s.getSubjects()) {
            if (SubjectCode.PERSON.equals(subject.getScheme())) {
                persons.add(subject.getName() != null ? subject.getName() : subject.getCode());
            }
        }
        return persons;
    }

    /** Function words of one other language a short text must have, and more than of English's, to be read in it. */
    static final int SHORT_TEXT_FUNCTION_WORDS = 3;

    /**
     * The language of a story that declares none and is too short for the parse-time guess (under
     * {@link LanguageGuess#MIN_WORDS} words), for reading its places only: "Die Saison in Wien hat mit einer neuen Oper
     * begonnen, und das Publikum war auch begeistert" is not English copy (whose undeclared story naming no place is the
     * desk's fallback), and its "Wien" is Vienna. Null (English) unless the text has {@link #SHORT_TEXT_FUNCTION_WORDS}
     * function words of one language and more of them than of English's (German "an", "will", "was" are English ones too).
     */
    static String shortTextLanguage(EnrichedStory s) {
        LanguageGuess.Evidence e = LanguageGuess.evidence(s.getHeadline(), String.join("\n", s.getBody()));
        String likeliest = e.likeliest();
        int other = likeliest.isEmpty() ? 0 : e.byLanguage().get(likeliest);
        return e.words() < LanguageGuess.MIN_WORDS && other >= SHORT_TEXT_FUNCTION_WORDS && other > e.englishWords()
                ? likeliest : null;
    }

    /** A dateline's place, a comma and a qualifier that no digit follows (a state, a country; not "Nov 26"). */
    private static final Pattern QUALIFIED = Pattern.compile("^\\s*([\\p{L}.'’ -]{1,40}?),\\s+(\\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)?)(?![\\p{L}.])(?!\\s*\\d)");

    /**
     * The dateline place with the qualifier its dateline gives it: "MARLBOROUGH, Mass." is the town in Massachusetts,
     * which the tagger reads from "Marlborough, Mass." and not from "Marlborough" (New Zealand's region, the biggest).
     */
    static String qualifiedPlace(String dateline, String place) {
        if (dateline == null || place == null) {
            return place;
        }
        Matcher m = QUALIFIED.matcher(dateline);
        return m.lookingAt() && m.group(1).strip().equalsIgnoreCase(place.strip()) ? place.strip() + ", " + m.group(2) : place;
    }

    /**
     * Agency copy (the writer's catalogue kind is agency) is tagged by what it is about, as agencies
     * route their own copy; anything else (newspapers, broadcasters, the web, unknown sources) with every
     * country it names. The writer counts, not the deliverer: a newspaper re-running AP copy is AP copy.
     */
    static RegionTagger.Scope scopeOf(EnrichedStory s) {
        Source writer = writerOf(s);
        return writer != null && "agency".equals(writer.getKind()) ? RegionTagger.Scope.ABOUT : RegionTagger.Scope.NAMED;
    }

    /**
     * The home market of a paper's copy: the writer's country when it is a newspaper in the catalogue
     * or an outlet the catalogue lacks (whose web domain may name its country). Agencies, broadcasters
     * and aggregators have none here: their home says nothing about where their stories are (CNN,
     * Al Jazeera and Google News cover the world).
     */
    static String homeOf(EnrichedStory s) {
        Source writer = writerOf(s);
        if (writer == null) {
            return null;
        }
        return HOME_MARKET_KINDS.contains(writer.getKind()) || nationalService(s, writer) ? writer.getCountry() : null;
    }

    /**
     * Copy in the writer's own language when that is not English, from a national agency (tier 2 and
     * below): its national service (TT in Swedish, dpa in German, ANSA in Italian) writes for its home
     * market as a local paper does, and its story that names no place is home news. Its English service
     * covers the world, and so does a global agency (tier 1: AFP in French) in every language.
     */
    private static boolean nationalService(EnrichedStory s, Source writer) {
        String story = RegionTagger.primaryLanguage(s.getLanguage());
        return s.getLanguage() != null && !story.equals("en") && writer.getTier() >= 2 && writer.getLanguage() != null
                && story.equals(RegionTagger.primaryLanguage(writer.getLanguage()));
    }

    /**
     * Where an English-language national agency's story that names no place happens: its country ({@code language}: the
     * story's, declared or read from its text). PTI, ANI, AAP, PA, CP or APP write English for their home market (their
     * English service is their national one), so their placeless story ("police arrested a 24-year-old ...") is home
     * news, not the desk's fallback. Their copy still
     * reads "London" as the capital's, not a home namesake's: they cover the world too. Null otherwise (a global
     * agency, tier 1, covers the world in every language; national services in other languages have a home already).
     */
    static String placelessHomeOf(EnrichedStory s, String language) {
        Source writer = writerOf(s);
        String story = language == null ? "en" : RegionTagger.primaryLanguage(language);
        return writer != null && "agency".equals(writer.getKind()) && writer.getTier() >= 2 && "en".equals(story)
                && writer.getLanguage() != null && "en".equals(RegionTagger.primaryLanguage(writer.getLanguage()))
                ? writer.getCountry() : null;
    }

    /** Who wrote a story: the outlet it was re-run from, else its source. A newspaper re-running AP copy is AP's. */
    private static Source writerOf(EnrichedStory s) {
        return s.getOriginalSource() != null ? s.getOriginalSource() : s.getSourceRecord();
    }

    private static final java.util.Set<String> HOME_MARKET_KINDS = java.util.Set.of("newspaper", SourceCatalogue.UNKNOWN_KIND);

    /**
     * Standfirst first: on the web it often says what the story is about before the body does. Table rows ("USA | 1 USD |
     * 0,850", a standings line) only when asked: their places are data, not what the story is about (dpa's Frankfurt
     * exchange rates would be US news by their rows), unless nothing else names one.
     */
    static List<String> bodyOf(EnrichedStory s, boolean withRows) {
        List<String> all = new ArrayList<>(s.getBody().size() + 1);
        if (s.getDescription() != null && !s.getDescription().isBlank()) {
            all.add(s.getDescription());
        }
        for (String paragraph : s.getBody()) {
            if (withRows || !tableRow(paragraph)) {
                all.add(paragraph);
            }
        }
        return all;
    }

    private static boolean tableRow(String paragraph) {
        return paragraph.contains(TABLE_CELLS);
    }

    /** How the parsers set a table row's cells apart (WireText, telex tables). */
    private static final String TABLE_CELLS = " | ";
}
