package io.wirestream.formats;

import static io.wirestream.formats.FixtureSupport.CONTROL;
import static io.wirestream.formats.FixtureSupport.CONTEXT;
import static io.wirestream.formats.FixtureSupport.bytes;
import static io.wirestream.formats.FixtureSupport.one;
import static io.wirestream.formats.FixtureSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnpaParserTest {

    private final AnpaParser parser = new AnpaParser();

    /** Checked by hand against anpa/anpa-1.tst: header "f l DC3 DC1 BC-LT--Argentina-CancerB 11-13 1049". */
    @Test
    void lifestyleFeatureAtPriorityF() throws Exception {
        ParsedStory s = one(parser, "anpa/anpa-1.tst");
        assertThat(s.format()).isEqualTo(WireFormat.ANPA);
        assertThat(s.headline()).isEqualTo("For Argentine chemo patients, mirrors can hurt");
        assertThat(s.storyKey()).isEqualTo("AP|LT--ARGENTINA-CANCERB|2013-11-13");
        assertThat(s.version()).isEqualTo("0");
        assertThat(s.priority()).isEqualTo("f");
        assertThat(s.urgency()).isEqualTo(1); // the crosswalk says so, although AP sent a feature
        assertThat(s.signals()).doesNotContain(Signal.FLASH); // 1049 words is no flash
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isEqualTo("BUENOS AIRES, Argentina (AP) _");
        assertThat(s.datelinePlace()).isEqualTo("Buenos Aires, Argentina");
        assertThat(s.agency()).isEqualTo("AP");
        assertThat(s.byline()).isEqualTo("By PAUL BYRNE and ALMUDENA CALATRAVA");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2013-11-13T15:09:00Z"));
        assertThat(s.subjects()).extracting(SubjectCode::scheme, SubjectCode::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("anpa-category", "l"));
        assertThat(s.body().get(0)).startsWith("BUENOS AIRES, Argentina (AP) _ For cancer patients");
        assertThat(s.providerSequence()).isEqualTo("W2870"); // the service letter and message number after SOH
    }

    /** anpa/anpa-2.tst: "r a ... BC-US--Ethanol-LosingGra 1stLd-Writethru 11-13 1693". */
    @Test
    void firstLeadWritethru() throws Exception {
        ParsedStory s = one(parser, "anpa/anpa-2.tst");
        assertThat(s.headline()).isEqualTo("Prairies vanish in the US push for green energy");
        assertThat(s.storyKey()).isEqualTo("AP|US--ETHANOL-LOSINGGRA|2013-11-13");
        assertThat(s.version()).isEqualTo("1");
        assertThat(s.urgency()).isEqualTo(5);
        assertThat(s.priority()).isEqualTo("r");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.signals()).containsExactly(Signal.WRITETHRU);
        assertThat(s.dateline()).isEqualTo("ROSCOE, South Dakota (AP) _");
        assertThat(s.datelinePlace()).isEqualTo("Roscoe, South Dakota");
    }

    /** anpa/ap_anpa-4.tst: "3rdLd-Writethru", slug line says "-ABRIDGED" but the header keyword does not. */
    @Test
    void thirdLeadKeyedByHeaderKeyword() throws Exception {
        ParsedStory s = one(parser, "anpa/ap_anpa-4.tst");
        assertThat(s.headline()).isEqualTo("AP Exclusive: China lawyer's family says US helped them flee");
        assertThat(s.storyKey()).isEqualTo("AP|AS--CHINA-DARINGESCAP|2017-05-09");
        assertThat(s.version()).isEqualTo("3");
        assertThat(s.urgency()).isEqualTo(5);
        assertThat(s.priority()).isEqualTo("r");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.signals()).containsExactly(Signal.WRITETHRU);
        assertThat(s.dateline()).isEqualTo("BEIJING (AP) _");
        assertThat(s.datelinePlace()).isEqualTo("Beijing");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2017-05-09T00:56:00Z"));
    }

    /** anpa/ap_anpa-3.tst: one-paragraph write-thru, category d. */
    @Test
    void shortWritethru() throws Exception {
        ParsedStory s = one(parser, "anpa/ap_anpa-3.tst");
        assertThat(s.headline()).isEqualTo("$210 lobster is found dead");
        assertThat(s.storyKey()).isEqualTo("AP|US--GIANTLOBSTERDEATH|2016-08-29");
        assertThat(s.version()).isEqualTo("1");
        assertThat(s.urgency()).isEqualTo(5);
        assertThat(s.priority()).isEqualTo("r");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isEqualTo("CHATHAM, Mass. (AP) _");
        assertThat(s.datelinePlace()).isEqualTo("Chatham, Mass.");
        assertThat(s.body()).containsExactly("CHATHAM, Mass. (AP) _ A lobster died.");
    }

    /** anpa/ap_anpa-2.tst: tabular copy (format id DC2) is still a story. */
    @Test
    void tabularIsAStory() throws Exception {
        ParsedStory s = one(parser, "anpa/ap_anpa-2.tst");
        assertThat(s.headline()).isEqualTo("Baseball Expanded Standings");
        assertThat(s.storyKey()).isEqualTo("AP|BBO--BASEBALLEXPANDED|2016-05-17");
        assertThat(s.version()).isEqualTo("0");
        assertThat(s.body()).contains("AMERICAN LEAGUE").anySatisfy(p -> assertThat(p).startsWith("Baltimore;23;13"));
    }

    @Test
    void notesToEditorsAreTheEdNoteAndThePhotoListIsNot() throws Exception {
        ParsedStory s = one(parser, "anpa/anpa-2.tst");
        assertThat(s.edNote()).startsWith("Eds: Restores reference in 3rd paragraph")
                .endsWith("EDITOR'S NOTE _ This is part of an Associated Press investigation into the hidden costs of green energy.")
                .doesNotContain("SDDD101");
        assertThat(one(parser, "anpa/ap_anpa-1.tst").edNote()).isEqualTo("Eds: Heat 115, Hawks 111. Updates. With AP Photos.");
        assertThat(one(parser, "anpa/ap_anpa-2.tst").edNote()).as("none sent").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anpa-1.tst", "anpa-2.tst", "ap_anpa-1.tst", "ap_anpa-2.tst", "ap_anpa-3.tst", "ap_anpa-4.tst", "ap_anpa-7.tst"})
    void noControlCharactersAndSniffed(String file) throws Exception {
        byte[] payload = bytes("anpa/" + file);
        assertThat(ParserRegistry.standard().detect(payload)).isInstanceOf(AnpaParser.class);
        for (ParsedStory s : parser.parse(payload, CONTEXT)) {
            assertThat(texts(s)).allSatisfy(t -> assertThat(CONTROL.matcher(t).find()).as(t).isFalse());
            assertThat(texts(s)).noneMatch(t -> t.contains("AP-WF-"));
        }
    }

    // Synthetic copy (our own words) for what the fixtures lack: a first take and its write-thru, a kill.
    private static byte[] anpa(String prio, String keyword, String version, String slugVersion, String headline, String body, String trailer) {
        String s = "\u0016\u0016\u0001a0001\u001Fsel\n" + prio + " a\u0013\u0011 " + keyword + " " + version + "   03-14 0042\n"
                + "\u0002^" + keyword.replace("BC-", "BC-") + slugVersion + ",42<\n^" + headline + "<\n^By TEST WRITER=\n^Associated Press=\n"
                + "\t   " + body + "\n\u0003" + trailer + "\n\u0004";
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void writethruLinksToFirstTake() throws Exception {
        ParsedStory first = parser.parse(anpa("u", "BC-EU--Strike-Germany", "", "", "Strike halts trains",
                "BERLIN (AP) _ A strike stopped trains.", "AP-WF-03-14-17 0900GMT<"), CONTEXT).get(0);
        ParsedStory second = parser.parse(anpa("r", "AM-EU--Strike-Germany", "2ndLd-Writethru", ", 2nd Ld-Writethru",
                "Strike halts trains across Germany", "BERLIN (AP) _ A strike stopped trains nationwide.", "AP-WF-03-15-17 0010GMT<"), CONTEXT).get(0);
        assertThat(first.storyKey()).isEqualTo("AP|EU--STRIKE-GERMANY|2017-03-14").isEqualTo(second.storyKey());
        assertThat(first.version()).isEqualTo("0");
        assertThat(second.version()).isEqualTo("2");
        assertThat(first.uri()).isNotEqualTo(second.uri());
        assertThat(first.urgency()).isEqualTo(3);
        assertThat(second.signals()).containsExactly(Signal.WRITETHRU);
        assertThat(second.versionCreated()).isAfter(first.versionCreated());
    }

    @Test
    void killAndCorrection() throws Exception {
        ParsedStory kill = parser.parse(anpa("b", "BC-EU--Strike-Germany", "Kill", ", Kill", "KILL: Strike story",
                "Editors: Kill the story. It was sent in error.", "AP-WF-03-14-17 1000GMT<"), CONTEXT).get(0);
        assertThat(kill.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.signals()).contains(Signal.KILL);
        assertThat(kill.urgency()).isEqualTo(2);
        assertThat(kill.storyKey()).isEqualTo("AP|EU--STRIKE-GERMANY|2017-03-14");

        ParsedStory corr = parser.parse(anpa("u", "BC-EU--Strike-Germany", "Correction", ", Correction", "Strike halts trains",
                "BERLIN (AP) _ A strike stopped trains.", "AP-WF-03-14-17 1100GMT<"), CONTEXT).get(0);
        assertThat(corr.signals()).containsExactly(Signal.CORRECTION);
        assertThat(corr.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(corr.version()).isNull(); // no lead number: versionCreated orders it
    }

    /** AP opens a bulletin's or an urgent's text with a line that only says so; a kill note with "KILL". */
    @Test
    void aLineThatOnlyNamesTheTakeIsNotItsHeadline() throws Exception {
        String trailer = "AP-WF-06-11-24 1912GMT<";
        ParsedStory bulletin = parser.parse(anpa("b", "BC-US--Mall-Shooting", "", "", "BULLETIN<\n^Police: Gunman opens fire at mall",
                "BLOOMINGTON, Minn. (AP) _ Police say a gunman opened fire inside a mall on Tuesday.", trailer), CONTEXT).get(0);
        assertThat(bulletin.headline()).isEqualTo("Police: Gunman opens fire at mall");
        assertThat(bulletin.description()).isNull();
        assertThat(bulletin.urgency()).isEqualTo(2);

        ParsedStory urgent = parser.parse(anpa("u", "BC-US--Mall-Shooting", "1stLd", ", 1st Ld", "URGENT<\n^Police: 3 hurt in mall shooting",
                "BLOOMINGTON, Minn. (AP) _ Three people were wounded, police said.", trailer), CONTEXT).get(0);
        assertThat(urgent.headline()).isEqualTo("Police: 3 hurt in mall shooting");
        assertThat(urgent.signals()).containsExactly(Signal.UPDATE);

        ParsedStory kill = parser.parse(anpa("b", "BC-US--Mall-Shooting", "Kill", ", Kill",
                "KILL<\n^Eds: Kill BC-US--Mall Shooting. Police now say no shots were fired. A substitute will be sent.",
                "The Associated Press", trailer), CONTEXT).get(0);
        assertThat(kill.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.signals()).contains(Signal.KILL);
        assertThat(kill.edNote()).startsWith("Eds: Kill BC-US--Mall Shooting.");
        assertThat(kill.headline()).as("neither the kill word, nor the note, nor the sign-off")
                .isNotIn("KILL", "The Associated Press").doesNotStartWith("Eds:");
    }

    /** An Add (or a kill) may send its note to editors before any headline, or no headline at all. */
    @Test
    void aNoteBeforeTheHeadlineIsTheNote() throws Exception {
        ParsedStory add = parser.parse(anpa("r", "BC-US--Mall-Shooting", "Add", ", Add",
                "Eds: ADDS 4th graf with comment from governor.<\n^Governor says state is monitoring mall shooting",
                "Gov. Tim Walz said he was monitoring the situation.", "AP-WF-06-11-24 1950GMT<"), CONTEXT).get(0);
        assertThat(add.edNote()).isEqualTo("Eds: ADDS 4th graf with comment from governor.");
        assertThat(add.headline()).isEqualTo("Governor says state is monitoring mall shooting");
    }

    /** A headline that opens like AP's photo lists or notes ("AP PHOTOS: ...") is still the headline. */
    @Test
    void aHeadlineThatOpensLikeAPhotoNoteIsTheHeadline() throws Exception {
        ParsedStory s = parser.parse(anpa("r", "BC-ML--Hajj-Photo-Gallery", "", "", "AP PHOTOS: Pilgrims circle the Kaaba as Hajj begins",
                "MECCA, Saudi Arabia (AP) _ Pilgrims circled the Kaaba on Friday.", "AP-WF-06-14-24 1200GMT<"), CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("AP PHOTOS: Pilgrims circle the Kaaba as Hajj begins");
        assertThat(s.byline()).isEqualTo("By TEST WRITER");
        assertThat(s.edNote()).isNull();
    }

    @Test
    void shortFlashSignals() throws Exception {
        ParsedStory flash = parser.parse(anpa("f", "BC-Flash", "", "", "FLASH: Something happened",
                "WASHINGTON (AP) _ Something happened.", "AP-WF-03-14-17 1200GMT<"), CONTEXT).get(0);
        assertThat(flash.urgency()).isEqualTo(1);
        assertThat(flash.signals()).contains(Signal.FLASH);
    }

    @Test
    void cycleDateAcrossNewYear() {
        assertThat(AnpaParser.cycleDate(12, 31, java.time.LocalDate.of(2017, 1, 1))).isEqualTo("2016-12-31");
        assertThat(AnpaParser.cycleDate(3, 14, java.time.LocalDate.of(2017, 3, 15))).isEqualTo("2017-03-14");
    }

    @Test
    void sevenNineOhOneIsNotAnpa() {
        byte[] p = bytes("iptc7901/IPTC7901.txt");
        String head = new String(p, StandardCharsets.ISO_8859_1);
        assertThat(parser.sniff(p, head)).isFalse();
        assertThat(List.of(new Iptc7901Parser().sniff(p, head))).containsExactly(true);
    }

    /**
     * An APNewsAlert whose headline line only repeats the keyword: the alert sentence is the headline,
     * never the slug. A glance whose headline line repeats the keyword's title keeps that title
     * ("Wild Card Glance"), not the first cell of its table.
     */
    @Test
    void aSlugIsNeverTheHeadline() throws Exception {
        ParsedStory alert = parser.parse(anpa("b", "BC-US--APNewsAlert", "", "", "BC-US--APNewsAlert",
                "HONOLULU (AP) _ Hawaii files court challenge to travel ban definition.", "AP-WF-06-29-17 2350GMT<"), CONTEXT).get(0);
        assertThat(alert.headline()).isEqualTo("Hawaii files court challenge to travel ban definition.");
        assertThat(alert.signals()).doesNotContain(Signal.NO_HEADLINE);

        ParsedStory glance = parser.parse(anpa("r", "BC-BBO--Wild Card Glance", "", "", "Wild Card Glance",
                "AMERICAN LEAGUE\n\t   W L Pct WCGB\n\t   Tampa Bay 73 52 .584 _", "AP-WF-08-18-19 2017GMT<"), CONTEXT).get(0);
        assertThat(glance.headline()).isEqualTo("Wild Card Glance");
        assertThat(glance.signals()).doesNotContain(Signal.NO_HEADLINE);
        assertThat(AnpaParser.titleOfKeyword("BC-US--APNewsAlert")).isNull();
        assertThat(AnpaParser.titleOfKeyword("BC-WEA--Global Weather-Fahrenheit")).isEqualTo("Global Weather-Fahrenheit");
    }

    /**
     * A headline list: a typesetting code before the keyword, then only caret lines. The keyword is the
     * slug, the first caret line the headline and the rest its text (they used to be run together as the
     * description, the body empty and the keyword with its word count the headline).
     */
    @Test
    void aDigestOfCaretLinesKeepsItsLinesAsTheBody() throws Exception {
        String item = "\u0016\u0016\u0001V4644\u001F-----\nr e\u0013\u0011 AP-Top-Entertainment-Hea     02-09 0121\r\n"
                + "\u0002^*9006< ^AP-Top-Entertainment-Headlines,0176<\r\n^AP Top Entertainment News at 11:23 p.m. EST<\r\n"
                + "^Ex-bodyguard testifies about lewd messages sent to Paltrow\r\n^Stage version of 'Frozen' to be directed by Broadway veteran\r\n"
                + "^Cosby's ex-lawyer dismissed from lawsuit\r\n\r\n\t   \u0003AP-WF-02-10-16 0423GMT<\r\n\u0004";
        ParsedStory digest = parser.parse(item.getBytes(StandardCharsets.US_ASCII), CONTEXT).get(0);
        assertThat(digest.slugline()).isEqualTo("AP-Top-Entertainment-Headlines");
        assertThat(digest.headline()).isEqualTo("AP Top Entertainment News at 11:23 p.m. EST");
        assertThat(digest.body()).containsExactly("Ex-bodyguard testifies about lewd messages sent to Paltrow",
                "Stage version of 'Frozen' to be directed by Broadway veteran", "Cosby's ex-lawyer dismissed from lawsuit");
        assertThat(digest.description()).isNull();
        // Two caret lines and no body: a description wrapped over two lines, not a digest.
        String wrapped = item.replace("^Stage version of 'Frozen' to be directed by Broadway veteran\r\n", "").replace("^Cosby's ex-lawyer dismissed from lawsuit\r\n", "")
                .replace("^Ex-bodyguard testifies about lewd messages sent to Paltrow", "^A description that wraps onto<\r\n^a second caret line<");
        ParsedStory described = parser.parse(wrapped.getBytes(StandardCharsets.US_ASCII), CONTEXT).get(0);
        assertThat(described.description()).isEqualTo("A description that wraps onto a second caret line");
    }

    /**
     * Kyodo's form (synthetic copy, our own words): the agency named on the service line, the keyword and the
     * headline as bare lines ending "+", hard-wrapped text indented per paragraph, and a trailer with the local
     * time and day, month, year ("KWS-21:37-09-12-18"), so the header's "09-12" is 9 December too.
     */
    @Test
    void kyodoNamesItselfOnTheServiceLineAndDatesInTokyoDayFirst() throws Exception {
        String copy = "\u0001a0105KYODO\u001Fdesk-\r\nu s\u0014\u0012 BC-Rugby-Final   09-12 0042\r\n"
                + "\u0002BC-Rugby-Final\r\nRugby: Tokyo side wins the national final+\r\n"
                + "     OSAKA, Japan, Dec. 9 Kyodo - A Tokyo side won the national final on \r\n"
                + "Sunday by a single point after a penalty kick in the last minute of \r\n"
                + "a match that had been level since the first half of the afternoon.\r\n"
                + "     The coach said the players had trained for that moment through \r\n"
                + "the whole season and that the squad deserved the title this year.\r\n"
                + "==Kyodo\r\n\u0003KWS-21:37-09-12-18\u0004\r\n";
        byte[] payload = copy.getBytes(StandardCharsets.US_ASCII);
        assertThat(ParserRegistry.standard().detect(payload)).isInstanceOf(AnpaParser.class);
        ParsedStory s = parser.parse(payload, ParseContext.of("feed-7", Instant.parse("2026-12-02T00:00:00Z"))).get(0);
        assertThat(s.agency()).isEqualTo("Kyodo");
        assertThat(s.headline()).isEqualTo("Rugby: Tokyo side wins the national final");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2018-12-09T12:37:00Z"));
        assertThat(s.storyKey()).isEqualTo("KYODO|RUGBY-FINAL|2018-12-09");
        assertThat(s.body()).hasSize(2).first().asString().startsWith("OSAKA, Japan, Dec. 9 Kyodo - A Tokyo side won the national final on Sunday");

        // AP's service line has US after the number, then the member's selector: "ansa" there is a member, not the agency
        String ap = new String(anpa("r", "BC-Strike", "", "", "Strike ends", "A strike ended.", ""), StandardCharsets.US_ASCII)
                .replace("\u001Fsel", "\u001Fansa");
        assertThat(parser.parse(ap.getBytes(StandardCharsets.US_ASCII), ParseContext.of("feed-7", Instant.parse("2026-12-02T00:00:00Z")))
                .get(0).agency()).isEqualTo("FEED-7");
    }
}
