package io.wirestream.formats;

import static io.wirestream.formats.XmlTestSupport.CONTEXT;
import static io.wirestream.formats.XmlTestSupport.only;
import static io.wirestream.formats.XmlTestSupport.parse;
import static io.wirestream.formats.XmlTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.PubStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser rss = FeedParser.rss();
    private final FeedParser atom = FeedParser.atom();

    @Test
    void wordpressExportHasFivePosts() throws Exception {
        List<ParsedStory> stories = parse(rss, "rss/wordpress_wxr.xml");
        assertThat(stories).hasSize(5);
        ParsedStory s = stories.get(0);
        assertThat(s.format()).isEqualTo(WireFormat.RSS);
        assertThat(s.headline()).isEqualTo("Starafrica to dispose assets for $6 million to clear debt");
        assertThat(s.storyKey()).isEqualTo("http://sdnewtester.org/?p=216");
        assertThat(s.version()).isNull();
        assertThat(s.urgency()).isNull();
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isNull();
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2013-07-29T16:03:54Z"));
        assertThat(s.byline()).isEqualTo("admin");
        assertThat(s.agency()).isEqualTo("The SDNewTester");
        assertThat(s.subjects()).contains(new SubjectCode("keyword", "Business", null));
        assertThat(s.language()).isEqualTo("en-US");
        // the post as written: each line of it a paragraph (the byline, the dateline's text, the last line)
        assertThat(s.body()).hasSize(3).first().isEqualTo("By Tester");
        assertThat(stories.get(1).body()).as("the same post without <p>").isEqualTo(s.body());
        // "Sun, 11 Jul 2014" was a Friday: the date stands
        assertThat(stories.get(3).versionCreated()).isEqualTo(Instant.parse("2014-07-11T15:06:01Z"));
    }

    @Test
    void aWordPressPostIsReadLineByLineOutsideItsTags() {
        assertThat(FeedParser.linesAsParagraphs("By Tester\nHarare - Profit rose 5 > 3 percent -> a record.\n\n<a\n href=\"x\">Bla</a> test"))
                .isEqualTo("<p>By Tester</p><p>Harare - Profit rose 5 > 3 percent -> a record.</p><p><a\n href=\"x\">Bla</a> test</p>");
    }

    @Test
    void funke() throws Exception {
        ParsedStory s = only(rss, "rss/wordpress_wxr_funke.xml");
        assertThat(s.headline()).isEqualTo("Löst einen Mord in Mysterium Secrets & Lies");
        assertThat(s.storyKey()).isEqualTo("https://funkygames.de/?p=6277");
        assertThat(s.urgency()).isNull();
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.dateline()).isNull();
        assertThat(s.byline()).isEqualTo("Marion");
        // blank lines end the post's paragraphs: the second is its own, not the first's tail
        assertThat(s.body()).element(1).asString().startsWith("Mysterium ist ein kooperatives Game");
    }

    @Test
    void attachmentIsSkipped() throws Exception {
        ParsedStory s = only(rss, "rss/wordpress_wxr_thumb.xml");
        assertThat(s.headline()).isEqualTo("test post");
        assertThat(s.storyKey()).isEqualTo("https://main.toto.invalid");
        assertThat(s.body()).containsExactly("toto");
    }

    @Test
    void bareGuidIsQualifiedWithFeedHost() throws Exception {
        String feed = "<rss version=\"2.0\"><channel><link>https://www.example.no/news</link>"
                + "<item><guid isPermaLink=\"false\">1.133</guid><title>Title here</title><description>Some text.</description>"
                + "<pubDate>Mon, 06 Feb 2017 10:51:00 +0100</pubDate></item></channel></rss>";
        ParsedStory s = rss.parse(utf8(feed), CONTEXT).get(0);
        assertThat(s.storyKey()).isEqualTo("www.example.no:1.133");
        assertThat(s.uri()).isEqualTo("1.133");
        assertThat(s.agency()).isEqualTo("www.example.no");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2017-02-06T09:51:00Z"));
    }

    @Test
    void atomEntries() throws Exception {
        String feed = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Example Wire</title>"
                + "<link href=\"https://wire.example.com/\"/>"
                + "<entry><id>tag:wire.example.com,2024:1</id><title>First entry</title><updated>2024-03-01T10:00:00Z</updated>"
                + "<published>2024-03-01T09:00:00Z</published><author><name>A. Writer</name></author><category term=\"politics\"/>"
                + "<summary>Short.</summary><content type=\"html\">&lt;p&gt;LONDON (Reuters) - One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</content></entry>"
                + "</feed>";
        assertThat(atom.sniff(utf8(feed), feed)).isTrue();
        assertThat(rss.sniff(utf8(feed), feed)).isFalse();
        ParsedStory s = atom.parse(utf8(feed), CONTEXT).get(0);
        assertThat(s.format()).isEqualTo(WireFormat.ATOM);
        assertThat(s.storyKey()).isEqualTo("tag:wire.example.com,2024:1");
        assertThat(s.headline()).isEqualTo("First entry");
        assertThat(s.body()).containsExactly("LONDON (Reuters) - One.", "Two.");
        assertThat(s.description()).isEqualTo("Short.");
        assertThat(s.datelinePlace()).isEqualTo("London");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(s.firstCreated()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(s.byline()).isEqualTo("A. Writer");
        assertThat(s.agency()).as("the wire its dateline credits wrote it; the feed carried it").isEqualTo("Reuters");
        assertThat(s.subjects()).containsExactly(new SubjectCode("keyword", "politics", null));
    }

    /** RSS 1.0 (RDF, Slashdot's and journals' feeds): the items stand beside the channel, dated by Dublin Core. */
    @Test
    void rss10ItemsBesideTheChannel() throws Exception {
        String rdf = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel rdf:about=\"https://slashdot.org/\"><title>Slashdot</title><link>https://slashdot.org/</link>"
                + "<dc:language>en-us</dc:language></channel>"
                + "<item rdf:about=\"https://it.slashdot.org/story/24/02/29/1\"><title>Ransomware Attack Hampers Drug Sales</title>"
                + "<link>https://it.slashdot.org/story/24/02/29/1</link><description>A ransomware gang has snarled prescriptions. "
                + "&lt;a href=\"https://x\"&gt;Read more of this story&lt;/a&gt; at Slashdot.</description>"
                + "<dc:creator>msmash</dc:creator><dc:subject>security</dc:subject><dc:date>2024-02-29T17:20:00+00:00</dc:date></item>"
                + "</rdf:RDF>";
        assertThat(new ParserRegistry(java.util.List.of(rss, atom), 1 << 20).detect(utf8(rdf))).isSameAs(rss);
        ParsedStory s = rss.parse(utf8(rdf), CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("Ransomware Attack Hampers Drug Sales");
        assertThat(s.uri()).isEqualTo("https://it.slashdot.org/story/24/02/29/1");
        assertThat(s.versionCreated()).isEqualTo(java.time.Instant.parse("2024-02-29T17:20:00Z"));
        assertThat(s.byline()).isEqualTo("msmash");
        assertThat(s.language()).isEqualTo("en-US");
        assertThat(s.subjects()).extracting(SubjectCode::code).contains("security");
    }

    /** RSS 0.90 (Netscape's RDF, 1999): the items beside the channel as in RSS 1.0, no dates, the link as the id. */
    @Test
    void rss090NetscapeRdf() throws Exception {
        String rdf = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>Example Wire</title>"
                + "<link>https://wire.example.com/</link><description>news</description></channel>"
                + "<item><title>Storm closes ports</title><link>https://wire.example.com/storm</link></item>"
                + "<item><title>Talks resume</title><link>https://wire.example.com/talks</link></item></rdf:RDF>";
        assertThat(new ParserRegistry(List.of(rss, atom), 1 << 20).detect(utf8(rdf))).isSameAs(rss);
        List<ParsedStory> items = rss.parse(utf8(rdf), CONTEXT);
        assertThat(items).extracting(ParsedStory::headline).containsExactly("Storm closes ports", "Talks resume");
        assertThat(items.get(0).uri()).isEqualTo("https://wire.example.com/storm");
        assertThat(items.get(0).agency()).isEqualTo("Example Wire");
    }

    /** A feed titled after its section names its outlet in a part of the title: the catalogue's short name, not the title. */
    @Test
    void theOutletAFeedsTitleNamesIsTheAgency() throws Exception {
        String feed = "<rss version=\"2.0\"><channel><title>%s</title><link>https://example.org/</link>"
                + "<item><title>Storm closes ports</title><link>https://example.org/storm</link></item></channel></rss>";
        assertThat(rss.parse(utf8(String.format(feed, "Reuters: World News")), CONTEXT).get(0).agency()).isEqualTo("Reuters");
        assertThat(rss.parse(utf8(String.format(feed, "AP News - Top News")), CONTEXT).get(0).agency()).isEqualTo("AP");
        assertThat(rss.parse(utf8(String.format(feed, "Harbour Town Gazette - Local")), CONTEXT).get(0).agency())
                .as("an outlet the catalogue does not know: the title as it is").isEqualTo("Harbour Town Gazette - Local");
    }

    /**
     * The Atom 0.3 draft: issued and modified for published and updated, content by MIME type and mode (escaped HTML,
     * inline XHTML, base64), the summary beside the content, a title in markup.
     */
    @Test
    void atom03Draft() throws Exception {
        String base64 = java.util.Base64.getEncoder().encodeToString("<p>Third.</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String feed = "<?xml version=\"1.0\"?><feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Example Wire</title>"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"https://wire.example.com/\"/>"
                + "<modified>2004-05-02T12:00:00Z</modified><author><name>Desk</name></author>"
                + "<entry><title>Escaped</title><id>tag:wire.example.com,2004:1</id>"
                + "<issued>2004-05-01T08:00:00-04:00</issued><modified>2004-05-01T13:00:00Z</modified>"
                + "<summary type=\"text/plain\">Short &amp; plain.</summary>"
                + "<content type=\"text/html\" mode=\"escaped\">&lt;p&gt;First.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</content></entry>"
                + "<entry><title type=\"application/xhtml+xml\" mode=\"xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">In<b>line</b>"
                + "<script>steal()</script> story</div></title><id>tag:wire.example.com,2004:2</id><created>2004-05-01T09:00:00Z</created>"
                + "<content type=\"application/xhtml+xml\" mode=\"xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>One.</p><p>Two.</p></div></content></entry>"
                + "<entry><title>Default mode</title><id>tag:wire.example.com,2004:4</id><issued>2004-05-01T11:00:00Z</issued>"
                + "<content type=\"text/html\"><p>Four.</p><p>Five.</p></content></entry>"
                + "<entry><title>WordPress</title><id>tag:wire.example.com,2004:5</id><issued>2004-05-01T12:00:00Z</issued>"
                + "<summary type=\"text/plain\" mode=\"escaped\"><![CDATA[It&#8217;s the excerpt]]></summary>"
                + "<content type=\"application/xhtml+xml\" mode=\"escaped\"><![CDATA[<p>Six.</p><p>Seven.</p>]]></content></entry>"
                + "<entry><title>Encoded</title><id>tag:wire.example.com,2004:3</id><issued>2004-05-01T10:00:00Z</issued>"
                + "<content type=\"text/html\" mode=\"base64\">" + base64 + "</content></entry></feed>";
        assertThat(atom.sniff(utf8(feed), feed)).isTrue();
        assertThat(rss.sniff(utf8(feed), feed)).isFalse();
        List<ParsedStory> entries = atom.parse(utf8(feed), CONTEXT);
        ParsedStory escaped = entries.get(0);
        assertThat(escaped.body()).containsExactly("First.", "Second.");
        assertThat(escaped.description()).isEqualTo("Short & plain.");
        assertThat(escaped.firstCreated()).isEqualTo(Instant.parse("2004-05-01T12:00:00Z"));
        assertThat(escaped.versionCreated()).isEqualTo(Instant.parse("2004-05-01T13:00:00Z"));
        assertThat(escaped.byline()).isEqualTo("Desk");
        assertThat(entries.get(1).headline()).as("a title in markup is its text, without scripts").isEqualTo("Inline story");
        assertThat(entries.get(1).body()).containsExactly("One.", "Two.");
        assertThat(entries.get(1).versionCreated()).isEqualTo(Instant.parse("2004-05-01T09:00:00Z"));
        assertThat(entries.get(2).body()).as("0.3's default mode is xml: markup in the feed").containsExactly("Four.", "Five.");
        ParsedStory wordpress = entries.get(3);
        assertThat(wordpress.body()).as("escaped XHTML is HTML").containsExactly("Six.", "Seven.");
        assertThat(wordpress.description()).as("0.3's text/plain with entities").isEqualTo("It\u2019s the excerpt");
        entries = entries.subList(1, entries.size()); // the rest as before
        assertThat(entries.get(3).body()).containsExactly("Third.");
        assertThat(entries.get(3).versionCreated()).isEqualTo(Instant.parse("2004-05-01T10:00:00Z"));
    }

    /** Atom written without its namespace is still Atom; a {@code <feed>} in another namespace is not. */
    @Test
    void atomWithoutItsNamespace() throws Exception {
        String feed = "<?xml version=\"1.0\"?><feed><title>Example Wire</title><entry><id>tag:a,2024:3</id>"
                + "<title>Flood warning lifted</title><updated>2024-03-01T10:00:00Z</updated><summary>Rivers fell.</summary></entry></feed>";
        assertThat(atom.sniff(utf8(feed), feed)).isTrue();
        assertThat(atom.parse(utf8(feed), CONTEXT).get(0).headline()).isEqualTo("Flood warning lifted");
        String other = "<?xml version=\"1.0\"?><feed xmlns=\"http://example.com/products\"><item/></feed>";
        assertThat(atom.sniff(utf8(other), other)).isFalse();
    }

    /**
     * Atom's text types: declared text is text ("<" a character, a blank line a paragraph, a ticker in angle brackets
     * kept); a construct that declares no type is text unless it holds tags or entities; HTML that TypePad wraps in a
     * div is still HTML; a MIME type may carry parameters; a picture's bytes are no text; a title in markup keeps its
     * escaped characters.
     */
    @Test
    void atomTextConstructs() throws Exception {
        String feed = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Example Wire</title>"
                + "<entry><id>tag:a,2024:1</id><title>Plain</title><updated>2024-03-01T10:00:00Z</updated>"
                + "<content type=\"text\">Turnout was &lt; 40% in the east.\n\nMicrosoft &lt;MSFT&gt; rose.</content></entry>"
                + "<entry><id>tag:a,2024:2</id><title>Untyped</title><updated>2024-03-01T10:00:00Z</updated>"
                + "<summary>&lt;p&gt;Markup a feed forgot to type.&lt;/p&gt;</summary></entry>"
                + "<entry><id>tag:a,2024:3</id><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">Why &lt;div&gt; tags matter</div></title>"
                + "<updated>2024-03-01T10:00:00Z</updated><content type=\"html\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</div></content></entry>"
                + "<entry><id>tag:a,2024:4</id><title>Photo</title><updated>2024-03-01T10:00:00Z</updated>"
                + "<summary>A photo of the bridge.</summary><content type=\"image/png\">iVBORw0KGgoAAAANSUhEUg==</content></entry>"
                + "<entry><id>tag:a,2024:5</id><title>Params</title><updated>2024-03-01T10:00:00Z</updated>"
                + "<content type=\"text/plain; charset=utf-8\">a &lt; b\n\nsecond</content></entry></feed>";
        List<ParsedStory> entries = atom.parse(utf8(feed), CONTEXT);
        assertThat(entries.get(0).body()).containsExactly("Turnout was < 40% in the east.", "Microsoft <MSFT> rose.");
        assertThat(entries.get(1).body()).containsExactly("Markup a feed forgot to type.");
        assertThat(entries.get(2).headline()).isEqualTo("Why <div> tags matter");
        assertThat(entries.get(2).body()).containsExactly("One.", "Two.");
        assertThat(entries.get(3).body()).containsExactly("A photo of the bridge.");
        assertThat(entries.get(4).body()).containsExactly("a < b", "second");
    }

    /** What feeds do with titles, authors and languages: HTML-escaped titles, "e-mail (Name)", a feed-level author, no language. */
    @Test
    void titlesAuthorsAndLanguageAsFeedsWriteThem() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>20minutos</title>"
                + "<item><title><![CDATA[Alarma en 'El País': &quot;Tenemos que saber&quot;]]></title>"
                + "<author>redaccion@20minutos.es (Araceli Guede)</author><description>El Gobierno aprobó este martes el plan de "
                + "vivienda que había anunciado el presidente en el Congreso, con una inversión de más de mil millones de euros para "
                + "los próximos años y la construcción de viviendas públicas en las ciudades con los alquileres más altos.</description>"
                + "</item></channel></rss>";
        ParsedStory s = this.rss.parse(utf8(rss), CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("Alarma en 'El País': \"Tenemos que saber\"");
        assertThat(s.byline()).isEqualTo("Araceli Guede");
        assertThat(s.language()).as("no language declared: the items' text says Spanish").isEqualTo("es");
        String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>heise</title><author><name>heise online</name></author>"
                + "<entry><id>urn:h:1</id><title>WildFly 10</title><updated>2016-02-01T10:00:00+01:00</updated>"
                + "<summary>Die Version ist frei.</summary></entry></feed>";
        assertThat(atom.parse(utf8(feed), CONTEXT).get(0).byline()).isEqualTo("heise online");
        // an item whose own text says its language keeps it; the feed's guess is for items too short to say
        String english = "<item><title>Council votes</title><description>The council voted on Monday to raise the levy, which "
                + "has been the subject of a long dispute between the mayor and the opposition, and it will be paid from next year "
                + "by all of the households in the city, the council said in a statement after the vote.</description></item>";
        String spanish = rss.substring(rss.indexOf("<item>"), rss.indexOf("</item>") + "</item>".length());
        String mixed = rss.replace("</channel>", spanish + english + "<item><title>Breve</title><description>Nada.</description></item></channel>");
        List<ParsedStory> items = this.rss.parse(utf8(mixed), CONTEXT);
        assertThat(items).extracting(ParsedStory::language).containsExactly("es", "es", "en", "es");
    }

    @Test
    void readOnLinksInTheAgencyLanguagesLeaveTheBody() throws Exception {
        for (String readOn : java.util.List.of("Leer", "Leer más", "Lire la suite", "Weiterlesen", "Läs mer", "Lue lisää")) {
            String feed = "<rss version=\"2.0\"><channel><item><title>T</title><description>&lt;p&gt;El Gobierno aprobó el plan."
                    + "&lt;/p&gt;&lt;a href=\"https://x.es/a\"&gt;" + readOn + "&lt;/a&gt;</description></item></channel></rss>";
            assertThat(rss.parse(utf8(feed), CONTEXT).get(0).body()).as(readOn).containsExactly("El Gobierno aprobó el plan.");
        }
    }

    /**
     * What real feeds do (the RSS hunt's findings): an item with a title only (no guid, link or text) among others; markup
     * in a title; a literal "<" in one; the wire an item credits; an Atom entry dated only by published.
     */
    @Test
    void titleOnlyItemsMarkupInTitlesAndCreditedWires() throws Exception {
        String feed = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Ticker</title>"
                + "<item><title>BREAKING: Explosion reported at port</title><pubDate>Thu, 10 Oct 2024 14:35 EDT</pubDate></item>"
                + "<item><title><![CDATA[<b>Quake</b> hits <i>Japan</i> coast]]></title><description>A quake hit.</description></item>"
                + "<item><title>Budget passes 5 &lt; 6 vote</title><description>It passed.</description></item>"
                + "<item><title>Stocks rally</title><dc:creator>The Associated Press</dc:creator><description>Stocks rose.</description></item>"
                + "<item><title>Oil jumps</title><description>NEW YORK, Oct 10 (Reuters) - Oil rose.</description></item>"
                + "<item><title>Derby drawn</title><dc:creator>cp</dc:creator><description>It ended 1-1.</description></item>"
                + "<item><title>Why &amp;lt;div&amp;gt; tags matter</title><description>Markup.</description></item>"
                + "</channel></rss>";
        List<ParsedStory> items = rss.parse(utf8(feed), CONTEXT);
        assertThat(items).extracting(ParsedStory::headline).containsExactly("BREAKING: Explosion reported at port",
                "Quake hits Japan coast", "Budget passes 5 < 6 vote", "Stocks rally", "Oil jumps", "Derby drawn",
                "Why <div> tags matter");
        assertThat(items.get(0).versionCreated()).isEqualTo(java.time.Instant.parse("2024-10-10T18:35:00Z"));
        // a signature of initials ("cp") is no credit to Canadian Press
        assertThat(items).extracting(ParsedStory::agency).containsExactly("Ticker", "Ticker", "Ticker", "AP", "Reuters", "Ticker", "Ticker");

        String published = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>W</title><entry><id>urn:w:1</id><title>T</title>"
                + "<published>2023-10-10T09:00:00Z</published><summary>Text.</summary></entry></feed>";
        assertThat(atom.parse(utf8(published), CONTEXT).get(0).versionCreated()).isEqualTo(java.time.Instant.parse("2023-10-10T09:00:00Z"));
    }

    /** Media RSS's title and description describe the picture, whatever their order; Atom's XHTML content keeps its paragraphs. */
    @Test
    void mediaCaptionsAreNotTheItemAndXhtmlKeepsParagraphs() throws Exception {
        String feed = "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Daily</title><item>"
                + "<media:content url=\"https://x.example/p.jpg\"><media:title>Photo: Storm damage</media:title></media:content>"
                + "<media:title>Photo: Storm damage</media:title><media:description>A damaged roof.</media:description>"
                + "<title>Hurricane makes landfall</title><description>The storm came ashore.</description></item></channel></rss>";
        ParsedStory s = rss.parse(utf8(feed), CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("Hurricane makes landfall");
        assertThat(s.body()).containsExactly("The storm came ashore.");

        String xhtml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>W</title><entry><id>urn:w:2</id><title>Budget</title>"
                + "<updated>2023-10-10T09:00:00Z</updated><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<p>The minister resigned.</p><p>Prime Minister Lee named a successor.</p></div></content></entry></feed>";
        assertThat(atom.parse(utf8(xhtml), CONTEXT).get(0).body()).containsExactly("The minister resigned.",
                "Prime Minister Lee named a successor.");
    }

    /**
     * An aggregator's item (Google News): the outlet its source element names wrote it, the title's " - Outlet" goes, and a
     * summary that is only the outlets' links is no text. A content:encoded of one picture gives way to the description.
     * A prefix used without its declaration is declared (every item was lost).
     */
    @Test
    void aggregatorItemsPictureOnlyContentAndUndeclaredPrefixes() throws Exception {
        String google = "<rss version=\"2.0\"><channel><title>Top stories - Google News</title><item>"
                + "<title>Fed holds rates - The Associated Press</title><guid>CBMiQWh0</guid>"
                + "<description>&lt;a href=\"https://news.google.com/rss/articles/CBMiQWh0\"&gt;Fed holds rates&lt;/a&gt;&amp;nbsp;"
                + "&lt;font color=\"#6f6f6f\"&gt;The Associated Press&lt;/font&gt;</description>"
                + "<source url=\"https://apnews.com\">The Associated Press</source></item></channel></rss>";
        ParsedStory g = rss.parse(utf8(google), CONTEXT).get(0);
        assertThat(g.headline()).isEqualTo("Fed holds rates");
        assertThat(g.agency()).isEqualTo("AP");
        assertThat(g.body()).isEmpty();

        String picture = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Metro</title>"
                + "<item><title>Warehouse burns</title><description>A fire destroyed a warehouse overnight.</description>"
                + "<content:encoded><![CDATA[<figure><img src=\"https://x.example/w.jpg\"/></figure>]]></content:encoded></item></channel></rss>";
        assertThat(rss.parse(utf8(picture), CONTEXT).get(0).body()).containsExactly("A fire destroyed a warehouse overnight.");

        String undeclared = "<rss version=\"2.0\"><channel><title>Courier</title><item><title>Bridge closed</title>"
                + "<media:content url=\"https://x.example/b.jpg\"/><description>The bridge closed.</description></item></channel></rss>";
        assertThat(rss.parse(utf8(undeclared), CONTEXT).get(0).headline()).isEqualTo("Bridge closed");
        // a declaration written with spaces is one (no second one is added); a source's short summary with a link is text
        String spaced = undeclared.replace("<rss version=\"2.0\">", "<rss version=\"2.0\" xmlns:dc = \"http://purl.org/dc/elements/1.1/\">")
                .replace("<description>", "<dc:creator>Ann</dc:creator><description>");
        assertThat(rss.parse(utf8(spaced), CONTEXT).get(0).byline()).isEqualTo("Ann");
        String sourced = "<rss version=\"2.0\"><channel><title>Metro</title><item><title>Budget approved</title><description>&lt;p&gt;"
                + "The council &lt;a href=\"https://x.example/\"&gt;approved&lt;/a&gt; it.&lt;/p&gt;</description>"
                + "<source url=\"https://metro.example/rss\">Metro News</source></item></channel></rss>";
        assertThat(rss.parse(utf8(sourced), CONTEXT).get(0).body()).containsExactly("The council approved it.");
    }

    /** A feed's notes on itself leave the text; an author is a name, not an address. */
    @Test
    void feedNotesAndAuthorAddresses() throws Exception {
        for (String note : java.util.List.of("To read this article in full, please click here", "(Image credit: Jane Roe/Reuters)",
                "[read more]", "[If the formatting looks odd in your feed reader, visit the original article]")) {
            String feed = "<rss version=\"2.0\"><channel><title>T</title><item><title>T</title><description>&lt;p&gt;The plan passed."
                    + "&lt;/p&gt;&lt;p&gt;" + note.replace("[", "&lt;a href=\"https://x.example/\"&gt;[").replace("]", "]&lt;/a&gt;")
                    + "&lt;/p&gt;</description></item></channel></rss>";
            assertThat(rss.parse(utf8(feed), CONTEXT).get(0).body()).as(note).containsExactly("The plan passed.");
        }
        for (String[] author : new String[][] {{"Simon Writer (mailto:simon@example.com)", "Simon Writer"},
                {"Simon Writer <simon@example.com>", "Simon Writer"}, {"webmaster@example.nl", null}}) {
            String feed = "<rss version=\"2.0\"><channel><title>T</title><item><title>T</title><author>" + author[0].replace("<", "&lt;")
                    + "</author><description>Text.</description></item></channel></rss>";
            assertThat(rss.parse(utf8(feed), CONTEXT).get(0).byline()).as(author[0]).isEqualTo(author[1]);
        }
        String two = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>T</title><item><title>T</title>"
                + "<dc:creator>Anna Berg</dc:creator><dc:creator>Lars Holm</dc:creator><description>Text.</description></item></channel></rss>";
        assertThat(rss.parse(utf8(two), CONTEXT).get(0).byline()).isEqualTo("Anna Berg, Lars Holm");
    }

    /** RSS 0.91's Netscape DOCTYPE declares nothing and goes; a DOCTYPE with declarations is still refused. */
    @Test
    void netscapeRss091Doctype() throws Exception {
        String feed = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel><title>Herald</title>"
                + "<item><title>Council meets</title><link>http://herald.example/1</link><description>The council met.</description>"
                + "</item></channel></rss>";
        assertThat(rss.parse(utf8(feed), CONTEXT).get(0).headline()).isEqualTo("Council meets");
        String declared = feed.replace("\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">",
                "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\" [<!ENTITY x \"y\">]>");
        assertThatThrownBy(() -> rss.parse(utf8(declared), CONTEXT)).isInstanceOf(WireParseException.class);
    }

    @Test
    void feedWithoutItemsHasNoStory() {
        String empty = "<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>";
        assertThatThrownBy(() -> rss.parse(utf8(empty), CONTEXT)).hasMessage("no story: rss feed with no entries");
        String emptyAtom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty</title></feed>";
        assertThatThrownBy(() -> atom.parse(utf8(emptyAtom), CONTEXT)).hasMessage("no story: atom feed with no entries");
    }

    @Test
    void doctypeRefusedAndTruncationMalformed() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>";
        assertThatThrownBy(() -> rss.parse(utf8(xxe), CONTEXT)).hasMessageStartingWith("XML DOCTYPE refused");
        assertThatThrownBy(() -> rss.parse(utf8("<rss version=\"2.0\"><channel><item><title>x</ti"), CONTEXT))
                .hasMessageStartingWith("malformed XML");
    }

    /**
     * What WordPress and similar systems add to a feed entry (written for this test): "The post ... appeared first on ...",
     * a "Related:" link in the body, an excerpt's "[…]" and a "Continue reading" link. None of it is story text.
     */
    @Test
    void publishingSystemFootersAreNotStoryText() throws Exception {
        String footer = "<p>The post <a href=\"https://herald.example/wall/\">Council approves sea wall</a> appeared first on "
                + "<a href=\"https://herald.example\">Coastal Herald</a>.</p>";
        String feed = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Coastal Herald</title>"
                + "<link>https://herald.example</link><item><title>Council approves sea wall</title><guid>w1</guid>"
                + "<description><![CDATA[<p>The council voted 7-2 on Monday to build a sea wall [&#8230;]</p>" + footer + "]]></description>"
                + "<content:encoded><![CDATA[<p>The council voted 7-2 on Monday to build a sea wall after two winters of floods.</p>"
                + "<p>Work starts in September, the mayor said.</p><p>Related: <a href=\"https://herald.example/floods/\">Floods close shops</a></p>"
                + footer + "]]></content:encoded></item>"
                + "<item><title>Storm warning for the weekend</title><guid>w2</guid><description><![CDATA[Gale-force winds are forecast "
                + "from Saturday. <a href=\"https://herald.example/storm/\">Continue reading &#8594;</a>]]></description></item></channel></rss>";
        List<ParsedStory> stories = rss.parse(utf8(feed), CONTEXT);
        ParsedStory wall = stories.get(0);
        assertThat(wall.body()).containsExactly("The council voted 7-2 on Monday to build a sea wall after two winters of floods.",
                "Work starts in September, the mayor said.");
        assertThat(wall.bodyHtml()).doesNotContain("appeared first").doesNotContain("Related");
        assertThat(wall.description()).isEqualTo("The council voted 7-2 on Monday to build a sea wall …");
        assertThat(stories.get(1).body()).containsExactly("Gale-force winds are forecast from Saturday.");
        // a story that says "read more" in a sentence keeps it
        String plain = "<rss version=\"2.0\"><channel><title>H</title><item><title>Libraries</title><guid>w3</guid><description>"
                + "<![CDATA[<p>Children read more books in the summer, the survey found.</p>]]></description></item></channel></rss>";
        assertThat(rss.parse(utf8(plain), CONTEXT).get(0).body()).containsExactly("Children read more books in the summer, the survey found.");
        String follow = "<rss version=\"2.0\"><channel><title>H</title><item><title>Bridge</title><guid>w4</guid><description>"
                + "<![CDATA[<p>Follow Lagos traffic on X for live diversion updates, the ministry said.</p><p>Share</p>]]></description></item>"
                + "<item><title>Bridge video</title><guid>w5</guid><description><![CDATA[<p>Share</p>]]></description></item></channel></rss>";
        List<ParsedStory> both = rss.parse(utf8(follow), CONTEXT);
        assertThat(both.get(0).body()).containsExactly("Follow Lagos traffic on X for live diversion updates, the ministry said.");
        assertThat(both.get(1).body()).containsExactly("Share"); // nothing else: kept, so the entry is not emptied
    }
}
