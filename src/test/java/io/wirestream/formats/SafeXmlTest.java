package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The XML reader's tolerance: blank lines before the declaration and stray text after the root element are dropped,
 * a UTF-8 byte-order mark is read, anything else stays refused.
 */
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

    @Test
    void blankLinesBeforeTheDeclarationAreDropped() throws Exception {
        String feed = "\r\n\n  <?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>Grünen</title></channel></rss>";
        assertThat(SafeXml.parse(utf8(feed)).getDocumentElement().getTextContent()).isEqualTo("Grünen");
        byte[] withBom = utf8("\uFEFF\n" + feed.strip());
        assertThat(SafeXml.parse(withBom).getDocumentElement().getTextContent()).isEqualTo("Grünen");
        // without a declaration, leading whitespace is legal XML: the bytes are left alone
        byte[] plain = utf8("\n\n<rss/>");
        assertThat(SafeXml.withoutSpaceBeforeDeclaration(plain)).isSameAs(plain);
        assertThatThrownBy(() -> SafeXml.parse(utf8("x\n<?xml version=\"1.0\"?><rss/>"))).hasMessageStartingWith("malformed XML");
    }

    @Test
    void utf8MisdeclaredAsLatin1IsReadAsUtf8AlsoAfterAByteOrderMark() throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><NewsML><h>Décès de Naomi Musenga</h></NewsML>";
        assertThat(SafeXml.parse(utf8(doc)).getDocumentElement().getTextContent()).isEqualTo("Décès de Naomi Musenga");
        assertThat(SafeXml.parse(utf8("\uFEFF" + doc)).getDocumentElement().getTextContent()).isEqualTo("Décès de Naomi Musenga");
        byte[] latin1 = doc.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(SafeXml.parse(latin1).getDocumentElement().getTextContent()).as("real Latin-1 stays Latin-1")
                .isEqualTo("Décès de Naomi Musenga");
    }

    /** A feed is repaired once where readers take it: a control character, HTML entities, a bare ampersand, undeclared Latin-1. */
    @Test
    void aFeedIsRepairedOnceAndAnAgencyDocumentIsNot() throws Exception {
        String feed = "<?xml version=\"1.0\"?><rss><channel><item><title>Caf\u0007\u00e9</title>"
                + "<description>&nbsp;La Junta&hellip;</description><link>https://x.com/a?w=1&q=85</link></item></channel></rss>";
        org.w3c.dom.Document d = SafeXml.parseFeed(utf8(feed));
        assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Café");
        assertThat(d.getElementsByTagName("description").item(0).getTextContent()).isEqualTo("\u00a0La Junta\u2026");
        assertThat(d.getElementsByTagName("link").item(0).getTextContent()).isEqualTo("https://x.com/a?w=1&q=85");
        assertThatThrownBy(() -> SafeXml.parse(utf8(feed))).hasMessageStartingWith("malformed XML");
        byte[] latin1 = "<rss><channel><item><title>Últimas Notícias</title></item></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(SafeXml.parseFeed(latin1).getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Últimas Notícias");
        assertThatThrownBy(() -> SafeXml.parseFeed(utf8("<!DOCTYPE rss [<!ENTITY x \"y\">]><rss>&x;&nbsp;</rss>")))
                .hasMessageStartingWith("XML DOCTYPE refused");
        assertThatThrownBy(() -> SafeXml.parseFeed(utf8("<rss><channel></rss>"))).hasMessageStartingWith("malformed XML");
    }

    /** The repair leaves CDATA as it was sent (a guid is a story's key) and reads only stray bytes as Windows-1252. */
    @Test
    void theRepairLeavesCdataAndUtf8Alone() throws Exception {
        String feed = "<rss><channel><item><title>Br\u0007\u00fccke</title><guid><![CDATA[https://x.net/s?id=1&src=rss]]></guid>"
                + "<category>Q&A</category></item></channel></rss>";
        org.w3c.dom.Document d = SafeXml.parseFeed(utf8(feed));
        assertThat(d.getElementsByTagName("guid").item(0).getTextContent()).isEqualTo("https://x.net/s?id=1&src=rss");
        assertThat(d.getElementsByTagName("category").item(0).getTextContent()).isEqualTo("Q&A");
        byte[] mixed = "<rss><channel><title>Zürich bridge</title><item><title>Caf</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] stray = new byte[mixed.length + 1];
        int at = new String(mixed, StandardCharsets.UTF_8).indexOf("Caf") + 3 + 1; // after "Caf" (ü takes two bytes)
        System.arraycopy(mixed, 0, stray, 0, at);
        stray[at] = (byte) 0xE9; // a Latin-1 é pasted into UTF-8
        System.arraycopy(mixed, at, stray, at + 1, mixed.length - at);
        org.w3c.dom.Document r = SafeXml.parseFeed(stray);
        assertThat(r.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Zürich bridge");
        assertThat(r.getElementsByTagName("title").item(1).getTextContent()).isEqualTo("Café");
    }
}
