package io.wirestream.formats;

import static io.wirestream.formats.XmlTestSupport.CONTEXT;
import static io.wirestream.formats.XmlTestSupport.only;
import static io.wirestream.formats.XmlTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NitfParserTest {

    private final NitfParser parser = new NitfParser();

    @Test
    void aap() throws Exception {
        ParsedStory s = only(parser, "nitf/aap.xml");
        assertThat(s.headline()).isEqualTo("The main stories on today's 1900 ABC TV news");
        // doc-id "AAP.115314987.5417374" is only unique within AAP: qualified with the agency.
        assertThat(s.storyKey()).isEqualTo("AAP:AAP.115314987.5417374");
        assertThat(s.uri()).isEqualTo("AAP.115314987.5417374");
        assertThat(s.version()).isNull();
        assertThat(s.urgency()).isEqualTo(5);
        assertThat(s.priority()).isEqualTo("5");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isEqualTo("Sydney");
        assertThat(s.datelinePlace()).isEqualTo("Sydney");
        assertThat(s.byline()).isEqualTo("By John Doe");
        assertThat(s.slugline()).isEqualTo("Monitor 1900 ABC News");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2013-10-20T08:27:51Z"));
        assertThat(s.subjects()).as("AAP's own category letters").contains(new SubjectCode("aap-category", "a", null),
                new SubjectCode("subj", "02003001", "law enforcement"));
    }

    @Test
    void apsCategoryClassifierIsItsAnpaLetter() throws Exception {
        ParsedStory s = parser.parse(utf8("<nitf><head><title>Deals</title><docdata><doc-id id-string=\"ap-1\"/>"
                + "<identified-content><classifier type=\"apcategorycode\" value=\"f\"/></identified-content></docdata></head>"
                + "<body><body.head><hedline><hl1>Retailer offers deals</hl1></hedline></body.head>"
                + "<body.content><p>The retailer said prices fell.</p></body.content></body></nitf>"), CONTEXT).get(0);
        assertThat(s.subjects()).containsExactly(new SubjectCode("anpa-category", "f", null));
    }

    /** The writer's organisation and place are no part of the byline; an issue date in basic form is a date. */
    /** A NewsML-G2 content set cut out of its item, carrying an NITF article, is that article. */
    @Test
    void aContentSetCarryingNitfIsItsArticle() throws Exception {
        String fragment = "<contentSet><inlineXML contenttype=\"application/nitf+xml\"><nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\">"
                + "<body><body.head><hedline><hl1>Phillies host Diamondbacks</hl1></hedline></body.head>"
                + "<body.content><p>The series starts tonight.</p></body.content></body></nitf></inlineXML></contentSet>";
        assertThat(new ParserRegistry(java.util.List.of(parser), 1 << 20).detect(utf8(fragment))).isSameAs(parser);
        ParsedStory s = parser.parse(utf8(fragment), CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("Phillies host Diamondbacks");
        assertThat(s.body()).containsExactly("The series starts tonight.");
        String empty = "<contentSet><inlineXML contenttype=\"application/nitf+xml\"><p>no nitf here</p></inlineXML><!-- <nitf --></contentSet>";
        assertThatThrownBy(() -> parser.parse(utf8(empty), CONTEXT)).hasMessageStartingWith("no story");
    }

    /** A body headline written as {@code <headline><hl1>} (the body's element is hedline) is still the headline. */
    @Test
    void bodyHeadlineUnderItsMisspeltElement() throws Exception {
        ParsedStory s = parser.parse(utf8("<nitf><head><title>Minimal Article</title><docdata><doc-id id-string=\"ex-2\"/></docdata></head>"
                + "<body><body.head><headline><hl1>Council backs new bridge</hl1></headline></body.head>"
                + "<body.content><p>The council voted.</p></body.content></body></nitf>"), CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("Council backs new bridge");
    }

    /** Some producers leave the hedline out: {@code <hl1>} straight in body.head is still the body's headline. */
    @Test
    void anHl1WithoutItsHedlineIsTheHeadline() throws Exception {
        ParsedStory s = parser.parse(utf8("<nitf><head><title>Storm</title><docdata><doc-id id-string=\"ex-3\"/></docdata></head>"
                + "<body><body.head><hl1>Storm cuts power to thousands</hl1><hl2>Crews work through the night</hl2></body.head>"
                + "<body.content><p>A storm cut power.</p></body.content></body></nitf>"), CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("Storm cuts power to thousands");
    }

    /** docdata's correction element marks a corrected version; its info is the note when ed-msg says nothing. */
    @Test
    void aDocdataCorrectionIsACorrection() throws Exception {
        ParsedStory s = parser.parse(utf8("<nitf><head><docdata><doc-id id-string=\"ex-4\"/>"
                + "<correction info=\"Corrects the utility's name in the 3rd paragraph.\" id-string=\"ex-4\"/></docdata></head>"
                + "<body><body.head><hedline><hl1>Storm cuts power to thousands</hl1></hedline></body.head>"
                + "<body.content><p>A storm cut power.</p></body.content></body></nitf>"), CONTEXT).get(0);
        assertThat(s.signals()).contains(Signal.CORRECTION);
        assertThat(s.edNote()).isEqualTo("Corrects the utility's name in the 3rd paragraph.");
    }

    @Test
    void bylinePartsAndBasicDates() throws Exception {
        ParsedStory s = parser.parse(utf8("<nitf><head><title>Launch</title><docdata><doc-id id-string=\"ex-1\"/>"
                + "<date.issue norm=\"20241215\"/></docdata></head><body><body.head><hedline><hl1>Platform launched</hl1></hedline>"
                + "<byline>By <person>John Author</person><byttl>Staff Writer</byttl><org>News Organization</org>"
                + "<location>New York</location></byline></body.head>"
                + "<body.content><p>The platform launched.</p></body.content></body></nitf>"), CONTEXT).get(0);
        assertThat(s.byline()).isEqualTo("By John Author");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2024-12-15T00:00:00Z"));
    }

    @Test
    void canceledFishingSampleWithStandardDoctype() throws Exception {
        ParsedStory s = only(parser, "nitf/nitf-fishing.xml");
        assertThat(s.headline()).isEqualTo("Weather and Tide Updates for Norfolk");
        assertThat(s.storyKey()).isEqualTo("International Press Telecommunications Council:ongoing-winter-tide-updates");
        assertThat(s.uri()).isEqualTo("iptc.321656141.b");
        assertThat(s.version()).isEqualTo("14"); // du-key generation
        assertThat(s.urgency()).isEqualTo(3);
        assertThat(s.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(s.signals()).contains(Signal.KILL, Signal.EMBARGO); // date.release after date.issue
        assertThat(s.dateline()).isEqualTo("Newport News, VA");
        assertThat(s.datelinePlace()).isEqualTo("Newport News");
        assertThat(s.byline()).isEqualTo("By Alan Karben");
        assertThat(s.description()).startsWith("Superb weather in Norfolk today.");
    }

    @Test
    void paWithDuKeyAndLatin1() throws Exception {
        ParsedStory s = only(parser, "nitf/pa5.xml");
        assertThat(s.headline()).isEqualTo("HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY");
        assertThat(s.storyKey()).isEqualTo("PA:PA-HHH-POLITICS-Brexit");
        assertThat(s.version()).isNull();
        assertThat(s.urgency()).isEqualTo(4);
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isNull();
        assertThat(s.byline()).startsWith("By Sam Lister");
    }

    @Test
    void apWithoutDocIdGetsAStableHashKeyAndBodyDateline() throws Exception {
        ParsedStory s = only(parser, "nitf/ap-nitf.xml");
        assertThat(s.headline()).isEqualTo("Can trading pollution like stocks help fight climate change?");
        assertThat(s.storyKey()).startsWith("AP:sha256-").isEqualTo(only(parser, "nitf/ap-nitf.xml").storyKey());
        assertThat(s.urgency()).isNull();
        assertThat(s.dateline()).isEqualTo("NEW YORK");
        assertThat(s.datelinePlace()).isEqualTo("New York");
        assertThat(s.byline()).isEqualTo("By BERNARD CONDON"); // byttl "AP Business Writer" left out
        assertThat(s.body().get(0)).startsWith("NEW YORK (AP) —");
    }

    @Test
    void ntb() throws Exception {
        ParsedStory s = only(parser, "nitf/iptc-newsinjson-samples-MIT/NTB_nitf_sample.xml");
        assertThat(s.headline()).isEqualTo("Pandemien herjer på den legeløse indiske landsbygda");
        assertThat(s.storyKey()).isEqualTo("NTB:india-korona-bygd");
        assertThat(s.version()).isEqualTo("1");
        assertThat(s.urgency()).isEqualTo(5);
        assertThat(s.language()).isEqualTo("nb-NO");
        assertThat(s.dateline()).isEqualTo("Unnao");
    }

    @Test
    void emptyDocumentHasNoStory() {
        io.wirestream.testing.SharedData.fixture("nitf/aap-finance-lite.xml"); // skip when the fixtures are absent (assumptions thrown inside assertThatThrownBy would be caught)
        assertThatThrownBy(() -> only(parser, "nitf/aap-finance-lite.xml")).hasMessageStartingWith("no story");
    }

    @Test
    void anAgencysOwnSubjectCodesAreNotReadAsIptcSubjectCodes() throws Exception {
        String nitf = "<nitf><head><tobject><tobject.subject tobject.subject.ipr=\"IPTC\" tobject.subject.refnum=\"11006005\""
                + " tobject.subject.detail=\"Executive (government)\"/><tobject.subject tobject.subject.ipr=\"EFE\""
                + " tobject.subject.refnum=\"F01001000\" tobject.subject.type=\"POL:POLITICS\"/><tobject.subject"
                + " tobject.subject.refnum=\"15000000\"/></tobject><docdata><doc-id id-string=\"X2\"/></docdata></head>"
                + "<body><body.head><hedline><hl1>Cabinet meets</hl1></hedline></body.head><body.content><p>The cabinet met.</p>"
                + "</body.content></body></nitf>";
        ParsedStory s = parser.parse(utf8(nitf), CONTEXT).get(0);
        assertThat(s.subjects()).containsExactly(new SubjectCode("subj", "11006005", "Executive (government)"),
                new SubjectCode("efe", "F01001000", "POL:POLITICS"), new SubjectCode("subj", "15000000", null));
    }

    /** EFE names its desk in head/meta "categoria": a subject of scheme "category", as a feed's category is. */
    @Test
    void anAgencysOwnCategoryInMetaIsASubject() throws Exception {
        String nitf = "<nitf><head><meta name=\"prioridad\" content=\"R\"/><meta name=\"categoria\" content=\"POL\"/>"
                + "<docdata><doc-id id-string=\"X4\"/></docdata></head><body><body.head><hedline><hl1>El Gobierno aprueba"
                + "</hl1></hedline></body.head><body.content><p>El Consejo de Ministros aprobó el proyecto.</p></body.content></body></nitf>";
        assertThat(parser.parse(utf8(nitf), CONTEXT).get(0).subjects()).containsExactly(new SubjectCode("category", "POL", null));
    }

    @Test
    void aBylinesTitleIsDroppedUnlessItIsTheWholeByline() throws Exception {
        String named = "<nitf><head><docdata><doc-id id-string=\"X3\"/></docdata></head><body><body.head><hedline><hl1>Fed to halt QE</hl1>"
                + "</hedline><byline>By<person>Meredith Jameson</person>, <byttl>Staff Reporter</byttl></byline></body.head>"
                + "<body.content><p>The Fed will halt QE.</p></body.content></body></nitf>";
        assertThat(parser.parse(utf8(named), CONTEXT).get(0).byline()).isEqualTo("By Meredith Jameson");
        String titleOnly = named.replace("By<person>Meredith Jameson</person>, <byttl>Staff Reporter</byttl>", "<byttl>Sports Network</byttl>");
        assertThat(parser.parse(utf8(titleOnly), CONTEXT).get(0).byline()).isEqualTo("Sports Network");
        String byTitle = named.replace("By<person>Meredith Jameson</person>, <byttl>Staff Reporter</byttl>", "By <byttl>The Associated Press</byttl>");
        assertThat(parser.parse(utf8(byTitle), CONTEXT).get(0).byline()).isEqualTo("By The Associated Press");
    }

    /** ANSA comments its own markup ("<!-- Subtitle -->" in the byline) and writes times without seconds: neither is lost or leaked. */
    @Test
    void commentsAreNoTextAndATimeWithoutSecondsKeepsItsTime() throws Exception {
        String nitf = "<nitf><head><docdata><doc-id id-string=\"X4\"/><!-- Date of issue --><date.issue norm=\"2022-07-11 18:33\"/></docdata></head>"
                + "<body><body.head><hedline><hl1><!-- Title -->Gas supplies cut</hl1></hedline><byline><!-- Subtitle -->By Anna Rossi</byline>"
                + "</body.head><body.content><!-- Text --><p>Supplies were cut by a third.</p></body.content></body></nitf>";
        ParsedStory s = parser.parse(utf8(nitf), CONTEXT).get(0);
        assertThat(s.byline()).isEqualTo("By Anna Rossi");
        assertThat(s.headline()).isEqualTo("Gas supplies cut");
        assertThat(s.body()).containsExactly("Supplies were cut by a third.");
        assertThat(s.versionCreated().toString()).endsWith(":33:00Z");
    }

    @Test
    void cancelledSpellingIsAKill() throws Exception {
        String nitf = "<nitf><head><docdata management-status=\"cancelled\"><doc-id id-string=\"X1\" regsrc=\"XYZ\"/></docdata></head>"
                + "<body><body.head><hedline><hl1>Killed</hl1></hedline></body.head></body></nitf>";
        ParsedStory s = parser.parse(utf8(nitf), CONTEXT).get(0);
        assertThat(s.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(s.signals()).contains(Signal.KILL);
        assertThat(s.storyKey()).isEqualTo("XYZ:X1");
    }

    @Test
    void doctypeWithEntityIsRefusedEvenForNitf() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE nitf SYSTEM \"nitf-3-2.dtd\" [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<nitf><body><body.head><hedline><hl1>&x;</hl1></hedline></body.head></body></nitf>";
        assertThatThrownBy(() -> parser.parse(utf8(xxe), CONTEXT)).hasMessageStartingWith("XML DOCTYPE refused");
    }

    @Test
    void truncatedIsMalformed() {
        byte[] whole = XmlTestSupport.fixture("nitf/aap.xml");
        assertThatThrownBy(() -> parser.parse(java.util.Arrays.copyOf(whole, whole.length - 40), CONTEXT))
                .hasMessageStartingWith("malformed XML");
    }
}
