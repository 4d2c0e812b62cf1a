package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatelineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NEW DELHI, Jan 1 (PTI) - The government said.|NEW DELHI, Jan 1 (PTI) -|New Delhi|PTI|The government said.",
        "WASHINGTON (AP) _ The Senate voted.|WASHINGTON (AP) _|Washington|AP|The Senate voted.",
        "LONDON, March 3 (Reuters) - Shares fell.|LONDON, March 3 (Reuters) -|London|Reuters|Shares fell.",
        "Berlin (dpa) - Die Regierung hat.|Berlin (dpa) -|Berlin|dpa|Die Regierung hat.",
        "SYDNEY March 22 AAP - Rain fell.|SYDNEY March 22 AAP -|Sydney|AAP|Rain fell.",
        "BUENOS AIRES, Argentina (AP) _ Cancer patients.|BUENOS AIRES, Argentina (AP) _|Buenos Aires, Argentina|AP|Cancer patients.",
        "Peine (dpa/lni) - Ein Baum.|Peine (dpa/lni) -|Peine|dpa/lni|Ein Baum.",
        "Tel Aviv/Beirut (dpa) - Israel.|Tel Aviv/Beirut (dpa) -|Tel Aviv/Beirut|dpa|Israel.",
        "OSAKA, Japan, Dec. 9 Kyodo - A team won.|OSAKA, Japan, Dec. 9 Kyodo -|Osaka, Japan|Kyodo|A team won.",
        "AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ -- A firm said.|AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ --|Austin, Texas|PRNewswire|A firm said.",
        "CALGARY, Alberta, Dec. 03, 2019 (GLOBE NEWSWIRE) -- A firm said.|CALGARY, Alberta, Dec. 03, 2019 (GLOBE NEWSWIRE) --|Calgary, Alberta|GLOBE NEWSWIRE|A firm said.",
        "MARLBOROUGH, Mass.--(BUSINESS WIRE)--Dec 5, 2024--BJ's Wholesale Club said.|MARLBOROUGH, Mass.--(BUSINESS WIRE)--Dec 5, 2024--|Marlborough, Mass.|BUSINESS WIRE|BJ's Wholesale Club said.",
        "HANOI (VNA) – The National Assembly met.|HANOI (VNA) –|Hanoi|VNA|The National Assembly met.",
        "KUALA LUMPUR, Aug 16 (Bernama) -- The ministry said.|KUALA LUMPUR, Aug 16 (Bernama) --|Kuala Lumpur|Bernama|The ministry said.",
        "MADRID, 3 Ene. (EUROPA PRESS) - La Guardia Civil.|MADRID, 3 Ene. (EUROPA PRESS) -|Madrid|EUROPA PRESS|La Guardia Civil.",
        // no agency: web copy's colon, newspaper style's shouted place and dash
        "Tehran: Ali Larijani dismissed reports.|Tehran:|Tehran||Ali Larijani dismissed reports.",
        "MINNEAPOLIS — Four people are dead after a fire.|MINNEAPOLIS —|Minneapolis||Four people are dead after a fire.",
        "TORONTO _ The Toronto stock market ran ahead.|TORONTO _|Toronto||The Toronto stock market ran ahead.",
        "Aarhus /ritzau/: Et firma.|Aarhus /ritzau/:|Aarhus|ritzau|Et firma.",
        "MOSCOW, January 21. /TASS/. The Kremlin said.|MOSCOW, January 21. /TASS/.|Moscow|TASS|The Kremlin said.",
        // PTI and IANS as Indian sites publish them: no mark after the agency; ANI names the country in brackets
        "Kolkata, Mar 2 (PTI) The Metro will run.|Kolkata, Mar 2 (PTI)|Kolkata|PTI|The Metro will run.",
        "Chennai, March 2 (IANS) \"We will appeal,\" he said.|Chennai, March 2 (IANS)|Chennai|IANS|\"We will appeal,\" he said.",
        "New Delhi [India], March 2 (ANI): The ministry said.|New Delhi [India], March 2 (ANI):|New Delhi|ANI|The ministry said.",
        "KYOTO, Japan, Feb. 1, 2017 /Kyodo JBN-AsiaNet/ -- A firm said.|KYOTO, Japan, Feb. 1, 2017 /Kyodo JBN-AsiaNet/ --|Kyoto, Japan|Kyodo|A firm said.",
        // ANI's state in parentheses, with or without the country; an ordinal day (WAM)
        "Amritsar (Punjab), Apr 13 (ANI): Leaders paid tribute.|Amritsar (Punjab), Apr 13 (ANI):|Amritsar|ANI|Leaders paid tribute.",
        "Mumbai (Maharashtra) [India], Oct 31 (ANI): Shares rose.|Mumbai (Maharashtra) [India], Oct 31 (ANI):|Mumbai|ANI|Shares rose.",
        "Dubai, 29th November, 2015 (WAM) - The ruler met.|Dubai, 29th November, 2015 (WAM) -|Dubai|WAM|The ruler met.",
        // national agencies whose codes are credits only after a place and a date
        "ANKARA, Feb 24 (APP): Prime Minister Nawaz Sharif met.|ANKARA, Feb 24 (APP):|Ankara|APP|Prime Minister Nawaz Sharif met.",
        "DHAKA, March 10, 2024 (BSS) - The cabinet met.|DHAKA, March 10, 2024 (BSS) -|Dhaka|BSS|The cabinet met.",
        "Abuja, March 10, 2024 (NAN) The Senate met.|Abuja, March 10, 2024 (NAN)|Abuja|NAN|The Senate met.",
        "Ciudad de México, 10 Mar (Notimex).- El Senado aprobó.|Ciudad de México, 10 Mar (Notimex).-|Ciudad de México|Notimex|El Senado aprobó.",
        "Rio de Janeiro (Reuters) - Brazil said.|Rio de Janeiro (Reuters) -|Rio de Janeiro|Reuters|Brazil said.",
        // Portuguese and Spanish dates (Lusa, EFE), Italy's other agencies, the agency after the date without brackets
        "Lisboa, 01 dez 2025 (Lusa) – O Governo aprovou.|Lisboa, 01 dez 2025 (Lusa) –|Lisboa|Lusa|O Governo aprovou.",
        "La Habana, 27 de abril de 2024 (EFE).- El Gobierno dijo.|La Habana, 27 de abril de 2024 (EFE).-|La Habana|EFE|El Gobierno dijo.",
        "Roma, 27 set. (askanews) – Il governo ha detto.|Roma, 27 set. (askanews) –|Roma|askanews|Il governo ha detto.",
        "Koforidua, May 9, GNA - The regional minister said.|Koforidua, May 9, GNA -|Koforidua|GNA|The regional minister said.",
        "BERLIN (Dow Jones)--Germany's exports rose.|BERLIN (Dow Jones)--|Berlin|Dow Jones|Germany's exports rose.",
        "MANCHESTER, Jamaica—The police said.|MANCHESTER, Jamaica—|Manchester, Jamaica||The police said.",
        // the German church agencies, no dash
        "Bonn (epd). Die Kirche hat.|Bonn (epd).|Bonn|epd|Die Kirche hat.",
        "Berlin (KNA) Die Bischöfe haben.|Berlin (KNA)|Berlin|KNA|Die Bischöfe haben.",
        // web copy with a date before the colon
        "KATHMANDU, June 24: Prime Minister Oli said.|KATHMANDU, June 24:|Kathmandu||Prime Minister Oli said.",
        "Thiruvananthapuram (Kerala) [India], January 4: The state said.|Thiruvananthapuram (Kerala) [India], January 4:|Thiruvananthapuram||The state said.",
    })
    void agencyDatelines(String paragraph, String text, String place, String agency, String remainder) {
        Dateline d = Dateline.find(paragraph).orElseThrow();
        assertThat(d.text()).isEqualTo(text);
        assertThat(d.place()).isEqualTo(place);
        assertThat(d.agency()).isEqualTo(agency);
        assertThat(d.remainder()).isEqualTo(remainder);
    }

    @Test
    void newspaperStyleShoutedPlaceAndADash() {
        assertThat(Dateline.find("KUALA LUMPUR, Aug 16 — Muhyiddin said.").orElseThrow().place()).isEqualTo("Kuala Lumpur");
        assertThat(Dateline.find("CAPE TOWN -- The city said.").orElseThrow().place()).isEqualTo("Cape Town");
        // a shouted label is no place; nor is a place in mixed case before a dash (a sentence's aside)
        assertThat(Dateline.find("BREAKING — The talks collapsed.")).isEmpty();
        assertThat(Dateline.find("UPDATE — The talks resumed.")).isEmpty();
        assertThat(Dateline.find("Meanwhile — the talks resumed.")).isEmpty();
        for (String notAPlace : java.util.List.of("NATO — The alliance met.", "US — The president said.", "EU — Ministers agreed.",
                "CEO — He resigned.", "LIVE UPDATES — The storm hit.", "FACT CHECK — The claim is false.", "EDITOR’S NOTE — This story ...")) {
            assertThat(Dateline.find(notAPlace)).as(notAPlace).isEmpty();
        }
        // nor is an organisation's code in parentheses, which the national agencies' codes would read as
        assertThat(Dateline.find("Alcoholics Anonymous (AA) - The group met.")).isEmpty();
    }

    /** An agency's credit before the place ("ANSA TEST - ROMA, 01 LUG -", ANSA's test service) is the agency, not the place. */
    @Test
    void anAgencyCreditBeforeThePlaceIsNoPlace() {
        Dateline ansa = Dateline.find("ANSA TEST - ROMA, 01 LUG - Il governo ha detto.").orElseThrow();
        assertThat(ansa.place()).isEqualTo("Roma");
        assertThat(ansa.agency()).isEqualTo("ANSA");
        assertThat(ansa.text()).isEqualTo("ANSA TEST - ROMA, 01 LUG -");
        assertThat(ansa.remainder()).isEqualTo("Il governo ha detto.");
        Dateline bracketed = Dateline.find("(ANSA) - ROME, MAY 5 - The government said.").orElseThrow();
        assertThat(bracketed.text()).isEqualTo("(ANSA) - ROME, MAY 5 -");
        assertThat(bracketed.place()).isEqualTo("Rome");
        assertThat(bracketed.agency()).isEqualTo("ANSA");
        assertThat(Dateline.find("(ANSA) - Rome, May 5 - The government said.").orElseThrow().place()).isEqualTo("Rome");
        assertThat(Dateline.find("XINHUA - BEIJING - The ministry said.").orElseThrow())
                .extracting(Dateline::place, Dateline::agency).containsExactly("Beijing", "XINHUA");
        // a credit with no dateline after it names no place at all
        assertThat(Dateline.find("ANSA TEST - Il governo ha detto.")).isEmpty();
        assertThat(Dateline.find("XINHUA — The ministry said.")).isEmpty();
        // a shouted place that is no agency's name stays the place
        assertThat(Dateline.find("CAPE TOWN -- The city said.").orElseThrow().place()).isEqualTo("Cape Town");
        assertThat(Dateline.find("MINNEAPOLIS — ROME, Ga. is where it happened.").orElseThrow().place()).isEqualTo("Minneapolis");
    }

    @Test
    void notDatelines() {
        assertThat(Dateline.find("Update: the talks resumed on Monday.")).isEmpty();
        // labels feeds put before a colon (The Guardian's, a Swedish games site's), in the agency languages too
        for (String label : java.util.List.of("Clockwatch: Liverpool v Arsenal", "Warning: this report contains distressing details",
                "More: the full list", "Uppdatering: spelet släpps i maj", "Aktualisiert: Die Bahn streikt")) {
            assertThat(Dateline.find(label)).as(label).isEmpty();
        }
        assertThat(Dateline.find("Guwahati: The Brahmaputra crossed the danger mark.")).isPresent();
        assertThat(Dateline.find("Staff ReporterUpdated: Monday, March 04, 2024, 10:12 PM IST")).as("two lines glued").isEmpty();
        assertThat(Dateline.find("McAllen: The border city said.")).isPresent();
        assertThat(Dateline.find("Taking to X, Larijani said he would not negotiate.")).isEmpty();
        assertThat(Dateline.find("Ihr Ansprechpartner: Thomas, Tel. 030")).isEmpty();
        // credit and time labels of other languages
        for (String label : java.util.List.of("Fuente: EFE", "Fonte: Agência Brasil", "Quelle: dpa", "Autor: Max Mustermann",
                "Publicado: 4 de marzo de 2024 10:30", "By: John Smith")) {
            assertThat(Dateline.find(label)).as(label).isEmpty();
        }
        // codes that name other things too are credits only after a place and a date
        assertThat(Dateline.find("Alcoholics Anonymous (AA) - help is at hand.")).isEmpty();
        assertThat(Dateline.find("Karachi (APP) - The port reopened.")).isEmpty();
        // an agency's own name before its code, a timeline's day
        assertThat(Dateline.find("Katholische Nachrichten-Agentur (KNA) Chefredakteur Ludwig Ring-Eifel sagte.")).isEmpty();
        assertThat(Dateline.find("Der Evangelische Pressedienst (epd) Bayern berichtete.")).isEmpty();
        assertThat(Dateline.find("Monday, March 3: Ukraine and Russia agreed talks.")).isEmpty();
        assertThat(Dateline.find("CW: So what happened next?")).as("an interviewer's initials").isEmpty();
        assertThat(Dateline.find("Datum: 4. März 2024")).isEmpty();
        assertThat(Dateline.find("NEWPORT NEWS, Va. (AP) — The shipyard said.")).isPresent();
        // an agency in parentheses inside a sentence, or before lower-case text, is no dateline
        assertThat(Dateline.find("The minister told reporters (PTI) that talks went well.")).isEmpty();
        assertThat(Dateline.find("Kolkata (PTI) said the figures were wrong.")).isEmpty();
        assertThat(Dateline.find("Deutsche Presse-Agentur (dpa) Chief Executive Peter Kropsch announced the plan.")).isEmpty();
        assertThat(Dateline.find(null)).isEmpty();
    }

    /** Dateline elements that are only a date or a timestamp name no place; real datelines keep theirs. */
    @org.junit.jupiter.api.Test
    void aDateIsNotADateline() {
        for (String date : java.util.List.of("20170102T222800+0000", "2014-07-16 13:00:03 GMT+00:00", "4/4/2018", "MARCH 04, 2013", "Oct. 5, 2016 10:30 a.m.")) {
            org.assertj.core.api.Assertions.assertThat(StoryFields.isOnlyADate(date)).as(date).isTrue();
        }
        for (String dateline : java.util.List.of("MOSCOW, Monday (Reuters)", "Tegucigalpa, Jan 2 (EFE).-", "ALEXANDRIA, Va., May 4", "Oslo", "MARSEILLE",
                "JUNEAU, Alaska", "Augsburg", "WASHINGTON, Dec. 3 (Reuters) -")) {
            org.assertj.core.api.Assertions.assertThat(StoryFields.isOnlyADate(dateline)).as(dateline).isFalse();
        }
    }

    @Test
    void onlyATestOrServiceMarkerMayFollowTheAgencysNameInACredit() {
        // a place after an agency's name is no marker word: "XINHUA BEIJING" is no credit that hides Beijing
        assertThat(Dateline.credit("XINHUA BEIJING - China said on Monday")).isNull();
        assertThat(Dateline.credit("ANSA TEST - ROMA, 01 LUG - Testo").agency()).isEqualTo("ANSA");
    }
}
