package io.wirestream.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Hostile-input-safe XML reading for every XML wire format, plus small DOM helpers that match
 * elements by local name (agencies mix namespaces and prefixes freely).
 *
 * <p>No DTD is accepted at all: that single rule shuts out external entities (XXE) and entity
 * expansion (billion laughs). Real wire XML does not need a DOCTYPE; NITF files that carry one are
 * read after the DOCTYPE line is removed, never with it resolved.
 */
public final class SafeXml {

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

    /** Deepest element nesting read (JAXP's maxElementDepth); real wire files stay under 30. */
    static final int MAX_ELEMENT_DEPTH = 256;

    private SafeXml() {
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // No wire nests elements hundreds deep; the walkers over the tree recurse per level, so a
            // hostile 5,000-deep body would overflow the stack: the parser refuses it with its reason.
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            // Comments are the producer's notes on its own markup ("<!-- Subtitle -->" inside ANSA's byline), never copy.
            f.setIgnoringComments(true);
            DocumentBuilder b = f.newDocumentBuilder();
            // The default handler prints parse errors to stderr; we report them as dead letters instead.
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser lacks a required security feature", e);
        }
    }

    /**
     * Parses XML bytes, honouring the encoding the document declares.
     *
     * @throws WireParseException "XML DOCTYPE refused ..." for any DTD, "malformed XML ..." otherwise
     */
    public static Document parse(byte[] payload) throws WireParseException {
        payload = withoutSpaceBeforeDeclaration(payload);
        try {
            return parseOnce(payload);
        } catch (WireParseException e) {
            // once, and only shorter: stray text after the root element is dropped (a second try that fails reports the first)
            byte[] whole = e.getMessage().startsWith("malformed XML") ? withoutTrailingText(payload) : null;
            if (whole == null) {
                throw e;
            }
            try {
                return parseOnce(whole);
            } catch (WireParseException again) {
                throw e;
            }
        }
    }

    /**
     * Parses a web feed, which browsers and feed readers take with faults an agency's XML does not have: when the
     * document is malformed it is repaired once and parsed again (the first error is reported if that fails too).
     * The repairs: control characters XML forbids are dropped (a stray BEL in El País' feed refused all 81 items); HTML's
     * named entities become character references ({@code &nbsp;}, Europa Press); an ampersand that starts no reference
     * is escaped (a URL's query in an attribute, The Guardian's); undeclared text that is not UTF-8 is read as
     * Windows-1252 (UOL's Latin-1). A DOCTYPE stays refused.
     */
    public static Document parseFeed(byte[] payload) throws WireParseException {
        try {
            return parse(payload);
        } catch (WireParseException e) {
            if (!e.getMessage().startsWith("malformed XML")) {
                throw e;
            }
            try {
                return parse(repaired(withoutSpaceBeforeDeclaration(payload)));
            } catch (WireParseException again) {
                throw e;
            }
        }
    }

    private static final java.util.regex.Pattern ENTITY_OR_AMPERSAND = java.util.regex.Pattern.compile("&(?:([A-Za-z][A-Za-z0-9]{0,31});|#x?[0-9A-Fa-f]{1,8};)?");
    private static final java.util.Set<String> XML_ENTITIES = java.util.Set.of("amp", "lt", "gt", "quot", "apos");
    /** A declaration of some encoding other than UTF-8: the repair leaves such bytes to it. */
    private static final java.util.regex.Pattern OTHER_ENCODING = java.util.regex.Pattern.compile(
            "^(?:\u00EF\u00BB\u00BF)?<\\?xml[^>]*encoding\\s*=\\s*[\"'](?!(?i:utf-?8)[\"'])");

    /** Sections whose text XML does not read as markup: CDATA and comments, which the repairs leave as they are. */
    private static final java.util.regex.Pattern VERBATIM = java.util.regex.Pattern.compile("(?s)<!\\[CDATA\\[.*?\\]\\]>|<!--.*?-->");

    /** The repairs of {@link #parseFeed}, on the bytes as ISO-8859-1 text (byte for byte). */
    static byte[] repaired(byte[] payload) {
        byte[] bytes = payload;
        String head = new String(bytes, 0, Math.min(bytes.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!OTHER_ENCODING.matcher(head).find()) {
            bytes = strayBytesAsWindows1252(bytes);
        }
        String s = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                b.append(c);
            }
        }
        // entities and ampersands are repaired in markup and text only: a CDATA section's text is as it was sent (a guid's
        // "?id=1&src=rss" stays the key it is in a clean poll)
        StringBuilder out = new StringBuilder(b.length() + 64);
        java.util.regex.Matcher verbatim = VERBATIM.matcher(b);
        int from = 0;
        while (verbatim.find()) {
            out.append(repairedReferences(b.subSequence(from, verbatim.start()))).append(verbatim.group());
            from = verbatim.end();
        }
        out.append(repairedReferences(b.subSequence(from, b.length())));
        return withDeclaredPrefixes(out.toString()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A namespace prefix as an element or attribute name uses it: "<media:content", " rdf:about=". */
    private static final java.util.regex.Pattern PREFIX_USE = java.util.regex.Pattern.compile(
            "(?:</?|\\s)([A-Za-z_][A-Za-z0-9_.-]{0,30}):[A-Za-z_][A-Za-z0-9_.-]{0,60}(?=[\\s/>=])");
    /** The namespaces feeds use most, for a prefix a feed uses without declaring it. */
    private static final java.util.Map<String, String> KNOWN_PREFIXES = java.util.Map.of(
            "media", "http://search.yahoo.com/mrss/", "dc", "http://purl.org/dc/elements/1.1/",
            "content", "http://purl.org/rss/1.0/modules/content/", "atom", "http://www.w3.org/2005/Atom",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd", "georss", "http://www.georss.org/georss",
            "slash", "http://purl.org/rss/1.0/modules/slash/", "wfw", "http://wellformedweb.org/CommentAPI/",
            "sy", "http://purl.org/rss/1.0/modules/syndication/");

    /**
     * The feed with every prefix it uses but never declares declared on its root (a feed that writes {@code <media:content>}
     * without {@code xmlns:media} is not namespace-well-formed, and every item was lost with it): the usual namespace for a
     * known prefix, a placeholder for others.
     */
    static String withDeclaredPrefixes(String xml) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> undeclared = new java.util.TreeSet<>();
        java.util.regex.Matcher m = PREFIX_USE.matcher(xml);
        while (m.find()) {
            String prefix = m.group(1);
            // each prefix is looked up once: a feed uses the same few thousands of times
            if (seen.add(prefix) && !prefix.equals("xml") && !prefix.equals("xmlns")
                    && !java.util.regex.Pattern.compile("xmlns:" + java.util.regex.Pattern.quote(prefix) + "\\s*=").matcher(xml).find()) {
                undeclared.add(prefix);
            }
        }
        int root = -1;
        for (int i = xml.indexOf('<'); i >= 0 && i + 1 < xml.length(); i = xml.indexOf('<', i + 1)) {
            if (xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i);
                if (end < 0) {
                    break;
                }
                i = end; // a comment before the root may hold anything
            } else if (Character.isLetter(xml.charAt(i + 1))) {
                root = i;
                break;
            }
        }
        if (undeclared.isEmpty() || root < 0) {
            return xml;
        }
        int nameEnd = root + 1;
        while (nameEnd < xml.length() && !Character.isWhitespace(xml.charAt(nameEnd)) && xml.charAt(nameEnd) != '>' && xml.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        StringBuilder declarations = new StringBuilder();
        for (String prefix : undeclared) {
            declarations.append(" xmlns:").append(prefix).append("=\"")
                    .append(KNOWN_PREFIXES.getOrDefault(prefix, "urn:wirestream:undeclared:" + prefix)).append('"');
        }
        return xml.substring(0, nameEnd) + declarations + xml.substring(nameEnd);
    }

    private static String repairedReferences(CharSequence text) {
        java.util.regex.Matcher m = ENTITY_OR_AMPERSAND.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (m.end() - m.start() == 1) {
                replacement = "&amp;"; // an ampersand that starts no reference
            } else if (name != null && !XML_ENTITIES.contains(name)) {
                String chars = org.jsoup.nodes.Entities.getByName(name);
                replacement = chars.isEmpty() ? "&amp;" + name + ";" : chars.codePoints()
                        .mapToObj(cp -> "&#" + cp + ";").collect(java.util.stream.Collectors.joining());
            } else {
                replacement = m.group();
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * UTF-8 with a few bytes that are not (one Latin-1 "é" pasted into a UTF-8 feed): the UTF-8 read as UTF-8, each stray
     * byte as Windows-1252, all of it written back as UTF-8. A feed that is all Latin-1 comes out whole, as its bytes
     * are all stray; one that is all UTF-8 comes out as it was.
     */
    static byte[] strayBytesAsWindows1252(byte[] bytes) {
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        // a byte gives at most one char (UTF-8's four-byte sequences give two), so the buffer never fills
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        for (java.nio.charset.CoderResult r = utf8.decode(in, out, true); !r.isUnderflow(); r = utf8.decode(in, out, true)) {
            for (int k = 0; k < r.length(); k++) {
                out.put(new String(new byte[] {in.get()}, cp1252));
            }
        }
        out.flip();
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Document parseOnce(byte[] payload) throws WireParseException {
        DocumentBuilder b = BUILDER.get();
        try {
            return b.parse(new ByteArrayInputStream(correctMisdeclaredLatin1(payload)));
        } catch (SAXParseException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("DOCTYPE")) {
                throw new WireParseException("XML DOCTYPE refused: DTDs and entities are not accepted (XXE, entity expansion)", e);
            }
            throw new WireParseException("malformed XML at line " + e.getLineNumber() + ": " + msg, e);
        } catch (SAXException e) {
            throw new WireParseException("malformed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WireParseException("unreadable XML: " + e.getMessage(), e);
        } finally {
            b.reset();
        }
    }

    /**
     * The document without the blank lines or spaces a feed script wrote before its XML declaration ("\r\n<?xml ..."),
     * which the XML specification forbids and every strict parser refuses; the byte-order mark, if any, is kept.
     * Returned unchanged when nothing but whitespace is there or no declaration follows it.
     */
    static byte[] withoutSpaceBeforeDeclaration(byte[] payload) {
        int bom = WireText.hasUtf8Bom(payload) ? 3 : 0;
        int at = bom;
        while (at < payload.length && (payload[at] == ' ' || payload[at] == '\t' || payload[at] == '\r' || payload[at] == '\n')) {
            at++;
        }
        if (at == bom || at + 5 > payload.length || !new String(payload, at, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("<?xml")) {
            return payload;
        }
        byte[] out = new byte[payload.length - (at - bom)];
        System.arraycopy(payload, 0, out, 0, bom);
        System.arraycopy(payload, at, out, bom, payload.length - at);
        return out;
    }

    /** At most this much stray text after the root element is dropped. */
    private static final int TRAILING_TEXT_MAX = 1024;

    /**
     * The document without stray text after its root element's last end tag (a feed written out with a script's
     * closing quotes after it, NRK's RSS test file; padding), or null when there is nothing to drop: no root end
     * tag, nothing after it, more than {@link #TRAILING_TEXT_MAX} bytes after it, or markup there (a second
     * document is refused). Only the window of the last {@code TRAILING_TEXT_MAX} bytes and the head are read.
     */
    static byte[] withoutTrailingText(byte[] payload) {
        String root = rootName(new String(payload, 0, Math.min(payload.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1));
        if (root == null) {
            return null;
        }
        // the end tag ends within the last TRAILING_TEXT_MAX bytes; a window a little wider holds all of it
        int from = Math.max(0, payload.length - TRAILING_TEXT_MAX - 300);
        String tail = new String(payload, from, payload.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("</(?:[\\w.-]+:)?" + java.util.regex.Pattern.quote(root) + "\\s*>")
                .matcher(tail);
        int cut = -1;
        while (end.find()) {
            cut = end.end();
        }
        if (cut < 0 || cut >= tail.length() || tail.length() - cut > TRAILING_TEXT_MAX || tail.indexOf('<', cut) >= 0) {
            return null;
        }
        return java.util.Arrays.copyOf(payload, from + cut);
    }

    private static final java.util.regex.Pattern LATIN1_DECLARATION = java.util.regex.Pattern.compile(
            "^(\u00EF\u00BB\u00BF)?<\\?xml[^>]*?encoding\\s*=\\s*([\"'])(?i:iso-8859-1|iso8859-1|latin-?1|windows-1252|cp1252)\\2");

    /**
     * Agencies' systems sometimes write UTF-8 but declare ISO-8859-1 (AFP's afp20.xml fixture), which
     * turns every accent into two characters ("Décès" read as "DÃ©cÃ¨s"). Bytes that are valid UTF-8
     * and contain multi-byte sequences are practically never real Latin-1 text, so in that case the
     * declaration is rewritten to UTF-8, padded with spaces so byte offsets stay the same. Anything
     * else is returned unchanged.
     */
    static byte[] correctMisdeclaredLatin1(byte[] payload) {
        String head = new String(payload, 0, Math.min(payload.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = LATIN1_DECLARATION.matcher(head);
        if (!m.find() || !hasMultiByteUtf8(payload)) {
            return payload;
        }
        int valueStart = m.start(2) + 1;
        int valueEnd = m.end() - 1;
        byte[] out = payload.clone();
        byte[] utf8 = "UTF-8".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(utf8, 0, out, valueStart, utf8.length);
        out[valueStart + utf8.length] = out[valueEnd]; // the closing quote
        java.util.Arrays.fill(out, valueStart + utf8.length + 1, valueEnd + 1, (byte) ' ');
        return out;
    }

    private static boolean hasMultiByteUtf8(byte[] payload) {
        boolean nonAscii = false;
        for (byte x : payload) {
            if (x < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return false;
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(payload));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** Direct child elements with the given local name. */
    public static List<Element> children(Node parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    /** First direct child with the local name, or null. */
    public static Element child(Node parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Follows a path of local names through first children, e.g. {@code path(root, "head", "docdata")}. */
    public static Element path(Node from, String... localNames) {
        Node cur = from;
        for (String name : localNames) {
            cur = child(cur, name);
            if (cur == null) {
                return null;
            }
        }
        return (Element) cur;
    }

    /** All descendant elements with the local name, in document order. */
    public static List<Element> descendants(Node root, String localName) {
        List<Element> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        NodeList all = root instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) root).getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    /** First descendant with the local name, or null. */
    public static Element descendant(Node root, String localName) {
        List<Element> d = descendants(root, localName);
        return d.isEmpty() ? null : d.get(0);
    }

    /** Trimmed text content of an element, null for a missing or blank element. */
    public static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = WireText.collapse(e.getTextContent());
        return t.isEmpty() ? null : t;
    }

    /** Attribute value, null when absent or blank. */
    public static String attr(Element e, String name) {
        if (e == null) {
            return null;
        }
        String v = e.getAttribute(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * Local name of the document element, read from the first bytes without parsing (for sniffing):
     * skips a BOM, the XML declaration, comments, processing instructions and a DOCTYPE. Null when the
     * text does not start like XML or the root start tag is beyond the head.
     */
    public static String rootName(String headText) {
        String t = headText.startsWith("\u00EF\u00BB\u00BF") ? headText.substring(3) : headText;
        int i = 0;
        while (true) {
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            if (i >= t.length() || t.charAt(i) != '<') {
                return null;
            }
            int end;
            if (t.startsWith("<?", i)) {
                end = t.indexOf("?>", i);
                end = end < 0 ? -1 : end + 2;
            } else if (t.startsWith("<!--", i)) {
                end = t.indexOf("-->", i);
                end = end < 0 ? -1 : end + 3;
            } else if (t.startsWith("<!", i)) {
                int bracket = t.indexOf('[', i);
                int close = t.indexOf('>', i);
                end = bracket >= 0 && bracket < close ? t.indexOf("]>", bracket) : close;
                end = end < 0 ? -1 : t.charAt(end) == ']' ? end + 2 : end + 1;
            } else {
                int j = i + 1;
                while (j < t.length() && !Character.isWhitespace(t.charAt(j)) && t.charAt(j) != '>' && t.charAt(j) != '/') {
                    j++;
                }
                String qname = t.substring(i + 1, j);
                return qname.isEmpty() ? null : qname.substring(qname.indexOf(':') + 1);
            }
            if (end < 0) {
                return null;
            }
            i = end;
        }
    }

    public static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }
}
