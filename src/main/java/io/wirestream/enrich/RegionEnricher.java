package io.wirestream.enrich;

import io.wirestream.avro.CountryScore;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.GeoPlace;
import java.util.ArrayList;
import java.util.List;

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
        RegionTagger.Tagging t = tagger.tag(s.getHeadline(), bodyOf(s), s.getDatelinePlace(), s.getLanguage());
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

    /** Standfirst first: on the web it often says what the story is about before the body does. */
    private static List<String> bodyOf(EnrichedStory s) {
        if (s.getDescription() == null || s.getDescription().isBlank()) {
            return s.getBody();
        }
        List<String> all = new ArrayList<>(s.getBody().size() + 1);
        all.add(s.getDescription());
        all.addAll(s.getBody());
        return all;
    }
}
