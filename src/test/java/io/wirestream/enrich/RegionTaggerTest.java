package io.wirestream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Region tagging without Kafka: dateline conventions, false friends, weighing, M49 and desks. */
class RegionTaggerTest {

    private static final RegionTagger TAGGER = RegionTagger.standard();

    private static RegionTagger.Tagging tag(String headline, String... body) {
        return TAGGER.tag(headline, List.of(body), null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "TEHRAN (Reuters) - Officials met on Monday.|IR",
            "WASHINGTON (AP) -- Lawmakers met on Monday.|US",
            "NEW DELHI, Jan 1 (PTI) Officials met on Monday.|IN",
            "Berlin (dpa) - Officials met on Monday.|DE",
            "SYDNEY, March 22 AAP - Officials met on Monday.|AU",
            "Tegucigalpa, Jan 2 (EFE).- Officials met on Monday.|HN",
            "Tehran: Officials met on Monday.|IR",
            "SALVADOR, Feb 26 - Showers continued in the Bahia cocoa zone.|BR",
            "ELWOOD, KAN., Feb 26 - Shr loss six cts.|US"})
    void datelineConventionsGiveThePrimaryCountry(String paragraph, String country) {
        assertEquals(country, tag("Officials meet", paragraph).primary());
    }

    /** Places as today's copy names them, where the 2020 GeoNames snapshot has an older name or spelling. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GURUGRAM, Dec 5 (PTI) - A man was arrested on Saturday.|IN",
            "The river at Prayagraj drew devotees on Saturday.|IN",
            "A fire broke out at the port in Kochi on Saturday.|IN",
            "KOCHI, Japan (Kyodo) -- A typhoon hit the city on Saturday.|JP",
            "DHAKA, Dec 5 (BSS) - Floods hit Chattogram and Cumilla on Saturday.|BD",
            "Russian drones struck Odesa and Mykolaiv overnight, officials said.|UA",
            "Shelling hit Zaporizhzhia on Saturday, officials said.|UA",
            "Shelling hit Kramatorsk, Ukraine, and Sievierodonetsk on Saturday.|UA",
            "Talks opened in Astana on Saturday, officials said.|KZ"})
    void placesByTheirCurrentNames(String paragraph, String country) {
        assertEquals(country, tag("Officials meet", paragraph).primary());
    }

    /** A city's exonym is read in a dateline when it is a whole place of it, not the first word of another place. */
    @Test
    void aDatelineExonymIsAWholePlace() {
        assertEquals("CH", TAGGER.tag("WTO-Urteil", List.of("Genf (dpa) - Die Welthandelsorganisation hat am Donnerstag entschieden."),
                "Genf", "de").primary());
        assertEquals("US", tag("Refractories to sell unit",
                "BALA CYNWYD, Pa., March 5 - General Refractories Co said it agreed to sell a unit.").primary(),
                "'Bala', one of Basel's names, is the first word of Bala Cynwyd, Pennsylvania");
        assertEquals(List.of("GB"), TAGGER.tag("Six Nations", List.of("TWICKENHAM (PA) - England beat Wales on Saturday."),
                "Twickenham", List.of(), "en", RegionTagger.Scope.ABOUT, "GB", null).tagged(),
                "a smaller city's alternate that a place of any size answers to is nobody's exonym (one of Huntsville's)");
        // and a smaller city's exonyms are read in datelines only: "Hamas" is one of Hamm's
        assertEquals(List.of("IL", "DE"), TAGGER.tag("Angriffe", List.of("Die Hamas hat Raketen auf Israel gefeuert. "
                + "Deutschland verurteilte die Angriffe der Hamas. Die Hamas drohte, Israel antwortete."), null, "de").tagged());
    }

    @Test
    void parsedDatelinePlaceIsUsedWhenTheBodyHasNone() {
        assertEquals("KE", TAGGER.tag("Officials meet", List.of("Officials met on Monday."), "Nairobi", null).primary());
    }

    @Test
    void jordanThePersonIsNoCountry() {
        assertTrue(tag("Bulls win again", "Michael Jordan scored 40 points in Chicago on Friday.").tagged().stream()
                .noneMatch("JO"::equals));
        assertTrue(tag("Open golf", "Jordan Spieth finished two shots behind.").countries().isEmpty());
        assertEquals("JO", tag("King meets envoy", "Jordan said on Monday it would reopen its border.").primary());
    }

    /** A first name takes neither an article nor a possessive: the country's organisations are no person's name. */
    @Test
    void theCountrysOrganisationsMakeNoPersonOfIt() {
        String later = "Israel said on Sunday it would continue.";
        assertEquals(List.of("IL"), tag("Strikes go on", "Israel's Iron Dome system intercepted rockets.", later).tagged());
        assertEquals(List.of("IL"), tag("Strikes go on", "The Israel Defense Forces said it struck targets.", later).tagged());
    }

    /** A German "auch" (also) that opens a sentence is no town in Gascony. */
    @Test
    void aFunctionWordOfTheStorysLanguageIsNoPlace() {
        RegionTagger.Tagging t = TAGGER.tag("Tennis in Eastbourne", List.of("Caroline Garcia aus Frankreich gewann in Eastbourne in zwei Sätzen.",
                "Auch die zweite Runde gewann sie ohne Satzverlust."), null, "de");
        assertTrue(t.places().stream().noneMatch(p -> p.name().equals("Auch")), t.places().toString());
        // only a sentence's first word, and only as written: Portuguese "para" is a word, "Pará" the state
        RegionTagger.Tagging para = TAGGER.tag("Chuvas no Norte", List.of("As chuvas atingiram Belém, no Pará, nesta segunda.",
                "O governo do Pará decretou emergência."), null, "pt");
        assertTrue(para.places().stream().anyMatch(p -> p.name().equals("Pará")), para.places().toString());
    }

    /** dpa's standfirst comes before its dateline paragraph; its colon ("So häufig wie ...:") is no dateline. */
    @Test
    void theDatelineParagraphMayFollowAStandfirst() {
        RegionTagger.Tagging t = TAGGER.tag("Putin sieht Verbesserung", List.of(
                "Drei Treffen in vier Monaten: So häufig hat Putin zuletzt keinen anderen Politiker empfangen.",
                "Moskau (dpa) - Trotz aller Differenzen sieht der russische Präsident die Beziehungen auf dem Weg der Besserung."),
                "Moskau", "de");
        assertEquals("RU", t.primary());
        assertTrue(t.places().stream().anyMatch(p -> p.country().equals("RU") && p.role().equals("dateline")), t.places().toString());
    }

    @Test
    void turkeyTheBirdIsNoCountry() {
        assertTrue(tag("Holiday prices rise", "Turkey prices rose ahead of the holiday, farmers said.").countries().isEmpty());
        assertTrue(tag("Holiday meal", "A Thanksgiving Turkey dinner costs more this year.").countries().isEmpty());
        assertEquals("TR", tag("Ankara talks", "Turkey said on Monday it would hold talks.").primary());
    }

    @Test
    void chinaThePlateIsNoCountry() {
        assertTrue(tag("Auction", "The fine china and silver went under the hammer.").countries().isEmpty());
        assertEquals("CN", tag("Trade figures", "China said exports rose 5 percent.").primary());
    }

    @Test
    void georgiaTheStateWithAmericanContextTheCountryWithGeorgian() {
        assertEquals("US", tag("Storm hits the South", "The storm moved from Alabama into Georgia, and Atlanta lost power.")
                .primary());
        assertEquals("GE", tag("Protests in Tbilisi", "Thousands marched in Tbilisi, the capital of Georgia, on Sunday.")
                .primary());
        assertTrue(tag("Big game", "Georgia Tech beat Clemson on Saturday.").tagged().stream().noneMatch("GE"::equals));
    }

    @Test
    void chadAndNigerInNames() {
        assertTrue(tag("Concert", "Chad Smith played drums for the band.").countries().isEmpty());
        assertEquals("TD", tag("Border clashes", "Chad said rebels attacked a town near the border.").primary());
        assertEquals("NG", tag("Oil spill", "Militants attacked a pipeline in the Niger Delta on Tuesday.").primary());
        assertEquals("NE", tag("Coup", "Soldiers in Niger detained the president on Wednesday.").primary());
    }

    @Test
    void parisTexasByItsQualifier() {
        RegionTagger.Tagging t = tag("Local news", "The fair opens in Paris, Texas, on Saturday.");
        assertEquals("US", t.primary());
        assertFalse(t.tagged().contains("FR"));
    }

    @Test
    void whatTheStoryIsAboutOutweighsPassingMentions() {
        RegionTagger.Tagging t = tag("JAPAN RAISES RICE SUPPORT PRICE",
                "TOKYO, March 3 - Japan raised its rice support price, the Agriculture Ministry said. Japanese farmers "
                        + "had asked for more. The ministry said prices in Tokyo would follow. Japan imports no rice. "
                        + "Some traders compared it with the U.S. programme.");
        assertEquals("JP", t.primary());
        assertEquals(List.of("JP"), t.tagged());
        assertTrue(t.countries().stream().anyMatch(c -> c.country().equals("US")), "US named, with a lower score");
    }

    @Test
    void sovietCopyMapsMoscowToTheSovietUnion() {
        RegionTagger.Tagging t = tag("SHULTZ TO VISIT MOSCOW", "Secretary of State George Shultz will visit Moscow for "
                + "talks on new Soviet arms proposals.");
        assertTrue(t.tagged().contains("SU"));
        assertFalse(t.tagged().contains("RU"));
    }

    @Test
    void demonymsRegionAndDesk() {
        RegionTagger.Tagging t = tag("Iranian official rejects talks", "Tehran: Iranian officials rejected talks.");
        assertEquals("IR", t.primary());
        assertEquals("Asia", t.m49Region());
        assertEquals("Southern Asia", t.m49Subregion());
        assertEquals("Middle East and North Africa", t.desk());
        assertEquals("East Asia and Pacific", tag("Japanese exports rise", "Tokyo said exports rose.").desk());
    }

    @Test
    void nothingNamedNothingTaggedWithoutAFallback() {
        RegionTagger noFallback = new RegionTagger(Gazetteer.bundled(), DeskMap.defaults(), null);
        RegionTagger.Tagging t = noFallback.tag("Shares rise", List.of("Shares rose on Monday, traders said."), null, null);
        assertTrue(t.tagged().isEmpty());
        assertNull(t.primary());
        assertNull(t.desk());
    }

    @Test
    void nothingNamedGivesTheFallbackCountryWithNoScore() {
        RegionTagger.Tagging t = tag("Council votes", "The council voted 5-2 on Monday to raise the levy.");
        assertEquals(List.of("US"), t.tagged());
        assertEquals("US", t.primary());
        assertTrue(t.countries().isEmpty(), "no evidence, so no score");
        assertEquals("North America", t.desk());
    }

    /**
     * The fallback is the home market of copy in the desk's language: AFP's Arabic service or APA's German copy that names
     * no place is not US news on a US desk. A desk that wants it for every language says so.
     */
    @Test
    void theFallbackIsForCopyInItsLanguages() {
        RegionTagger standard = RegionTagger.standard();
        assertTrue(standard.tag("Wiener Prater", List.of("Die Saison im Biergarten beginnt am Freitag."), null, "de").tagged().isEmpty());
        assertEquals(List.of("US"), standard.tag("Council votes", List.of("The council voted on Monday."), null, "en-US").tagged());
        RegionTagger any = new RegionTagger(Gazetteer.bundled(), DeskMap.defaults(), "AT", java.util.Set.of(RegionTagger.ANY_LANGUAGE));
        assertEquals(List.of("AT"), any.tag("Wiener Prater", List.of("Die Saison im Biergarten beginnt am Freitag."), null, "de").tagged());
    }

    /** AFP's NewsML 1.2 names the country in alpha-3 ("UKR"): read when the text names no place it can read. */
    @Test
    void aWireCountryInAlpha3IsRead() {
        RegionTagger.Tagging t = RegionTagger.standard().tag("\u0643\u064a\u064a\u0641", List.of("\u0623\u0639\u0644\u0646\u062a"), null,
                List.of("UKR"), "ar", RegionTagger.Scope.ABOUT, null);
        assertEquals(List.of("UA"), t.tagged());
        assertEquals("UA", RegionTagger.alpha2("UKR"));
        assertEquals("XYZ", RegionTagger.alpha2("XYZ"));
    }

    @Test
    void localCopyMeansTheLocalNamesake() {
        RegionTagger.Tagging t = tag("Library offers workshop", "The Paris Public Library will offer a workshop for "
                + "job seekers who wish to sign up for Illinois Skills Match, the Sheriff's Office said.");
        assertEquals(List.of("US"), t.tagged());
        RegionTagger.Tagging abroad = tag("Talks", "Officials from Illinois flew to Paris, where French ministers met them.");
        assertTrue(abroad.tagged().contains("FR"), "the foreign country named: the real Paris");
        RegionTagger.Tagging newYork = tag("Output cut", "NEW YORK (AP) _ Officials in Moscow said output would be cut.");
        assertTrue(newYork.tagged().contains("RU"), "New York is a city as well, not a state naming local copy: " + newYork);
        RegionTagger.Tagging weather = tag("Global Weather", "NEW YORK (AP) _ Temperatures as recorded:",
                "Amsterdam;42;50;rn", "Vienna;30;43;rn", "Lima;59;69;cdy");
        assertTrue(weather.tagged().containsAll(List.of("NL", "AT", "PE")), "world cities in a table, no small US namesakes: "
                + weather);
    }

    @Test
    void shoutedDatelineAfterARepeatedHeadline() {
        RegionTagger.Tagging t = tag("Council approves financing",
                "Council approves financing. NAIROBI — The City Council on Monday approved the package.");
        assertEquals("KE", t.primary());
        assertTrue(t.places().stream().anyMatch(p -> p.role().equals("dateline")));
    }

    @Test
    void commonWordsAndListingVenuesAreNoPlaces() {
        assertTrue(tag("Arrest made", "Police said the man was held overnight.").countries().isEmpty());
        assertTrue(tag("Health costs", "Obama said the plan would cover more people.").countries().stream()
                .noneMatch(c -> c.country().equals("JP")));
        RegionTagger.Tagging bond = tag("EUROBOND ISSUE", "LONDON, March 3 - The bonds pay 7 pct and will be listed in "
                + "Luxembourg, the lead manager said.");
        assertEquals(List.of("GB"), bond.tagged());
    }

    @Test
    void namedScopeListsEveryCountryTheStoryNames() {
        List<String> body = List.of("TOKYO, March 3 - Japan raised its rice support price. Japanese farmers had asked "
                + "for more. Japan imports no rice. Some traders compared it with the U.S. programme.");
        assertEquals(List.of("JP"), TAGGER.tag("Rice price", body, null, null, RegionTagger.Scope.ABOUT).tagged());
        assertEquals(List.of("JP", "US"), TAGGER.tag("Rice price", body, null, null, RegionTagger.Scope.NAMED).tagged());
    }

    @Test
    void latinAmericaIsNotAmerica() {
        assertTrue(tag("Growth slows", "Growth in Latin America slowed, the report said.").countries().isEmpty());
    }

    @Test
    void aCountyNamedAfterAPlaceIsLocalUsCopy() {
        RegionTagger.Tagging t = tag("Foreclosures rise", "Statistics from the Guernsey County Common Pleas Court show "
                + "foreclosures rising; the Dublin school board met on Monday.");
        assertEquals(List.of("US"), t.tagged());
        assertTrue(t.countries().stream().noneMatch(c -> c.country().equals("GG") || c.country().equals("IE")));
        // (a division outside the US, Canada and Australia needs another name of its country: its own repeats are none)
        assertEquals("KE", tag("Nairobi County budget", "Nairobi County passed its budget on Monday, the Kenyan treasury said.")
                .primary(), "a capital stays itself");
    }

    @Test
    void aCurrencyIsNoCountry() {
        RegionTagger.Tagging t = tag("Flood appeal", "The UN appealed for US$2.8 million to help flood victims in Kenya.");
        assertEquals(List.of("KE"), TAGGER.tag("Flood appeal", List.of("The UN appealed for US$2.8 million to help flood "
                + "victims in Kenya."), null, null, RegionTagger.Scope.NAMED).tagged());
        assertTrue(t.countries().stream().noneMatch(c -> c.country().equals("US")));
        assertTrue(tag("Bond sale", "The issue raised HK$500 million for Acme.").countries().isEmpty());
        assertEquals("US", tag("Aid", "The U.S. sent aid to Kenya.").countries().get(0).country(), "no dollar sign, a country");
    }

    @Test
    void aPersonsSurnameIsThePersonOnSecondReference() {
        RegionTagger.Tagging t = TAGGER.tag("Two charged", List.of("Marcus Jordan, 24, of Indianapolis, was charged.",
                "Police said Brown and Jordan shot a man on Dec. 31."), null, null, RegionTagger.Scope.NAMED);
        assertTrue(t.tagged().stream().noneMatch("JO"::equals), t.tagged().toString());
        assertEquals("JO", tag("Border", "Jordan said on Monday it would reopen its border.").primary(),
                "with no person of that name the country stays");
    }

    @Test
    void aPersonsFirstNameLeavesTheCountryOfThatNameElsewhereInTheStory() {
        // "Israel Katz" is no place, but news calls him Katz on second reference: every other "Israel" is the country
        RegionTagger.Tagging t = TAGGER.tag("Israel to keep troops in Lebanon", List.of("Israel will keep troops in southern "
                + "Lebanon for now, Defence Minister Israel Katz said on Sunday.", "Israel and Lebanon agreed a ceasefire."),
                null, null, RegionTagger.Scope.NAMED);
        assertEquals("IL", t.primary(), t.countries().toString());
        assertTrue(t.tagged().contains("LB"), t.tagged().toString());
        assertTrue(tag("Open golf", "Jordan Spieth finished two shots behind.").countries().isEmpty(), "the first name itself is no place");
    }

    @Test
    void aStateAfterACityIsTheStateThatPlacesIt() {
        RegionTagger.Tagging t = TAGGER.tag("Meningitis case", List.of("She fell ill on the flight from Atlanta, Georgia "
                + "to Wichita, Kansas."), null, null, RegionTagger.Scope.NAMED);
        assertEquals(List.of("US"), t.tagged());
        assertTrue(t.places().stream().filter(p -> p.name().equals("Georgia")).allMatch(p -> p.country().equals("US")));
        assertEquals(List.of("US"), TAGGER.tag("Recall", List.of("The states are Arizona, California, Colorado, Georgia, "
                + "Illinois and Missouri."), null, null, RegionTagger.Scope.NAMED).tagged(), "a list of states, not a city and its state");
        assertTrue(tag("Gulf statement", "The governments of Bahrain, Jordan, Kuwait, Qatar and Oman condemned the attacks.")
                .countries().stream().map(RegionTagger.CountryScore::country).toList()
                .containsAll(List.of("BH", "JO", "KW", "QA", "OM")), "after a country a comma is a list");
    }

    @Test
    void historicalStatesAreTheirSuccessorsInCopyWrittenAfterThem() {
        RegionTagger.Tagging later = TAGGER.tag("Exhibition", List.of("The show has 45 artists who left Russia or the "
                + "Soviet Union for America. It opened in Moscow last year."), null, null, RegionTagger.Scope.NAMED);
        assertTrue(later.tagged().contains("RU"));
        assertFalse(later.tagged().contains("SU"), later.tagged().toString());
        RegionTagger.Tagging then = tag("Grain deal", "MOSCOW, March 3 - The Soviet Union said it would buy more U.S. grain.");
        assertEquals("SU", then.primary(), "1980s copy: Moscow is the Soviet Union");
        assertEquals("RS", RegionTagger.MAIN_SUCCESSOR.get("YU"));
    }

    @Test
    void aLocalPapersHomeDecidesItsNamesakesAndItsPlacelessStories() {
        List<String> london = List.of("The London council approved the budget on Monday.");
        assertEquals("GB", TAGGER.tag("Budget passed", london, null, null, RegionTagger.Scope.NAMED).primary());
        assertEquals("CA", TAGGER.tag("Budget passed", london, null, null, RegionTagger.Scope.NAMED, "CA").primary(),
                "London, Ontario in a Canadian paper");
        assertEquals(List.of("IE"), TAGGER.tag("Council meets", List.of("The council voted again."), null, null,
                RegionTagger.Scope.NAMED, "IE").tagged(), "no place named: the paper's home, not the fallback");
        assertEquals(List.of("US"), tag("Council meets", "The council voted again.").tagged(), "no home: the fallback");
    }

    @Test
    void aCloseCallGoesToTheDatelineCountry() {
        RegionTagger.Tagging t = tag("Talks", "TEHRAN, March 3 - An official said Iran would not negotiate with the United "
                + "States. The United States had asked for talks, U.S. officials said, and the U.S. envoy waited.");
        assertEquals("IR", t.primary());
        assertEquals("Middle East and North Africa", t.desk());
    }

    @Test
    void aLanguageIsReadByItsPrimarySubtag() {
        assertEquals("fi", RegionTagger.primaryLanguage("fi-FI"));
        assertEquals("de", RegionTagger.primaryLanguage("DE"));
        assertEquals("nb", RegionTagger.primaryLanguage("nb-NO"));
        assertEquals("nb", RegionTagger.primaryLanguage("no"));
        assertEquals("nb", RegionTagger.primaryLanguage("nn"));
        assertEquals("en", RegionTagger.primaryLanguage(null));
        assertEquals("en", RegionTagger.primaryLanguage("English"));
        assertEquals("en", RegionTagger.primaryLanguage("eng"));
        assertEquals("nb", RegionTagger.primaryLanguage("nob"));
        assertEquals("de", RegionTagger.primaryLanguage("ger"));
        RegionTagger.Tagging german = TAGGER.tag("Wahl in Frankreich", List.of("Die Franzosen wählen am Sonntag."), null,
                "de-DE", RegionTagger.Scope.ABOUT);
        assertEquals(List.of("FR"), german.tagged(), "German names count for de-DE copy");
    }

    @Test
    void countryNamesOfTheNordicServices() {
        assertEquals(List.of("SE"), TAGGER.tag("Militärövning i Sverige", List.of("Övningen hålls i södra Sverige."), null,
                "sv", RegionTagger.Scope.ABOUT).tagged());
        assertEquals(List.of("FI"), TAGGER.tag("Suomi voitti", List.of("Suomi voitti ottelun."), null, "fi-FI",
                RegionTagger.Scope.ABOUT).tagged());
        assertEquals(List.of("DK"), TAGGER.tag("Valg i Danmark", List.of("Danmark går til valg."), null, "nb-NO",
                RegionTagger.Scope.ABOUT).tagged());
    }

    /**
     * French, Italian and Portuguese write an article before a country, capitalised when the sentence starts with it,
     * and elide it onto the name: neither makes the country a surname or another place ("La Paz").
     */
    @Test
    void articlesAndElisionsOfTheRomanceServices() {
        assertEquals(List.of("FR", "JP"), TAGGER.tag("Accord commercial", List.of("La France a signé mardi. Le Japon suivra."), null,
                "fr", RegionTagger.Scope.ABOUT).tagged());
        assertEquals(List.of("DE", "IT", "US"), TAGGER.tag("Sommet", List.of("L'Allemagne accueille le ministre d'Italie. Les "
                + "États-Unis enverront un émissaire."), null, "fr", RegionTagger.Scope.ABOUT).tagged().stream().sorted().toList());
        assertEquals(List.of("IR", "JP", "US"), TAGGER.tag("Vertice", List.of("Il Giappone e gli Stati Uniti discutono dell'Iran."),
                null, "it", RegionTagger.Scope.ABOUT).tagged().stream().sorted().toList());
        assertEquals(List.of("BR"), TAGGER.tag("Plano", List.of("O Brasil anunciou um novo plano."), null, "pt",
                RegionTagger.Scope.ABOUT).tagged());
        assertEquals(List.of("BO"), TAGGER.tag("Bolivie", List.of("La Paz est le siège du gouvernement."), null, "fra",
                RegionTagger.Scope.ABOUT).tagged(), "a three-letter code is the language too");
        RegionTagger.Tagging surname = TAGGER.tag("Calcio", List.of("Pietro Lo Monaco è il nuovo direttore sportivo del club."),
                null, "it", RegionTagger.Scope.ABOUT);
        assertTrue(surname.countries().stream().noneMatch(c -> c.country().equals("MC")),
                "a capitalised 'Lo' inside a sentence is a surname's particle: " + surname);
    }

    /** In copy in other languages, the word that opens a sentence is no first name of the country after it. */
    @Test
    void aSentencesFirstWordIsNoFirstNameInOtherLanguages() {
        RegionTagger.Tagging poland = TAGGER.tag("EU hämnas för flyktingmotstånd", List.of("Polen riskerar nu formellt indragen "
                + "rösträtt. Eftersom Polen inte ansett sig behöva reagera skickas frågan vidare till medlemsländerna."), null, "sv",
                RegionTagger.Scope.ABOUT);
        assertEquals(List.of("PL"), poland.tagged(), poland.toString());
        RegionTagger.Tagging jordan = TAGGER.tag("Basket", List.of("Michael Jordan a déclaré qu'il reviendrait."), null, "fr",
                RegionTagger.Scope.ABOUT);
        assertTrue(jordan.countries().stream().noneMatch(c -> c.country().equals("JO")), "a name that is a surname too: " + jordan);
        // only a country's name: a city's is often a surname
        assertNotTagged("JP", "Tennis", "Naomi Osaka a remporté le tournoi.", "fr");
        assertNotTagged("NL", "Cinéma", "Tom Holland sera la vedette du film.", "fr");
        assertNotTagged("JO", "Basketball", "Michael Jordans rekord står stadig.", "da");
        assertNotTagged("JP", "Tennis", "Naomi Osaka won the title on Saturday.", "und");
        assertTrue(TAGGER.tag("Basketball", List.of("The crowd cheered as Michael Jordan arrived."), null, "en",
                RegionTagger.Scope.ABOUT).countries().stream().noneMatch(c -> c.country().equals("JO")), "English keeps its first names");
    }

    /** German and the Scandinavian languages write a country's genitive with -s, Finnish inflects it in every case. */
    @Test
    void countryNamesInTheirLanguagesCases() {
        assertEquals(List.of("FR"), TAGGER.tag("Regierung", List.of("Die Regierung Frankreichs legte einen Plan vor."), null, "de",
                RegionTagger.Scope.ABOUT).tagged());
        assertEquals(List.of("SE"), TAGGER.tag("Regeringen", List.of("Sveriges regering presenterade en plan."), null, "sv",
                RegionTagger.Scope.ABOUT).tagged());
        assertEquals(List.of("NO"), TAGGER.tag("Regjeringen", List.of("Norges regjering la fram en plan."), null, "nb",
                RegionTagger.Scope.ABOUT).tagged());
        assertEquals(List.of("FI", "RU", "US"), TAGGER.tag("Vierailu", List.of("Venäjän presidentti vieraili Suomessa ja "
                + "Yhdysvalloissa tiistaina."), null, "fi", RegionTagger.Scope.ABOUT).tagged().stream().sorted().toList());
        assertEquals(List.of("GR", "IR", "TR"), TAGGER.tag("Kokous", List.of("Turkin, Kreikan ja Iranin ministerit tapasivat."),
                null, "fi", RegionTagger.Scope.ABOUT).tagged().stream().sorted().toList(), "stems that change, names that end in a consonant");
        assertNotTagged("PE", "Peruna kallistui", "Peruna kallistui kaupoissa syksyllä.", "fi");
        assertNotTagged("NR", "Juhla", "Naurusta ei ollut pulaa illan aikana.", "fi");
        assertNotTagged("JE", "Trikots", "Die neuen Jerseys der Mannschaft wurden vorgestellt.", "de");
        RegionTagger.Tagging berlin = TAGGER.tag("Reise", List.of("Frankreichs Präsident reiste nach Berlin. Polens Regierung "
                + "protestierte."), null, "de", RegionTagger.Scope.ABOUT);
        assertTrue(berlin.countries().stream().anyMatch(c -> c.country().equals("DE")), "a new sentence is no qualifier: " + berlin);
        RegionTagger.Tagging americas = TAGGER.tag("Talks", List.of("The Americas summit opened in Lima."), null, "en",
                RegionTagger.Scope.ABOUT);
        assertEquals(List.of("PE"), americas.tagged(), "no genitive -s in English: " + americas);
    }

    private static void assertNotTagged(String country, String headline, String body, String language) {
        RegionTagger.Tagging t = TAGGER.tag(headline, List.of(body), null, language, RegionTagger.Scope.ABOUT);
        assertTrue(t.countries().stream().noneMatch(c -> c.country().equals(country)), () -> country + " in " + body + ": " + t);
    }

    @Test
    void aSmallTownsOwnRepeatsAreNoSupportForIt() {
        // Swedish "Redan" (already) opens two sentences; Redan, Georgia has 33,000 people
        RegionTagger.Tagging t = TAGGER.tag("Övningen flyttas", List.of("Redan i våras stoppades övningen. Redan då sade "
                + "Försvarsmakten att den skulle hållas senare, med fokus på Gotland och Finland."), null, "sv",
                RegionTagger.Scope.ABOUT);
        assertTrue(t.countries().stream().noneMatch(c -> c.country().equals("US")), t.toString());
        assertEquals("FI", t.primary());
    }

    @Test
    void aDatelinesPlaceNamedAgainIsThatPlace() {
        RegionTagger.Tagging t = tag("Flooding hits town", "TEWKESBURY - The river cut off Tewkesbury overnight. Residents were moved.");
        assertEquals("GB", t.primary());
        assertEquals(2, t.places().get(0).count(), "the body's Tewkesbury is the dateline's: " + t);
        assertEquals("IN", tag("Floods in Kerala", "Heavy rain flooded Kerala on Monday. India's weather office warned of more.")
                .primary(), "a division with another name of its country");
    }

    @Test
    void inGermanEveryNounIsCapitalised() {
        RegionTagger.Tagging china = TAGGER.tag("China klont Polizeihund", List.of("Einem Bericht der Zeitung China Daily "
                + "zufolge entstand der Hund in Kunming."), null, "de", RegionTagger.Scope.ABOUT);
        assertEquals(List.of("CN"), china.tagged(), "'Zeitung China' is no first name and surname");
        RegionTagger.Tagging derby = TAGGER.tag("Faktencheck Derby-Elfmeter", List.of("Der Schiedsrichterchef Lutz Michael "
                + "Fröhlich lobte die Bewertungen. Borussia Dortmund verlor gegen Schalke."), null, "de", RegionTagger.Scope.ABOUT);
        assertEquals(List.of("DE"), derby.tagged(), "Derby and Lutz are no two towns of Kansas and Florida: " + derby);
        assertEquals(List.of("AT"), TAGGER.tag("Hochwasser", List.of("In Linz und Graz stiegen die Pegel weiter."), null, "de",
                RegionTagger.Scope.ABOUT).tagged(), "two cities of some size still support each other");
        RegionTagger.Tagging quake = TAGGER.tag("Erdbeben in Japan", List.of("Die Lage im Norden des Landes blieb angespannt, "
                + "sagte ein Sprecher in Tokio."), null, "de", RegionTagger.Scope.ABOUT, "DE");
        assertEquals(List.of("JP"), quake.tagged(), "the home market makes no German town of a German noun: " + quake);
    }

    @Test
    void aBigCitysNameInTheStorysLanguageIsThatCityInADateline() {
        RegionTagger.Tagging danish = TAGGER.tag("Mand løsladt", List.of("København /ritzau/: Politiet oplyser, at manden er løsladt.",
                "Han var anholdt i Hvidovre."), "København", "da", RegionTagger.Scope.ABOUT);
        assertEquals("DK", danish.primary(), "København is Copenhagen: " + danish);
        assertTrue(danish.places().stream().anyMatch(p -> p.name().equals("Copenhagen") && p.role().equals("dateline")),
                "an exonym is reported by the city's own name: " + danish);
        assertEquals("NL", TAGGER.tag("Forsøg med dieselgas", List.of("Forskerne har testet udstødningsgas."), "Haag", "da",
                RegionTagger.Scope.ABOUT).primary(), "a dateline 'Haag' is The Hague");
        assertEquals("AT", TAGGER.tag("Gipfel", List.of("Wien (APA) - Die Minister trafen sich."), null, "de",
                RegionTagger.Scope.ABOUT).primary());
        assertEquals("NL", tag("Talks resume", "DEN HAAG, Oct 3 (Reuters) - Talks resumed.").primary(),
                "a dateline in the city's own language, in English copy");
        // in running text an exonym is not read: too many are words or names of some language
        for (String text : List.of("Die Eltern suchen einen Platz in der Kita.", "Auch der Kanton muss sparen.",
                "Die Winzer an der Mosel ernten.", "Die Abgeordnete Tanja Fischer sprach.", "Sinti und Roma wurden geehrt.")) {
            assertTrue(TAGGER.tag("Bericht", List.of(text), null, "de", RegionTagger.Scope.ABOUT).places().isEmpty(), text);
        }
        assertTrue(tag("Camp cleared", "Police cleared a Roma camp on Tuesday.").places().isEmpty());
        // but a city's name in a story in its own country's language is that city ("em Lisboa", "in München", "a Milano")
        assertEquals("PT", TAGGER.tag("Orçamento", List.of("O presidente recebeu os ministros em Lisboa na terça-feira."), null, "pt",
                RegionTagger.Scope.ABOUT).primary());
        assertEquals("DE", TAGGER.tag("Festnahmen", List.of("Die Polizei hat in München drei Verdächtige festgenommen."), null, "de",
                RegionTagger.Scope.ABOUT).primary());
        assertEquals("IT", TAGGER.tag("Arresti", List.of("La polizia ha arrestato a Milano tre persone."), null, "it",
                RegionTagger.Scope.ABOUT).primary());
        assertTrue(TAGGER.tag("Debatt", List.of("Man appellerer gjerne til frykt."), null, "nb", RegionTagger.Scope.ABOUT)
                .places().isEmpty(), "Norwegian 'Man' (one) is no Isle of Man");
        assertTrue(TAGGER.tag("Reacciones", List.of("Para el ministro la decisión es injusta."), null, "es", RegionTagger.Scope.ABOUT)
                .places().isEmpty());
        assertFalse(tag("Court rules", "SION, Aug 3 (Reuters) - The court ruled.").tagged().contains("IL"),
                "Sion is Sitten's name as well as Jerusalem's: nobody's exonym");
    }

    @Test
    void aCountryCodeFromTheMetadataIsThatCountry() {
        RegionTagger.Tagging t = TAGGER.tag("Coach pleads for support", List.of("The coach asked the fans for their support."), null,
                List.of("ES", "GB"), "en", RegionTagger.Scope.ABOUT, null);
        assertEquals(List.of("ES", "GB"), t.tagged());
        assertEquals("United Kingdom", t.places().get(1).name());
        assertEquals("wire", t.places().get(1).role());
    }

    @Test
    void anApStateAfterATownNamesItsStateEvenWhenTheTownSharesAForeignName() {
        assertEquals("US", tag("Town votes", "LEBANON, N.H. (AP) _ The town voted on Tuesday.").primary(), "Lebanon, N.H. is no country");
        assertEquals("US", tag("Town votes", "PERU, Ind. (AP) _ The town voted on Tuesday.").primary());
        assertEquals("US", tag("Whale freed", "CHATHAM, Mass. (AP) _ Rescuers freed a whale.").primary(),
                "the Chatham we know in the US is in Illinois: Massachusetts still places it");
        assertEquals("US", tag("Whale freed", "DOVER, Del. (AP) _ Rescuers freed a whale.").primary());
        assertEquals("LB", tag("Talks resume", "BEIRUT, Lebanon (AP) _ Talks resumed.").primary());
        assertEquals(List.of("BH", "JO"), tag("Ministers meet", "Ministers from Bahrain, Jordan and Oman met.").tagged().subList(0, 2),
                "after a country, a comma is a list");
        assertEquals("CO", tag("Pageant crowned", "The winner from Colombia, Miss Universe organisers said, was 24.").primary(),
                "AP's abbreviation has its stop: 'Miss Universe' is no Mississippi");
    }

    /**
     * A person the wire names (TT's cpnat:person "Hamilton", Jan Guillou's agent) is no place in its text: not Hamilton,
     * Ontario. The text's own qualifier ("Hamilton, Ontario") and the dateline still name the place; another name is read.
     */
    @Test
    void aPersonTheWireNamesIsNoPlace() {
        String headline = "Jan Guillou skriver på ny \"Hamilton\"-bok";
        List<String> body = List.of("Jan Guillou arbetar just nu med det sista kapitlet i en kommande \"Hamilton\"-bok.",
                "Hamilton har just genomgått en höftledsoperation, säger författaren.");
        RegionTagger.Tagging read = TAGGER.tag(headline, body, null, List.of(), List.of(), "sv", RegionTagger.Scope.ABOUT, null, null);
        assertEquals(List.of("CA"), read.tagged(), "without the wire's persons, Hamilton is Ontario's");
        RegionTagger.Tagging person = TAGGER.tag(headline, body, null, List.of(), List.of("Jan Guillou", "Erik Ponti", "Hamilton"),
                "sv", RegionTagger.Scope.ABOUT, null, null);
        assertEquals(List.of(), person.tagged());
        assertTrue(person.places().isEmpty());
        assertEquals(List.of("SE"), TAGGER.tag(headline, body, null, List.of(), List.of("Hamilton"), "sv", RegionTagger.Scope.ABOUT,
                "SE", null).tagged(), "the home market's, as any story of TT's that names no place");
        // the name must be the whole person's: "Lewis Hamilton" leaves a bare "Hamilton" to be read
        assertEquals(List.of("CA"), TAGGER.tag(headline, body, null, List.of(), List.of("Lewis Hamilton"), "sv",
                RegionTagger.Scope.ABOUT, null, null).tagged());
        // qualified by the text, or in the dateline, it is the place
        assertEquals("CA", TAGGER.tag("Steel plant closes", List.of("HAMILTON, Ontario (CP) - The steel plant closed on Monday."),
                "Hamilton", List.of(), List.of("Hamilton"), "en", RegionTagger.Scope.ABOUT, null, null).primary());
        assertEquals("CA", TAGGER.tag("Steel plant closes", List.of("The plant in Hamilton, Ontario, closed on Monday."),
                null, List.of(), List.of("Hamilton"), "en", RegionTagger.Scope.ABOUT, null, null).primary());
        // after a preposition of place it is the place, whoever the wire names: a striker called Washington
        assertEquals("US", TAGGER.tag("Striker joins club", List.of("Washington scored twice before the team flew to Washington "
                + "for the final."), null, List.of(), List.of("Washington"), "en", RegionTagger.Scope.ABOUT, null, null).primary());
    }
}
