package io.wirestream.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.avro.Source;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The bundled catalogue: who is in it, the names they go by, the line format. */
class SourceCatalogueTest {

    private static final SourceCatalogue CATALOGUE = SourceCatalogue.bundled();

    @Test
    void theMajorAgenciesAndOutletsAreThereWithEveryField() {
        Set<String> ids = CATALOGUE.sources().stream().map(Source::getId).collect(Collectors.toSet());
        for (String id : new String[] {"ap", "reuters", "afp", "dpa", "pti", "ani", "ians", "uni", "xinhua", "aap", "efe",
                "ansa", "kyodo", "yonhap", "upi", "anadolu", "pa", "ntb", "stt", "tt", "ritzau", "cp", "bbc"}) {
            assertTrue(ids.contains(id), id);
        }
        for (Source s : CATALOGUE.sources()) {
            assertTrue(s.getCountry() != null && s.getTimeZone() != null && s.getLanguage() != null
                    && SourceCatalogue.zoneOf(s) != null && s.getTier() >= 1 && s.getTier() <= 3, s.getId());
            assertTrue(Set.of("agency", "broadcaster", "newspaper", "aggregator").contains(s.getKind()), s.getId());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "(AP)|ap", "The Associated Press|ap", "Australian Associated Press|aap", "AAP|aap",
            "Thomson Reuters|reuters", "(Reuters)|reuters", "Copyright 2024 Thomson Reuters.|reuters",
            "The Canadian Press. All rights reserved.|cp", "PTI|pti", "dpa|dpa", "AFP|afp", "Agence France-Presse|afp",
            "PA Media|pa", "Xinhua News Agency|xinhua", "BBC News|bbc",
            // AFP's Arabic service, and providers named by their web address (AFP's NewsML 1.2, Belga's)
            "أ ف ب|afp", "afp.com|afp", "www.belga.be|belga", "http://www.reuters.com/|reuters", "news.bbc.co.uk|bbc",
            "acmenews.com|acmenews-com", "U.S.|u-s", "pa.press.net|pa",
            // a short site name is an agency's code by chance: the Tiroler Tageszeitung, Pennsylvania's government
            "tt.com|tt-com", "www.pa.gov|www-pa-gov"})
    void namesAsSeenInDatelinesCreditsAndCopyrightLines(String sent, String id) {
        assertEquals(id, CATALOGUE.idOf(sent));
    }

    /** A provider's name is what a wire sends: a hostile one thousands of labels long is no source, and no crash. */
    @Test
    void aLongDottedNameIsNoAddress() {
        assertEquals("unknown", CATALOGUE.match("a.".repeat(3000) + "net").map(Source::getId).orElse("unknown"));
        assertEquals(null, SourceCatalogue.siteName("a.".repeat(3000) + "net"));
        assertEquals("belga", SourceCatalogue.siteName("https://www.belga.be/en/"));
    }

    @Test
    void shortCodesOnlyAsTheWholeNameAndUnknownNamesBecomeIds() {
        assertEquals("papa-john-s", CATALOGUE.idOf("Papa John's"), "no PA inside another word");
        assertEquals("acme-wire", CATALOGUE.idOf("Acme Wire"));
        Source u = SourceCatalogue.unknown("Acme Wire");
        assertEquals("unknown", u.getKind());
        assertEquals("acme-wire", u.getId());
    }

    /** Of two agencies in one credit the first named is the writer; at one place, the longest name. */
    @Test
    void theAgencyNamedFirstInACreditWins() {
        assertEquals("dpa", CATALOGUE.match("dpa/Europa Press").map(Source::getId).orElse("unknown"));
        assertEquals("reuters", CATALOGUE.match("Reuters/Interfax").map(Source::getId).orElse("unknown"));
        assertEquals("europapress", CATALOGUE.match("Europa Press/dpa").map(Source::getId).orElse("unknown"));
        assertEquals("aap", CATALOGUE.match("Australian Associated Press").map(Source::getId).orElse("unknown"));
        // the names of people and bodies that share a word with an agency's are no agency's
        for (String name : new String[] {"Sana'a Center", "Hina Rabbani Khar", "Comunidad Andina", "Sputnik Беларусь"}) {
            assertEquals("unknown", CATALOGUE.match(name).map(Source::getId).orElse("unknown"), name);
        }
    }

    @Test
    void aLineRoundTripsAndABadOneSaysWhy() {
        Source ap = CATALOGUE.byId("ap").orElseThrow();
        assertEquals(ap, SourceCatalogue.parseLine(SourceCatalogue.toLine(ap)));
        assertThrows(IllegalArgumentException.class, () -> SourceCatalogue.parseLine("x\tX\tX\t\tUS\tMars/Olympus"));
        assertThrows(IllegalArgumentException.class, () -> SourceCatalogue.parseLine("only-an-id"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "acme\tAcme\tAcme Wire\t\tNZ\t\ten\twire\t2",
        "acme\tAcme\tAcme Wire\t\tNZ\t\ten\tagency\t9",
        "acme\tAcme\tAcme Wire\t\tNZ\t\ten\tagency\t0",
        "acme\tAcme\tAcme Wire\t\tUK\t\ten\tagency\t2",
        "acme\tAcme\tAcme Wire\t\tnz\t\ten\tagency\t2",
        "acme\tAcme\tAcme Wire\t\tNZ\t\tEnglish\tagency\t2"})
    void valuesNoRuleReadsAreRefusedWithTheirName(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceCatalogue.parseLine(line));
        assertTrue(e.getMessage().matches("(kind|tier|country|language) must be .*"), e.getMessage());
    }

    @Test
    void aValidLineInAnotherLanguageAndKindIsKept() {
        Source s = SourceCatalogue.parseLine("acme\tAcme\tAcme Wire\t\tNZ\t\tmi\tbroadcaster\t1");
        assertEquals("mi", s.getLanguage());
        assertEquals("pt-BR", SourceCatalogue.parseLine("folha\tFolha\tFolha\t\tBR\t\tpt-BR\tnewspaper\t2").getLanguage());
        assertEquals("broadcaster", s.getKind());
        assertEquals(1, s.getTier());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "lfpress.ca|CA", "cambridge-news.co.uk|GB", "civil.ge|GE", "independent.ie|IE", "https://www.dailystar.com.lb/x|LB",
            "ajc.com|-", "alligator.org|-", "example.tv|-", "Acme Wire|-", "-|-"})
    void anUnknownOutletsHomeCountryIsItsCountryCodeDomain(String sent, String country) {
        assertEquals(country, SourceCatalogue.countryOfDomain(sent));
        assertEquals(country, SourceCatalogue.unknown(sent).getCountry());
    }
}
