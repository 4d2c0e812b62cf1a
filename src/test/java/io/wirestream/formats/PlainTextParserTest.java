package io.wirestream.formats;

import static io.wirestream.formats.FixtureSupport.bytes;
import static io.wirestream.formats.FixtureSupport.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextParserTest {

    private final PlainTextParser parser = new PlainTextParser();

    /** plain/web-scrape-iran-larijani.txt: breadcrumb, headline, standfirst, "Tehran:" paragraph. */
    @Test
    void scrapedArticle() throws Exception {
        ParsedStory s = one(parser, "plain/web-scrape-iran-larijani.txt");
        assertThat(s.headline()).isEqualTo("Will not negotiate with US: Top Iranian security official");
        assertThat(s.datelinePlace()).isEqualTo("Tehran");
        assertThat(s.dateline()).isEqualTo("Tehran:");
        assertThat(s.description()).startsWith("Iran has ruled out negotiations with the United States amid rising Middle East tensions.");
        assertThat(s.body().get(0)).startsWith("Tehran: Ali Larijani, Secretary of Iran’s Supreme National Security Council");
        assertThat(s.body()).hasSizeGreaterThan(5);
        assertThat(s.body()).noneMatch(p -> p.contains("Home |News"));
        assertThat(s.headline()).doesNotContain("Home");
        assertThat(s.body()).noneMatch(p -> p.startsWith("Iran has ruled out")); // the standfirst is not repeated
        assertThat(ParserRegistry.standard().detect(bytes("plain/web-scrape-iran-larijani.txt"))).isInstanceOf(PlainTextParser.class);
    }

    /** A short brief that marks no paragraphs (no blank line, no indent) keeps one paragraph a line, whatever their length. */
    @Test
    void aBriefWithoutBlankLinesIsOneParagraphALine() throws Exception {
        byte[] brief = ("Harbour company opens a new terminal for container ships\n"
                + "ROTTERDAM (Reuters) - The Harbour Company opened its new terminal on Thursday.\n"
                + "The terminal will take the largest container ships from March, it said.\n").getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(brief, FixtureSupport.CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("Harbour company opens a new terminal for container ships");
        assertThat(s.body()).hasSize(2);
    }

    /** A stray blank line (at the end, or after the headline) does not make a scraped page read as wrapped copy. */
    @Test
    void aStrayBlankLineLeavesAScrapedPageAsItWas() throws Exception {
        ParsedStory clean = one(parser, "plain/web-scrape-iran-larijani.txt");
        String text = new String(bytes("plain/web-scrape-iran-larijani.txt"), StandardCharsets.UTF_8);
        for (String stray : new String[] {text + " \n", text.replaceFirst("\n", "\n\n"), text.replace(clean.headline() + "\n", clean.headline() + "\n\n")}) {
            ParsedStory s = parser.parse(stray.getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
            assertThat(s.headline()).isEqualTo(clean.headline());
            assertThat(s.dateline()).isEqualTo(clean.dateline());
            assertThat(s.body()).isEqualTo(clean.body());
        }
    }

    @Test
    void storyKeyFromItemId() throws Exception {
        byte[] p = "A headline\nLONDON (Reuters) - Text.\n".getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(p, new ParseContext("reuters", null, null, "page-1")).get(0);
        assertThat(s.storyKey()).isEqualTo("reuters:page-1");
        assertThat(s.agency()).isEqualTo("Reuters");
    }

    @Test
    void breadcrumbOnlyIsNoStory() {
        byte[] p = "Home | News | World\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(p, FixtureSupport.CONTEXT)).hasMessageStartingWith("no story");
    }

    /** XML of a kind no parser reads stays unrecognised with a byte-order mark in front; it is not read as an article. */
    @Test
    void unknownXmlWithAByteOrderMarkIsNotPlainText() {
        byte[] p = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Publish><Story>Text</Story></Publish>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ParserRegistry.standard().detect(p)).hasMessageStartingWith("unrecognised format");
    }

    /** The catch-all takes neither a raw e-mail nor a CSV table for an article: each is a dead letter with its reason. */
    @Test
    void aRawEmailAndACsvTableAreNoArticles() throws Exception {
        byte[] mail = ("Delivered-To: desk@example.com\nReceived: by 2002:a19 with SMTP id x1;\n        Fri, 5 Jul 2019 03:08:14 -0700\n"
                + "X-Received: by 2002:a63 with SMTP id e24;\nSubject: Story\n\nThe council met on Monday.\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(mail, FixtureSupport.CONTEXT)).hasMessageContaining("raw e-mail");
        byte[] csv = "\"Subject\",\"Start Date\",\"Location\"\n\"Retail trade, June\",\"3/9/2018\",\"Canberra\"\n\"Jobs\",\"4/9/2018\",\"Sydney\"\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(csv, FixtureSupport.CONTEXT)).hasMessageContaining("table");
        // A story that quotes headers, or whose headline is "X-Men: ...", opens with its headline: an article.
        byte[] quoting = ("Phishing mails copy a bank's headers\nReceived: from mail.bank.example\n"
                + "Message-ID: <1@bank.example>\nReturn-Path: <alerts@bank.example>\nThe police said the mails were fakes.\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(quoting, FixtureSupport.CONTEXT).get(0).headline()).isEqualTo("Phishing mails copy a bank's headers");
        byte[] film = ("X-Men: Days of Future Past tops the box office\nLOS ANGELES (Reuters) - The film took $90 million.\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(film, FixtureSupport.CONTEXT).get(0).headline()).startsWith("X-Men");
        // A headline opening with a quotation, its lines holding two commas each outside quotes, is no CSV header.
        byte[] quoted = ("\"We will win,\" she said, as polls, rallies and debates end\nBy Anna Roe, Rome, Italy\n"
                + "ROME (Reuters) - Polls, rallies and debates ended, officials said.\n").getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(quoted, FixtureSupport.CONTEXT)).hasSize(1);
        // Prose whose lines happen to hold two commas each is still an article.
        byte[] prose = "Rain, wind and snow hit the north\nLONDON (Reuters) - Rain, wind and snow hit the north, forecasters said.\nRoads, rails and ports shut, officials said.\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ParserRegistry.standard().detect(prose)).isInstanceOf(PlainTextParser.class);
        assertThat(parser.parse(prose, FixtureSupport.CONTEXT).get(0).headline()).isEqualTo("Rain, wind and snow hit the north");
    }
}
