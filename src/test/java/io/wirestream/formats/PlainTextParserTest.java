package io.wirestream.formats;

import static io.wirestream.formats.FixtureSupport.bytes;
import static io.wirestream.formats.FixtureSupport.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextParserTest {

    private final PlainTextParser parser = new PlainTextParser();
    /** Pages received after the times they show (a page time more than a day after receipt is not kept). */
    private static final ParseContext PAGE = ParseContext.of("test", java.time.Instant.parse("2026-12-01T00:00:00Z"));

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

    /** Syndicated copy closes with its wire's credit, in the forms Indian, Gulf and Malaysian sites run it. */
    @Test
    void theWiresCreditAtTheFootIsTheAgencyAndNoText() throws Exception {
        String page = "Man tries to enter Parliament, handed over to police\n\n"
                + "New Delhi, Dec 5: A man tried to scale the wall of the Parliament complex on Friday, officials said.\n\n";
        String last = "Further inquiry in this matter is on.";
        for (String[] foot : new String[][] {{last + " (ANI)", "ANI"}, {last + "\n\n(IANS)", "IANS"}, {last + "\n\n-PTI", "PTI"},
                {last + "\n\n— AFP", "AFP"}, {last + "\n\nSources: BERNAMA", "Bernama"}, {last + "\n\n(With inputs from PTI)", "PTI"},
                // the wire's own sign-off, with the reporter's and the desk's initials
                {last + "\n\nPTI SKL RT RT", "PTI"}, {last + "\n\n-- IANS\n\nsk/arm", "IANS"}, {last + "\n\n/ANI", "ANI"}}) {
            ParsedStory s = parser.parse((page + foot[0] + "\n").getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
            assertThat(s.agency()).as(foot[0]).isEqualTo(foot[1]);
            assertThat(s.body()).as(foot[0]).last().isEqualTo(last);
            assertThat(String.valueOf(s.byline())).as(foot[0]).doesNotStartWith("-").doesNotStartWith("—");
        }
        for (String notice : List.of("(Agencies)", "(with agency inputs)", "(Reporting by Tarek Amara; Editing by Mark Heinrich)")) {
            ParsedStory s = parser.parse((page + last + "\n\n" + notice + "\n").getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
            assertThat(s.body()).as(notice).last().isEqualTo(last);
        }
        // a sentence that ends with a bracketed word is text
        ParsedStory s = parser.parse((page + "The bill was passed by the upper house (Rajya Sabha).\n").getBytes(StandardCharsets.UTF_8),
                FixtureSupport.CONTEXT).get(0);
        assertThat(s.body()).last().isEqualTo("The bill was passed by the upper house (Rajya Sabha).");
    }

    /** Captions with their photo credit and the comment form under the story are no text. */
    @Test
    void captionsAndCommentFormsAreNoText() throws Exception {
        String page = "BJP leaders take aim at Rahul Gandhi\n\nCongress MP Rahul Gandhi (Photo | EPS)\n\n"
                + "NEW DELHI: BJP leaders on Sunday criticised the Congress leader over his remarks, officials said.\n\n"
                + "FILE PHOTO: A man walks past the party office in New Delhi, India, May 3, 2024. REUTERS/Anushree Fadnavis/File Photo\n\n"
                + "The party said it would respond on Monday.\n\nLeave a Reply\n\n"
                + "Your email address will not be published. Required fields are marked *\n\nPlease enter your comment!\n";
        ParsedStory s = parser.parse(page.getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
        assertThat(s.body()).containsExactly("NEW DELHI: BJP leaders on Sunday criticised the Congress leader over his remarks, officials said.",
                "The party said it would respond on Monday.");
        assertThat(s.datelinePlace()).isEqualTo("New Delhi");
    }

    /** devdiscourse's and t-online's credit lines: the wire, the place, and times written day first. */
    @Test
    void creditLinesWithDayFirstDates() throws Exception {
        ParsedStory pune = parser.parse(("Pune police team attacked in UP's Ghaziabad\n\n"
                + "PTI | Pune | Updated: 11-05-2021 23:14 IST | Created: 11-05-2021 23:14 IST\n\n"
                + "A team of Pune Police was attacked and their vehicle was vandalised in Ghaziabad, an official said.\n\n"
                + "The team had gone there to arrest a suspect.\n").getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
        assertThat(pune.agency()).isEqualTo("PTI");
        assertThat(pune.versionCreated()).isEqualTo(java.time.Instant.parse("2021-05-11T17:44:00Z"));
        assertThat(pune.body()).first().asString().startsWith("A team of Pune Police");
        ParsedStory berlin = parser.parse(("Feuerwehrleute bei Einsatz in Kreuzberg angegriffen\n\n04.02.2019, 05:38 Uhr | dpa\n\n"
                + "Feuerwehrleute sind bei der Versorgung eines Patienten in Berlin-Kreuzberg angegriffen worden.\n\n"
                + "Die Polizei ermittelt.\n").getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
        assertThat(berlin.agency()).isEqualTo("dpa");
        // the page names no zone (Berlin's is CET): the date and the clock are the page's, the zone a guess (UTC)
        assertThat(berlin.versionCreated().atZone(java.time.ZoneOffset.UTC).toLocalDate()).isEqualTo(java.time.LocalDate.of(2019, 2, 4));
        assertThat(berlin.versionCreated().atZone(java.time.ZoneOffset.UTC).getMinute()).isEqualTo(38);
    }

    /**
     * Site furniture the hunts found over headlines and in bodies: a logo's alt text, Wix's "top of page", a Spanish
     * "Nuestras Redes", a caption closed by "Photo/ANI", a view counter, a copyright line; a sentence about copyright stays.
     */
    @Test
    void logosCountersCaptionsAndCopyrightLines() throws Exception {
        for (String over : List.of("Business Recorder Logo", "top of page", "Nuestras Redes",
                "Party spokesperson speaking to reporters on Thursday in New Delhi. Photo/ANI")) {
            ParsedStory s = parser.parse((over + "\n\nPakistan and Turkey agree to boost trade ties\n\n"
                    + "ANKARA, Sep 17 (APP): Prime Minister Nawaz Sharif met the Turkish president on Sunday.\n\n"
                    + "205 total views today\n\nThe leaders also discussed regional security.\n\n"
                    + "Copyright laws were also on the agenda, officials said.\n\n"
                    + "Copyright APP (Associated Press of Pakistan), 2017\n").getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
            assertThat(s.headline()).as(over).isEqualTo("Pakistan and Turkey agree to boost trade ties");
            assertThat(s.body()).as(over).containsExactly("ANKARA, Sep 17 (APP): Prime Minister Nawaz Sharif met the Turkish president on Sunday.",
                    "The leaders also discussed regional security.", "Copyright laws were also on the agenda, officials said.");
        }
        // a headline that ends in "Logo", or is about copyright, a caption-like sentence and a "Lee" sentence are text
        ParsedStory logo = parser.parse(("Apple Unveils New Logo\n\nThe company said on Tuesday its new design would roll out next year.\n\n"
                + "Users can now upload a photo/video.\n\nCopyright Office officials said the decision was final.\n")
                .getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
        assertThat(logo.headline()).isEqualTo("Apple Unveils New Logo");
        assertThat(logo.body()).containsExactly("The company said on Tuesday its new design would roll out next year.",
                "Users can now upload a photo/video.", "Copyright Office officials said the decision was final.");
        assertThat(ScrapedPage.isFurniture("Lee también anunció que visitará Tokio en otoño.")).isFalse();
        assertThat(ScrapedPage.isFurniture("Foto de Lula com Trump viraliza nas redes")).isFalse();
        assertThat(ScrapedPage.isFurniture("Copyright Office Rejects AI Artwork Claim")).isFalse();
    }

    /**
     * Pages in the agency languages: a byline "Por ..." / "Par ... avec AFP", a caption closed by its credit over the
     * dateline, share buttons alone on their lines, a close button's "×" over the headline.
     */
    @Test
    void bylinesCaptionsAndButtonsInOtherLanguages() throws Exception {
        ParsedStory s = parser.parse(("×\n\nLe gouvernement adopte le budget\n\nPar Jean Dupont avec AFP\n\n"
                + "Des députés dans l'hémicycle mardi. (AP Photo/Jon Gambrell)\n\nPinterest\n\nWhatsApp\n\n"
                + "PARIS (AP) — Le gouvernement a adopté le budget mardi après un long débat.\n\nL'opposition a voté contre.\n")
                .getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("Le gouvernement adopte le budget");
        assertThat(s.byline()).isEqualTo("Par Jean Dupont avec AFP");
        assertThat(s.datelinePlace()).isEqualTo("Paris");
        assertThat(s.body()).containsExactly("PARIS (AP) — Le gouvernement a adopté le budget mardi après un long débat.",
                "L'opposition a voté contre.");
    }

    /** A Spanish-language page: its time label and its foot credit ("Fuente: EFE") are no dateline; the credit is the agency. */
    @Test
    void timeLabelsAndCreditsInOtherLanguages() throws Exception {
        ParsedStory s = parser.parse(("Gobierno cierra la agencia\n\nPublicado: 10/03/2023 14:05 GST\n\n"
                + "El gobierno anunció el cierre de la agencia estatal de noticias el lunes, según fuentes oficiales.\n\n"
                + "Los trabajadores protestaron frente al edificio.\n\nFuente: EFE\n").getBytes(StandardCharsets.UTF_8),
                FixtureSupport.CONTEXT).get(0);
        assertThat(s.agency()).isEqualTo("EFE");
        assertThat(s.dateline()).isNull();
        assertThat(s.versionCreated()).isEqualTo(java.time.Instant.parse("2023-03-10T10:05:00Z"));
        assertThat(s.body()).containsExactly("El gobierno anunció el cierre de la agencia estatal de noticias el lunes, según fuentes oficiales.",
                "Los trabajadores protestaron frente al edificio.");
    }

    /** A scraper saves the page's own navigation with the story: skip links, menus, app links are no headline. */
    @Test
    void thePagesNavigationIsNoHeadline() throws Exception {
        for (String nav : List.of("Skip to main content", "Press \"Enter\" to skip to content", "close", "Menu", "e-Paper Get App", "Search")) {
            ParsedStory s = parser.parse((nav + "\nAfghanistan quake kills at least 7\n\n(CNN) -- An earthquake in central Afghanistan "
                    + "killed at least seven people, officials said.\n\nThe toll may rise.\n").getBytes(StandardCharsets.UTF_8),
                    FixtureSupport.CONTEXT).get(0);
            assertThat(s.headline()).as(nav).isEqualTo("Afghanistan quake kills at least 7");
        }
    }

    /**
     * A page saved without its headline opens with its first paragraph (CNN Arabic's): read as body, headed by its first
     * sentence, NO_HEADLINE said; a long first line that is no prose (a caption's credit, a log line) is still refused.
     */
    @Test
    void aPageWithoutAHeadlineIsHeadedByItsFirstSentence() throws Exception {
        String lead = "DAMASCUS, Syria (CNN) -- Syrian opposition groups said on Tuesday that armed factions linked to the Free Syrian "
                + "Army had taken control of a military airport in the north of the country after days of heavy fighting. The "
                + "government did not comment on the reports, which could not be verified independently, and state media said the "
                + "army had repelled several attacks on positions near the city overnight.";
        ParsedStory s = parser.parse((lead + "\n\nThe fighting continued on Wednesday.\n").getBytes(StandardCharsets.UTF_8),
                FixtureSupport.CONTEXT).get(0);
        assertThat(s.body().get(0)).isEqualTo(lead);
        assertThat(s.headline()).as("its dateline is no part of it").startsWith("Syrian opposition groups said on Tuesday");
        assertThat(s.dateline()).isEqualTo("DAMASCUS, Syria (CNN) --");
        assertThat(s.agency()).isEqualTo("CNN");
        assertThat(s.signals()).contains(io.wirestream.avro.Signal.NO_HEADLINE);
        // a lead under a headline's length, opening with a wire's credited dateline, is no headline either
        ParsedStory dili = parser.parse(("DILI (Reuters) – The prime minister of East Timor has sent a letter of resignation to the president."
                + "\n\nHe said he would stay on until a successor was named.\n").getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT).get(0);
        assertThat(dili.headline()).startsWith("The prime minister of East Timor");
        assertThat(dili.dateline()).isEqualTo("DILI (Reuters) –");
        assertThat(dili.agency()).isEqualTo("Reuters");
        assertThat(dili.signals()).contains(io.wirestream.avro.Signal.NO_HEADLINE);
        String caption = "In this image released by A24 Films, Jessica Chastain, left, and Oscar Isaac appear in a scene. ".repeat(4)
                + "(AP Photo/A24 Films, Atsushi Nishijima)AP2014";
        assertThatThrownBy(() -> parser.parse((caption + "\n\nOscar Isaac has had a stellar year.\n").getBytes(StandardCharsets.UTF_8),
                FixtureSupport.CONTEXT)).hasMessageContaining("too long for a headline");
        String framed = "ZCZC\n^" + "The Harbour Company said on Thursday it would open its new terminal in March. ".repeat(5)
                + "\nSYDNEY, March 1 AAP - The terminal will take the largest ships.\nNNNN\n";
        assertThat(parser.parse(framed.getBytes(StandardCharsets.UTF_8), FixtureSupport.CONTEXT))
                .as("a telex frame's own long headline: refused with a reason, no index error").isNotNull();
        assertThat(parser.parse(("word ".repeat(6_000) + "end.\n\nMore text here.\n").getBytes(StandardCharsets.UTF_8),
                FixtureSupport.CONTEXT)).as("a 30 KB first line: no stack overflow").hasSize(1);
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

    /**
     * A news page as scraped (written for this test in the shape Indian news sites use): credit and time lines
     * under the headline, reading-time and ad furniture, a link to another story, an agency credit at the foot.
     */
    @Test
    void aScrapedPageLosesItsFurnitureAndGivesItsCreditsAndTimes() throws Exception {
        byte[] page = ("Home / India News / Flood alert issued in Assam as river crosses danger mark\n"
                + "Flood alert issued in Assam as river crosses danger mark\n"
                + "Over a lakh people in nine districts have been affected, officials said.\n"
                + "Written by Priya Sharma | Guwahati | Updated: July 4, 2026 09:42 IST\n"
                + "3 min read\n"
                + "Listen to this article\n"
                + "Guwahati: The river crossed the danger mark at two places on Saturday, officials said.\n"
                + "Advertisement\n"
                + "Forty relief camps have been opened in two districts.\n"
                + "Also Read: Heavy rain lashes the northeast\n"
                + "Story continues below this ad\n"
                + "The Army has been put on standby, he added.\n"
                + "(With inputs from PTI)\n"
                + "Tags: Assam, floods\n").getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(page, PAGE).get(0);
        assertThat(s.headline()).isEqualTo("Flood alert issued in Assam as river crosses danger mark");
        assertThat(s.description()).isEqualTo("Over a lakh people in nine districts have been affected, officials said.");
        assertThat(s.byline()).isEqualTo("By Priya Sharma");
        assertThat(s.dateline()).isEqualTo("Guwahati:");
        assertThat(s.versionCreated()).isEqualTo(java.time.Instant.parse("2026-07-04T04:12:00Z")); // 09:42 IST
        assertThat(s.body()).containsExactly(
                "Guwahati: The river crossed the danger mark at two places on Saturday, officials said.",
                "Forty relief camps have been opened in two districts.",
                "The Army has been put on standby, he added.");
    }

    /** Agency copy on a syndicating site: the agency's name for a byline, the time, PTI's dateline, the feed notice. */
    @Test
    void syndicatedAgencyCopyOnAPage() throws Exception {
        byte[] page = ("Metro extends evening services on Blue Line\n"
                + "PTI\n"
                + "Updated: Mar 02, 2026, 18:20 IST\n"
                + "Kolkata, Mar 2 (PTI) The Metro will run four more services from Monday, an official said.\n"
                + "The last train will now leave at 10.40 pm, he said.\n"
                + "(This story has not been edited by our staff and is auto-generated from a syndicated feed.)\n")
                .getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(page, PAGE).get(0);
        assertThat(s.agency()).isEqualTo("PTI");
        assertThat(s.byline()).isEqualTo("PTI");
        assertThat(s.dateline()).isEqualTo("Kolkata, Mar 2 (PTI)");
        assertThat(s.versionCreated()).isEqualTo(java.time.Instant.parse("2026-03-02T12:50:00Z"));
        assertThat(s.body()).hasSize(2).noneMatch(p -> p.contains("syndicated"));
    }

    /** Sentences that open like furniture or a credit stay in the story. */
    @Test
    void sentencesThatOpenLikeFurnitureStay() throws Exception {
        byte[] page = ("Regulator fines bank over fees\n"
                + "By the time the market closed, shares had fallen 4 percent\n"
                + "LONDON (Reuters) - Britain's regulator fined the bank on Monday.\n"
                + "Share prices of rivals rose after the decision was announced.\n"
                + "Watchdog officials said more cases would follow.\n"
                + "Updated figures will be published in June, the regulator said.\n"
                + "Advertisement revenue at the bank's media arm was not affected.\n")
                .getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(page, PAGE).get(0);
        assertThat(s.byline()).isNull();
        assertThat(s.description()).startsWith("By the time the market closed");
        assertThat(s.versionCreated()).isNull();
        assertThat(s.body()).hasSize(5);

        // found by review: a headline naming an outlet, sentences naming one, dated sentences, inputs from people
        byte[] outlets = ("New York Times sues software maker over articles\n"
                + "NEW YORK (Reuters) - The New York Times sued a software maker on Tuesday.\n"
                + "Reuters could not verify the claim.\n"
                + "The New York Times declined to comment.\n"
                + "Released on March 3, 2026, the data show a sharp fall.\n"
                + "Published by a small press in 2019, the book sold poorly.\n"
                + "Based on inputs from farmers, the ministry cut its estimate.\n"
                + "Updated guidance from the court is expected on April 1, 2026.\n").getBytes(StandardCharsets.UTF_8);
        ParsedStory o = parser.parse(outlets, PAGE).get(0);
        assertThat(o.headline()).isEqualTo("New York Times sues software maker over articles");
        assertThat(o.byline()).isNull();
        assertThat(o.agency()).isEqualTo("Reuters");
        assertThat(o.versionCreated()).isNull();
        assertThat(o.firstCreated()).isNull();
        assertThat(o.body()).hasSize(7);
    }

    /** Headlines that read like a section, a byline or a breadcrumb stay headlines; a time after receipt is not kept. */
    @Test
    void headlinesThatLookLikePageParts() throws Exception {
        for (String headline : new String[] {"Brave New World", "Covid / flu / RSV: what you need to know this winter"}) {
            byte[] page = (headline + "\nThe report was published on Monday, officials said.\nIt runs to 40 pages.\n")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(parser.parse(page, PAGE).get(0).headline()).isEqualTo(headline);
        }
        byte[] future = ("Council meets\nPublished: March 3, 2030 10:00 IST\nThe council met on Monday.\nIt agreed the budget.\n")
                .getBytes(StandardCharsets.UTF_8);
        ParsedStory f = parser.parse(future, PAGE).get(0);
        assertThat(f.firstCreated()).isNull();
        assertThat(f.body()).containsExactly("The council met on Monday.", "It agreed the budget."); // still not story text
        byte[] colon = ("Council meets\nFirst Published: Mar 03 2026 | 10:15 PM IST\nThe council met on Monday.\nIt agreed the budget.\n")
                .getBytes(StandardCharsets.UTF_8);
        ParsedStory c = parser.parse(colon, PAGE).get(0);
        assertThat(c.firstCreated()).isEqualTo(java.time.Instant.parse("2026-03-03T16:45:00Z"));
        assertThat(c.dateline()).isNull();
    }

    @Test
    void timesAsPagesWriteThem() {
        assertThat(ScrapedPage.time("July 4, 2026 09:42 IST")).isEqualTo(java.time.Instant.parse("2026-07-04T04:12:00Z"));
        assertThat(ScrapedPage.time("12 Mar 2026")).isEqualTo(java.time.Instant.parse("2026-03-12T00:00:00Z"));
        // day first, as German and Indian sites write it; the date's figures hold no clock
        assertThat(ScrapedPage.time("11-05-2021 23:14 IST")).isEqualTo(java.time.Instant.parse("2021-05-11T17:44:00Z"));
        assertThat(ScrapedPage.time("04.02.2019, 05:38 Uhr")).isEqualTo(java.time.Instant.parse("2019-02-04T05:38:00Z"));
        assertThat(ScrapedPage.time("04.02.2019")).isEqualTo(java.time.Instant.parse("2019-02-04T00:00:00Z"));
        assertThat(ScrapedPage.time("25-12-2021 10:00 GMT")).isEqualTo(java.time.Instant.parse("2021-12-25T10:00:00Z"));
        assertThat(ScrapedPage.time("05-12-2021 10:00 GMT")).as("May 12 on a US site, December 5 elsewhere: not read").isNull();
        assertThat(ScrapedPage.time("29/11/2015")).isEqualTo(java.time.Instant.parse("2015-11-29T00:00:00Z"));
        assertThat(ScrapedPage.time("25/03/2024 | 14:05 PKT")).isEqualTo(java.time.Instant.parse("2024-03-25T09:05:00Z"));
        assertThat(ScrapedPage.time("05/12/2021 10:00")).as("May 12 on a US site").isNull();
        // dates in the agency languages
        assertThat(ScrapedPage.time("4 de outubro de 2014 às 11:24")).isEqualTo(java.time.Instant.parse("2014-10-04T11:24:00Z"));
        assertThat(ScrapedPage.time("Publié le 4 mars 2024 à 10h30")).isEqualTo(java.time.Instant.parse("2024-03-04T10:30:00Z"));
        assertThat(ScrapedPage.time("4. März 2024, 10:30 Uhr")).isEqualTo(java.time.Instant.parse("2024-03-04T10:30:00Z"));
        assertThat(ScrapedPage.time("4 marzo 2024 alle 10:30")).isEqualTo(java.time.Instant.parse("2024-03-04T10:30:00Z"));
        assertThat(ScrapedPage.time("4. Mai 2024")).isEqualTo(java.time.Instant.parse("2024-05-04T00:00:00Z"));
        assertThat(ScrapedPage.time("4 mai 2024 à 08h15")).isEqualTo(java.time.Instant.parse("2024-05-04T08:15:00Z"));
        assertThat(ScrapedPage.time("Mar 2, 2026 10:15 pm GMT+5:30")).isEqualTo(java.time.Instant.parse("2026-03-02T16:45:00Z"));
        assertThat(ScrapedPage.time("2026-03-02 08:15 +01:00")).isEqualTo(java.time.Instant.parse("2026-03-02T07:15:00Z"));
        assertThat(ScrapedPage.time("Monday, 2nd March 2026, 7.05 am EST")).isEqualTo(java.time.Instant.parse("2026-03-02T12:05:00Z"));
        assertThat(ScrapedPage.time("March 3, 2026, 10:00-11:00")).isEqualTo(java.time.Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(ScrapedPage.time("March 3, 2026 (UTC+05:30)")).isEqualTo(java.time.Instant.parse("2026-03-02T18:30:00Z"));
        assertThat(ScrapedPage.time("2026-03-03T10:00")).isEqualTo(java.time.Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(ScrapedPage.time("March 3, 2026 9:00 am ACDT")).isEqualTo(java.time.Instant.parse("2026-03-02T22:30:00Z"));
        assertThat(ScrapedPage.time("February 30, 2026")).isNull();
        assertThat(ScrapedPage.time("yesterday")).isNull();
    }

    /** Section label, editor credit and time over the headline; the dateline alone on its line; a promotion at the foot. */
    @Test
    void creditsOverTheHeadlineAndADatelineOnItsOwnLine() throws Exception {
        byte[] page = ("World News\n"
                + "Edited by: Rohan Mehta\n"
                + "Updated: March 02, 2026 3:03 pm IST\n"
                + "Strong earthquake hits northern Japan, tsunami advisory issued\n"
                + "Read Time: 2 mins\n"
                + "Tokyo:\n"
                + "A magnitude 6.8 earthquake struck northern Japan on Monday, officials said.\n"
                + "There were no immediate reports of damage.\n"
                + "Track Latest News Live and get news updates from around the world\n").getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(page, PAGE).get(0);
        assertThat(s.headline()).isEqualTo("Strong earthquake hits northern Japan, tsunami advisory issued");
        assertThat(s.dateline()).isEqualTo("Tokyo:");
        assertThat(s.versionCreated()).isEqualTo(java.time.Instant.parse("2026-03-02T09:33:00Z"));
        assertThat(s.body()).containsExactly("Tokyo: A magnitude 6.8 earthquake struck northern Japan on Monday, officials said.",
                "There were no immediate reports of damage.");
    }

    /** A breadcrumb of slashes, a correspondent's byline with a place, a date line and share prompts. */
    @Test
    void slashBreadcrumbAndCorrespondentByline() throws Exception {
        byte[] page = ("News / India News / Capital records its cleanest air day\n"
                + "Capital records its cleanest air day of the year as winds pick up\n"
                + "By HT Correspondent, New Delhi\n"
                + "Jan 02, 2026 10:15 AM IST\n"
                + "Share Via\n"
                + "2 hours ago\n"
                + "The air quality index improved to satisfactory on Friday as westerly winds dispersed pollutants.\n"
                + "The board recorded an index of 96 at 4pm.\n").getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(page, PAGE).get(0);
        assertThat(s.headline()).isEqualTo("Capital records its cleanest air day of the year as winds pick up");
        assertThat(s.byline()).isEqualTo("By HT Correspondent, New Delhi");
        assertThat(s.firstCreated()).isEqualTo(java.time.Instant.parse("2026-01-02T04:45:00Z"));
        assertThat(s.body()).hasSize(2).first().asString().startsWith("The air quality index");
    }

    /**
     * Copy framed as a telex message (written for this test in the shape of AAP's feed): ZCZC and a routing line, header
     * lines opened by a sign, the text, a sign-off and NNNN. The header's headline, keyword, place and subject code are
     * read; none of the framing reaches the story.
     */
    @Test
    void aTelexFramedMessage() throws Exception {
        byte[] message = ("ZCZC AAP\r\n%A\r\n#Harbour_BC2\r\n$Ferry services resume after storm\r\n:(HOBART)\r\n&DESK\\Smithj\r\n"
                + "*04000000\r\n@TAS\r\nFerry services across the harbour resumed on Tuesday after a storm closed the port.\n\n"
                + "   The operator said timetables would return to normal by Wednesday.\n\n\r\nAAP RTV\r\nNNNN\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(message, PAGE).get(0);
        assertThat(s.headline()).isEqualTo("Ferry services resume after storm");
        assertThat(s.slugline()).isEqualTo("Harbour_BC2");
        assertThat(s.datelinePlace()).isEqualTo("Hobart");
        assertThat(s.subjects()).extracting(SubjectCode::code).containsExactly("04000000");
        assertThat(s.body()).first().asString().startsWith("Ferry services across the harbour resumed");
        assertThat(s.body()).noneMatch(p -> p.contains("ZCZC") || p.contains("NNNN") || p.startsWith("#") || p.startsWith("$"));

        // A keyword that is all the header says heads a message whose text opens with its dateline.
        byte[] results = ("ZCZC FMG000\nYY RFG TDR\n:Leading trainers and jockeys 2025-2026\n:TRAINERS\n"
                + "  SYDNEY, Jul 16 AAP - Leading trainers and jockeys for the season.\n\nB Rider  90  79\nNNNN\n")
                .getBytes(StandardCharsets.UTF_8);
        ParsedStory r = parser.parse(results, PAGE).get(0);
        assertThat(r.headline()).isEqualTo("Leading trainers and jockeys 2025-2026");
        assertThat(r.slugline()).isEqualTo("TRAINERS");
        assertThat(r.agency()).isEqualTo("AAP");
        assertThat(r.body()).first().asString().startsWith("SYDNEY, Jul 16 AAP -");

        // two messages in one item are two stories; a headline in capitals after the header is no routing line
        byte[] two = ("ZCZC AAP\n#Rates\nRBA HOLDS RATES\nThe Reserve Bank left its cash rate unchanged on Tuesday.\nNNNN\n"
                + "ZCZC AAP\n#Dollar\n$Dollar firms after rates decision\nThe Australian dollar rose half a cent.\nNNNN\n")
                .getBytes(StandardCharsets.UTF_8);
        java.util.List<ParsedStory> both = parser.parse(two, new ParseContext("test", null, null, "batch-7")).stream().toList();
        assertThat(both).extracting(ParsedStory::headline).containsExactly("RBA HOLDS RATES", "Dollar firms after rates decision");
        assertThat(both).extracting(ParsedStory::storyKey).containsExactly("test:batch-7#1", "test:batch-7#2");
        // a message with neither a header headline nor a headline line is headed by its first sentence, not lost
        byte[] bare = "ZCZC\n#Rates\nSYDNEY, May 12 AAP - The Reserve Bank left the cash rate unchanged.\nNNNN\n".getBytes(StandardCharsets.UTF_8);
        ParsedStory h = parser.parse(bare, PAGE).get(0);
        assertThat(h.headline()).contains("Reserve Bank left the cash rate unchanged");
        assertThat(h.body()).hasSize(1);
    }

    /** A press release's headings over its headline are not the headline (written for this test). */
    @Test
    void aPressReleaseHeadingIsNotTheHeadline() throws Exception {
        byte[] release = ("Source: Harbour Robotics\nMEDIA RELEASE PR70112\nHarbour Robotics Opens Its First Plant in Asia\n\n"
                + "OSAKA, Japan, March 2, 2026 /PRNewswire/ -- Harbour Robotics opened its first Asian plant on Monday.\n\n"
                + "The plant will employ 300 people.\n").getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(release, PAGE).get(0);
        assertThat(s.headline()).isEqualTo("Harbour Robotics Opens Its First Plant in Asia");
        assertThat(s.datelinePlace()).isEqualTo("Osaka, Japan");
        byte[] immediate = ("FOR IMMEDIATE RELEASE\nCity Opens Two New Libraries\nThe city opened two libraries on Monday.\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(immediate, PAGE).get(0).headline()).isEqualTo("City Opens Two New Libraries");
        // a headline that begins like a heading stays the headline
        byte[] story = ("Press release prompts questions over council spending\nThe council's statement on Monday raised questions.\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(story, PAGE).get(0).headline()).startsWith("Press release prompts");
    }

    /** Found by the second review: headlines and sentences that the first mends still read as page parts or times. */
    @Test
    void headlinesAndSentencesTheSecondReviewFound() throws Exception {
        for (String headline : new String[] {"Authors sue AI start-up over use of pirated books",
                "Reporter abducted in Zamfara regains freedom after 40 days", "Embargo on Iranian oil to stay, says Washington"}) {
            byte[] page = (headline + "\nThe case was filed on Monday.\nA hearing is due next month.\n").getBytes(StandardCharsets.UTF_8);
            ParsedStory s = parser.parse(page, PAGE).get(0);
            assertThat(s.headline()).isEqualTo(headline);
            assertThat(s.byline()).isNull();
        }
        String[] sentences = {"The subtitles were auto-generated from the audio track and were not checked by an editor, the broadcaster said.",
            "The error appeared on a syndicated feed used by 14 regional stations.",
            "Picture, if you will, a girl of 12 reading by a window.",
            "Video, audio and written evidence submitted to the committee showed repeated delays.",
            "Highlights:", "Income tax bands were widened by 2,000 euros."};
        byte[] page = ("Budget day brings few surprises\n" + String.join("\n", sentences) + "\n").getBytes(StandardCharsets.UTF_8);
        ParsedStory s = parser.parse(page, PAGE).get(0);
        assertThat(s.body()).containsExactly(sentences);
        assertThat(s.dateline()).isNull();

        // a quoted tweet's date and a liveblog's stamps belong to the story, not to the page
        byte[] tweet = ("Minister's old post resurfaces\nA post from 2019 was shared widely on Sunday.\n"
                + "\"We will never raise this tax,\" the minister wrote.\nJuly 14, 2019\nHis office did not comment.\n")
                .getBytes(StandardCharsets.UTF_8);
        ParsedStory t = parser.parse(tweet, PAGE).get(0);
        assertThat(t.firstCreated()).isNull();
        assertThat(t.body()).contains("July 14, 2019");
        byte[] iso = ("Council meets\nPublished: 2026-11-30T10:00:00Z\nThe council met on Monday.\nIt agreed the budget.\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(iso, PAGE).get(0).firstCreated()).isEqualTo(java.time.Instant.parse("2026-11-30T10:00:00Z"));
    }

    /** Telex items the second review sent: a service message, a sign-off after NNNN, lower case, ZCZC in the text, a table. */
    @Test
    void telexItemsLoseNothing() throws Exception {
        byte[] service = ("ZCZC AAP\n$Flood warning for the Hawkesbury\nThe river is expected to peak on Tuesday.\nNNNN\n"
                + "ZCZC AAP\nPLS IGNORE AAP0499\nNNNN\n").getBytes(StandardCharsets.UTF_8);
        java.util.List<ParsedStory> read = parser.parse(service, PAGE);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).headline()).isEqualTo("Flood warning for the Hawkesbury");
        assertThat(String.join(" ", read.get(0).body())).contains("expected to peak").contains("PLS IGNORE");
        byte[] ends = "ZCZC AAP\n$Flood warning for the Hawkesbury\nThe river is expected to peak.\nnnnn\nENDS\n".getBytes(StandardCharsets.UTF_8);
        ParsedStory e = parser.parse(ends, PAGE).get(0);
        assertThat(e.headline()).isEqualTo("Flood warning for the Hawkesbury");
        assertThat(e.body()).noneMatch(p -> p.equalsIgnoreCase("nnnn"));
        byte[] signal = ("ZCZC\n$Museum shows the telex age\nZCZC was the signal that opened every message, the curator said.\nNNNN\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(signal, PAGE)).singleElement().extracting(ParsedStory::body).asList().hasSize(1);
        byte[] table = "ZCZC\n$Greyhound results\nRace\tWinner\tPrice\n1\tPuzzle Queen\t2.10\n2\tZip Along\t3.40\n3\tHolly\t5.00\nNNNN\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(table, PAGE).get(0).headline()).isEqualTo("Greyhound results");
    }
}
