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

    @Test
    void parsedDatelinePlaceIsUsedWhenTheBodyHasNone() {
        assertEquals("KE", TAGGER.tag("Officials meet", List.of("Officials met on Monday."), "Nairobi", null).primary());
    }

    @Test
    void jordanThePersonIsNoCountry() {
        assertTrue(tag("Bulls win again", "Michael Jordan scored 40 points in Chicago on Friday.").tagged().stream()
                .noneMatch("JO"::equals));
        assertTrue(tag("Open golf", "Jordan Spieth finished two shots behind.").tagged().isEmpty());
        assertEquals("JO", tag("King meets envoy", "Jordan said on Monday it would reopen its border.").primary());
    }

    @Test
    void turkeyTheBirdIsNoCountry() {
        assertTrue(tag("Holiday prices rise", "Turkey prices rose ahead of the holiday, farmers said.").tagged().isEmpty());
        assertTrue(tag("Holiday meal", "A Thanksgiving Turkey dinner costs more this year.").tagged().isEmpty());
        assertEquals("TR", tag("Ankara talks", "Turkey said on Monday it would hold talks.").primary());
    }

    @Test
    void chinaThePlateIsNoCountry() {
        assertTrue(tag("Auction", "The fine china and silver went under the hammer.").tagged().isEmpty());
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
        assertTrue(tag("Concert", "Chad Smith played drums for the band.").tagged().isEmpty());
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
    void nothingNamedNothingTagged() {
        RegionTagger.Tagging t = tag("Shares rise", "Shares rose on Monday, traders said.");
        assertTrue(t.tagged().isEmpty());
        assertNull(t.primary());
        assertNull(t.desk());
    }

    @Test
    void latinAmericaIsNotAmerica() {
        assertTrue(tag("Growth slows", "Growth in Latin America slowed, the report said.").tagged().isEmpty());
    }
}
