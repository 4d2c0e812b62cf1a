package io.wirestream.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.sources.SourceCatalogue;
import io.wirestream.testing.Stories;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which writers have a home market: papers and outlets the catalogue lacks, not agencies or broadcasters. */
class RegionEnricherTest {

    private static final RegionEnricher ENRICHER = RegionEnricher.standard();

    private static EnrichedStory placeless(String writer) {
        return placeless(writer, null, "Council votes", "The council voted again.");
    }

    private static EnrichedStory placeless(String writer, String language, String headline, String body) {
        EnrichedStory s = Stories.aStory("k-" + writer).headline(headline).body(body).build();
        var record = SourceCatalogue.bundled().match(writer).orElseGet(() -> SourceCatalogue.unknown(writer));
        return ENRICHER.enrich(EnrichedStory.newBuilder(s).setSourceRecord(record).setLanguage(language).build());
    }

    @Test
    void anAgencysNationalServiceWritesForItsHomeMarket() {
        assertEquals(List.of("SE"), placeless("TT", "sv-SE", "Kommunen höjer skatten",
                "Fullmäktige röstade för förslaget på måndagskvällen.").getRegions(), "TT in Swedish names no place: Sweden");
        assertEquals(List.of("NO"), placeless("NTB", "nn", "Kommunen aukar skatten",
                "Kommunestyret røysta for forslaget måndag kveld.").getRegions(), "Nynorsk is NTB's language too");
        assertEquals(List.of("US"), placeless("TT", "en", "Council votes", "The council voted again.").getRegions(),
                "TT's English copy: the fallback, as any agency's");
        assertEquals(List.of(), placeless("TT", "de", "Rat stimmt ab", "Der Rat stimmte erneut ab.").getRegions(),
                "not the writer's language, nor the fallback's (English): nothing is assumed");
        assertEquals(List.of(), placeless("AFP", "fr", "Le Conseil vote", "Le Conseil a voté mardi.").getRegions(),
                "a global agency covers the world in every language, and French copy is not the US desk's home news");
    }

    /** The persons a wire names among its subjects reach the tagger: TT's "Hamilton" (a novel's agent) is no Ontario city. */
    @Test
    void theWiresPersonsAreNoPlaces() {
        EnrichedStory s = Stories.aStory("k-tt").headline("Jan Guillou skriver på ny \"Hamilton\"-bok")
                .body("Hamilton har just genomgått en höftledsoperation, säger författaren.").build();
        var tt = SourceCatalogue.bundled().match("TT").orElseThrow();
        EnrichedStory plain = EnrichedStory.newBuilder(s).setSourceRecord(tt).setLanguage("sv").build();
        assertEquals(List.of("CA"), ENRICHER.enrich(plain).getRegions());
        EnrichedStory person = EnrichedStory.newBuilder(plain).setSubjects(List.of(
                new io.wirestream.avro.Subject(io.wirestream.formats.SubjectCode.PERSON, "Hamilton", "Hamilton"))).build();
        assertEquals(List.of("SE"), ENRICHER.enrich(person).getRegions(), "TT in Swedish names no place: Sweden");
    }

    /** PTI, AAP, CP write English for their home market: a story of theirs that names no place is home news. */
    @Test
    void anEnglishNationalAgencysPlacelessStoryIsHomeNews() {
        String body = "A 24-year-old man was arrested for allegedly cheating people in the name of jobs, police said.";
        assertEquals(List.of("IN"), placeless("PTI", "en", "Man held for job fraud", body).getRegions());
        assertEquals(List.of("IN"), placeless("PTI", null, "Man held for job fraud", body).getRegions(),
                "copy that declares no language is English");
        assertEquals(List.of("AU"), placeless("AAP", "en", "Man held for job fraud", body).getRegions());
        assertEquals(List.of("US"), placeless("Reuters", "en", "Man held for job fraud", body).getRegions(),
                "a global agency's: the fallback");
        EnrichedStory london = placeless("CP", "en", "Leaders meet", "The prime minister arrived in London on Monday.");
        assertEquals(List.of("GB"), london.getRegions(), "the home is no namesake's: London is the capital's, not Ontario's");
    }

    /** A short story that declares no language is read in the language its function words show, if not English. */
    @Test
    void aShortUndeclaredStoryIsReadInItsLanguage() {
        assertEquals(List.of(), placeless("dpa", null, "Regierung beschließt Haushalt",
                "Die Regierung hat am Mittwoch den Haushalt für das kommende Jahr beschlossen. Der Entwurf wird nun beraten.")
                .getRegions(), "German copy is not the English desk's home news");
        assertEquals(List.of("AT"), placeless("dpa", null, "Neue Oper eröffnet",
                "Die Saison in Wien hat mit einer neuen Oper begonnen, und das Publikum war auch begeistert.").getRegions(),
                "and Vienna is Wien in it");
        assertEquals(List.of("US"), placeless("dpa", null, "Council votes", "The council voted again.").getRegions());
        assertEquals(List.of("AT"), placeless("dpa", null, "Reform bleibt",
                "Die Regierung in Wien will an der Reform festhalten, sagte der Kanzler nach einer Sitzung mit den Ländern.").getRegions(),
                "German 'will' and 'an' are English function words too: more German ones than those are enough");
    }

    /** A table's rows name places as data: dpa's Frankfurt exchange rates are not US news by their "USA | 1 USD" row. */
    @Test
    void tableRowsAreNoEvidenceOfWhereAStoryIs() {
        EnrichedStory s = Stories.aStory("k-rates").headline("Sorten- und Devisenkurse am 29.06.2017").build();
        s.setBody(java.util.List.of("Frankfurt/Main (dpa) - Folgende Sorten- und Devisenkurse wurden festgestellt.",
                "USA | 1 USD | 0,850 | 0,906", "Großbritannien | 1 GBP | 1,102 | 1,176", "Kanada | 1 CAD | 0,643 | 0,704",
                "Schweiz | 100 CHF | 88,661 | 94,428", "Japan | 100 JPY | 0,740 | 0,800"));
        s.setDatelinePlace("Frankfurt/Main");
        s.setLanguage("de");
        assertEquals(java.util.List.of("DE"), ENRICHER.enrich(s).getRegions());
        // a results table that is all the story has: its rows say where it is
        EnrichedStory results = Stories.aStory("k-results").headline("Ergebnisse und Tabelle, 6. Spieltag").build();
        results.setBody(java.util.List.of("6. Spieltag:", "Bayer Leverkusen | - | Holstein Kiel | 2:2 (2:1)",
                "Werder Bremen | - | SC Freiburg | 0:1 (0:0)", "1. FC Union Berlin | - | Borussia Dortmund | 2:1 (2:0)"));
        results.setLanguage("de");
        assertEquals(java.util.List.of("DE"), ENRICHER.enrich(results).getRegions());
    }

    @Test
    void aDatelineWrittenForAHomeMarketIsAHomePlace() {
        String lead = ", 3 ene (EFE).- El Consell aprobó este viernes el proyecto de presupuestos para el próximo año.";
        EnrichedStory efe = placeless("EFE", "es", "La Generalitat aprueba el presupuesto", "Valencia" + lead);
        assertEquals(List.of("ES"), efe.getRegions(), "EFE's Spanish service: Valencia in Spain, not the bigger one in Venezuela");
        assertEquals("ES", efe.getGeoPlaces().get(0).getCountry());
        assertEquals(List.of("VE"), placeless("EFE", "es", "Carabobo aprueba el presupuesto", "Valencia (Venezuela)" + lead).getRegions(),
                "a foreign dateline says its country");
        assertEquals(List.of("VE"), placeless("AP", "en", "Council approves budget",
                "VALENCIA (AP) - The council approved the budget on Friday.").getRegions(), "no home market: the biggest Valencia");
        // a paper's foreign dateline stays abroad when the home namesake is a small town
        assertEquals("RU", placeless("The New York Times", "en", "Kremlin answers the sanctions",
                "MOSCOW — President Vladimir Putin's spokesman said on Monday that the sanctions would fail.").getPrimaryRegion());
        assertEquals("US", placeless("The Guardian", "en", "Harvard answers the funding cut",
                "BOSTON — Harvard University said on Monday that it would contest the cut in court.").getPrimaryRegion());
        assertEquals("FR", placeless("The New York Times", "en", "Macron names a new prime minister",
                "PARIS — President Emmanuel Macron named a new prime minister on Monday.").getPrimaryRegion());
        // nor when the story names the dateline's other country and not the home one
        assertEquals("GB", placeless("The New York Times", "en", "Club names its new manager",
                "MANCHESTER — Manchester United of England named a new manager on Monday.").getPrimaryRegion());
        assertEquals("GB", placeless("The New York Times", "en", "Starmer addresses his party",
                "BIRMINGHAM — Prime Minister Keir Starmer told the Labour Party conference in England on Monday"
                        + " that growth would come.").getPrimaryRegion());
        // a region's name is no city: an Indian paper's "BALI:" is Indonesia's island, not the town in Howrah
        assertEquals("ID", placeless("The Times of India", "en", "Modi meets Widodo",
                "BALI: Prime Minister Narendra Modi met Indonesian President Joko Widodo at the G20 summit in Indonesia.")
                .getPrimaryRegion());
        // Canadian Press writes the province after a Canadian place
        assertEquals("CA", placeless("AP", "en", "Council votes", "LONDON, Ont. (CP) - The city council voted on Monday.")
                .getPrimaryRegion());
    }

    @Test
    void aDatelineElementsQualifierPlacesItsTown() {
        assertThat(RegionEnricher.qualifiedPlace("MARLBOROUGH, Mass.", "Marlborough")).isEqualTo("Marlborough, Mass.");
        assertThat(RegionEnricher.qualifiedPlace("PARIS, Texas (AP) _", "Paris")).isEqualTo("Paris, Texas");
        assertThat(RegionEnricher.qualifiedPlace("SYDNEY, Nov 26 AAP", "Sydney")).as("a date is no qualifier").isEqualTo("Sydney");
        assertThat(RegionEnricher.qualifiedPlace("LONDON", "London")).isEqualTo("London");
        assertThat(RegionEnricher.qualifiedPlace("Reuters desk, Bangalore", "Sydney")).as("another place's dateline").isEqualTo("Sydney");
        assertThat(RegionEnricher.qualifiedPlace(null, "Sydney")).isEqualTo("Sydney");
        EnrichedStory story = Stories.aStory("ap:bw").headline("Retailer offers holiday deals")
                .body("BJ's Wholesale Club said prices fell.").build();
        story.setDateline("MARLBOROUGH, Mass.");
        story.setDatelinePlace("Marlborough");
        assertThat(RegionEnricher.standard().enrich(story).getRegions()).as("Massachusetts, not New Zealand's region").containsExactly("US");
    }

    @Test
    void theWiresPlacesCountWhenTheTextNamesNone() {
        EnrichedStory none = Stories.aStory("k-wire").headline("Council votes").body("The council voted again.").build();
        EnrichedStory tagged = ENRICHER.enrich(EnrichedStory.newBuilder(none).setPlaces(List.of("Telemark")).build());
        assertEquals(List.of("NO"), tagged.getRegions());
        assertEquals("wire", tagged.getGeoPlaces().get(0).getRole());

        EnrichedStory named = Stories.aStory("k-desk").headline("Assad sworn in").body("DAMASCUS - Bashar al-Assad was "
                + "sworn in for a third term in Syria on Wednesday.").build();
        EnrichedStory desk = ENRICHER.enrich(EnrichedStory.newBuilder(named).setPlaces(List.of("Bangalore")).build());
        assertEquals(List.of("SY"), desk.getRegions(), "a G2 item's located is the editing desk: the text decides");
        assertTrue(desk.getCountryScores().stream().noneMatch(c -> c.getCountry().equals("IN")));
    }

    @Test
    void aPapersPlacelessStoryIsHomeNewsAnAgencysOrBroadcastersIsTheFallback() {
        assertEquals(List.of("IE"), placeless("independent.ie").getRegions(), "an unknown outlet on a .ie domain");
        assertEquals(List.of("US"), placeless("ajc.com").getRegions(), "a generic domain: the fallback");
        assertEquals(List.of("US"), placeless("Reuters").getRegions(), "agency copy: the fallback, not GB");
        String broadcaster = SourceCatalogue.bundled().sources().stream()
                .filter(x -> x.getKind().equals("broadcaster") && !"US".equals(x.getCountry())).findFirst().orElseThrow().getId();
        assertEquals(List.of("US"), placeless(broadcaster).getRegions(), "a broadcaster covers the world");
    }
}
