package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireTextTest {

    @Test
    void lineBreaksInHtmlWithoutBlocksSplitParagraphsCleanly() {
        assertThat(WireText.paragraphsFromHtml("First line<br>Second line<br/>Third"))
                .containsExactly("First line", "Second line", "Third");
    }

    @Test
    void collapseFoldsWhitespaceAndDropsWireControls() {
        assertThat(WireText.collapse("  A\u00A0 b\t\n c\u0007\u0002d  ")).isEqualTo("A b cd");
        assertThat(WireText.stripControl("x\u0001y\tz")).isEqualTo("xy\tz");
    }

    /** Results, standings and rates come as HTML tables: each row is a paragraph, its cells apart, nothing lost. */
    @Test
    void tableRowsAreParagraphs() {
        String html = "<p>6. Spieltag:</p><table><tr><th></th><th>Sp.</th><th>Pkt.</th></tr>"
                + "<tr><td>FC Augsburg</td><td>-</td><td>Bor. Mönchengladbach</td><td>2:1 (1:0)</td></tr>"
                + "<tr><td>Kategorie 1</td><td><p>Wert 3</p><p>mit Absatz</p></td></tr></table><p>Nächste Spiele:</p>";
        assertThat(WireText.paragraphsFromHtml(html)).containsExactly("6. Spieltag:", "Sp. | Pkt.",
                "FC Augsburg | - | Bor. Mönchengladbach | 2:1 (1:0)", "Kategorie 1 | Wert 3 mit Absatz", "Nächste Spiele:");
        String nested = "<table><tr><td><p>Layout</p><table><tr><td>USA</td><td>1 USD</td><td>0,850</td></tr></table></td></tr></table>";
        assertThat(WireText.paragraphsFromHtml(nested)).containsExactly("Layout", "USA | 1 USD | 0,850");
    }

    @Test
    void twoLineBreaksInOneParagraphPartIt() {
        assertThat(WireText.paragraphsFromHtml("<p>Ihr Ansprechpartner: Thomas Brockt<br/>Tel. (030) 2852<br/><br/>FORD WILL STELLEN ABBAUEN"
                + "<br> <br>Der US-Autobauer Ford will abbauen.</p>"))
                .containsExactly("Ihr Ansprechpartner: Thomas Brockt Tel. (030) 2852", "FORD WILL STELLEN ABBAUEN",
                        "Der US-Autobauer Ford will abbauen.");
    }

    /** PA's NewsML 1.2 puts inline tags on lines of their own; AP relayed by dpa leaves its dateline to a style sheet. */
    @Test
    void inlineMarkupLeavesNoSpaceBeforeAStopAndADatelineStandsApart() {
        assertThat(WireText.paragraphsFromHtml("<p>It runs from <chron>August 1 to 25</chron>\n.</p><p><person>Tony Lankester</person>\n, "
                + "chief executive, said: \"Vive la France !\"</p>"))
                .containsExactly("It runs from August 1 to 25.", "Tony Lankester, chief executive, said: \"Vive la France !\"");
        assertThat(WireText.paragraphsFromHtml("<p><span class=\"dateline\">BUENOS AIRES, Argentina <span class=\"credit\">(AP)</span>"
                + "</span>Argentine President Javier Milei is facing a probe.</p>"))
                .containsExactly("BUENOS AIRES, Argentina (AP) — Argentine President Javier Milei is facing a probe.");
        assertThat(WireText.paragraphsFromHtml("<p><span class=\"dateline\">Berlin (dpa) - </span>Die Grünen-Spitze tritt ab.</p>"))
                .containsExactly("Berlin (dpa) - Die Grünen-Spitze tritt ab.");
        assertThat(WireText.paragraphsFromHtml("<p><span class=\"dateline\">WASHINGTON</span> (AP) — President Biden spoke.</p>"))
                .as("the class on the city alone").containsExactly("WASHINGTON (AP) — President Biden spoke.");
        assertThat(WireText.paragraphsFromHtml("<p><span class=\"dateline\">BUENOS AIRES</span>, Argentina (AP) — Milei spoke.</p>"))
                .containsExactly("BUENOS AIRES, Argentina (AP) — Milei spoke.");
    }

    /** Nothing outside a paragraph element is lost where the copy is text and tables; layout tables keep their paragraphs. */
    @Test
    void textBesideATableAndLayoutTablesKeepTheirParagraphs() {
        assertThat(WireText.paragraphsFromHtml("Results from the weekend:<br>The home side won easily.<br><br>Earlier, fans gathered."
                + "<table><tr><td>Team A</td><td>3</td></tr><tr><td></td><td></td></tr><tr><td>Team B</td><td>1</td></tr></table>"
                + "Report continues after the table."))
                .containsExactly("Results from the weekend:", "The home side won easily.", "Earlier, fans gathered.", "Team A | 3",
                        "Team B | 1", "Report continues after the table.");
        assertThat(WireText.paragraphsFromHtml("<table><tr><td><p>SINGAPORE, May 1 -- Acme said profit rose.</p><p>Revenue rose 5%.</p>"
                + "<p>The chief executive spoke.</p></td></tr></table>"))
                .containsExactly("SINGAPORE, May 1 -- Acme said profit rose.", "Revenue rose 5%.", "The chief executive spoke.");
    }

    /** Loose text in copy with paragraphs is kept when it reads as prose; a kicker, a picture's credit and caption are not text. */
    @Test
    void looseProseIsKeptAndKickersAndCaptionsAreNot() {
        String tt = "<article><h1>Militärövning</h1><div class=\"dat\"><span>Försvar</span><span>TT</span></div>"
                + "<div class=\"bodytext\"><p>Pandemin satte stopp för övningen.</p>Tyvärr har vår oro fördjupats, konstaterar Timmermans."
                + "<figure><img src=\"a.jpg\"/><div class=\"byline\">Karl Melander/TT</div><figcaption>En stor övning.</figcaption>"
                + "</figure></div></article>";
        assertThat(WireText.paragraphsFromHtml(tt)).containsExactly("Militärövning", "Pandemin satte stopp för övningen.",
                "Tyvärr har vår oro fördjupats, konstaterar Timmermans.");
    }

    /** Long loose text, many line breaks, many blank lines: read without a stack overflow (a regex's repeated group recursed per word). */
    @Test
    void hugeParagraphsAndRunsOfBreaksAreRead() {
        assertThat(WireText.paragraphsFromHtml("<p>Intro.</p><div>" + "word ".repeat(20_000) + "end.</div>")).hasSize(2);
        assertThat(WireText.paragraphsFromHtml("line one" + "<br>".repeat(20_000) + "line two")).containsExactly("line one", "line two");
        assertThat(WireText.paragraphsFromHtml("<div>a" + "\n".repeat(20_000) + "b</div>")).containsExactly("a", "b");
    }

    /** A picture's caption outside a paragraph ends "(EFE)" and is not kept; Chinese prose, written without spaces, is. */
    @Test
    void looseCaptionsGoAndLooseChineseStays() {
        assertThat(WireText.paragraphsFromHtml("<p>El Gobierno aprobó el plan.</p><div><img src=\"a.jpg\">Una anciana es ingresada en un "
                + "hospital. (EFE)</div>")).containsExactly("El Gobierno aprobó el plan.");
        assertThat(WireText.paragraphsFromHtml("<div>北京时间周二，国家统计局公布的数据显示经济增长。</div><p>第二段。</p>"))
                .containsExactly("北京时间周二，国家统计局公布的数据显示经济增长。", "第二段。");
        assertThat(WireText.paragraphsFromHtml("<p>The board said it would\n\nreview the policy.</p>"))
                .as("a blank line inside a paragraph element is its source's wrapping").containsExactly("The board said it would review the policy.");
        assertThat(WireText.paragraphsFromHtml("<p><span class=\"dateline\">BERLIN (dpa)</span> Die Regierung tagt.</p>"))
                .containsExactly("BERLIN (dpa) — Die Regierung tagt.");
    }

    /** Prose that pretty-printed markup wrapped is one paragraph; a results list indented the same way keeps its lines. */
    @Test
    void proseWrappedByPrettyPrintingIsOneParagraphAndAnIndentedListIsNot() {
        String wrapped = "\n      With more lunch combos than ever \u2013 enough to try \n      a new combination every workday for a year \u2013 the grill"
                + " \n      unveiled a thicker decoy that sold out in weeks.\n    ";
        assertThat(WireText.paragraphsFromHtml(wrapped)).containsExactly(
                "With more lunch combos than ever \u2013 enough to try a new combination every workday for a year \u2013 the grill unveiled a"
                        + " thicker decoy that sold out in weeks.");
        String results = "Jan 3 - Results on Wednesday\n    Desportivo Aves (0) 1 Moreirense (2) 2\n    Maritimo (0) 1 Chaves (1) 2\n";
        assertThat(WireText.paragraphsFromHtml(results)).hasSize(3);
    }
}
