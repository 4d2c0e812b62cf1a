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
}
