package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * IPTC NewsML-G2 (DOMAIN.md 2.2): a single {@code newsItem}, or a {@code newsMessage} whose
 * {@code itemSet} holds several items. Each text newsItem becomes one story; pictures, video,
 * audio, graphics and packages carry no story text.
 *
 * <p>Field mapping:
 * <ul>
 * <li>uri = newsItem@guid; storyKey = the guid as well, because G2 keeps the guid stable across
 *     versions and puts the version in @version (DESIGN.md decision 3); a guid that is not a
 *     URN/tag/URL (the spec's "N1") is qualified with the agency.</li>
 * <li>version = @version; versionCreated, firstCreated, pubStatus (stat:usable|withheld|canceled),
 *     signal and provider from itemMeta; itemMeta/embargoed adds the EMBARGO signal.</li>
 * <li>Reuters' editorial status is a signal too: edStat:C is a correction, edStat:D a deletion,
 *     which we treat like stat:canceled (pubStatus CANCELED plus KILL), so a Reuters withdrawal
 *     reaches every output as a kill.</li>
 * <li>contentMeta: urgency (IPTC scale, the raw value kept in priority), headline (the one
 *     without a role, else the first), slugline, dateline, by, located (places and dateline place),
 *     subject@qcode (subjects; geoArea subjects also become places), language@tag (else
 *     xml:lang), description (abstract/summary; Reuters' "caption" role repeats slug and headline
 *     and is skipped), keyword (as subjects of scheme "keyword").</li>
 * <li>Body: contentSet/inlineXML holding XHTML or NITF, else inlineData (HTML or text).</li>
 * <li>agency = rightsInfo/copyrightHolder, else the provider, else the source; provider =
 *     itemMeta/provider. infoSource is not used for agency: AP marks third-party feeds there.</li>
 * </ul>
 */
public final class NewsmlG2Parser implements WireParser {

    private static final Set<String> ROOTS = Set.of("newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem",
            "planningItem");

    @Override
    public WireFormat format() {
        return WireFormat.NEWSML_G2;
    }

    /** A G2 root element, and a sign that it is G2 (the nar namespace, or the standard name) rather than some other "newsItem". */
    @Override
    public boolean sniff(byte[] head, String headText) {
        String root = SafeXml.rootName(headText);
        return root != null && ROOTS.contains(root)
                && (headText.contains("iptc.org/std/nar") || headText.contains("NewsML-G2") || headText.contains("<itemSet"));
    }

    @Override
    public List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException {
        Document doc = SafeXml.parse(payload);
        Element root = doc.getDocumentElement();
        String rootName = SafeXml.localName(root);
        List<Element> items = new ArrayList<>();
        Set<String> nonText = new TreeSet<>();
        switch (rootName) {
            case "newsItem" -> items.add(root);
            case "newsMessage" -> {
                for (Element set : SafeXml.children(root, "itemSet")) {
                    for (Element item : SafeXml.children(set, "newsItem")) {
                        items.add(item);
                    }
                    for (String other : List.of("packageItem", "conceptItem", "knowledgeItem", "planningItem")) {
                        if (!SafeXml.children(set, other).isEmpty()) {
                            nonText.add(itemWord(other));
                        }
                    }
                }
            }
            default -> throw WireParseException.noStory("NewsML-G2 " + itemWord(rootName));
        }
        List<ParsedStory> stories = new ArrayList<>();
        WireParseException lastNoStory = null;
        for (Element item : items) {
            String cls = itemClass(item);
            if (!cls.equals("text")) {
                nonText.add(cls + " item");
                continue;
            }
            try {
                stories.add(parseItem(item, root == item ? null : root, context));
            } catch (WireParseException e) {
                // In a message, one empty text item must not sink its siblings; alone, it is the answer.
                if (!e.getMessage().startsWith("no story")) {
                    throw e;
                }
                lastNoStory = e;
            }
        }
        if (stories.isEmpty()) {
            if (lastNoStory != null && nonText.isEmpty()) {
                throw lastNoStory;
            }
            throw WireParseException.noStory("NewsML-G2 " + (nonText.isEmpty() ? "message without items" : String.join(", ", nonText)));
        }
        return stories;
    }

    private static String itemWord(String rootName) {
        return switch (rootName) {
            case "packageItem" -> "package item";
            case "conceptItem" -> "concept item";
            case "knowledgeItem" -> "knowledge item";
            case "planningItem" -> "planning item";
            default -> rootName;
        };
    }

    /**
     * The item class without its scheme: "ninat:text" and Reuters' "icls:text" are both "text".
     * An item that states no class is taken as text, and kept only if it has a headline or body.
     */
    private static String itemClass(Element item) {
        String q = SafeXml.attr(SafeXml.path(item, "itemMeta", "itemClass"), "qcode");
        if (q == null) {
            return "text";
        }
        return q.substring(q.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * One item; {@code message} is the newsMessage around it, or null: its header's origin or sender names the
     * agency when the item does not (Scoop's BusinessDesk copy: an empty copyright holder, a provider "CL"),
     * and its language is the item's when the item states none.
     */
    private static ParsedStory parseItem(Element item, Element message, ParseContext context) throws WireParseException {
        ParsedStory.Builder b = ParsedStory.builder(WireFormat.NEWSML_G2);
        Element meta = SafeXml.child(item, "itemMeta");
        Element content = SafeXml.child(item, "contentMeta");

        String provider = Agencies.ifPlausible(partyName(SafeXml.child(meta, "provider")));
        String documentAgency = StoryFields.first(Agencies.ifPlausible(partyName(SafeXml.path(item, "rightsInfo", "copyrightHolder"))), provider,
                headerParty(message, "origin"), headerParty(message, "sender"));
        String agency = StoryFields.first(documentAgency, context.source());
        b.provider(provider).agency(agency);

        String guid = SafeXml.attr(item, "guid");
        if (guid == null) {
            throw new WireParseException("NewsML-G2 newsItem has no guid");
        }
        b.uri(guid).storyKey(StoryFields.qualify(agency, guid));
        b.version(SafeXml.attr(item, "version"));
        Instant firstCreated = StoryFields.time(b, SafeXml.text(SafeXml.child(meta, "firstCreated")));
        b.versionCreatedFrom("versionCreated", StoryFields.time(b, SafeXml.text(SafeXml.child(meta, "versionCreated"))),
                "contentModified", StoryFields.time(b, SafeXml.text(SafeXml.child(content, "contentModified"))),
                "contentCreated", StoryFields.time(b, SafeXml.text(SafeXml.child(content, "contentCreated"))),
                "firstCreated", firstCreated);
        b.firstCreated(firstCreated);
        b.edNote(edNote(meta));

        PubStatus status = StoryFields.pubStatus(SafeXml.attr(SafeXml.child(meta, "pubStatus"), "qcode"));
        boolean killed = status == PubStatus.CANCELED;
        for (Element s : SafeXml.children(meta, "signal")) {
            killed |= StoryFields.signal(b, SafeXml.attr(s, "qcode"));
        }
        // An empty <embargoed/> is no embargo: only a release time is one.
        String embargoed = SafeXml.text(SafeXml.child(meta, "embargoed"));
        if (embargoed != null) {
            b.signal(Signal.EMBARGO);
            b.embargoedUntil(StoryFields.time(b, embargoed));
        }
        if (killed) {
            b.signal(Signal.KILL);
            status = PubStatus.CANCELED;
        }
        b.pubStatus(status);

        String urgency = SafeXml.text(SafeXml.child(content, "urgency"));
        b.urgency(StoryFields.urgency(urgency)).priority(urgency);
        b.headline(headline(content));
        b.slugline(SafeXml.text(SafeXml.child(content, "slugline")));
        StoryFields.signalsFromText(b, b.headline());
        StoryFields.signalsFromSlugline(b, b.slugline());
        String description = description(content);
        b.description(description);
        b.byline(SafeXml.text(SafeXml.child(content, "by")));
        String language = SafeXml.attr(SafeXml.child(content, "language"), "tag");
        b.language(StoryFields.first(language, WireText.blankToNull(item.getAttributeNS(XMLConstants.XML_NS_URI, "lang")),
                message == null ? null : WireText.blankToNull(message.getAttributeNS(XMLConstants.XML_NS_URI, "lang")),
                message == null ? null : SafeXml.attr(message, "lang")));

        boolean locatedCounts = subjectsAndPlaces(b, item, content);
        String textDateline = body(b, SafeXml.child(item, "contentSet"));
        if (description != null && b.body().size() > 1 && b.body().get(0).equals(WireText.collapse(description))) {
            b.body(List.copyOf(b.body().subList(1, b.body().size()))); // dpa repeats its teaser as the body's first paragraph
        }

        // Where the item was written is a dateline place unless the metadata's countries say it is elsewhere
        // (Reuters' located is its editing desk, "Bangalore", on a story its subject codes place in England and Spain).
        String located = !locatedCounts ? null
                : StoryFields.notAPlaceholder(SafeXml.text(SafeXml.child(SafeXml.child(content, "located"), "name")));
        StoryFields.dateline(b, StoryFields.first(SafeXml.text(SafeXml.child(content, "dateline")), textDateline), null, located);
        StoryFields.agency(b, documentAgency, context.source());
        StoryFields.ensureHeadline(b, description, "NewsML-G2 text item " + guid);
        return b.build();
    }

    private static String headline(Element content) {
        String any = null;
        for (Element h : SafeXml.children(content, "headline")) {
            String t = SafeXml.text(h);
            if (t == null) {
                continue;
            }
            String role = SafeXml.attr(h, "role");
            if (role == null || role.endsWith(":main")) {
                return t;
            }
            if (!isSubHeadline(role)) { // a sub-headline is the description
                any = any == null ? t : any;
            }
        }
        return any;
    }

    private static String description(Element content) {
        for (Element d : SafeXml.children(content, "description")) {
            String role = SafeXml.attr(d, "role");
            if (role == null || role.contains("summary") || role.contains("abstract") || role.contains("lead")
                    || role.contains("teaser")) {
                String t = WireText.blankToNull(String.join(" ", WireText.paragraphsFromHtml(XmlBody.innerHtml(d))));
                if (t != null) {
                    return t;
                }
            }
        }
        // A sub-headline (role hld:subHeadline) is the standfirst when no summary is sent.
        for (Element h : SafeXml.children(content, "headline")) {
            if (isSubHeadline(SafeXml.attr(h, "role"))) {
                return SafeXml.text(h);
            }
        }
        return null;
    }

    /** A headline role such as "hld:subHeadline" or APA's "apahltype:subtitle". */
    private static boolean isSubHeadline(String role) {
        String r = role == null ? "" : role.toLowerCase(Locale.ROOT);
        return r.contains("subheadline") || r.contains("subtitle");
    }

    /**
     * Subjects and places. Returns whether the located place (where the item was written) is a place of the
     * story: not when the metadata names countries by code (Reuters' N2 scheme, "N2:GB"; an ISO 3166 sameAs,
     * "iso3166-1a2:DE") and the located place's own country is not among them (Reuters' editing desk in
     * Bangalore on a story about England and Spain). The codes are places, after the named ones.
     */
    private static boolean subjectsAndPlaces(ParsedStory.Builder b, Element item, Element content) {
        Set<String> places = new LinkedHashSet<>();
        Set<String> countryCodes = new LinkedHashSet<>();
        AssertedPlaces asserted = AssertedPlaces.of(item);
        for (Element s : SafeXml.children(content, "subject")) {
            String name = SafeXml.text(SafeXml.child(s, "name"));
            // A subject sent by @literal (ANSA's literal="ALR") is the agency's own code, kept as a keyword; a literal that
            // only refers inside the item (dpa's points of interest, literal="poiID0", whose names are street addresses)
            // is none.
            String literal = SafeXml.attr(s, "literal");
            String qcode = StoryFields.first(SafeXml.attr(s, "qcode"), SafeXml.attr(s, "uri"));
            Element main = SafeXml.child(s, "mainConcept");
            if (qcode == null && literal == null && main != null) {
                // a faceted concept (G2 2.26 on, APA's): the subject is its main concept, the facets refine it; a concept
                // may be named by its URI (StoryFields.subject reads IPTC's as their codes)
                qcode = StoryFields.first(SafeXml.attr(main, "qcode"), SafeXml.attr(main, "uri"));
                literal = SafeXml.attr(main, "literal");
                name = StoryFields.first(name, SafeXml.text(SafeXml.child(main, "name")));
            }
            if (qcode == null && literal != null && INTERNAL_ID.matcher(literal).matches()) {
                continue;
            }
            StoryFields.subject(b, StoryFields.first(qcode, literal), name);
            String type = SafeXml.attr(s, "type");
            if (type != null && type.endsWith(":person") && name != null && !name.isBlank()) {
                // a person the item names, coded or not (TT sends its people by name only): no place by that name
                b.subject(SubjectCode.PERSON, WireText.collapse(name), WireText.collapse(name));
            }
            // An agency's own code often names its IPTC equivalent: <sameAs qcode="subj:15054000"/>.
            for (Element same : SafeXml.children(s, "sameAs")) {
                String q = SafeXml.attr(same, "qcode");
                if (q != null && (q.startsWith("subj:") || q.startsWith("medtop:"))) {
                    StoryFields.subject(b, q, SafeXml.text(SafeXml.child(same, "name")));
                }
                String iso = countryCode(q);
                if (iso != null && q.startsWith("iso3166")) {
                    countryCodes.add(iso);
                }
            }
            String reuters = qcode != null && qcode.startsWith("N2:") && qcode.length() == 5 ? countryCode(qcode) : null;
            if (reuters != null) {
                countryCodes.add(reuters);
            }
            // A bare geo code ("sttlocationalias:7576") is a place only when the item names it in an assert.
            if (type != null && type.endsWith("geoArea")) {
                add(places, shoutless(name != null || qcode == null ? name : asserted.nameOf(qcode)));
            }
        }
        Set<String> all = new LinkedHashSet<>();
        boolean locatedCounts = true;
        for (Element l : SafeXml.children(content, "located")) {
            String country = null;
            for (Element broader : SafeXml.children(l, "broader")) {
                country = StoryFields.first(country, countryCode(SafeXml.attr(broader, "qcode")));
            }
            if (!countryCodes.isEmpty() && country != null && !countryCodes.contains(country)) {
                locatedCounts = false;
                continue;
            }
            // a name or literal sent in capitals reads as a name; a code from the qcode ("NA", Namibia) stays as sent
            // one named by its URI alone is its last word ("/places/san-sebastian"): the host (GeoNames) is no place
            add(all, partyName(l, NewsmlG2Parser::shoutless, NewsmlG2Parser::lastWord));
        }
        all.addAll(places);
        all.addAll(countryCodes);
        for (Element k : SafeXml.children(content, "keyword")) {
            String t = SafeXml.text(k);
            if (t != null) {
                b.subject("keyword", t, null);
            }
        }
        all.forEach(b::place);
        return locatedCounts;
    }

    /** An identifier that refers inside the item: "poiID0", "ID0EOE", "ID0EGAAC". */
    private static final java.util.regex.Pattern INTERNAL_ID = java.util.regex.Pattern.compile("(?i)(?:poi)?id\\d[0-9a-z]*");

    private static final Set<String> ISO_ALPHA2 = Set.of(Locale.getISOCountries());
    private static final Map<String, String> ISO_ALPHA3 = alpha3();

    private static Map<String, String> alpha3() {
        Map<String, String> out = new HashMap<>();
        for (String a2 : Locale.getISOCountries()) {
            out.put(new Locale("", a2).getISO3Country(), a2);
        }
        return out;
    }

    /**
     * The ISO 3166-1 alpha-2 country a qcode's code stands for ("iso3166-1a2:DE", "iso3166-1a3:GBR", Reuters'
     * "N2:GB" and "N2:IND"), or null: a subdivision ("DE-HE"), a region ("N2:EU", "N2:WEU") or a topic ("N2:SOCC").
     */
    static String countryCode(String qcode) {
        if (qcode == null) {
            return null;
        }
        String code = qcode.substring(qcode.lastIndexOf(':') + 1).toUpperCase(Locale.ROOT);
        if (code.equals("UK")) {
            return "GB"; // Reuters' N2:UK
        }
        if (code.length() == 2) {
            return ISO_ALPHA2.contains(code) ? code : null;
        }
        return code.length() == 3 ? ISO_ALPHA3.get(code) : null;
    }

    /**
     * Places the item names in its asserts, by qcode (STT: "sttlocmeta:rich:20016" is Myanmar). A subject's bare geo
     * code ("sttlocationalias:20016") finds its assert by the code after the scheme when one geographic assert
     * alone has that code (one with geoAreaDetails or a geoArea broader: a person's assert is no place).
     */
    private record AssertedPlaces(Map<String, String> byQcode, Map<String, List<String>> byCode) {

        static AssertedPlaces of(Element item) {
            Map<String, String> byQcode = new HashMap<>();
            Map<String, List<String>> byCode = new HashMap<>();
            for (Element a : SafeXml.children(item, "assert")) {
                String q = SafeXml.attr(a, "qcode");
                String name = SafeXml.text(SafeXml.child(a, "name"));
                boolean geographic = SafeXml.child(a, "geoAreaDetails") != null || SafeXml.children(a, "broader").stream()
                        .anyMatch(br -> String.valueOf(SafeXml.attr(br, "type")).endsWith("geoArea"));
                if (q != null && name != null && geographic) {
                    byQcode.putIfAbsent(q, name);
                    byCode.computeIfAbsent(q.substring(q.lastIndexOf(':') + 1), k -> new ArrayList<>()).add(name);
                }
            }
            return new AssertedPlaces(byQcode, byCode);
        }

        String nameOf(String qcode) {
            String exact = byQcode.get(qcode);
            if (exact != null) {
                return exact;
            }
            List<String> names = byCode.get(qcode.substring(qcode.lastIndexOf(':') + 1));
            return names != null && names.size() == 1 ? names.get(0) : null;
        }
    }

    /** Sets the body from the content set; returns the dateline the text itself names (Naviga's IDF), else null. */
    private static String body(ParsedStory.Builder b, Element contentSet) {
        // SportsML (results, standings, line-ups) is data, not text: its names are no body; a text rendition may follow it
        Element inline = SafeXml.children(contentSet, "inlineXML").stream()
                .filter(e -> !String.valueOf(SafeXml.attr(e, "contenttype")).toLowerCase(Locale.ROOT).contains("sportsml"))
                .findFirst().orElse(null);
        if (inline != null) {
            Element idf = SafeXml.child(inline, "idf");
            if (idf != null) {
                return idfBody(b, idf);
            }
            XmlBody.apply(b, XmlBody.textRoot(inline));
            wrappedNitfHead(b, SafeXml.path(inline, "nitf", "body", "body.head"));
            return null;
        }
        Element data = SafeXml.child(contentSet, "inlineData");
        if (data != null) {
            String ct = StoryFields.first(SafeXml.attr(data, "contenttype"), "text/plain");
            String text = data.getTextContent();
            if (ct.contains("html")) {
                b.bodyHtml(text.strip());
                b.body(WireText.paragraphsFromHtml(text));
            } else {
                b.body(WireText.paragraphsFromWrappedText(text));
            }
        }
        return null;
    }

    /**
     * Naviga (Infomaker) Writer's IDF, the body of its NewsML-G2 (TT's and Nordic papers' systems): groups of typed
     * elements, each one paragraph however its source is wrapped; the headline, dateline and lead-in elements are those
     * fields, a subheadline a heading, and objects (images, embeds, fact boxes) no text.
     *
     * @return the dateline element's text, or null
     */
    private static String idfBody(ParsedStory.Builder b, Element idf) {
        StringBuilder html = new StringBuilder();
        List<String> leadIn = new ArrayList<>();
        String dateline = null;
        for (Element group : SafeXml.children(idf, "group")) {
            for (Element e : SafeXml.children(group, "element")) {
                String text = WireText.collapse(e.getTextContent());
                if (text.isEmpty()) {
                    continue;
                }
                String type = StoryFields.first(SafeXml.attr(e, "type"), "body");
                switch (type) {
                    case "headline" -> {
                        if (b.headline() == null || b.headline().isBlank()) {
                            b.headline(text);
                        }
                    }
                    case "dateline" -> dateline = StoryFields.first(dateline, text);
                    case "leadin", "preamble" -> leadIn.add(text);
                    default -> {
                        String tag = type.startsWith("subheadline") ? "h2" : "p";
                        html.append('<').append(tag).append('>').append(WireText.collapse(XmlBody.innerHtml(e)))
                                .append("</").append(tag).append('>');
                    }
                }
            }
        }
        if (!leadIn.isEmpty() && (b.description() == null || b.description().isBlank())) {
            b.description(String.join(" ", leadIn));
        }
        if (!html.isEmpty()) {
            b.bodyHtml(html.toString());
            b.body(WireText.paragraphsFromHtml(html.toString()));
        }
        return dateline;
    }

    /**
     * A NITF document inside inlineXML has its own headline and byline in body.head: they fill what
     * the G2 item leaves empty (so the byline is never mistaken for the first paragraph or headline).
     */
    private static void wrappedNitfHead(ParsedStory.Builder b, Element bodyHead) {
        if (bodyHead == null) {
            return;
        }
        if (b.headline() == null || b.headline().isBlank()) {
            // The NITF's own title (head/title) when its hedline is empty.
            b.headline(StoryFields.first(NitfParser.bodyHeadline(bodyHead),
                    SafeXml.text(SafeXml.path(bodyHead.getParentNode().getParentNode(), "head", "title"))));
        }
        Element bylineElement = SafeXml.child(bodyHead, "byline");
        String byline = NitfParser.byline(bylineElement);
        if (byline != null) {
            String whole = WireText.collapse(SafeXml.text(bylineElement));
            b.body(b.body().stream().filter(p -> !p.equals(WireText.collapse(byline)) && !p.equals(whole)).toList());
            if (b.byline() == null) {
                b.byline(byline);
            }
        }
    }

    /**
     * An organisation's name (provider, copyright holder): its name child, @literal, the code part of @qcode ("nprov:TT"
     * gives "TT"), or the host of @uri. The host, not the path's last word: organisations name themselves by their site,
     * and the path is a page about them ("http://www.acmenews.com/about.html#copyright", "http://tt.se/copyright").
     */
    private static String partyName(Element party) {
        return partyName(party, java.util.function.UnaryOperator.identity(), NewsmlG2Parser::siteName);
    }

    /** The same, its name or literal read through {@code readable} (the code stays as sent), a bare @uri through {@code fromUri}. */
    private static String partyName(Element party, java.util.function.UnaryOperator<String> readable,
                                    java.util.function.UnaryOperator<String> fromUri) {
        if (party == null) {
            return null;
        }
        String uri = SafeXml.attr(party, "uri");
        return StoryFields.first(readable.apply(SafeXml.text(SafeXml.child(party, "name"))), readable.apply(SafeXml.attr(party, "literal")),
                codeOf(SafeXml.attr(party, "qcode")), uri == null ? null : fromUri.apply(uri));
    }

    /** "http://www.acmenews.com/about/" is acmenews.com. */
    private static String siteName(String uri) {
        String host = FeedParser.host(uri);
        return host == null ? null : host.replaceFirst("^www\\.", "");
    }

    /**
     * A concept URI's last word as a name: "http://example.com/places/san-sebastian" is San Sebastian (lower case
     * capitalised, dashes and underscores spaces), "urn:example:place:Paris" and "http://example.org/places#Paris" are
     * Paris; null when that word holds a digit
     * (GeoNames' "http://sws.geonames.org/3110044/") or no letter.
     */
    static String lastWord(String uri) {
        String u = uri.strip();
        int hash = u.indexOf('#');
        String word;
        if (hash >= 0 && hash < u.length() - 1) {
            word = u.substring(hash + 1); // "http://example.org/places#Paris": the fragment names the concept
        } else {
            u = u.replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
            word = u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf(':')) + 1);
        }
        try {
            word = java.net.URLDecoder.decode(word, java.nio.charset.StandardCharsets.UTF_8).replace('_', ' ').replace('-', ' ').strip();
        } catch (IllegalArgumentException e) { // a stray %
            return null;
        }
        if (!READABLE_WORD.matcher(word).matches()) {
            return null;
        }
        if (!word.equals(word.toLowerCase(Locale.ROOT))) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (String w : word.split(" +")) {
            out.append(out.length() == 0 ? "" : " ").append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
        }
        return out.toString();
    }

    /** Letters, with spaces and apostrophes after the first: no digits (a GeoNames id), no file name ("index.html"). */
    private static final java.util.regex.Pattern READABLE_WORD = java.util.regex.Pattern.compile("\\p{L}[\\p{L}\\p{M}' ]*");

    /**
     * A place name as it reads: a shouted name in title case ("DERAA, SYRIA"), an acronym as sent ("USA", "UK"), without
     * Reuters video's hedge ("SAID TO BE").
     */
    private static String shoutless(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String place = StoryFields.unhedged(name.strip());
        return ACRONYM.matcher(place).matches() ? place : WireText.titleCaseIfShouting(place);
    }

    private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern.compile("\\p{Lu}{2,3}");

    private static String codeOf(String qcode) {
        return qcode == null ? null : qcode.substring(qcode.indexOf(':') + 1);
    }

    private static void add(Set<String> places, String place) {
        if (StoryFields.notAPlaceholder(place) != null) {
            places.add(place.strip());
        }
    }

    /**
     * The editors' note: the item's edNotes that carry no publishing constraint (dpa marks its desk contacts
     * {@code pubconstraint="dpapconstraint:nonpublic"}) and are notes at all: a correction first (the first one:
     * dpa sends the correction and a short form of it), then an embargo note, then the others (editorial notes,
     * STT's public and private notes, notes without a role) in their order. Desk codes sent as notes (dpa's
     * closing line and genre number, APA's "Schluss", picture and locality lists) are none. dpa also sends every
     * note again in a "notepad" digest, read only when nothing else is sent, without its heading, closing line
     * and the parts of its markup classed non-public. Null when nothing is left.
     */
    static String edNote(Element meta) {
        List<Element> kept = new ArrayList<>();
        Element digest = null;
        boolean correction = false;
        for (Element note : SafeXml.children(meta, "edNote")) {
            String role = noteRole(note);
            if (SafeXml.attr(note, "pubconstraint") != null || NOT_NOTES.contains(role)) {
                continue;
            }
            if (role.equals("notepad")) {
                digest = digest == null ? note : digest;
            } else if (!role.startsWith("correction") || !correction) {
                correction |= role.startsWith("correction");
                kept.add(note);
            }
        }
        kept.sort(java.util.Comparator.comparingInt(n -> noteRank(noteRole(n)))); // stable: document order within a rank
        if (kept.isEmpty() && digest != null) {
            return digestNotes(digest);
        }
        List<String> texts = new ArrayList<>();
        for (Element note : kept) {
            Element copy = (Element) note.cloneNode(true);
            removeNonPublic(copy);
            String text = SafeXml.text(copy);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts.isEmpty() ? null : String.join(" ", texts);
    }

    /**
     * The notes of dpa's digest: its public list items under whatever headings ("Aktualisierung", "Berichtigung"),
     * not the headings, nor the items that are only a link (its "Internet" list) or a locality written
     * "[name](address)" (its "Orte"); null when none is left.
     */
    private static String digestNotes(Element digest) {
        Element copy = (Element) digest.cloneNode(true);
        removeNonPublic(copy);
        List<String> items = new ArrayList<>();
        for (Element li : SafeXml.descendants(copy, "li")) {
            String text = SafeXml.text(li);
            boolean onlyLink = SafeXml.children(li, "a").size() == 1 && text != null
                    && text.equals(SafeXml.text(SafeXml.child(li, "a")));
            if (text != null && !onlyLink && !LOCALITY.matcher(text).matches()) {
                items.add(text);
            }
        }
        return items.isEmpty() ? null : String.join(" ", items);
    }

    /** A locality in dpa's digest: "[Bundeskanzleramt](Willy-Brandt-Straße 1, 10557 Berlin, Deutschland)". */
    private static final java.util.regex.Pattern LOCALITY = java.util.regex.Pattern.compile("\\[[^\\]]*]\\([^)]*\\)");

    /** edNote roles that carry desk codes or lists, not a note to editors (the part after the scheme, lower case). */
    private static final Set<String> NOT_NOTES = Set.of("closingline", "closing", "genrenote", "localities", "picture",
            "contacts", "dpacontacts", "regionrelevance");

    /** An edNote's role without its scheme, lower case; "" when it has none. */
    private static String noteRole(Element note) {
        String role = SafeXml.attr(note, "role");
        return role == null ? "" : codeOf(role).toLowerCase(Locale.ROOT);
    }

    private static int noteRank(String role) {
        return role.startsWith("correction") ? 0 : role.startsWith("embargo") ? 1 : 2;
    }

    /** Drops what a note's markup marks as no note: non-public parts, a digest's heading and closing line. */
    private static void removeNonPublic(Element e) {
        for (Node n = e.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n instanceof Element child) {
                String cls = String.valueOf(SafeXml.attr(child, "class"));
                if (cls.contains("nonpublic") || cls.contains("closingline") || SafeXml.localName(child).equals("header")) {
                    e.removeChild(child);
                } else {
                    removeNonPublic(child);
                }
            }
            n = next;
        }
    }

    /** A party named in the message header ("origin", "sender"), matched without case as some senders write "Header"; or null. */
    private static String headerParty(Element message, String name) {
        if (message == null) {
            return null;
        }
        for (Node header = message.getFirstChild(); header != null; header = header.getNextSibling()) {
            if (header instanceof Element && SafeXml.localName(header).equalsIgnoreCase("header")) {
                for (Node e = header.getFirstChild(); e != null; e = e.getNextSibling()) {
                    if (e instanceof Element party && SafeXml.localName(e).equalsIgnoreCase(name)) {
                        return Agencies.ifPlausible(SafeXml.text(party));
                    }
                }
            }
        }
        return null;
    }
}
