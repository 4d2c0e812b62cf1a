package io.wirestream.formats;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns a story body carried as XML inside a wire document (G2 inlineXML, NewsML 1.2 DataContent,
 * NITF body.content) into HTML and clean paragraphs.
 *
 * <p>The body arrives as XHTML or NITF markup, often with a namespace prefix ({@code x:p}). We write
 * it out again as plain HTML with local names, so consumers get one dialect, and NITF-only elements
 * become their HTML counterparts (hl2 to h2, block to div) so that the paragraph splitter sees them.
 */
final class XmlBody {

    /** NITF and G2 element names that have an HTML equivalent. */
    private static final Map<String, String> RENAME = Map.of(
            "hl1", "h1", "hl2", "h2", "block", "div", "body.content", "div", "bq", "blockquote", "credit", "p");
    private static final Set<String> VOID = Set.of("br", "hr", "img");
    /** class is kept so StoryCleanup can recognise embeds ("twitter-embed"); its allow-list drops it after. */
    private static final Set<String> KEEP_ATTRS = Set.of("href", "src", "alt", "title", "class");
    /** Markup whose text is not story text; an XHTML header (dpa: slugs, genre, the headline again, the time) is metadata. */
    private static final Set<String> SKIP = Set.of("head", "header", "script", "style", "media", "media-reference", "object", "figure");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;\"”’')\\]]$");
    /**
     * Reuters SNI text and other take-style copy put the whole story in one {@code <p>}, one
     * paragraph per indented line. A line break followed by indentation, or a blank line, is a
     * paragraph break there. A blank line is written as a break, a run of spaces, tabs and breaks, and a
     * break: one character class, where a repeated group ({@code \R(?:[ \t]*\R)+}) recurses once per
     * line and overflows the stack on a long run of them.
     */
    private static final Pattern PREFORMATTED_BREAK = Pattern.compile("\\R[ \\t\\n\\x0B\\f\\r\\x{85}\\x{2028}\\x{2029}]*\\R|\\R[ \\t]{3,}");

    private XmlBody() {
    }

    /**
     * The element holding the story text inside an inline container: NITF's body.content, an XHTML
     * body, or the container itself when it holds paragraphs directly.
     */
    static Element textRoot(Element container) {
        if (container == null) {
            return null;
        }
        Element nitf = SafeXml.child(container, "nitf");
        if (nitf != null) {
            Element content = SafeXml.path(nitf, "body", "body.content");
            return content != null ? content : nitf;
        }
        Element html = SafeXml.child(container, "html");
        if (html != null) {
            Element body = SafeXml.child(html, "body");
            return body != null ? body : html;
        }
        return container;
    }

    /**
     * Sets bodyHtml and body paragraphs from the text root; nothing when it has no text. A root that holds only
     * text which opens as markup is HTML sent in a CDATA section or escaped (Europa Press wraps a whole XHTML page,
     * html, head and body, in its DataContent): that text is the HTML (StoryCleanup sanitises bodyHtml).
     */
    static void apply(ParsedStory.Builder b, Element textRoot) {
        if (textRoot == null) {
            return;
        }
        String sentAsText = onlyText(textRoot) ? textRoot.getTextContent().strip() : "";
        String html = (MARKUP_SENT_AS_TEXT.matcher(sentAsText).lookingAt() ? markupSentAsText(sentAsText) : innerHtml(textRoot)).strip();
        if (html.isEmpty()) {
            return;
        }
        b.bodyHtml(html);
        b.body(WireText.paragraphsFromHtml(html));
    }

    /** Text that opens as an HTML page or block does ("<?xml", "<!DOCTYPE", "<html", "<p class=...>"). */
    private static final Pattern MARKUP_SENT_AS_TEXT = Pattern.compile(
            "<(?:\\?xml|!DOCTYPE|html|body|p|div|h[1-6]|ul|ol|table|blockquote)(?=[\\s>/])", Pattern.CASE_INSENSITIVE);

    /**
     * Markup a wire sent as text, as HTML: read as XML first (it is XHTML as a rule, and an HTML parser takes
     * XHTML's {@code <title />} for an opening tag that swallows the page), else as it is, for the HTML parser.
     */
    private static String markupSentAsText(String text) {
        String fragment = PROLOGUE.matcher(text).replaceFirst("");
        try {
            Element wrapper = SafeXml.parse(("<wrapper>" + fragment + "</wrapper>").getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            return innerHtml(textRoot(wrapper));
        } catch (WireParseException e) {
            return text;
        }
    }

    /** An XML declaration and a document type before the markup, which a wrapping element cannot hold. */
    private static final Pattern PROLOGUE = Pattern.compile("^\\s*(?:<\\?xml[^>]*\\?>\\s*)?(?:<!DOCTYPE[^>\\[]*(?:\\[[^\\]]*\\])?\\s*>\\s*)?",
            Pattern.CASE_INSENSITIVE);

    /** HTML of the children of an element, with local names and only harmless attributes kept. */
    static String innerHtml(Element e) {
        StringBuilder out = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            write(n, SafeXml.localName(e), out);
        }
        return out.toString();
    }

    private static void write(Node n, String parentName, StringBuilder out) {
        switch (n.getNodeType()) {
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                String text = escape(n.getNodeValue());
                // Only a paragraph that is all text is take-style copy; in a paragraph with inline
                // elements (links, NITF chron/location) the line breaks are the XML's pretty-printing.
                boolean takeStyle = "p".equals(parentName) && onlyText(n.getParentNode()) && !prettyPrinted(text);
                out.append(takeStyle ? PREFORMATTED_BREAK.matcher(text).replaceAll("</p><p>") : text);
            }
            case Node.ELEMENT_NODE -> {
                Element el = (Element) n;
                String local = SafeXml.localName(el);
                if (SKIP.contains(local)) {
                    return;
                }
                String name = RENAME.getOrDefault(local, local);
                out.append('<').append(name);
                for (int i = 0; i < el.getAttributes().getLength(); i++) {
                    Node a = el.getAttributes().item(i);
                    String an = SafeXml.localName(a);
                    if (KEEP_ATTRS.contains(an)) {
                        out.append(' ').append(an).append("=\"").append(escape(a.getNodeValue()).replace("\"", "&quot;")).append('"');
                    }
                }
                if (VOID.contains(name)) {
                    out.append("/>");
                    return;
                }
                out.append('>');
                for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
                    write(c, name, out);
                }
                out.append("</").append(name).append('>');
            }
            default -> { } // comments and processing instructions are not content
        }
    }

    /**
     * Whether the line breaks of a paragraph's text are the XML's own indentation rather than take-style
     * paragraphs: every line after the first is indented (take-style copy indents only a paragraph's
     * first line), and at least one line breaks off mid-sentence (a take-style line that is a whole
     * paragraph ends a sentence). STT and NTB pretty-print their XHTML this way.
     */
    static boolean prettyPrinted(String text) {
        String[] lines = text.split("\\R", -1);
        boolean midSentence = false;
        int continued = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(lines[i].charAt(0))) {
                return false;
            }
            continued++;
            String before = lines[i - 1].strip();
            midSentence |= !before.isEmpty() && !SENTENCE_END.matcher(before).find();
        }
        return continued > 0 && midSentence;
    }

    /** Whether an element holds no element, only text (an Atom construct that carries no markup). */
    static boolean onlyText(Node parent) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
