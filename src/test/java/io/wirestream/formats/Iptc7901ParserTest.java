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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Iptc7901ParserTest {

    private final Iptc7901Parser parser = new Iptc7901Parser();

    /** iptc7901/IPTC7901.txt: "eca062 4 i 211 ccccb dpa 061", keyword "Germany-politics/", trailer "131137 GMT Nov 13". */
    @Test
    void dpaEnglishService() throws Exception {
        ParsedStory s = one(parser, "iptc7901/IPTC7901.txt");
        assertThat(s.format()).isEqualTo(WireFormat.IPTC7901);
        assertThat(s.headline()).isEqualTo("Germany Social Democrats: Coalition talks with Merkel could fail");
        assertThat(s.storyKey()).isEqualTo("DPA|GERMANY-POLITICS|2013-11-13");
        assertThat(s.version()).isEqualTo("0");
        assertThat(s.urgency()).isEqualTo(5);
        assertThat(s.priority()).isEqualTo("4");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isEqualTo("Berlin (dpa) -");
        assertThat(s.datelinePlace()).isEqualTo("Berlin");
        assertThat(s.agency()).isEqualTo("dpa");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2013-11-13T11:37:00Z"));
        assertThat(s.body().get(0)).startsWith("Berlin (dpa) - Negotiations between German conservatives headed by Chancellor");
        // The notebook, contacts and closing initials are for editors, not readers.
        assertThat(s.body()).noneMatch(p -> p.contains("not for publication") || p.contains("Reporting by")
                || p.contains("NOTEBOOK") || p.equals("dpa wsz jln npr"));
        assertThat(s.body().get(s.body().size() - 1)).endsWith("Christmas.");
        assertThat(s.providerSequence()).isEqualTo("eca062"); // the service identifier and its serial, not dpa's own 061
    }

    /** iptc7901/IPTC7901_odd_charset.txt: "1ST LEAD", Latin-1 byte 0xFC in "Müller". */
    @Test
    void firstLeadAndLatin1() throws Exception {
        ParsedStory s = one(parser, "iptc7901/IPTC7901_odd_charset.txt");
        assertThat(s.headline()).isEqualTo("German football saddened by illness to striker legend Mueller");
        assertThat(s.storyKey()).isEqualTo("DPA|GERMANY-FOOTBALL/MUNICH/MUELLER|2015-10-07");
        assertThat(s.version()).isEqualTo("1");
        assertThat(s.urgency()).isEqualTo(3);
        assertThat(s.priority()).isEqualTo("3");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.signals()).containsExactly(Signal.UPDATE);
        assertThat(s.dateline()).isEqualTo("Munich (dpa) -");
        assertThat(s.datelinePlace()).isEqualTo("Munich");
        assertThat(s.byline()).isEqualTo("By Manuel Schwarz, dpa");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2015-10-07T13:41:00Z"));
        assertThat(String.join(" ", s.body())).contains("Thomas Müller").doesNotContain("\uFFFD");
    }

    /** dpa-digitalwires-apache2/eil.iptc: priority 2 and five BELs in "(Eil ...)"; German local trailer time. */
    @Test
    void eilWithBells() throws Exception {
        ParsedStory s = one(parser, "iptc7901/dpa-digitalwires-apache2/eil.iptc");
        assertThat(s.headline()).isEqualTo("Grünen-Spitze tritt nach Wahlniederlagen ab");
        assertThat(s.storyKey()).isEqualTo("DPA|PARTEI/DEUTSCHLAND/GRÜNE|2024-09-25");
        assertThat(s.version()).isEqualTo("0");
        assertThat(s.urgency()).isEqualTo(2);
        assertThat(s.priority()).isEqualTo("2");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isEqualTo("Berlin (dpa) -");
        assertThat(s.datelinePlace()).isEqualTo("Berlin");
        // "251037 Sep 24" without GMT is Berlin time: eil.json says version_created 10:37:24+02:00.
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2024-09-25T08:37:00Z"));
        assertThat(s.body()).noneMatch(p -> p.contains("Notizblock") || p.contains("Redaktionelle Hinweise"));
    }

    /** Bells alone raise urgency: the same Eil message sent at dpa's normal priority 4. */
    @Test
    void threeOrMoreBellsAreUrgent() throws Exception {
        String eil = new String(bytes("iptc7901/dpa-digitalwires-apache2/eil.iptc"), StandardCharsets.UTF_8)
                .replace("bdt0000 2 pl", "bdt0000 4 pl").replace("(Eil", "(");
        ParsedStory s = parser.parse(eil.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);
        assertThat(s.priority()).isEqualTo("4");
        assertThat(s.urgency()).isEqualTo(2);
        String quiet = eil.replace("\u0007", "");
        assertThat(parser.parse(quiet.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0).urgency()).isEqualTo(5);
    }

    /** dpa-digitalwires-apache2/nsb-n1.iptc: teaser before the "Peine (dpa/lni) -" paragraph. */
    @Test
    void regionalServiceWithTeaser() throws Exception {
        ParsedStory s = one(parser, "iptc7901/dpa-digitalwires-apache2/nsb-n1.iptc");
        assertThat(s.headline()).isEqualTo("Baum auf Bahnstrecke bei Peine - Verspätungen");
        assertThat(s.storyKey()).isEqualTo("LNI|VERKEHR/BAHN/NIEDERSACHSEN|2024-09-25");
        assertThat(s.version()).isEqualTo("0");
        assertThat(s.urgency()).isEqualTo(5);
        assertThat(s.priority()).isEqualTo("4");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isEqualTo("Peine (dpa/lni) -");
        assertThat(s.datelinePlace()).isEqualTo("Peine");
        assertThat(s.description()).startsWith("Ein umgestürzter Baum behindert den Bahnverkehr");
    }

    /** dpa-digitalwires-apache2/dw-1.iptc: "(Berichtigung: ...)" is a correction; "(KORR-Bericht)" is not. */
    @Test
    void berichtigungIsACorrection() throws Exception {
        ParsedStory s = one(parser, "iptc7901/dpa-digitalwires-apache2/dw-1.iptc");
        assertThat(s.headline()).isEqualTo("«Mythos Jungfernhäutchen» - Zwischen Aufklärung und Kommerz");
        assertThat(s.signals()).containsExactly(Signal.CORRECTION);
        assertThat(s.version()).isNull();
        assertThat(s.byline()).isEqualTo("Von Marco Krefting und Sunrita Sen, dpa");
        assertThat(s.dateline()).isEqualTo("Waghäusel (dpa) -");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IPTC7901.txt", "IPTC7901_odd_charset.txt", "dpa_copyright.txt", "dpa_two_by_line.txt",
            "dpa-digitalwires-apache2/dw-1.iptc", "dpa-digitalwires-apache2/eil.iptc", "dpa-digitalwires-apache2/lesestuecke.iptc",
            "dpa-digitalwires-apache2/nsb-n1.iptc", "dpa-digitalwires-apache2/spe-tab.iptc", "dpa-digitalwires-apache2/tvo-pol.iptc"})
    void noControlCharactersAndSniffed(String file) throws Exception {
        byte[] payload = bytes("iptc7901/" + file);
        assertThat(ParserRegistry.standard().detect(payload)).isInstanceOf(Iptc7901Parser.class);
        for (ParsedStory s : parser.parse(payload, CONTEXT)) {
            assertThat(texts(s)).allSatisfy(t -> assertThat(CONTROL.matcher(t).find()).as(t).isFalse());
            assertThat(s.headline()).doesNotEndWith("=");
        }
    }

    /**
     * The same copy after a gateway or mail system stripped its control characters (SOH, STX, ETX, EOT, BEL,
     * SYN, DEL): still 7901, and the story the same. Bells are gone with them, so urgency rests on the priority.
     */
    @ParameterizedTest
    @ValueSource(strings = {"IPTC7901.txt", "IPTC7901_odd_charset.txt", "dpa_copyright.txt", "dpa_two_by_line.txt",
            "dpa-digitalwires-apache2/dw-1.iptc", "dpa-digitalwires-apache2/lesestuecke.iptc",
            "dpa-digitalwires-apache2/nsb-n1.iptc", "dpa-digitalwires-apache2/spe-tab.iptc", "dpa-digitalwires-apache2/tvo-pol.iptc"})
    void copyWithItsControlCharactersStrippedReadsTheSame(String file) throws Exception {
        byte[] framed = bytes("iptc7901/" + file);
        byte[] stripped = new String(framed, StandardCharsets.ISO_8859_1).replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ParserRegistry.standard().detect(stripped)).isInstanceOf(Iptc7901Parser.class);
        ParsedStory expected = parser.parse(framed, CONTEXT).get(0);
        ParsedStory s = parser.parse(stripped, CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo(expected.headline());
        assertThat(s.byline()).isEqualTo(expected.byline());
        assertThat(s.body()).isEqualTo(expected.body());
        assertThat(s.slugline()).isEqualTo(expected.slugline());
        assertThat(s.storyKey()).isEqualTo(expected.storyKey());
        assertThat(s.versionCreated()).isEqualTo(expected.versionCreated());
        assertThat(s.version()).isEqualTo(expected.version());
        assertThat(s.priority()).isEqualTo(expected.priority());
        assertThat(s.agency()).isEqualTo(expected.agency());
    }

    /** Several stripped messages in one file are several stories, each with its own priority and time. */
    @Test
    void strippedMessagesOneAfterAnotherAreSeparateStories() throws Exception {
        String two = new String(msg("4", "", "Strike halts trains", "140900 GMT Mar 17"), StandardCharsets.ISO_8859_1)
                + new String(msg("1", "", "Earthquake hits Cologne", "141000 GMT Mar 17"), StandardCharsets.ISO_8859_1)
                        .replace("Germany-strike/", "Germany-quake/");
        byte[] stripped = two.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ParserRegistry.standard().detect(stripped)).isInstanceOf(Iptc7901Parser.class);
        java.util.List<ParsedStory> stories = parser.parse(stripped, CONTEXT);
        assertThat(stories).extracting(ParsedStory::headline).containsExactly("Strike halts trains", "Earthquake hits Cologne");
        assertThat(stories).extracting(ParsedStory::urgency).containsExactly(5, 1);
        assertThat(stories.get(0).body()).containsExactly("Berlin (dpa) - A strike stopped trains.");
    }

    /**
     * Keystone-ATS's 7901 (synthetic copy, our own words): its office in the header's source field ("gef"), its
     * dateline in lower case with nothing after it ("Genève (ats) Le ..."). The dateline's agency is the agency.
     */
    @Test
    void keystoneAtsOfficeCodeAndLowerCaseDateline() throws Exception {
        String copy = "\u0001sbf037 4 ec 60 gef 1388\r\n\r\nConseil GE\r\n\u0002Conseil GE: la Ville adopte son budget =\r\n\r\n"
                + "Genève (ats) Le conseil municipal de la Ville de Genève a adopté son budget mardi soir.\r\n\r\n"
                + "(ats mf)\r\n\u0003211005 jan 19\u0004";
        ParsedStory s = parser.parse(copy.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);
        assertThat(s.dateline()).isEqualTo("Genève (ats)");
        assertThat(s.datelinePlace()).isEqualTo("Genève");
        assertThat(s.agency()).isEqualTo("Keystone-SDA");
        assertThat(Dateline.find("Bern (sda/dpa) Die Regierung hat entschieden.")).get().extracting(Dateline::place).isEqualTo("Bern");
        assertThat(Dateline.find("Deutsche Presse-Agentur (dpa) Chief Executive said.")).isEmpty();
    }

    /** Plain text that opens like a header line but never closes a head with " =" stays plain text. */
    @Test
    void aHeaderLikeFirstLineAloneIsNotIptc7901() throws Exception {
        byte[] text = "abc123 4 i 50 results 2024\n\nThe league table after the weekend.\nTeam A 12 points.\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ParserRegistry.standard().detect(text)).isNotInstanceOf(Iptc7901Parser.class);
    }

    // Synthetic copy (our own words) for the take sequence the fixtures lack.
    private static byte[] msg(String prio, String version, String headline, String trailer) {
        return ("\u0001eca0100 " + prio + " i 50  dpa 0100\r\n\r\nGermany-strike/\r\n\u0002" + version + headline + " =\r\n\r\n"
                + "   Berlin (dpa) - A strike stopped trains.\r\n\r\ndpa xyz\r\n\u0003" + trailer + "\r\n\u007f\r\n\u007f\u0004")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Teleprinter lines begin with DEL fill characters before the SOH (SDA): still 7901, in Latin-1. */
    @Test
    void fillCharactersBeforeTheMessageAreSkipped() throws Exception {
        byte[] filled = ("\u007f\u007f\r\n\u007f" + new String(msg("4", "", "Gr\u00e8ve des trains", "140900 GMT Mar 17"), StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ParserRegistry.standard().detect(filled)).isInstanceOf(Iptc7901Parser.class);
        assertThat(parser.parse(filled, CONTEXT).get(0).headline()).isEqualTo("Gr\u00e8ve des trains");
    }

    /** dpa also writes the lead among the keyword lines before the text: it is a version note, not part of the keyword. */
    @Test
    void aLeadNotedAmongTheKeywordLinesIsAnUpdateOfTheSameStory() throws Exception {
        ParsedStory first = parser.parse(msg("4", "", "Strike halts trains", "140900 GMT Mar 17"), CONTEXT).get(0);
        byte[] lead = new String(msg("4", "", "Strike halts trains nationwide", "141100 GMT Mar 17"), StandardCharsets.ISO_8859_1)
                .replace("Germany-strike/\r\n", "Germany-strike/\r\n2ND LEAD\r\n3RD NET\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ParsedStory s = parser.parse(lead, CONTEXT).get(0);
        assertThat(s.storyKey()).isEqualTo(first.storyKey());
        assertThat(s.slugline()).isEqualTo("Germany-strike/");
        assertThat(s.version()).isEqualTo("2");
        assertThat(s.signals()).contains(Signal.UPDATE);

        // Keyword lines that only start like a note are the keyword: two Tests of a series are two stories.
        byte[] floods = new String(msg("4", "", "Floods cut roads", "141100 GMT Mar 17"), StandardCharsets.ISO_8859_1)
                .replace("Germany-strike/\r\n", "FLASH-FLOODS/Spain/\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ParsedStory f = parser.parse(floods, CONTEXT).get(0);
        assertThat(f.slugline()).isEqualTo("FLASH-FLOODS/Spain/");
        assertThat(f.signals()).doesNotContain(Signal.FLASH);
        String series = new String(msg("4", "", "England win", "141100 GMT Mar 17"), StandardCharsets.ISO_8859_1);
        ParsedStory second = parser.parse(series.replace("Germany-strike/\r\n", "Cricket-England/\r\n2ND TEST\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), CONTEXT).get(0);
        ParsedStory third = parser.parse(series.replace("Germany-strike/\r\n", "Cricket-England/\r\n3RD TEST\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), CONTEXT).get(0);
        assertThat(second.storyKey()).isNotEqualTo(third.storyKey());
        // A note with words after it is still a note: the kill reaches the story it kills.
        ParsedStory kill = parser.parse(new String(msg("2", "", "Strike halts trains", "141200 GMT Mar 17"), StandardCharsets.ISO_8859_1)
                .replace("Germany-strike/\r\n", "Germany-strike/\r\nKILL - DO NOT USE\r\n").getBytes(StandardCharsets.ISO_8859_1), CONTEXT).get(0);
        assertThat(kill.storyKey()).isEqualTo(first.storyKey());
        assertThat(kill.pubStatus()).isEqualTo(PubStatus.CANCELED);
        ParsedStory floods2 = parser.parse(new String(msg("4", "", "Floods cut roads", "141100 GMT Mar 17"), StandardCharsets.ISO_8859_1)
                .replace("Germany-strike/\r\n", "FLASH FLOODS/Spain/\r\n").getBytes(StandardCharsets.ISO_8859_1), CONTEXT).get(0);
        assertThat(floods2.slugline()).isEqualTo("FLASH FLOODS/Spain/");
    }

    @Test
    void leadsAndKillShareTheStoryKey() throws Exception {
        ParsedStory first = parser.parse(msg("4", "", "Strike halts trains", "140900 GMT Mar 17"), CONTEXT).get(0);
        ParsedStory lead = parser.parse(msg("4", "2ND LEAD\r\n", "Strike halts trains nationwide", "141100 GMT Mar 17"), CONTEXT).get(0);
        ParsedStory kill = parser.parse(msg("2", "KILL KILL KILL\r\n", "Strike halts trains", "141200 GMT Mar 17"), CONTEXT).get(0);
        ParsedStory refile = parser.parse(msg("4", "REFILE\r\n", "Strike halts trains", "141300 GMT Mar 17"), CONTEXT).get(0);
        assertThat(first.storyKey()).isEqualTo("DPA|GERMANY-STRIKE|2017-03-14")
                .isEqualTo(lead.storyKey()).isEqualTo(kill.storyKey()).isEqualTo(refile.storyKey());
        assertThat(first.version()).isEqualTo("0");
        assertThat(lead.version()).isEqualTo("2");
        assertThat(lead.signals()).containsExactly(Signal.UPDATE);
        assertThat(lead.headline()).isEqualTo("Strike halts trains nationwide");
        assertThat(kill.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.signals()).contains(Signal.KILL);
        assertThat(refile.signals()).containsExactly(Signal.REFILE);
        assertThat(first.uri()).isNotEqualTo(lead.uri());
        assertThat(first.body()).containsExactly("Berlin (dpa) - A strike stopped trains.");
    }

    /** Older copy indents each paragraph's first line and runs the paragraphs on; AFP closes with desk initials. */
    @Test
    void indentedParagraphsWithoutBlankLinesAndSlashedInitials() throws Exception {
        String m = "\u0001afp0087 3 pol 312   AFP 0087\r\n\r\nFrance-politics-vote\r\n\u0002Parliament passes pension reform =\r\n\r\n"
                + "   PARIS, June 11 (AFP) - The French parliament on Tuesday passed a\r\ncontested pension reform after a night of debate.\r\n"
                + "   The law raises the retirement age to 64.\r\njdu/mb\r\n\r\n\u0003111600 GMT JUN 24\r\n\u007f\u0004";
        ParsedStory s = parser.parse(m.getBytes(StandardCharsets.ISO_8859_1), CONTEXT).get(0);
        assertThat(s.body()).containsExactly(
                "PARIS, June 11 (AFP) - The French parliament on Tuesday passed a contested pension reform after a night of debate.",
                "The law raises the retirement age to 64.");
        String andOr = m.replace("jdu/mb", "and/or");
        assertThat(parser.parse(andOr.getBytes(StandardCharsets.ISO_8859_1), CONTEXT).get(0).body()).as("no initials").last()
                .asString().endsWith("and/or");
        // paragraphs between blank lines say nothing by their indentation: a body indented throughout, an indented list
        String blankLined = "\u0001afp0088 3 pol 312   AFP 0088\r\n\r\nFrance-politics-vote\r\n\u0002Parliament passes pension reform =\r\n\r\n"
                + "   PARIS, June 11 (AFP) - The French parliament on Tuesday passed a\r\n   contested pension reform after a night of debate.\r\n\r\n"
                + "   The law raises the retirement age to 64.\r\n\r\njdu/mb\r\n\u0003111600 GMT JUN 24\r\n\u007f\u0004";
        assertThat(parser.parse(blankLined.getBytes(StandardCharsets.ISO_8859_1), CONTEXT).get(0).body()).containsExactly(
                "PARIS, June 11 (AFP) - The French parliament on Tuesday passed a contested pension reform after a night of debate.",
                "The law raises the retirement age to 64.");
        String list = "\u0001bdt0089 4 pl 312   dpa 0089\r\n\r\nKoalition/\r\n\u0002Die Themen des Tages =\r\n\r\n"
                + "Berlin (dpa) - Die Themen:\r\n\r\n  * Zusammenfassung, erste Schritte auf dem Weg zu\r\n    neuen Koalitionen - 96 Zl.\r\n"
                + "  * Hintergrund, die Parteien - 40 Zl.\r\n\r\ndpa xx yy\r\n\u0003111600 Jun 24\r\n\u007f\u0004";
        assertThat(parser.parse(list.getBytes(StandardCharsets.ISO_8859_1), CONTEXT).get(0).body())
                .noneMatch(p -> p.startsWith("neuen Koalitionen"));
        // a body indented throughout is one paragraph per blank-line block, as before
        ParsedStory flat = parser.parse(msg("4", "", "Strike halts trains", "140900 GMT Mar 17"), CONTEXT).get(0);
        assertThat(flat.body()).containsExactly("Berlin (dpa) - A strike stopped trains.");
        // "Wiederholung" alone, as dpa writes it, is a note however it is cased
        ParsedStory repeat = parser.parse(msg("4", "Wiederholung\r\n", "Strike halts trains", "141300 GMT Mar 17"), CONTEXT).get(0);
        assertThat(repeat.headline()).isEqualTo("Strike halts trains");
        assertThat(repeat.signals()).contains(Signal.REFILE);
    }

    /** A heading line that only says BULLETIN, or ELIMINATION (a kill), is the take's note, not its headline. */
    @Test
    void bulletinAndEliminationLinesAreNotes() throws Exception {
        ParsedStory bulletin = parser.parse(msg("2", "BULLETIN\r\n", "Strike halts trains", "141200 GMT Mar 17"), CONTEXT).get(0);
        assertThat(bulletin.headline()).isEqualTo("Strike halts trains");
        assertThat(bulletin.urgency()).isEqualTo(2);
        ParsedStory elimination = parser.parse(msg("2", "ELIMINATION\r\n", "Strike halts trains", "141300 GMT Mar 17"), CONTEXT).get(0);
        assertThat(elimination.headline()).isEqualTo("Strike halts trains");
        assertThat(elimination.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(elimination.signals()).contains(Signal.KILL);
        assertThat(elimination.storyKey()).isEqualTo(bulletin.storyKey());
    }

    @Test
    void anpaIsNotIptc7901() {
        byte[] p = bytes("anpa/anpa-1.tst");
        assertThat(parser.sniff(p, new String(p, StandardCharsets.ISO_8859_1))).isFalse();
    }

    /** dpa's notebook: the note to editors is the edNote; what follows the not-for-publication line is never read. */
    @org.junit.jupiter.api.Test
    void theNotebooksNoteToEditorsIsTheEdNote() {
        java.util.List<String> lines = java.util.List.of("The pact was rejected.", "", "# Notebook", "", "## Refile", "", "## Note to editors",
                "- adds head of UNGA in grafs 7-11", "", "## Internet links", "- [statement](http://example.com)", "", "* * * *",
                "The following information is not intended for publication", "", "## Note to editors", "- call the desk on +49 30 1234");
        org.assertj.core.api.Assertions.assertThat(Iptc7901Parser.noteToEditors(lines)).isEqualTo("adds head of UNGA in grafs 7-11");
        org.assertj.core.api.Assertions.assertThat(Iptc7901Parser.noteToEditors(java.util.List.of("Text.", "# Notebook", "## Refile"))).isNull();
        // Prose that says so is text, not the not-for-publication line.
        org.assertj.core.api.Assertions.assertThat(Iptc7901Parser.noteToEditors(java.util.List.of("The memo, which was not intended for publication,",
                "listed cuts.", "# Notebook", "## Note to editors", "- adds memo"))).isEqualTo("adds memo");
    }
}
