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
        assertThat(WireText.paragraphsFromHtml(html)).containsExactly("6. Spieltag:", "| Sp. | Pkt.",
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
    }
}
