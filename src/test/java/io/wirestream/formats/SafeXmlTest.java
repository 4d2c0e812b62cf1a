package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The XML reader's tolerance: stray text after the root element is dropped, anything else stays refused. */
class SafeXmlTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void strayTextAfterTheRootElementIsDropped() throws Exception {
        String feed = "<rss version=\"2.0\"><channel><item><title>Stanset ikke</title></item></channel></rss>\n\"\"\"\n";
        assertThat(SafeXml.parse(utf8(feed)).getDocumentElement().getLocalName()).isEqualTo("rss");
        String prefixed = "<?xml version=\"1.0\"?><n:newsItem xmlns:n=\"urn:x\"><n:a>x</n:a></n:newsItem>\u0000\u0000 junk";
        assertThat(SafeXml.parse(utf8(prefixed)).getDocumentElement().getLocalName()).isEqualTo("newsItem");
    }

    @Test
    void aSecondDocumentOrMuchTrailingTextIsStillMalformed() {
        assertThatThrownBy(() -> SafeXml.parse(utf8("<rss><channel/></rss><rss><channel/></rss>")))
                .hasMessageStartingWith("malformed XML");
        assertThatThrownBy(() -> SafeXml.parse(utf8("<rss><channel/></rss>" + "x".repeat(2000))))
                .hasMessageStartingWith("malformed XML");
        assertThatThrownBy(() -> SafeXml.parse(utf8("<rss><channel>"))).hasMessageStartingWith("malformed XML");
        // an end tag after the stray text: nothing is dropped, and the document is tried once more at most
        String twice = "<rss><channel/>" + "<item>x</item>".repeat(70_000) + "</rss>x</rss>";
        assertThatThrownBy(() -> SafeXml.parse(utf8(twice))).hasMessageStartingWith("malformed XML");
        assertThat(SafeXml.withoutTrailingText(utf8("<rss><channel/></rss>x</rss>"))).isNull();
    }
}
