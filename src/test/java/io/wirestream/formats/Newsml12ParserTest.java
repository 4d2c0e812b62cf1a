package io.wirestream.formats;

import static io.wirestream.formats.XmlTestSupport.CONTEXT;
import static io.wirestream.formats.XmlTestSupport.only;
import static io.wirestream.formats.XmlTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Newsml12ParserTest {

    private final Newsml12Parser parser = new Newsml12Parser();

    @Test
    void afpSaab() throws Exception {
        ParsedStory s = only(parser, "newsml-1.2/afp.xml");
        assertThat(s.headline()).isEqualTo("Sweden court accepts receivership for Saab carmaker");
        assertThat(s.storyKey()).isEqualTo("afp.com:TX-PAR-FXW86");
        assertThat(s.uri()).isEqualTo("urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1");
        assertThat(s.version()).isEqualTo("1");
        assertThat(s.urgency()).isEqualTo(4);
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isEqualTo("STOCKHOLM, Aug 29, 2014 (AFP) -");
        assertThat(s.datelinePlace()).isEqualTo("Stockholm");
        assertThat(s.slugline()).isEqualTo("Sweden-SAAB");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2014-08-29T13:49:51Z"));
        assertThat(s.subjects()).contains(new SubjectCode("subj", "04011002", null), new SubjectCode("keyword", "Saab", null));
        assertThat(s.agency()).isEqualTo("AFP");
        assertThat(s.body().get(0)).startsWith("A Chinese-owned company set up to take over Saab's assets");
    }

    @Test
    void afpGazaSample() throws Exception {
        ParsedStory s = only(parser, "newsml-1.2/afp.com_newsml1.2_sample_from_iptc-newsinjson_MIT.xml");
        assertThat(s.headline()).isEqualTo("Israel strikes key Hamas targets as UN Security Council to meet");
        assertThat(s.storyKey()).isEqualTo("afp.com:TX-PAR-WGF71");
        assertThat(s.version()).isEqualTo("1");
        assertThat(s.urgency()).isEqualTo(4);
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isEqualTo("Gaza City, Palestinian Territories, May 16, 2021 (AFP) -");
        assertThat(s.datelinePlace()).isEqualTo("Gaza City");
        assertThat(s.signals()).contains(Signal.UPDATE); // Genre "Update"
        // Keywords with Role="PersonInImage" describe pictures, not the story.
        assertThat(s.subjects()).doesNotContain(new SubjectCode("keyword", "Joe Biden", null));
        assertThat(s.body()).contains("- Media offices destroyed -"); // NITF hl2 inside the body
        assertThat(s.byline()).as("no ByLine: the Creator's party").isEqualTo("Adel Zaanoun with Guillaume Lavallee in Jerusalem");
        assertThat(s.edNote()).as("the AdvisoryLine").isEqualTo("RECASTS with attack on Hamas targets, RAISES Gaza death toll, UPDATES throughout");
    }

    @Test
    void anEmbargoLiftsWhenItsStatusWillChangeAndARectifyIsACorrection() throws Exception {
        String embargoed = "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><NewsItemId>X-2</NewsItemId>"
                + "<RevisionId>1</RevisionId></NewsIdentifier></Identification><NewsManagement>"
                + "<ThisRevisionCreated>20240611T135500+0000</ThisRevisionCreated><Status FormalName=\"Embargoed\"/>"
                + "<StatusWillChange><FutureStatus FormalName=\"Usable\"/><DateAndTime>20240612T220000+0000</DateAndTime></StatusWillChange>"
                + "<Instruction FormalName=\"Rectify\"/></NewsManagement><NewsComponent><NewsLines><HeadLine>Study links diet to heart disease</HeadLine>"
                + "</NewsLines><ContentItem><MediaType FormalName=\"Text\"/><DataContent><p>A study said so.</p></DataContent></ContentItem>"
                + "</NewsComponent></NewsItem></NewsML>";
        ParsedStory s = parser.parse(utf8(embargoed), CONTEXT).get(0);
        assertThat(s.signals()).contains(Signal.EMBARGO, Signal.CORRECTION);
        assertThat(s.embargoedUntil()).isEqualTo(java.time.Instant.parse("2024-06-12T22:00:00Z"));
    }

    @Test
    void afp20MisdeclaredLatin1IsReadAsUtf8() throws Exception {
        ParsedStory s = only(parser, "newsml-1.2/afp20.xml");
        assertThat(s.headline()).isEqualTo("Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée");
        assertThat(s.storyKey()).isEqualTo("afp.com:240710125902.qpsp2jzk");
        assertThat(s.version()).isEqualTo("1");
        assertThat(s.urgency()).isNull();
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isEqualTo("Strasbourg, 10 juil 2024 (AFP)");
        assertThat(s.datelinePlace()).isEqualTo("Strasbourg");
        assertThat(s.slugline()).isEqualTo("procès-santé-secours");
        assertThat(s.language()).isEqualTo("fr");
    }

    /** PA's NewsML 1.2 names its desk topics as Topic properties ("ARTS", "SCOTLAND"): the wire's own category words. */
    @Test
    void paTopicPropertiesAreItsCategories() throws Exception {
        String doc = "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>pa.press.net</ProviderId><NewsItemId>PA-1</NewsItemId>"
                + "<RevisionId PreviousRevision=\"0\" Update=\"N\">1</RevisionId></NewsIdentifier></Identification>"
                + "<NewsComponent><NewsLines><HeadLine>FRINGE PROGRAMME LAUNCHED</HeadLine></NewsLines><DescriptiveMetadata>"
                + "<Property FormalName=\"Category\" Value=\"HHH\"/><Property FormalName=\"Topic\" Value=\"ARTS\"/>"
                + "<Property FormalName=\"Keyword\" Value=\"Fringe\"/></DescriptiveMetadata>"
                + "<ContentItem><MediaType FormalName=\"Text\"/><DataContent><p>The programme is out.</p></DataContent></ContentItem>"
                + "</NewsComponent></NewsItem></NewsML>";
        assertThat(parser.parse(utf8(doc), CONTEXT).get(0).subjects()).extracting(SubjectCode::scheme, SubjectCode::code)
                .contains(tuple("category", "ARTS"), tuple("keyword", "Fringe"));
    }

    @Test
    void canceledRevisionIsAKillAndPhotoOnlyIsNoStory() throws Exception {
        String killed = "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><NewsItemId>X-1</NewsItemId>"
                + "<RevisionId PreviousRevision=\"1\" Update=\"U\">2</RevisionId></NewsIdentifier></Identification>"
                + "<NewsManagement><Status FormalName=\"Canceled\"/></NewsManagement><NewsComponent><NewsLines><HeadLine>Kill</HeadLine></NewsLines>"
                + "<ContentItem><MediaType FormalName=\"Text\"/><DataContent><p>Withdrawn.</p></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>";
        ParsedStory s = parser.parse(utf8(killed), CONTEXT).get(0);
        assertThat(s.storyKey()).isEqualTo("afp.com:X-1");
        assertThat(s.version()).isEqualTo("2");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(s.signals()).contains(Signal.KILL, Signal.UPDATE);

        String photo = killed.replace("Canceled", "Usable").replace("FormalName=\"Text\"", "FormalName=\"Photo\"");
        assertThatThrownBy(() -> parser.parse(utf8(photo), CONTEXT)).hasMessage("no story: NewsML 1.2 photo item");
        // TASS: NITF text as MediaType ComplexData with a text MimeType is text; complex data of another kind is not.
        String nitf = killed.replace("Canceled", "Usable").replace("<MediaType FormalName=\"Text\"/>",
                "<MediaType FormalName=\"ComplexData\"/><MimeType FormalName=\"text/vnd.IPTC.NITF\"/>");
        assertThat(parser.parse(utf8(nitf), CONTEXT).get(0).body()).containsExactly("Withdrawn.");
        String data = nitf.replace("text/vnd.IPTC.NITF", "application/vnd.ms-excel");
        assertThatThrownBy(() -> parser.parse(utf8(data), CONTEXT)).hasMessageStartingWith("no story");
        // a text whose media type a system names "HTML" is text; a photo with its caption is a photo item
        String html = killed.replace("Canceled", "Usable").replace("FormalName=\"Text\"", "FormalName=\"HTML\"");
        assertThat(parser.parse(utf8(html), CONTEXT).get(0).body()).containsExactly("Withdrawn.");
        String captioned = photo.replace("<ContentItem>", "<ContentItem><MediaType FormalName=\"Text\"/></ContentItem><ContentItem>");
        assertThatThrownBy(() -> parser.parse(utf8(captioned), CONTEXT)).hasMessage("no story: NewsML 1.2 photo item");
    }

    /**
     * Business Wire's NewsML 1.2: a style sheet, sub-headline and contact component before the Body one.
     * The body comes from the component whose Role is Body, the sub-headline is the description; ANA-MPA's
     * form: no Urgency but the envelope's Priority, a City property straight under the metadata, and a
     * dateline that is only a date.
     */
    @Test
    void theBodyComponentByRoleAndTheEnvelopePriority() throws Exception {
        String component = "<NewsComponent><Role FormalName=\"%s\"/><ContentItem><MimeType FormalName=\"%s\"/>"
                + "<DataContent>%s</DataContent></ContentItem></NewsComponent>";
        String doc = "<NewsML><NewsEnvelope><Priority FormalName=\"4\"/></NewsEnvelope><NewsItem><Identification><NewsIdentifier>"
                + "<ProviderId>businesswire.com</ProviderId><NewsItemId>2013-1</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier>"
                + "</Identification><NewsManagement><Status FormalName=\"Usable\"/></NewsManagement><NewsComponent>"
                + "<NewsLines><HeadLine>Dell launches workstations</HeadLine><DateLine>5/15/2013</DateLine></NewsLines>"
                + "<DescriptiveMetadata><Property FormalName=\"City\" Value=\"Round Rock\"/></DescriptiveMetadata>"
                + String.format(component, "StyleSheet", "text/css", ".bwalignc {text-align: center}")
                + String.format(component, "SubHeadLine", "text/xhtml", "<p>Smallest tower yet</p>")
                + String.format(component, "Contact", "text/xhtml", "<p>Press office, 555-0100</p>")
                + String.format(component, "Body", "text/xhtml", "<p>Dell today announced two workstations.</p><p>More follows.</p>")
                + "</NewsComponent></NewsItem></NewsML>";
        ParsedStory s = parser.parse(utf8(doc), CONTEXT).get(0);
        assertThat(s.body()).containsExactly("Dell today announced two workstations.", "More follows.");
        assertThat(s.description()).isEqualTo("Smallest tower yet");
        assertThat(s.urgency()).isEqualTo(4);
        assertThat(s.dateline()).isNull();
        assertThat(s.datelinePlace()).isEqualTo("Round Rock");
        assertThat(Agencies.code(s.agency())).isEqualTo("Business Wire");
    }

    /**
     * Europa Press's form (synthetic copy, our own words): a whole XHTML page in a CDATA section, its IPTC subject
     * codes as Topics of a TopicSet; and TASS's urgency as the element's text.
     */
    @Test
    void anXhtmlPageInCdataTopicSetSubjectCodesAndUrgencyAsText() throws Exception {
        String doc = "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>Europa Press</ProviderId><NewsItemId>S8-1</NewsItemId>"
                + "<RevisionId PreviousRevision=\"0\" Update=\"N\">1</RevisionId></NewsIdentifier></Identification>"
                + "<NewsManagement><Status FormalName=\"Usable\"/><Urgency>2</Urgency></NewsManagement>"
                + "<NewsComponent><TopicSet FormalName=\"HighImportance\"><Topic Duid=\"ts_1\"><FormalName Scheme=\"EuropaPress_Seccion\">CYS</FormalName>"
                + "</Topic><Topic Duid=\"ts_2\"><FormalName Scheme=\"IPTCSubjectCodes\">14000000</FormalName></Topic></TopicSet>"
                + "<NewsComponent><NewsLines><HeadLine>Olive oil tasters meet</HeadLine></NewsLines>"
                + "<ContentItem><MediaType FormalName=\"Text\"/><Format FormalName=\"XHTML\"/><DataContent><![CDATA[   "
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title />\n</head>\n<body>\n"
                + "<p>   PRIEGO (CORDOBA), 2 (EUROPA PRESS)</p>\n<p>   Thirteen teams taste olive oil this week.</p>\n"
                + "<p>   The winners are named on Saturday.</p>\n</body>\n</html>]]></DataContent></ContentItem>"
                + "</NewsComponent></NewsComponent></NewsItem></NewsML>";
        ParsedStory s = parser.parse(utf8(doc), CONTEXT).get(0);
        assertThat(s.body()).containsExactly("PRIEGO (CORDOBA), 2 (EUROPA PRESS)", "Thirteen teams taste olive oil this week.",
                "The winners are named on Saturday.");
        assertThat(s.bodyHtml()).startsWith("<p>").doesNotContain("&lt;", "<head", "<title");
        assertThat(s.subjects()).extracting(SubjectCode::scheme, SubjectCode::code).containsExactly(tuple("subj", "14000000"));
        assertThat(s.urgency()).isEqualTo(2);
    }

    /**
     * Belga's audio package (synthetic copy, our own words): each quote is a component with an empty Body beside its
     * sound, the bulletin's script is the last component's Body, and it refers to the quotes by escaped tags.
     */
    @Test
    void anEmptyBodyGivesWayToOneWithTextAndMarkupSentAsAParagraphIsDropped() throws Exception {
        String quote = "<NewsComponent><Role FormalName=\"Quote\"/><NewsLines><HeadLine>17 QUOTE MAYOR</HeadLine></NewsLines>"
                + "<NewsComponent><Role FormalName=\"Title\"/><ContentItem><Format FormalName=\"Text\"/><DataContent>17 QUOTE MAYOR"
                + "</DataContent></ContentItem></NewsComponent><NewsComponent><Role FormalName=\"Body\"/><ContentItem>"
                + "<Format FormalName=\"Text\"/><DataContent/></ContentItem></NewsComponent></NewsComponent>";
        String doc = "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>belga.be</ProviderId><NewsItemId>B-1</NewsItemId>"
                + "<RevisionId PreviousRevision=\"0\" Update=\"N\">1</RevisionId></NewsIdentifier></Identification>"
                + "<NewsComponent><NewsLines><HeadLine>No Headline !</HeadLine></NewsLines>" + quote
                + "<NewsComponent><Role FormalName=\"Audio\"/><NewsLines><HeadLine>belga 18:00</HeadLine></NewsLines>"
                + "<NewsComponent><Role FormalName=\"Body\"/><ContentItem><Format FormalName=\"Text\"/><DataContent>"
                + "The town festival is cancelled. The mayor explains:\n&lt;NewsComponentRef idref=\"DS1\"/&gt;\n"
                + "Showers are expected tonight.</DataContent></ContentItem></NewsComponent></NewsComponent>"
                + "</NewsComponent></NewsItem></NewsML>";
        ParsedStory s = parser.parse(utf8(doc), CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("belga 18:00");
        assertThat(s.body()).containsExactly("The town festival is cancelled. The mayor explains:", "Showers are expected tonight.");
    }

    /** A Location present as the item's Origin names where it was filed; a dateline naming another place wins. */
    @Test
    void anOriginLocationThatIsNotTheDatelinesPlaceGivesWay() throws Exception {
        String doc = "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>kyodonews.jp</ProviderId><NewsItemId>K-1</NewsItemId>"
                + "<RevisionId PreviousRevision=\"0\" Update=\"N\">1</RevisionId></NewsIdentifier></Identification>"
                + "<NewsComponent><NewsLines><HeadLine>Former premier dies</HeadLine><DateLine>%s</DateLine></NewsLines>"
                + "<DescriptiveMetadata><Location HowPresent=\"Origin\"><Property FormalName=\"Country\" Value=\"FRA\"/>"
                + "<Property FormalName=\"City\" Value=\"Paris\"/></Location></DescriptiveMetadata>"
                + "<ContentItem><MediaType FormalName=\"Text\"/><DataContent><p>A former premier died on Monday.</p></DataContent></ContentItem>"
                + "</NewsComponent></NewsItem></NewsML>";
        assertThat(parser.parse(utf8(String.format(doc, "BEIJING, July 23")), CONTEXT).get(0).datelinePlace()).isEqualTo("Beijing");
        // AFP's Origin is its dateline's city, the tidier name of it
        assertThat(parser.parse(utf8(String.format(doc, "PARIS, July 23 (AFP)")), CONTEXT).get(0).datelinePlace()).isEqualTo("Paris");
    }

    /**
     * Belga's remote feed: every item's NewsItemId is "0" (or empty) and the language is on the component. Two
     * different stories stay two (no UPDATE of "belga.be:0"), a resend keeps its key, and the language is read.
     */
    @Test
    void itemsWithoutAnIdOfTheirOwnAreKeptApartAndTheComponentsLanguageIsRead() throws Exception {
        String doc = "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>belga.be</ProviderId><DateId>20190603T160217</DateId>"
                + "<NewsItemId>%s</NewsItemId><RevisionId PreviousRevision=\"0\" Update=\"N\">0</RevisionId></NewsIdentifier></Identification>"
                + "<NewsManagement><Status FormalName=\"USABLE\"/></NewsManagement><NewsComponent xml:lang=\"nl\"><NewsLines><HeadLine>%s</HeadLine>"
                + "</NewsLines><ContentItem><MediaType FormalName=\"Text\"/><DataContent><p>%s</p></DataContent></ContentItem></NewsComponent>"
                + "</NewsItem></NewsML>";
        ParsedStory first = parser.parse(utf8(String.format(doc, "0", "Knooppunt afgesloten", "Het knooppunt gaat dicht.")), CONTEXT).get(0);
        ParsedStory other = parser.parse(utf8(String.format(doc, "0", "Staking bij de post", "De bonden leggen het werk neer.")), CONTEXT).get(0);
        ParsedStory again = parser.parse(utf8(String.format(doc, "0", "Knooppunt afgesloten", "Het knooppunt gaat dicht.")), CONTEXT).get(0);
        ParsedStory empty = parser.parse(utf8(String.format(doc, "", "Knooppunt afgesloten", "Het knooppunt gaat dicht.")), CONTEXT).get(0);
        assertThat(first.storyKey()).isNotEqualTo(other.storyKey()).isEqualTo(again.storyKey()).startsWith("belga.be:20190603T160217-");
        assertThat(empty.storyKey()).isEqualTo(first.storyKey());
        // A new revision or a cancellation of the same item reaches the same story.
        String revised = String.format(doc, "0", "Knooppunt afgesloten", "Het knooppunt gaat dicht.")
                .replace("PreviousRevision=\"0\" Update=\"N\">0<", "PreviousRevision=\"0\" Update=\"N\">1<")
                .replace("<Status FormalName=\"USABLE\"/>", "<ThisRevisionCreated>20190603T170000</ThisRevisionCreated><Status FormalName=\"Canceled\"/>");
        assertThat(parser.parse(utf8(revised), CONTEXT).get(0).storyKey()).isEqualTo(first.storyKey());
        assertThat(first.language()).isEqualTo("nl");
        String prioritised = String.format(doc, "0", "Knooppunt afgesloten", "Het knooppunt gaat dicht.")
                .replace("<ContentItem>", "<AdministrativeMetadata><Property FormalName=\"Priority\" Value=\"3\"/></AdministrativeMetadata><ContentItem>");
        assertThat(parser.parse(utf8(prioritised), CONTEXT).get(0).urgency()).isEqualTo(3); // Belga's priority property
    }

    /** Belga sends a story in Dutch and French in one item: each language is a story, nothing is dropped. */
    @Test
    void eachLanguageOfABilingualItemIsAStory() throws Exception {
        String version = "<NewsComponent xml:lang=\"%1$s\"><Role FormalName=\"Short\"/><NewsLines><HeadLine>%2$s</HeadLine></NewsLines>"
                + "<NewsComponent xml:lang=\"%1$s\"><Role FormalName=\"Body\"/><ContentItem><MediaType FormalName=\"Text\"/>"
                + "<DataContent><p>%3$s</p></DataContent></ContentItem></NewsComponent></NewsComponent>";
        String doc = "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>belga.be</ProviderId><DateId>20190129</DateId>"
                + "<NewsItemId>98055798</NewsItemId><RevisionId PreviousRevision=\"0\" Update=\"N\">1</RevisionId>"
                + "<PublicIdentifier>urn:newsml:www.belga.be:98055798</PublicIdentifier></NewsIdentifier></Identification>"
                + "<NewsManagement><Status FormalName=\"Usable\"/></NewsManagement><NewsComponent xml:lang=\"nl\">"
                + String.format(version, "nl", "Staking bij de post", "De bonden leggen het werk neer.")
                + String.format(version, "fr", "Grève à la poste", "Les syndicats arrêtent le travail.")
                + "</NewsComponent></NewsItem></NewsML>";
        List<ParsedStory> stories = parser.parse(utf8(doc), CONTEXT);
        assertThat(stories).extracting(ParsedStory::storyKey).containsExactly("belga.be:98055798#nl", "belga.be:98055798#fr");
        assertThat(stories).extracting(ParsedStory::language).containsExactly("nl", "fr");
        assertThat(stories).extracting(ParsedStory::headline).containsExactly("Staking bij de post", "Grève à la poste");
        assertThat(stories.get(1).body()).containsExactly("Les syndicats arrêtent le travail.");
        assertThat(stories.get(1).uri()).isEqualTo("urn:newsml:www.belga.be:98055798#fr");
        // The next revision, its components the other way round, reaches the same two stories.
        String swapped = doc.replace(String.format(version, "nl", "Staking bij de post", "De bonden leggen het werk neer.")
                + String.format(version, "fr", "Grève à la poste", "Les syndicats arrêtent le travail."),
                String.format(version, "fr", "Grève à la poste", "Les syndicats arrêtent le travail.")
                + String.format(version, "nl-BE", "Staking bij de post", "De bonden leggen het werk neer."));
        assertThat(parser.parse(utf8(swapped), CONTEXT)).extracting(ParsedStory::storyKey)
                .containsExactly("belga.be:98055798#fr", "belga.be:98055798#nl");
    }
}
