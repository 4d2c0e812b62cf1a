package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Signal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "wire fidelity on agency files we have never seen": each test writes a file in an
 * agency's real conventions (DOMAIN.md, ../shared/fixtures) with our own words and checks one class
 * of trouble. The same rules run over the real fixtures in {@link WireFidelityFixturesTest}.
 */
class WireFidelityTest {

    private static final ParseContext CONTEXT = ParseContext.of("feed", Instant.parse("2024-01-02T00:00:00Z"));

    private static ParsedStory parse(WireParser parser, String text) throws WireParseException {
        List<ParsedStory> s = parser.parse(text.getBytes(StandardCharsets.UTF_8), CONTEXT);
        assertThat(s).hasSize(1);
        return s.get(0);
    }

    private static String anpa(String header, String text) {
        return "\u0016\u0016\u0001a0002\u001Fsel\n" + header + "\n\u0002" + text + "\n\u0003AP-WF-01-02-24 1530GMT<\n\u0004";
    }

    private static String nitf(String docdata, String bodyHead, String bodyContent) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><head><docdata>" + docdata + "</docdata></head><body><body.head>"
                + bodyHead + "</body.head><body.content>" + bodyContent + "</body.content></body></nitf>";
    }

    private static String g2(String itemMeta, String contentMeta, String contentSet) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:test:g2:1\""
                + " version=\"1\" standard=\"NewsML-G2\"><itemMeta><itemClass qcode=\"ninat:text\"/>" + itemMeta + "</itemMeta><contentMeta>"
                + contentMeta + "</contentMeta><contentSet>" + contentSet + "</contentSet></newsItem>";
    }

    // ---- class 7: an ANPA header with empty fields

    @Test
    void anpaHeaderWithEmptyWordCountParses() throws Exception {
        ParsedStory s = parse(new AnpaParser(), anpa("r s\u0013\u0012 BC-BBO--Standings   01-02 ",
                "^BC-BBO--Standings,<\n^Baseball Standings<\n\tEast;10;2\n\tWest;8;4\n"));
        assertThat(s.headline()).isEqualTo("Baseball Standings");
        assertThat(s.storyKey()).isEqualTo("AP|BBO--STANDINGS|2024-01-02");
        assertThat(s.body()).containsExactly("East;10;2", "West;8;4");
    }

    /** AP's standings send the fraction one half as "{" (games behind: 73-52 against 55-67 is 16½ back). */
    @Test
    void anpaHalvesInTablesAreHalves() throws Exception {
        ParsedStory s = parse(new AnpaParser(), anpa("r s\u0013\u0012 BC-BBO--Standings   01-02 ",
                "^BC-BBO--Standings,<\n^Baseball Standings<\n\tTampa Bay 73 52 .584 _\n\tChicago 55 67 .451 16{\n"
                        + "\tToronto;19;21;.475;6;3{;4-6\n\tA brace {kept} in text\n"));
        assertThat(s.body()).containsExactly("Tampa Bay 73 52 .584 _", "Chicago 55 67 .451 16\u00BD", "Toronto;19;21;.475;6;3\u00BD;4-6",
                "A brace {kept} in text");
    }

    // ---- class 4: headlines

    @Test
    void apNewsAlertHeadlineIsTheAlertSentenceNotTheSlug() throws Exception {
        ParsedStory s = parse(new AnpaParser(), anpa("b a\u0013\u0011 BC-US--APNewsAlert   01-02 0031",
                "^BC-US--APNewsAlert,0031<\n^APNewsAlert<\n\tSPRINGFIELD, Ill. (AP) _ A river barge has struck a bridge over the Illinois River, closing it to traffic.\n"));
        assertThat(s.headline()).isEqualTo("A river barge has struck a bridge over the Illinois River, closing it to traffic.");
        assertThat(s.dateline()).isEqualTo("SPRINGFIELD, Ill. (AP) _");
        assertThat(s.slugKey()).isTrue();
    }

    @Test
    void anpaFormatCodesNeverReachTheHeadline() throws Exception {
        ParsedStory s = parse(new AnpaParser(), anpa("r e\u0013\u0011 BC-AP-Top-Arts-Digest   01-02 0400",
                "^BC-AP-Top-Arts-Digest,0400<\n^*9006< ^Museums reopen their doors after the storm<\n\tNEW YORK (AP) _ Museums opened again.\n"));
        assertThat(s.headline()).isEqualTo("Museums reopen their doors after the storm");
    }

    @Test
    void aMissingHeadlineIsSaidInASignal() throws Exception {
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline></headline>", "<inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Helsinki (STT) - The city council"
                        + " approved the budget. It takes effect in March.</p></body></html></inlineXML>"));
        assertThat(s.signals()).contains(Signal.NO_HEADLINE);
        assertThat(s.headline()).isEqualTo("The city council approved the budget.");
    }

    @Test
    void aMachineTranslationNoteFencedByAsterisksIsAnEditorsNote() throws Exception {
        String body = "<inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>*** DISCLAIMER: THIS IS AN AUTOMATED"
                + " TRANSLATION FROM FINNISH ***</p><p>Helsinki (STT) - The city council approved the budget. It takes effect in March.</p>"
                + "</body></html></inlineXML>";
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>City council approves the budget*** TRANSLATED ***</headline>", body));
        assertThat(s.headline()).isEqualTo("City council approves the budget");
        assertThat(s.body()).containsExactly("Helsinki (STT) - The city council approved the budget. It takes effect in March.");
        assertThat(s.edNote()).isEqualTo("DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH");
        assertThat(s.datelinePlace()).as("the dateline is read past the note").isEqualTo("Helsinki");
        // with no headline sent, the one derived from the text does not come from the note
        ParsedStory derived = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>", "<headline></headline>", body));
        assertThat(derived.headline()).isEqualTo("The city council approved the budget.");
        // asterisks inside a headline or a paragraph are text
        ParsedStory starred = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>M*A*S*H star dies at 90</headline>", "<inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>**Corrected** figures were published.</p><p>More follows.</p></body></html></inlineXML>"));
        assertThat(starred.headline()).isEqualTo("M*A*S*H star dies at 90");
        for (String kept : List.of("Regulator clears host's f*** and s***", "Stocks rally **LIVE**", "Markets *** closed ***")) {
            assertThat(parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>", "<headline>" + kept
                    + "</headline>", "<inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Text.</p></body></html></inlineXML>"))
                    .headline()).isEqualTo(kept);
        }
        // the same note in ninjs: the dateline is read past it
        ParsedStory ninjs = parse(new NinjsParser(), "{\"uri\":\"urn:stt:1\",\"headline\":\"City council approves the budget\","
                + "\"body_text\":\"*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH ***\\n\\nHELSINKI (STT) - The city council"
                + " approved the budget. It takes effect in March.\"}");
        assertThat(ninjs.datelinePlace()).isEqualTo("Helsinki");
        assertThat(ninjs.edNote()).isEqualTo("DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH");
        assertThat(starred.body()).first().isEqualTo("**Corrected** figures were published.");

        // a press-release wire's distribution restriction above the text is a note to editors, not the lead
        ParsedStory restricted = parse(new NinjsParser(), "{\"uri\":\"urn:gnw:1\",\"headline\":\"Miner raises capital\","
                + "\"body_text\":\"NOT FOR DISSEMINATION TO UNITED STATES NEWSWIRE SERVICES\\n\\nVANCOUVER, British Columbia, Dec. 2, 2019"
                + " (GLOBE NEWSWIRE) -- A miner raised capital. It will drill in spring.\"}");
        assertThat(restricted.edNote()).isEqualTo("NOT FOR DISSEMINATION TO UNITED STATES NEWSWIRE SERVICES");
        assertThat(restricted.body()).first().asString().startsWith("VANCOUVER");
        // the notice and the lead in one paragraph: the lead stays
        ParsedStory oneParagraph = parse(new NinjsParser(), "{\"uri\":\"urn:gnw:2\",\"headline\":\"Miner raises capital\","
                + "\"body_text\":\"NOT FOR DISSEMINATION IN THE UNITED STATES. VANCOUVER, British Columbia, Dec. 2, 2019"
                + " (GLOBE NEWSWIRE) -- A miner raised capital.\\n\\nIt will drill in spring.\"}");
        assertThat(oneParagraph.edNote()).isNull();
        assertThat(oneParagraph.body()).first().asString().contains("A miner raised capital.");
    }

    @Test
    void aLocatedThatSaysNoDataNamesNoPlace() throws Exception {
        // Reuters' video and picture items send <located literal="No-Data-Available">: no dateline place, no place.
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<located literal=\"No-Data-Available\" type=\"cptType:5\"><name>No-Data-Available</name></located>"
                        + "<headline>Cardinals meet before the conclave</headline>",
                "<inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>The cardinals met on Monday.</p></body></html></inlineXML>"));
        assertThat(s.datelinePlace()).isNull();
        assertThat(s.places()).isEmpty();
        ParsedStory named = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<located type=\"cptType:5\"><name>Rome</name></located><headline>Cardinals meet before the conclave</headline>",
                "<inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>The cardinals met on Monday.</p></body></html></inlineXML>"));
        assertThat(named.datelinePlace()).isEqualTo("Rome");
        assertThat(named.places()).containsExactly("Rome");
        // "NA" is Namibia's code, not "not available"
        ParsedStory namibia = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<located qcode=\"iso3166-1a2:NA\"/><headline>Cardinals meet before the conclave</headline>",
                "<inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>The cardinals met on Monday.</p></body></html></inlineXML>"));
        assertThat(namibia.places()).containsExactly("NA");
    }

    @Test
    void dpaExtraMarkerLeavesTheHeadline() {
        assertThat(StoryCleanup.headline("EXTRA: Bundestag passes budget")).isEqualTo("Bundestag passes budget");
        assertThat(StoryCleanup.headline("EXTRA - Bundestag passes budget")).isEqualTo("Bundestag passes budget");
        assertThat(StoryCleanup.headline("Extra time decides the final")).isEqualTo("Extra time decides the final");
        // ANPA's line-end "<" goes; a "<" in text, and Reuters' instrument codes, stay
        assertThat(StoryCleanup.headline("^Senate passes budget<")).isEqualTo("Senate passes budget");
        assertThat(StoryCleanup.headline("Budget passes 5 < 6 vote")).isEqualTo("Budget passes 5 < 6 vote");
        assertThat(StoryCleanup.headline("Agilent <A.N> profit beats estimates")).isEqualTo("Agilent <A.N> profit beats estimates");
        assertThat(StoryCleanup.headline(">>>ANSA/Gazprom cuts gas supplies")).isEqualTo("Gazprom cuts gas supplies");
        assertThat(StoryCleanup.headline("Shares rise > 5% in Milan")).isEqualTo("Shares rise > 5% in Milan");
    }

    @Test
    void g2WrappingNitfTakesItsHeadlineNotItsByline() throws Exception {
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>", "",
                "<inlineXML><nitf><body><body.head><hedline><hl1>Ferry service resumes on the coast</hl1></hedline>"
                        + "<byline>By Anna Writer</byline></body.head><body.content><p>By Anna Writer</p><p>ATHENS (ANA) - Ferries sailed again.</p>"
                        + "</body.content></body></nitf></inlineXML>"));
        assertThat(s.headline()).isEqualTo("Ferry service resumes on the coast");
        assertThat(s.byline()).isEqualTo("By Anna Writer");
        assertThat(s.body()).containsExactly("ATHENS (ANA) - Ferries sailed again.");
    }

    // ---- class 2: embargoes

    @Test
    void nitfEmbargoKeepsReleaseTimeAndNote() throws Exception {
        ParsedStory s = parse(new NitfParser(), nitf("<doc-id id-string=\"T1\"/><doc.copyright holder=\"PA\"/>"
                        + "<date.issue norm=\"2024-01-02T09:00:00+00:00\"/><date.release norm=\"2024-01-03T00:01:00+00:00\"/>"
                        + "<ed-msg info=\"EMBARGOED TO 0001 WEDNESDAY JANUARY 3\"/>"
                        + "<x/>".replace("<x/>", ""),
                "<hedline><hl1>Report finds longer waits</hl1></hedline>", "<p>Waits grew, a report says.</p>")
                .replace("<docdata>", "<docdata management-status=\"embargoed\">"));
        assertThat(s.signals()).contains(Signal.EMBARGO);
        assertThat(s.embargoedUntil()).isEqualTo(Instant.parse("2024-01-03T00:01:00Z"));
        assertThat(s.edNote()).isEqualTo("EMBARGOED TO 0001 WEDNESDAY JANUARY 3");
    }

    @Test
    void g2EmbargoedWithATimeIsAnEmbargoAndEmptyIsNone() throws Exception {
        ParsedStory with = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>"
                + "<embargoed>2024-01-02T18:00:00Z</embargoed>", "<headline>Results out tonight</headline>", ""));
        assertThat(with.signals()).contains(Signal.EMBARGO);
        assertThat(with.embargoedUntil()).isEqualTo(Instant.parse("2024-01-02T18:00:00Z"));
        ParsedStory empty = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated><embargoed/>",
                "<headline>Results out</headline>", ""));
        assertThat(empty.signals()).doesNotContain(Signal.EMBARGO);
        assertThat(empty.embargoedUntil()).isNull();
    }

    @Test
    void ninjsEmbargoed() throws Exception {
        ParsedStory s = parse(new NinjsParser(), "{\"uri\":\"urn:x:1\",\"headline\":\"Study published\",\"body_text\":\"A study.\","
                + "\"versioncreated\":\"2024-01-02T10:00:00Z\",\"embargoed\":\"2024-01-04T05:00:00Z\"}");
        assertThat(s.embargoedUntil()).isEqualTo(Instant.parse("2024-01-04T05:00:00Z"));
        assertThat(s.signals()).contains(Signal.EMBARGO);
    }

    // ---- class 3: clean bodies

    @Test
    void nitfParagraphsAreWholeAndHtmlIsSanitised() throws Exception {
        ParsedStory s = parse(new NitfParser(), nitf("<doc-id id-string=\"T2\"/><doc.copyright holder=\"AAP\"/>"
                        + "<date.issue norm=\"2024-01-02T09:00:00+00:00\"/>",
                "<hedline><hl1>Council meets</hl1></hedline>",
                "<p>SYDNEY, Jan 2 AAP - The council met on\n      <chron norm=\"20240102\">Tuesday</chron>\n      at the\n"
                        + "      <a href=\"https://example.org/hall\">town hall</a>\n      and spent <money>$2 million</money>.</p>"
                        + "<div class=\"social-embed\"><blockquote>Post text</blockquote><script>track()</script></div>"
                        + "<p onclick=\"x()\">It ends in June.</p><p>AAP gfr/jlw</p>"));
        assertThat(s.body()).containsExactly(
                "SYDNEY, Jan 2 AAP - The council met on Tuesday at the town hall and spent $2 million.", "It ends in June.");
        assertThat(s.bodyHtml()).doesNotContain("<chron", "<money", "script", "onclick", "embed", "Post text", "gfr")
                .contains("<a href=\"https://example.org/hall\">town hall</a>");
    }

    @Test
    void escapedMarkupKeywordListsAndSignOffsLeaveTheText() {
        assertThat(StoryCleanup.body(List.of("Keywords: budget, council, Sydney", "&lt;p&gt;".replace("&lt;", "<").replace("&gt;", ">")
                + "First paragraph.</p><P>Second paragraph.</P>", "ends")))
                .containsExactly("First paragraph.", "Second paragraph.");
        assertThat(StoryCleanup.body(List.of("<!-- title -->", "<h1>Results</h1>", "<!-- lead -->Profit rose.")))
                .containsExactly("Results", "Profit rose."); // HTML sent as text in CDATA, comments and all
        assertThat(StoryCleanup.body(List.of("POLITICS, GOVERNMENT, ELECTIONS", "Voters went to the polls.", "(ENDS)")))
                .containsExactly("Voters went to the polls.");
        assertThat(StoryCleanup.body(List.of("Paris, London and Rome were named, officials said.", "More to come later.")))
                .containsExactly("Paris, London and Rome were named, officials said.", "More to come later.");
        // Agencies set off by marks, and a desk's initials alone (AFP), are sign-offs too; "and/or" in a sentence is text.
        for (String signOff : List.of("/ritzau/", "==Kyodo", "(SDA\\/sj)", "(AFP)", "ab/de/dl/hmw", "jj/sst", "bur-dar-gl/fz",
                "PTI SKL RT RT", "PTI ABC DEF GHI JKL MNO", "--IANS", "UNI XR SB",
                "بور/نور/غ ر", "ا ف ب/جص", "ففف/ح س/كام", "سب-لال/كام/شي", "ع ز-دلا/كام/نور", "سب-لال/نور-كام-ريم-كبج-ود/سام")) {
            assertThat(StoryCleanup.body(List.of("The council met on Monday.", signOff))).as(signOff).containsExactly("The council met on Monday.");
        }
        assertThat(StoryCleanup.body(List.of("The council met on Monday.", "Members may vote and/or abstain.")))
                .containsExactly("The council met on Monday.", "Members may vote and/or abstain.");
        assertThat(StoryCleanup.body(List.of("The council met on Monday.", "AB/CD"))).hasSize(2);
        for (String words : List.of("PTI has more on this", "PTI will go", "Uni Wien", "ANI is on")) {
            assertThat(StoryCleanup.body(List.of("The council met on Monday.", words))).as(words).hasSize(2);
        }
        assertThat(StoryCleanup.signOffAgency("--IANS/arm")).isEqualTo("IANS");
        assertThat(StoryCleanup.signOffAgency("ap/sst")).as("a desk's initials name no agency").isEmpty();
        assertThat(StoryCleanup.signOffAgency("dpa/ab")).as("but dpa signs in lower case").isEqualTo("dpa");
        assertThat(StoryCleanup.signOffAgency("The council met.")).isNull();
        for (String word : List.of("well-to-do", "and/or", "ja/nein", "وقال المتحدث إن الهجوم وقع ليلا", "٢٠٢٣/١١/٢٥")) {
            assertThat(StoryCleanup.body(List.of("The council met on Monday.", word))).as(word).hasSize(2);
        }
    }

    /** Naviga Writer's IDF body: one paragraph per element however it is wrapped; its dateline element is the dateline. */
    @Test
    void navigaWritersIdfElementsAreParagraphsAndFields() throws Exception {
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>", "",
                "<inlineXML contenttype=\"application/vnd.iptc.g2.idf+xml\"><idf xmlns=\"http://www.infomaker.se/idf/1.0\" xml:lang=\"sv-SE\">"
                        + "<group type=\"header\"><element type=\"headline\">Riksdagen röstar om budgeten</element>"
                        + "<element type=\"dateline\">Stockholm</element><element type=\"leadin\">Omröstningen sker\n     på onsdag.</element></group>"
                        + "<group type=\"body\"><element type=\"body\">Regeringen lade fram sin budget\n      i september.</element>"
                        + "<object type=\"x-im/image\"><data><text>En bildtext.</text></data></object>"
                        + "<element type=\"subheadline1\">Oppositionen</element>"
                        + "<element type=\"body\">Oppositionen vill <a href=\"https://example.org\">sänka</a>\n      skatten.</element></group></idf></inlineXML>"));
        assertThat(s.headline()).isEqualTo("Riksdagen röstar om budgeten");
        assertThat(s.dateline()).isEqualTo("Stockholm");
        assertThat(s.description()).isEqualTo("Omröstningen sker på onsdag.");
        assertThat(s.body()).containsExactly("Regeringen lade fram sin budget i september.", "Oppositionen", "Oppositionen vill sänka skatten.");
        assertThat(s.bodyHtml()).contains("<h2>Oppositionen</h2>", "<a href=\"https://example.org\">sänka</a>");
    }

    /** STT names the IPTC Subject Codes "sttsubj" (in Finnish): they are those codes; EFE's own "F01001000" stays EFE's. */
    @Test
    void anAgencysAliasForTheSubjectCodesIsReadAsTheSubjectCodes() throws Exception {
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Myrsky</headline><subject type=\"cpnat:abstract\" qcode=\"sttsubj:06000000\"><name>Ympäristö</name></subject>"
                        + "<subject type=\"cpnat:abstract\" qcode=\"sttdepartment:1\"/>",
                "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Myrsky.</p></body></html></inlineXML>"));
        assertThat(s.subjects()).extracting(SubjectCode::scheme, SubjectCode::code)
                .contains(org.assertj.core.groups.Tuple.tuple("subj", "06000000"), org.assertj.core.groups.Tuple.tuple("sttdepartment", "1"));
    }

    /** AP names a write-thru in the slugline of every format ("..., 1st Ld-Writethru"), Reuters an update in the headline. */
    @Test
    void aWriteThruNamedInTheSluglineOrHeadlineIsSignalled() throws Exception {
        ParsedStory g2 = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Storm hits coast</headline><slugline>Storm-Coast, 1st Ld-Writethru</slugline>",
                "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>A storm hit.</p></body></html></inlineXML>"));
        assertThat(g2.signals()).contains(Signal.WRITETHRU);
        ParsedStory ninjs = parse(new NinjsParser(), "{\"uri\":\"urn:test:n1\",\"type\":\"text\",\"headline\":\"UPDATE 2-Ferries resume\","
                + "\"slugline\":\"Ferries\",\"body_text\":\"Ferries resumed on Tuesday.\"}");
        assertThat(ninjs.signals()).contains(Signal.UPDATE).doesNotContain(Signal.WRITETHRU);
        ParsedStory ap = parse(new NinjsParser(), "{\"uri\":\"urn:test:n3\",\"type\":\"text\",\"headline\":\"Ferries resume\","
                + "\"bylines\":[{\"by\":\"By ANNA ROE\",\"title\":\"AP Writer\"},{\"by\":\"JOHN DOE\"}],\"body_text\":\"Ferries resumed.\"}");
        assertThat(ap.byline()).isEqualTo("By ANNA ROE and JOHN DOE"); // AP's Media API lists its writers
        ParsedStory news = parse(new NinjsParser(), "{\"uri\":\"urn:test:n4\",\"type\":\"text\",\"headline\":\"Harris takes 1st lead over Trump in poll\","
                + "\"body_text\":\"A poll put Harris ahead.\"}");
        assertThat(news.signals()).doesNotContain(Signal.UPDATE, Signal.WRITETHRU); // a lead in a headline is news
        ParsedStory plain = parse(new NinjsParser(), "{\"uri\":\"urn:test:n2\",\"type\":\"text\",\"headline\":\"Police kill two in raid\","
                + "\"body_text\":\"Two men died.\"}");
        assertThat(plain.signals()).doesNotContain(Signal.KILL, Signal.UPDATE, Signal.WRITETHRU);
    }

    /** Reuters puts an advisory and the byline (or summary bullets) before the dateline paragraph: the dateline is still read. */
    @Test
    void aDatelineAfterTheAdvisoryAndTheBylineIsRead() throws Exception {
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Ferry service resumes</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>(Adds minister's comment)</p><p>By Jane Roe</p><p>* Service was halted for a week</p>"
                        + "<p>OSLO, Jan 2 (Reuters) - Ferries resumed on Tuesday.</p><p>The minister welcomed it.</p>"
                        + "<p>Oslo: the capital's port reopened as well.</p></body></html></inlineXML>"));
        assertThat(s.dateline()).isEqualTo("OSLO, Jan 2 (Reuters) -");
        assertThat(s.datelinePlace()).isEqualTo("Oslo");
        assertThat(s.agency()).isEqualTo("Reuters");
        // Past a story's lead, a credited dateline is a report quoted in it: neither the dateline nor the agency changes.
        ParsedStory quoting = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Oil climbs</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>Oil prices climbed on Tuesday.</p><p>Traders watched the Gulf.</p><p>Stocks were flat.</p>"
                        + "<p>LONDON (Reuters) - Brent rose two per cent, Reuters reported.</p></body></html></inlineXML>"));
        assertThat(quoting.dateline()).isNull();
        // One standfirst after the byline may stand before the dateline paragraph.
        ParsedStory standfirst = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Oil climbs</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>By Jane Smith</p><p>Prices rose for a third day.</p><p>PARIS, May 5 (Reuters) - Brent rose.</p></body></html></inlineXML>"));
        assertThat(standfirst.dateline()).isEqualTo("PARIS, May 5 (Reuters) -");
        assertThat(quoting.agency()).isNotEqualTo("Reuters");
        // A place and a colon further down is a sentence: no dateline is taken from there.
        ParsedStory late = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Ports</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>Ferries resumed on Tuesday.</p><p>The minister welcomed it.</p><p>Oslo: the port reopened.</p></body></html></inlineXML>"));
        assertThat(late.dateline()).isNull();
    }

    /**
     * Copy wrapped at 70 characters whose paragraphs start indented (Kyodo's ANPA, with the keyword and the
     * headline as bare lines) or are set apart by blank lines (an e-mailed release): a paragraph is its lines
     * joined. AP's one line per paragraph, its table headings in caret lines and its tables stay as sent.
     */
    @Test
    void wrappedLinesAreJoinedIntoTheirParagraphs() throws Exception {
        ParsedStory kyodo = parse(new AnpaParser(), "\u0016\u0016\u0001a0105KYODO\u001Fkoko-\nu s\u0014\u0012 BC-Rowing-Final   12-09 0120\n\u0002"
                + "BC-Rowing-Final\nRowing: Osaka crew wins national title in record time\n"
                + "     OSAKA, Japan, Dec. 9 Kyodo - The Osaka University eight won the national\n"
                + "title on Sunday, beating the defending champions by two lengths in a\n"
                + "race held in strong winds.\n"
                + "     The crew's coach said the result was the reward of a long season of\n"
                + "early mornings.\n==Kyodo\n\u0003");
        assertThat(kyodo.headline()).isEqualTo("Rowing: Osaka crew wins national title in record time");
        assertThat(kyodo.slugline()).isEqualTo("BC-Rowing-Final");
        assertThat(kyodo.body()).containsExactly(
                "OSAKA, Japan, Dec. 9 Kyodo - The Osaka University eight won the national title on Sunday, beating the defending "
                        + "champions by two lengths in a race held in strong winds.",
                "The crew's coach said the result was the reward of a long season of early mornings.");
        assertThat(kyodo.dateline()).isEqualTo("OSAKA, Japan, Dec. 9 Kyodo -");
        // Its write-thru names the lead after the slug on the same bare line.
        ParsedStory lead = parse(new AnpaParser(), "\u0016\u0016\u0001a0106KYODO\u001Fkoko-\nu s\u0014\u0012 BC-Rowing-Final   12-09 0120\n\u0002"
                + "BC-Rowing-Final, 1st Ld-Writethru\nRowing: Osaka crew wins national title\n"
                + "     OSAKA, Japan, Dec. 9 Kyodo - The Osaka University eight won the national\ntitle on Sunday.\n\u0003");
        assertThat(lead.headline()).isEqualTo("Rowing: Osaka crew wins national title");
        assertThat(lead.signals()).contains(Signal.WRITETHRU);
        assertThat(lead.storyKey()).isEqualTo(kyodo.storyKey());

        ParsedStory release = parse(new PlainTextParser(), "Harbour company opens a new terminal for container ships\n\n"
                + "ROTTERDAM, Feb. 1, 2024 /PRNewswire/ --\n\n"
                + "The Harbour Company said on Thursday that its new terminal would take the\n"
                + "largest container ships from March, doubling what the port can handle.\n\n"
                + "The terminal cost 400 million euros.\n");
        assertThat(release.body()).containsExactly("ROTTERDAM, Feb. 1, 2024 /PRNewswire/ --",
                "The Harbour Company said on Thursday that its new terminal would take the largest container ships from March, "
                        + "doubling what the port can handle.",
                "The terminal cost 400 million euros.");

        // Bullets of a release are items, wrapped or not; AP's unindented list rows after an indented lead stay rows.
        ParsedStory bullets = parse(new PlainTextParser(), "Harbour company reports record year\n\n"
                + "- Revenue rose 12 per cent to 4.1 billion euros on higher container\nvolumes\n"
                + "- Net income rose 9 per cent\n- The board proposes a higher dividend\n\nThe company said on Thursday.\n");
        assertThat(bullets.body()).containsExactly("- Revenue rose 12 per cent to 4.1 billion euros on higher container volumes",
                "- Net income rose 9 per cent", "- The board proposes a higher dividend", "The company said on Thursday.");
        ParsedStory rows = parse(new AnpaParser(), anpa("r a\u0013\u0011 BC-US--Election-Results   11-06 0120",
                "^BC-US--Election-Results<\n^Results in the swing states<\n\t   Results in the states that decide it:\n"
                        + "Arizona: Smith 50%, Jones 48%, with 90% counted\nGeorgia: Smith 49%, Jones 49%, with 95% counted\nNevada: 51%\n"
                        + "\t   Counting resumes on Wednesday.\n\t   Both campaigns said they expected to win.\n"));
        assertThat(rows.body()).containsExactly("Results in the states that decide it:", "Arizona: Smith 50%, Jones 48%, with 90% counted",
                "Georgia: Smith 49%, Jones 49%, with 95% counted", "Nevada: 51%", "Counting resumes on Wednesday.",
                "Both campaigns said they expected to win.");

        ParsedStory ap = parse(new AnpaParser(), anpa("r s\u0013\u0011 BC-BBO--Glance   05-17 0120",
                "^BC-BBO--Glance<\n^Baseball Glance<\n\t   Texas (Hamels 4-0) at Oakland (Surkamp 0-3), 10:05 p.m.<\n"
                        + "^Wednesday's Games=\n\t   Minnesota at Detroit, 1:08 p.m.\n\bBaltimore;23;13;.639\n\bBoston;24;14;.632"));
        assertThat(ap.body()).containsExactly("Texas (Hamels 4-0) at Oakland (Surkamp 0-3), 10:05 p.m.", "Wednesday's Games",
                "Minnesota at Detroit, 1:08 p.m.", "Baltimore;23;13;.639", "Boston;24;14;.632");
    }

    /**
     * Copy that repeats its headline as the first paragraph (an XHTML h1), opens with a Reuters advisory,
     * or closes with a copyright notice: the text is what is left, the advisory the edNote, and an
     * XHTML header (slugs, genre) is not text at all.
     */
    @Test
    void repeatedHeadlinesAdvisoriesHeadersAndCopyrightLinesLeaveTheText() throws Exception {
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Storm hits coast</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<header><p>Weather</p><p>Norway</p></header><h1>Storm hits coast</h1><p>(Updates with ferry cancellations)</p>"
                        + "<p>A storm hit the west coast on Tuesday.</p><p>Ferries were cancelled.</p>"
                        + "<p>© NTB. All rights reserved.</p></body></html></inlineXML>"));
        assertThat(s.body()).containsExactly("A storm hit the west coast on Tuesday.", "Ferries were cancelled.");
        assertThat(s.bodyHtml()).doesNotContain("Storm hits coast", "Updates with", "NTB. All rights", "Weather");
        assertThat(s.edNote()).isEqualTo("Updates with ferry cancellations");
        // A headline derived from the text (no headline sent) does not take the first paragraph away.
        ParsedStory derived = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>", "",
                "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>The government resigned on Tuesday.</p><p>(In other stories, officials said talks would resume)</p>"
                        + "</body></html></inlineXML>"));
        assertThat(derived.headline()).isEqualTo("The government resigned on Tuesday.");
        assertThat(derived.body()).containsExactly("The government resigned on Tuesday.", "(In other stories, officials said talks would resume)");
        assertThat(StoryCleanup.body(List.of("(Reporting by A. Writer) is not an advisory, and a text that starts so stays.", "Copyright 2015 is"
                + " when the law changed, the court said in a ruling that ran to many pages and will be appealed by the government soon.")))
                .hasSize(2);
    }

    /**
     * A byline sent as the first paragraph ("By Marwan Makdisi") is the byline, not the text: gone from
     * body and bodyHtml, and the byline when the wire sent none. A sentence that starts with "By" stays.
     */
    /**
     * A byline that names no one ("By Staff Reporter", as Scoop sends BusinessDesk copy) gives way to the
     * author's "By ..." line at the top of the text; a text that is only a "By ..." line keeps it and names the
     * author too; a byline that is only the desk's initials (EFE's "gr/bp") is a sign-off, not an author.
     */
    @Test
    void genericBylinesGiveWayToTheAuthorAndInitialsAreNoByline() throws Exception {
        ParsedStory staff = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Receivers appoint a chief</headline><by>By Staff Reporter</by>",
                "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>By Jane Roe</p><p>The receivers appointed a chief executive.</p><p>More.</p></body></html></inlineXML>"));
        assertThat(staff.byline()).isEqualTo("By Jane Roe");
        assertThat(staff.body()).containsExactly("The receivers appointed a chief executive.", "More.");
        ParsedStory repeated = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Receivers appoint a chief</headline><by>Agencies</by>",
                "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>Agencies</p><p>The receivers appointed a chief executive.</p><p>More.</p></body></html></inlineXML>"));
        assertThat(repeated.byline()).isEqualTo("Agencies");
        assertThat(repeated.body()).containsExactly("The receivers appointed a chief executive.", "More.");
        ParsedStory only = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Coach pleads for support</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html"
                        + " xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>By Jane Roe</p></body></html></inlineXML>"));
        assertThat(only.byline()).isEqualTo("By Jane Roe");
        assertThat(only.body()).containsExactly("By Jane Roe");
        ParsedStory initials = parse(new NitfParser(), nitf("<doc-id id-string=\"EX:1\"/>",
                "<hedline><hl1>President announces Cabinet changes</hl1></hedline><byline>gr/bp</byline>",
                "<p>Tegucigalpa, Jan 2 (EFE).- The president announced changes.</p>"));
        assertThat(initials.byline()).isNull();
        ParsedStory named = parse(new NitfParser(), nitf("<doc-id id-string=\"EX:2\"/>",
                "<hedline><hl1>President announces Cabinet changes</hl1></hedline><byline>By Ana Gomez</byline>",
                "<p>Tegucigalpa, Jan 2 (EFE).- The president announced changes.</p>"));
        assertThat(named.byline()).isEqualTo("By Ana Gomez");
    }

    /** A headline that is the lead cut mid-word at a fixed width (NTB's relay of Ritzau flashes) gives way to the first sentence. */
    @Test
    void aHeadlineCutFromTheLeadGivesWayToTheFirstSentence() throws Exception {
        ParsedStory cut = parse(new NitfParser(), nitf("<doc-id id-string=\"EX:3\"/>",
                "<hedline><hl1>*A man arrested on Wednesday after a possible shooting near a kinderg</hl1></hedline>",
                "<p>Copenhagen /ritzau/: A man arrested on Wednesday after a possible shooting near a kindergarten has been released. "
                        + "Police said so.</p>"));
        assertThat(cut.headline()).isEqualTo("A man arrested on Wednesday after a possible shooting near a kindergarten has been released.");
        assertThat(cut.signals()).contains(Signal.NO_HEADLINE);
        ParsedStory whole = parse(new NitfParser(), nitf("<doc-id id-string=\"EX:4\"/>",
                "<hedline><hl1>A man arrested on Wednesday after a possible shooting</hl1></hedline>",
                "<p>A man arrested on Wednesday after a possible shooting near a kindergarten has been released.</p>"));
        assertThat(whole.headline()).isEqualTo("A man arrested on Wednesday after a possible shooting");
        ParsedStory singular = parse(new NitfParser(), nitf("<doc-id id-string=\"EX:5\"/>",
                "<hedline><hl1>Bank of England raises its main interest rate after the inflation rate</hl1></hedline>",
                "<p>Bank of England raises its main interest rate after the inflation rates of the summer stayed high.</p>"));
        assertThat(singular.headline()).isEqualTo("Bank of England raises its main interest rate after the inflation rate");
    }

    @Test
    void aBylineParagraphAtTheTopIsTheBylineNotTheText() throws Exception {
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Assad sworn in</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>By Marwan Makdisi</p><p>DAMASCUS (Reuters) - Bashar al-Assad was sworn in on Wednesday.</p>"
                        + "<p>Officials attended.</p></body></html></inlineXML>"));
        assertThat(s.byline()).isEqualTo("By Marwan Makdisi");
        assertThat(s.body()).containsExactly("DAMASCUS (Reuters) - Bashar al-Assad was sworn in on Wednesday.", "Officials attended.");
        assertThat(s.bodyHtml()).doesNotContain("Makdisi");
        ParsedStory sent = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Assad sworn in</headline><by>Marwan Makdisi</by>", "<inlineXML contenttype=\"application/xhtml+xml\"><html"
                        + " xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>By MARWAN MAKDISI</p><p>Assad was sworn in.</p><p>More.</p></body></html></inlineXML>"));
        assertThat(sent.body()).containsExactly("Assad was sworn in.", "More.");
        ParsedStory prose = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Polls close</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>By the time polls closed, turnout was high.</p><p>Counting began.</p></body></html></inlineXML>"));
        assertThat(prose.body()).hasSize(2);
        assertThat(prose.byline()).isNull();
        // Title-case headings are no bylines; two "By" lines: the first is the byline, body and bodyHtml agree.
        ParsedStory sidebar = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Budget</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>By The Numbers</p><p>By Tuesday</p><p>Spending rose.</p></body></html></inlineXML>"));
        assertThat(sidebar.byline()).isNull();
        assertThat(sidebar.body()).hasSize(3);
        ParsedStory two = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Budget</headline>", "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>By Jane Doe</p><p>By John Roe</p><p>Spending rose.</p></body></html></inlineXML>"));
        assertThat(two.byline()).isEqualTo("By Jane Doe");
        assertThat(two.body()).containsExactly("By John Roe", "Spending rose.");
        assertThat(two.bodyHtml()).contains("John Roe").doesNotContain("Jane Doe");
    }

    @Test
    void hardWrappedG2TextBecomesRealParagraphs() throws Exception {
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Storm hits coast</headline>", "<inlineData contenttype=\"text/plain\">"
                        + "   Oslo (NTB) - A storm hit the west coast on Tuesday,\ncutting power to thousands of homes.\n\n"
                        + "   Ferries were cancelled and roads\nclosed by fallen trees.\n</inlineData>"));
        assertThat(s.body()).containsExactly("Oslo (NTB) - A storm hit the west coast on Tuesday, cutting power to thousands of homes.",
                "Ferries were cancelled and roads closed by fallen trees.");
    }

    // ---- class 5: times

    @Test
    void timeWithoutZoneIsTheAgencysLocalTime() throws Exception {
        ParsedStory s = parse(new NitfParser(), nitf("<doc-id id-string=\"T3\"/><doc.copyright holder=\"STT\"/>"
                + "<date.issue norm=\"2024-01-02T12:00:00\"/>", "<hedline><hl1>Snow in Lapland</hl1></hedline>", "<p>It snowed.</p>"));
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2024-01-02T10:00:00Z")); // Helsinki is UTC+2 in January
        assertThat(s.signals()).contains(Signal.ZONE_INFERRED);
        assertThat(s.versionCreatedFrom()).isEqualTo("versionCreated");
    }

    @Test
    void missingVersionCreatedFallsBackToContentTimesAndSaysWhich() throws Exception {
        ParsedStory s = parse(new NewsmlG2Parser(), g2("<firstCreated>2013-05-01T08:00:00Z</firstCreated>",
                "<contentCreated>2013-05-01T09:00:00Z</contentCreated><headline>Old story</headline>", ""));
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2013-05-01T09:00:00Z"));
        assertThat(s.versionCreatedFrom()).isEqualTo("contentCreated");
        assertThat(s.signals()).doesNotContain(Signal.ZONE_INFERRED);
    }

    // ---- class 6: agencies and datelines

    @Test
    void agencyFromTheDatelineWhenTheDocumentNamesNoneOrTheDistributor() throws Exception {
        ParsedStory efe = parse(new NitfParser(), nitf("<doc-id id-string=\"E1\"/><date.issue norm=\"2024-01-02T09:00:00Z\"/>",
                "<hedline><hl1>Rain floods roads</hl1></hedline>", "<p>Tegucigalpa, 2 ene (EFE).- Heavy rain flooded roads.</p>"));
        assertThat(efe.agency()).isEqualTo("EFE");
        assertThat(efe.datelinePlace()).isEqualTo("Tegucigalpa");

        ParsedStory viaAap = parse(new NitfParser(), nitf("<doc-id id-string=\"AAP.1.2\"/><doc.copyright holder=\"AAP\"/>"
                        + "<date.issue norm=\"2024-01-02T09:00:00Z\"/>", "<hedline><hl1>Oil rises</hl1></hedline>",
                "<p>LONDON (Reuters) - Oil prices rose on Tuesday.</p>"));
        assertThat(viaAap.agency()).isEqualTo("Reuters");
        assertThat(viaAap.provider()).isEqualTo("AAP");

        ParsedStory credit = parse(new NewsmlG2Parser(), g2("<provider qcode=\"nprov:CL\"/><versionCreated>2024-01-02T10:00:00Z</versionCreated>",
                "<headline>Match report</headline>", "<inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + "<p>(ANSA) - ROME, JAN 2 - Roma won.</p></body></html></inlineXML>"));
        assertThat(credit.agency()).isEqualTo("ANSA");
        assertThat(credit.datelinePlace()).isEqualTo("Rome");
    }

    @Test
    void aDateIsNeverAPlace() {
        assertThat(Dateline.find("Tegucigalpa, Jan 2 (EFE).- Text")).get().extracting(Dateline::place, Dateline::agency)
                .containsExactly("Tegucigalpa", "EFE");
        assertThat(Dateline.find("MARCH 04 (Reuters) - Text")).isEmpty();
        assertThat(Dateline.find("March 4: text follows")).isEmpty();
        assertThat(StoryFields.placeOfDateline("MARCH 04")).isNull();
        assertThat(Dateline.find("MARSEILLE, France (AP) _ Text")).get().extracting(Dateline::place).isEqualTo("Marseille, France");
    }

    /** With no dateline element, the text's own dateline wins over a place the metadata names (the desk's town). */
    @Test
    void theTextsDatelineWinsOverTheMetadatasPlace() {
        ParsedStory.Builder b = ParsedStory.builder(WireFormat.NITF).headline("Space firm signs contract")
                .body(List.of("GLASGOW, Scotland, Feb. 01, 2018 (GLOBE NEWSWIRE) -- A space firm signed a contract.", "More follows."));
        assertThat(StoryFields.dateline(b, null, "København", null)).isEqualTo("Glasgow, Scotland");
        assertThat(b.dateline()).isEqualTo("GLASGOW, Scotland, Feb. 01, 2018 (GLOBE NEWSWIRE) --");
        ParsedStory.Builder plain = ParsedStory.builder(WireFormat.NITF).headline("Budget passed").body(List.of("The council passed it."));
        assertThat(StoryFields.dateline(plain, null, "København", null)).isEqualTo("København");
    }

    /** A dateline element that opens with the agency's credit: the credit is no part of the place. */
    @Test
    void anAgencyCreditInADatelineElementIsNoPlace() {
        assertThat(StoryFields.placeOfDateline("ANSA TEST - ROMA, 01 LUG -")).isEqualTo("Roma");
        assertThat(StoryFields.placeOfDateline("ANSA - MILANO, 3 GEN -")).isEqualTo("Milano");
        assertThat(StoryFields.placeOfDateline("(ANSA) - ROMA, 1 LUG -")).isEqualTo("Roma");
        assertThat(StoryFields.placeOfDateline("Agence France-Presse - PARIS")).isEqualTo("Paris");
        assertThat(StoryFields.placeOfDateline("dpa/lni - Hannover")).isEqualTo("Hannover");
        assertThat(StoryFields.placeOfDateline("ROMA, 01 LUG (ANSA) -")).isEqualTo("Roma");
        // not an agency: the place as before
        assertThat(StoryFields.placeOfDateline("FORT WASHINGTON, Pa.")).isEqualTo("Fort Washington");
    }

    /** Reuters video hedges what it could not verify: "SAID TO BE" is no part of a place, and a hedged date is none. */
    @Test
    void anUnverifiedDatelineOrPlaceIsReadWithoutItsHedge() {
        assertThat(StoryFields.placeOfDateline("SAID TO BE DECEMBER 31, 2015")).isNull();
        assertThat(StoryFields.placeOfDateline("SAID TO BE ALEPPO, SYRIA")).isEqualTo("Aleppo");
        ParsedStory.Builder b = ParsedStory.builder(WireFormat.NEWSML_G2).headline("Fighting filmed");
        assertThat(StoryFields.dateline(b, "SAID TO BE DECEMBER 31, 2015", null, "SAID TO BE ALEPPO, SYRIA")).isEqualTo("Aleppo, Syria");
    }
}
