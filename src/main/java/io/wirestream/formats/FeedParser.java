package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.text.LanguageGuess;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Web feeds: RSS 2.0 (including WordPress WXR exports, which are RSS 2.0 with a wp: namespace; RSS 0.91 and 0.92 are
 * its subsets), RSS 1.0 and 0.90 (RDF: items beside the channel, Dublin Core dates and creators), Atom 1.0 (also written without
 * its namespace) and the Atom 0.3 draft that feeds of the 2000s still serve (issued / modified dates, content by MIME
 * type and mode). One instance handles one of the two, so the registry has one parser per {@link WireFormat};
 * the field logic is shared because an RSS item and an Atom entry carry the same things.
 *
 * <p>Field mapping, RSS item / Atom entry:
 * <ul>
 * <li>uri = guid / id, else link; storyKey = that id, qualified with the feed's host when it is a bare
 *     number (NRK's "1.13362571"), because feeds only promise uniqueness within themselves.</li>
 * <li>headline = title; body = content:encoded / content (HTML to paragraphs), else description /
 *     summary; description = description / summary (WXR: excerpt:encoded) when the body came from
 *     the content.</li>
 * <li>versionCreated = pubDate, else dc:date / updated (0.3: modified); firstCreated = Atom published (0.3: issued,
 *     else created); byline = author or dc:creator.</li>
 * <li>category / category@term = subjects of scheme "keyword"; language = channel language or xml:lang.</li>
 * <li>agency = the known outlet the feed title names in one of its parts ("AP News - Top News": AP) or its link's host,
 *     else the feed title, else the host of the channel link or generator, else the source.</li>
 * <li>WXR: attachments and menu items are not stories and are skipped; drafts, pending, private,
 *     scheduled and trashed posts are WITHHELD.</li>
 * </ul>
 */
public final class FeedParser implements WireParser {

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    /** The Atom 0.3 draft (2003-2005), before the IETF's 1.0. */
    private static final String ATOM03_NS = "http://purl.org/atom/ns#";
    /** RSS 0.90 (Netscape, 1999): RDF like RSS 1.0, in Netscape's namespace. */
    private static final String RSS090_NS = "my.netscape.com/rdf/simple/0.9/";
    /** RSS 1.0: an RDF document whose items stand beside its channel, with Dublin Core dates and creators. */
    private static final String RSS1_NS = "purl.org/rss/1.0/";
    private static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final Set<String> WXR_NOT_STORIES = Set.of("attachment", "nav_menu_item", "revision", "custom_css");
    private static final Set<String> WXR_NOT_PUBLIC = Set.of("draft", "pending", "private", "future", "trash", "auto-draft");

    private final WireFormat format;

    private FeedParser(WireFormat format) {
        this.format = format;
    }

    public static FeedParser rss() {
        return new FeedParser(WireFormat.RSS);
    }

    public static FeedParser atom() {
        return new FeedParser(WireFormat.ATOM);
    }

    @Override
    public WireFormat format() {
        return format;
    }

    @Override
    public boolean sniff(byte[] head, String headText) {
        String root = SafeXml.rootName(headText);
        return format == WireFormat.RSS ? "rss".equals(root) || "RDF".equals(root) && (headText.contains(RSS1_NS) || headText.contains(RSS090_NS))
                : "feed".equals(root) && (headText.contains(ATOM_NS) || headText.contains(ATOM03_NS) || !feedDeclaresNamespace(headText));
    }

    /** The root {@code <feed>}'s start tag, its attributes in group 1. */
    private static final java.util.regex.Pattern FEED_START_TAG = java.util.regex.Pattern.compile("<feed(?=[\\s/>])([^>]*)>");

    /**
     * Whether the root {@code <feed>}'s start tag declares a default namespace: a feed without one is Atom written without
     * its namespace (some publishing systems leave it out); one in another namespace is not Atom.
     */
    private static boolean feedDeclaresNamespace(String headText) {
        java.util.regex.Matcher m = FEED_START_TAG.matcher(headText);
        return !m.find() || m.group(1).contains("xmlns=");
    }

    @Override
    public List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException {
        Element root = SafeXml.parseFeed(NitfDoctype.stripStandardRss(payload)).getDocumentElement();
        boolean atom = format == WireFormat.ATOM;
        boolean rdf = !atom && SafeXml.localName(root).equals("RDF");
        if (!(atom ? SafeXml.localName(root).equals("feed") : rdf || SafeXml.localName(root).equals("rss"))) {
            throw new WireParseException("not " + (atom ? "an Atom feed" : "RSS") + ": root element is <" + SafeXml.localName(root) + ">");
        }
        // RDF feeds (RSS 1.0, 0.90) keep their items beside the channel, so one without a channel still has them
        Element channel = atom ? root : StoryFields.first(SafeXml.child(root, "channel"), rdf ? root : null);
        if (channel == null) {
            throw WireParseException.noStory("rss feed without a <channel>");
        }
        String host = host(atom ? atomLink(channel) : SafeXml.text(SafeXml.child(channel, "link")));
        String title = SafeXml.text(SafeXml.child(channel, "title"));
        String agency = StoryFields.first(outletOfTitle(title, host), title, host,
                host(SafeXml.text(SafeXml.child(channel, "generator"))), context.source());
        String language = StoryFields.first(SafeXml.text(SafeXml.child(channel, "language")),
                WireText.blankToNull(root.getAttribute("xml:lang")));
        String feedAuthor = atom ? SafeXml.text(SafeXml.path(channel, "author", "name")) : null;
        List<ParsedStory.Builder> entries = new ArrayList<>();
        int items = 0;
        for (Element item : SafeXml.children(rdf ? root : channel, atom ? "entry" : "item")) {
            items++;
            String postType = SafeXml.text(SafeXml.child(item, "post_type"));
            if (postType != null && WXR_NOT_STORIES.contains(postType.toLowerCase(Locale.ROOT))) {
                continue;
            }
            ParsedStory.Builder entry = entry(item, atom, host, agency, language, feedAuthor, context);
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            throw WireParseException.noStory(format.id() + " feed with " + (items == 0 ? "no entries" : "no text entries"));
        }
        if (language == null) {
            // a feed that declares no language (heise, Le Monde): each item's own text says it, else its items' together
            String feedGuess = LanguageGuess.of(null, textOf(entries)).orElse(null);
            entries.forEach(b -> b.language(LanguageGuess.of(b.headline(), String.join("\n", b.body())).orElse(feedGuess)));
        }
        return entries.stream().map(ParsedStory.Builder::build).toList();
    }

    /** A feed title's parts: "AP News - Top News", "Reuters: World News", "BBC News | Europe". */
    private static final java.util.regex.Pattern TITLE_PARTS = java.util.regex.Pattern.compile("\\s+[-\u2013\u2014|:]\\s+|:\\s+");

    /**
     * The catalogue's short name of the outlet a feed's title names in one of its parts ("AP News - Top News" is AP's),
     * or of its link's host; null when neither names a known source, and the title stands as it is.
     */
    private static String outletOfTitle(String title, String host) {
        if (title != null) {
            for (String part : TITLE_PARTS.split(title.strip())) {
                String known = Agencies.exactly(part.strip());
                if (known != null) {
                    return known;
                }
            }
        }
        return host == null ? null : Agencies.exactly(host);
    }

    /** The text of a feed's entries together, enough of it to tell their language (each alone is often too short to say). */
    private static String textOf(List<ParsedStory.Builder> entries) {
        StringBuilder text = new StringBuilder();
        for (ParsedStory.Builder b : entries) {
            if (text.length() > FEED_LANGUAGE_CHARS) {
                break;
            }
            text.append(b.headline()).append('\n');
            if (b.description() != null) {
                text.append(b.description()).append('\n');
            }
            text.append(String.join("\n", b.body())).append('\n');
        }
        return text.toString();
    }

    /** One item or entry as a story, built once the feed's language is known; null when it has neither title nor text. */
    private ParsedStory.Builder entry(Element item, boolean atom, String host, String agency, String language, String feedAuthor,
                                      ParseContext context) {
        ParsedStory.Builder b = ParsedStory.builder(format).agency(agency).provider(context.source()).language(language);
        String link = atom ? atomLink(item) : SafeXml.text(own(item, "link"));
        String id = StoryFields.first(SafeXml.text(own(item, atom ? "id" : "guid")),
                WireText.blankToNull(item.getAttributeNS(RDF_NS, "about")), link);

        Element encoded = atom ? null : encoded(item, "purl.org/rss/1.0/modules/content");
        String content = atom ? atomText(own(item, "content")) : SafeXml.text(encoded);
        if (content != null && !atom && SafeXml.child(item, "post_id") != null) {
            // A WordPress export holds the post as written, where a line break is one (WordPress adds the markup when
            // it shows the post): "By Tester", the dateline and the text are lines of their own, and a blank line
            // ends a paragraph.
            content = linesAsParagraphs(encoded.getTextContent().strip());
        }
        String summary = atom ? atomText(own(item, "summary")) : SafeXml.text(own(item, "description"));
        // RSS 2.0's <source> names the outlet an aggregator took the item from; the title ends with it ("... - Reuters")
        String source = atom ? null : outlet(SafeXml.text(inItemsNamespace(item, "source"))); // not RSS 1.0's dc:source
        String headline = withoutOutlet(atom ? atomTitle(own(item, "title")) : title(SafeXml.text(own(item, "title"))), source);
        // the full text when it holds any (a content:encoded of one picture does not), else the summary, unless an
        // aggregator's summary is only a list of links (Google News lists the story's headline and its outlets' links)
        String html = FeedFooters.strip(content);
        List<String> paragraphs = html == null ? List.of() : WireText.paragraphsFromHtml(html);
        boolean fromContent = !paragraphs.isEmpty();
        if (!fromContent) {
            html = FeedFooters.strip(summary);
            paragraphs = html == null || source != null && linkList(html, headline) ? List.of() : WireText.paragraphsFromHtml(html);
        }
        if (!paragraphs.isEmpty()) {
            b.bodyHtml(html);
            b.body(paragraphs);
        }
        String descriptionHtml = fromContent ? FeedFooters.strip(StoryFields.first(summary, SafeXml.text(encoded(item, "excerpt")))) : null;
        String description = descriptionHtml == null ? null : WireText.blankToNull(String.join(" ", WireText.paragraphsFromHtml(descriptionHtml)));
        b.description(description);
        b.headline(headline);
        if (b.headline() == null && b.body().isEmpty()) {
            return null;
        }
        if (id == null) {
            id = StoryFields.shortHash(b.headline() != null ? b.headline() : b.body().get(0)); // a title-only item has no body
        }
        b.uri(id).storyKey(StoryFields.qualify(host, id));

        if (atom) {
            // Atom 0.3 has issued (when first made public), modified and created where 1.0 has published and updated
            Instant published = StoryFields.first(WireTimes.parse(SafeXml.text(SafeXml.child(item, "published"))),
                    WireTimes.parse(SafeXml.text(SafeXml.child(item, "issued"))), WireTimes.parse(SafeXml.text(SafeXml.child(item, "created"))));
            b.versionCreated(StoryFields.first(WireTimes.parse(SafeXml.text(SafeXml.child(item, "updated"))),
                    WireTimes.parse(SafeXml.text(SafeXml.child(item, "modified"))), published));
            b.firstCreated(published);
            b.byline(StoryFields.first(names(SafeXml.children(item, "author").stream().map(a -> SafeXml.text(SafeXml.child(a, "name")))),
                    feedAuthor));
        } else {
            // RSS 1.0 dates its items with Dublin Core (dc:date), as some RSS 2.0 feeds do beside or instead of pubDate
            // (the next one counts when the first cannot be read)
            b.versionCreated(StoryFields.first(WireTimes.parse(SafeXml.text(SafeXml.child(item, "pubDate"))),
                    WireTimes.parse(SafeXml.text(SafeXml.child(item, "date")))));
            b.byline(StoryFields.first(names(SafeXml.children(item, "creator").stream().map(c -> author(SafeXml.text(c)))),
                    author(SafeXml.text(SafeXml.child(item, "author")))));
        }
        String bylineAgency = bylineAgency(b.byline());
        for (Element c : SafeXml.children(item, "category").stream().filter(c -> !MEDIA_RSS.equals(c.getNamespaceURI())).toList()) {
            String term = atom ? StoryFields.first(SafeXml.attr(c, "label"), SafeXml.attr(c, "term")) : SafeXml.text(c);
            if (term != null) {
                b.subject("keyword", term, null);
            }
        }
        for (Element c : SafeXml.children(item, "subject")) { // dc:subject
            String term = SafeXml.text(c);
            if (term != null) {
                b.subject("keyword", term, null);
            }
        }
        String status = SafeXml.text(SafeXml.child(item, "status"));
        if (status != null && WXR_NOT_PUBLIC.contains(status.toLowerCase(Locale.ROOT))) {
            b.pubStatus(PubStatus.WITHHELD);
        }
        StoryFields.datelineFromBody(b);
        // the wire an item credits (in its dateline, or as its author: "The Associated Press", "x@y (Press Trust of India)")
        // wrote it; the feed only carries it
        String credited = StoryFields.first(b.dateline() == null ? null : Dateline.find(b.dateline()).map(Dateline::agency)
                .map(Agencies::exactly).orElse(null), bylineAgency, source == null ? null : StoryFields.first(Agencies.exactly(source), source));
        if (credited != null) {
            b.agency(credited);
        }
        try {
            StoryFields.ensureHeadline(b, description, "feed entry");
        } catch (WireParseException e) {
            return null; // cannot happen: a title or body text was checked above
        }
        return b;
    }

    /**
     * Whether an item's HTML is an aggregator's list of links: its first link is the item's own headline, and beside the
     * links there is nothing longer than an outlet's name (Google News: each related headline a link, its outlet after it).
     */
    private static boolean linkList(String html, String headline) {
        org.jsoup.nodes.Document d = WireText.parseHtml(html);
        org.jsoup.select.Elements links = d.select("a");
        if (links.isEmpty() || headline == null || !WireText.collapse(links.first().text()).equals(headline)) {
            return false;
        }
        links.remove();
        return WireText.paragraphsFromHtml(d.body().html()).stream().allMatch(p -> p.length() <= OUTLET_NAME_CHARS);
    }

    /** The longest text beside a link list's links that is still only an outlet's name. */
    private static final int OUTLET_NAME_CHARS = 40;

    /** An outlet's name as a source element gives it; not a URL some feeds put there instead. */
    private static String outlet(String source) {
        return source == null || source.contains("://") || source.length() > 80 ? null : source;
    }

    /** A headline without the outlet an aggregator appended: "Fed holds rates - The Associated Press". */
    private static String withoutOutlet(String headline, String outlet) {
        if (headline == null || outlet == null) {
            return headline;
        }
        for (String mark : List.of(" - ", " | ", " – ", " — ")) {
            if (headline.endsWith(mark + outlet) && headline.length() > (mark + outlet).length()) {
                return headline.substring(0, headline.length() - (mark + outlet).length()).strip();
            }
        }
        return headline;
    }

    /**
     * The agency an author credit names ("The Associated Press", "Press Trust of India", "Reuters"), or null. Not a
     * signature of initials: sites sign "aa", "cp", "tt", which are also agencies' codes.
     */
    private static String bylineAgency(String byline) {
        if (byline == null) {
            return null;
        }
        for (String part : byline.replaceFirst("(?i)^by\\s+", "").split(",\\s*")) { // one of several authors ("Reuters, Staff writer")
            String name = part.strip();
            String agency = name.length() < 3 || name.equals(name.toLowerCase(Locale.ROOT)) ? null : Agencies.exactly(name);
            if (agency != null) {
                return agency;
            }
        }
        return null;
    }

    /**
     * An Atom text construct as HTML, or null when it carries no text (a picture's bytes). Atom 1.0: escaped HTML
     * ({@code type="html"}) is its text; {@code type="xhtml"} and XML media types are markup in the feed itself,
     * serialised so its paragraphs stay paragraphs; {@code type="text"} is plain text, so a "<" in it is a character and
     * a blank line ends a paragraph. A construct without a type is plain text too unless it holds tags or entities:
     * feeds that leave the type out often mean HTML (and so is 0.3's "text/plain": WordPress's excerpts carry entities). Atom 0.3 names a MIME type ("text/html", "text/plain",
     * "application/xhtml+xml", parameters allowed) and says how the content is carried: {@code mode="xml"} (markup in
     * the feed, the default), "escaped" (as text) or "base64" (in the charset its type names, else UTF-8).
     */
    private static String atomText(Element e) {
        return atomConstruct(e, false);
    }

    /**
     * An Atom title as text: markup in the feed as its text (scripts left out), a title declared text as it is ("Why
     * &lt;div&gt; tags matter"), else as a feed title ({@link #title}: HTML read, entities resolved).
     */
    private static String atomTitle(Element e) {
        return atomConstruct(e, true);
    }

    private static String atomConstruct(Element e, boolean asTitle) {
        if (e == null) {
            return null;
        }
        String declared = SafeXml.attr(e, "type");
        String type = declared == null ? "text" : mediaType(declared);
        String mode = SafeXml.attr(e, "mode");
        if (isMarkup(e, type, mode, declared != null)) {
            String html = XmlBody.innerHtml(e);
            return WireText.blankToNull(asTitle ? WireText.parseHtml(html).text() : html);
        }
        if (!isText(type)) {
            return null; // image/png, application/pdf: bytes, not text
        }
        String text = rawText(e, declared, mode); // not collapsed yet: plain text's blank lines are paragraphs
        boolean plain = type.equals("text") || type.equals("text/plain");
        // Atom 1.0's declared text is text as it stands. Undeclared is guessed: tags or entities make it HTML. 0.3's
        // declared text/plain is HTML only by its entities (WordPress writes its excerpt there with "&#8217;"); its
        // brackets are characters ("History of the <blink> tag").
        boolean html = text != null && (declared == null ? TAG.matcher(text).find() || HTML_ENTITY.matcher(text).find()
                : type.equals("text/plain") && HTML_ENTITY.matcher(text).find());
        if (asTitle) {
            return plain && !html ? WireText.blankToNull(text) : title(WireText.blankToNull(text));
        }
        if (text == null || !plain || html) {
            return WireText.blankToNull(text);
        }
        return WireText.blankToNull(plainAsHtml(text));
    }

    /** A MIME type without its parameters, lower-cased: "text/plain; charset=utf-8" is text/plain. */
    private static String mediaType(String type) {
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a construct is markup in the feed: Atom 1.0's xhtml and XML media types, Atom 0.3's mode "xml" (its
     * default, so a construct with a MIME type and element children that says no other mode), and elements a feed put
     * in a construct that declares no type. Not Atom 1.0's html or text: TypePad wraps escaped HTML in a div.
     */
    private static boolean isMarkup(Element e, String type, String mode, boolean typed) {
        if ("escaped".equals(mode) || "base64".equals(mode)) {
            return false;
        }
        return isXml(type) || "xml".equals(mode) || (!typed || type.indexOf('/') > 0) && !XmlBody.onlyText(e);
    }

    /** Atom 1.0's xhtml, and XML media types ("application/xhtml+xml", "text/xml"). */
    private static boolean isXml(String type) {
        return type.equals("xhtml") || type.endsWith("+xml") || type.endsWith("/xml");
    }

    /** Text, HTML, or markup (xhtml, XML media types) carried escaped or in base64: read as HTML. */
    private static boolean isText(String type) {
        return type.equals("text") || type.equals("html") || type.startsWith("text/") || isXml(type);
    }

    /** A construct's characters, base64 decoded in the charset its type names; null when blank or not base64. */
    private static String rawText(Element e, String declared, String mode) {
        String text = e.getTextContent();
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!"base64".equals(mode)) {
            return text;
        }
        try {
            java.nio.charset.Charset charset = WireText.declaredCharset(declared);
            return new String(java.util.Base64.getMimeDecoder().decode(text.strip()),
                    charset != null ? charset : java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** Plain text as HTML: its characters escaped, a blank line a paragraph's end. */
    private static String plainAsHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(org.jsoup.nodes.Entities.escape(paragraph.strip())).append("</p>");
        }
        return html.toString();
    }

    /** Yahoo's Media RSS, whose title, description, content and category describe a picture or video, not the item. */
    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

    /**
     * The item's own child of that name: in the item's namespace (none in RSS 2.0, RSS 1.0's, Atom's), else any but Media
     * RSS's. A feed that puts {@code <media:title>} or {@code <media:description>} before the item's own title gave the
     * picture's caption as the headline.
     */
    private static Element own(Element item, String name) {
        Element same = inItemsNamespace(item, name);
        return same != null ? same : SafeXml.children(item, name).stream().filter(e -> !MEDIA_RSS.equals(e.getNamespaceURI()))
                .findFirst().orElse(null);
    }

    /** The item's first child of that name in the item's own namespace, or null. */
    private static Element inItemsNamespace(Element item, String name) {
        return SafeXml.children(item, name).stream().filter(e -> java.util.Objects.equals(e.getNamespaceURI(), item.getNamespaceURI()))
                .findFirst().orElse(null);
    }

    /** An HTML entity in a title ("&amp;quot;" in a CDATA title, Libertad Digital's): titles are text, and feeds escape them as HTML. */
    private static final java.util.regex.Pattern HTML_ENTITY = java.util.regex.Pattern.compile("&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,31});");

    /** A title as text: entities read, and the markup some feeds put in titles ("<b>BREAKING:</b> Quake ...") dropped. */
    private static String title(String title) {
        if (title != null && TAG.matcher(title).find()) {
            return WireText.blankToNull(WireText.parseHtml(title).text()); // reads the entities too
        }
        // an escaped tag is text: "Why &lt;div&gt; tags matter"
        return title != null && HTML_ENTITY.matcher(title).find() ? org.jsoup.parser.Parser.unescapeEntities(title, false) : title;
    }

    /** An HTML tag: "<b>", "</i>", "<em class=...>"; not "5 < 6". */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]{0,200})?/?>");

    /** RSS 2.0's author is an e-mail address with the name in brackets: "redaccion@20minutos.es (Araceli Guede)" is Araceli Guede. */
    private static final java.util.regex.Pattern EMAIL_AND_NAME = java.util.regex.Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

    /** Several authors as one byline ("Anna Berg, Jon Roe"); null when none has a name. */
    private static String names(java.util.stream.Stream<String> names) {
        return WireText.blankToNull(names.filter(n -> n != null && !n.isBlank()).distinct().collect(java.util.stream.Collectors.joining(", ")));
    }

    /**
     * The author's name: "x@y (Name)" and "Name (mailto:x@y)" or "Name <x@y>" are Name; an address alone names nobody
     * ("webmaster@example.nl").
     */
    private static String author(String author) {
        if (author == null) {
            return null;
        }
        String a = author.strip();
        java.util.regex.Matcher m = EMAIL_AND_NAME.matcher(a);
        if (m.matches()) {
            return m.group(1).strip();
        }
        String named = NAME_AND_EMAIL.matcher(a).replaceFirst("").strip();
        return named.isEmpty() || BARE_EMAIL.matcher(named).matches() ? null : named;
    }

    /** An address after a name: " (mailto:x@y)", " <x@y>". */
    private static final java.util.regex.Pattern NAME_AND_EMAIL = java.util.regex.Pattern.compile("\\s*[(<](?:mailto:)?\\S+@\\S+[)>]$");
    private static final java.util.regex.Pattern BARE_EMAIL = java.util.regex.Pattern.compile("(?:mailto:)?\\S+@\\S+\\.\\S+");

    /** Enough of a feed's text to tell its language. */
    private static final int FEED_LANGUAGE_CHARS = 4_000;

    /**
     * An {@code encoded} child of the given namespace: RSS content:encoded (the full HTML) or WXR
     * excerpt:encoded (the standfirst); both have the local name "encoded".
     */
    private static Element encoded(Element item, String namespacePart) {
        for (Element e : SafeXml.children(item, "encoded")) {
            if (e.getNamespaceURI() != null && e.getNamespaceURI().contains(namespacePart)) {
                return e;
            }
        }
        return null;
    }

    /**
     * A WordPress post's raw text with each line its own paragraph: a run of line breaks (and the space around them)
     * outside a tag ends one, a break inside a tag (wrapped attributes) is the tag's. One pass: a "&gt;" in the text
     * ("5 > 3") is no tag's end.
     */
    static String linesAsParagraphs(String post) {
        StringBuilder out = new StringBuilder(post.length() + 16).append("<p>");
        boolean inTag = false;
        for (int i = 0; i < post.length(); i++) {
            char c = post.charAt(i);
            if (inTag) {
                inTag = c != '>';
            } else if (c == '<' && i + 1 < post.length() && (Character.isLetter(post.charAt(i + 1)) || "/!".indexOf(post.charAt(i + 1)) >= 0)) {
                inTag = true;
            } else if (c == '\n' || c == '\r') {
                while (i + 1 < post.length() && Character.isWhitespace(post.charAt(i + 1))) {
                    i++;
                }
                out.append("</p><p>");
                continue;
            }
            out.append(c);
        }
        return out.append("</p>").toString();
    }

    /** The alternate (or first) link of an Atom feed or entry. */
    private static String atomLink(Element e) {
        String first = null;
        for (Element l : SafeXml.children(e, "link")) {
            String rel = SafeXml.attr(l, "rel");
            String href = SafeXml.attr(l, "href");
            if (rel == null || rel.equals("alternate")) {
                return href;
            }
            first = first == null ? href : first;
        }
        return first;
    }

    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
