package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * IPTC NITF 3.x (DOMAIN.md 2.3), as AAP, AP, PA, NTB, Canadian Press and others send it. One
 * document is one story.
 *
 * <p>Field mapping:
 * <ul>
 * <li>storyKey = head/docdata/du-key@key (NITF's "mechanism for grouping and updating versions"),
 *     else doc-id@id-string, qualified with the agency ("PA:580001T") unless already a URN; with
 *     neither, the producer's item id, else a hash of the headline (AP's media API sends
 *     {@code <doc-id regsrc="AP"/>} with no id at all).</li>
 * <li>uri = doc-id@id-string as sent, else the storyKey; version = du-key@generation, else
 *     du-key@version.</li>
 * <li>urgency@ed-urg is already on the IPTC scale (1 most, 5 normal, 8 least): urgency, and the
 *     raw value in priority.</li>
 * <li>versionCreated = date.issue; a date.release later than date.issue, or management-status
 *     embargoed, is an EMBARGO signal with date.release as embargoedUntil; ed-msg@info (the embargo
 *     note) is the edNote. Times without a zone are the agency's local time (ZONE_INFERRED).</li>
 * <li>docdata@management-status: canceled (or cancelled) gives pubStatus CANCELED and a KILL signal.</li>
 * <li>head/meta: anpa-keyword is the slugline, anpa-category a subject of scheme "anpa-category", an agency's own
 *     category or section (EFE's "categoria") one of scheme "category";
 *     head/tobject/tobject.subject@refnum are IPTC Subject Codes ("subj").</li>
 * <li>body.head: hedline/hl1 (else a misspelt headline/hl1, else head/title) is the headline, byline (without its byttl title),
 *     dateline (text as sent; the place from city, else location), abstract = description.</li>
 * <li>body.content: HTML and paragraphs.</li>
 * <li>agency = doc.copyright@holder, else doc-id@regsrc, else the letters before the first dot of
 *     an AAP-style doc-id ("AFP.121974877.6504909" is AFP copy moved by AAP); a different agency
 *     named in the dateline wrote the copy and is the agency, the document's the provider (see
 *     StoryFields.agency); else the source.</li>
 * </ul>
 *
 * <p>A leading standard NITF DOCTYPE is removed before parsing (see {@link NitfDoctype}); any other
 * DOCTYPE is refused by {@link SafeXml}.
 */
public final class NitfParser implements WireParser {

    /** "AAP.115314987.5417374": agency letters, then numbers. */
    private static final Pattern AGENCY_PREFIX = Pattern.compile("^([A-Z]{2,6})\\.\\d");
    /** What separated a byline's name from the title that followed it: "By Meredith Jameson, ". */
    private static final Pattern BYLINE_TAIL = Pattern.compile("[\\s,;:/–—-]+$");
    /** What is left of "By <byttl>The Associated Press</byttl>" without its title: no name at all. */
    private static final Pattern BY_ONLY = Pattern.compile("(?i)by|von|por|par|av");
    /** An IPTC Subject Code: eight digits. */
    private static final Pattern SUBJECT_CODE = Pattern.compile("\\d{8}");

    @Override
    public WireFormat format() {
        return WireFormat.NITF;
    }

    /**
     * An NITF document, or a NewsML-G2 content set cut out of its item that carries one (IPTC's guidelines show NITF in
     * G2 that way, and a publishing system's export can too): the NITF is the story, its item's metadata is not there.
     */
    @Override
    public boolean sniff(byte[] head, String headText) {
        String root = SafeXml.rootName(headText);
        return "nitf".equals(root) || "contentSet".equals(root) && headText.contains("<nitf");
    }

    @Override
    public List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException {
        Element nitf = SafeXml.parse(NitfDoctype.stripStandard(payload)).getDocumentElement();
        if ("contentSet".equals(SafeXml.localName(nitf))) {
            nitf = SafeXml.path(nitf, "inlineXML", "nitf");
            if (nitf == null) {
                throw WireParseException.noStory("NewsML-G2 content set without an NITF document");
            }
        }
        if (!"nitf".equals(SafeXml.localName(nitf))) {
            throw new WireParseException("not NITF: root element is <" + SafeXml.localName(nitf) + ">");
        }
        ParsedStory.Builder b = ParsedStory.builder(WireFormat.NITF);
        Element head = SafeXml.child(nitf, "head");
        Element docdata = SafeXml.child(head, "docdata");
        Element bodyHead = SafeXml.path(nitf, "body", "body.head");

        Element docId = SafeXml.child(docdata, "doc-id");
        String id = SafeXml.attr(docId, "id-string");
        String documentAgency = StoryFields.first(Agencies.ifPlausible(SafeXml.attr(SafeXml.child(docdata, "doc.copyright"), "holder")),
                Agencies.ifPlausible(SafeXml.attr(docId, "regsrc")), agencyPrefix(id));
        b.agency(StoryFields.first(documentAgency, context.source())).provider(context.source());

        // Headline and body first: the story key falls back to a hash of the headline.
        b.headline(StoryFields.first(bodyHeadline(bodyHead), SafeXml.text(SafeXml.child(head, "title"))));
        XmlBody.apply(b, SafeXml.path(nitf, "body", "body.content"));
        String description = abstractOf(bodyHead);
        b.description(description);
        b.byline(byline(SafeXml.child(bodyHead, "byline")));
        dateline(b, SafeXml.child(bodyHead, "dateline"));
        StoryFields.agency(b, documentAgency, context.source());
        // Ids are in the id space of the document's agency (the distributor), not of the dateline's.
        String agency = StoryFields.first(documentAgency, b.agency());

        Element duKey = SafeXml.child(docdata, "du-key");
        String key = StoryFields.first(SafeXml.attr(duKey, "key"), id);
        String storyKey = key != null ? StoryFields.qualify(agency, key)
                : StoryFields.qualify(agency, StoryFields.first(context.itemId(), b.headline() == null ? null : StoryFields.shortHash(b.headline())));
        if (storyKey == null) {
            throw WireParseException.noStory("NITF document has no id, headline or body");
        }
        // A du-key is the desk's slug for the story (PA: "SPORT-Football"): shared by unrelated stories over time.
        b.storyKey(storyKey).uri(StoryFields.first(id, storyKey)).slugKey(SafeXml.attr(duKey, "key") != null);
        b.version(StoryFields.first(SafeXml.attr(duKey, "generation"), SafeXml.attr(duKey, "version")));

        String edUrg = SafeXml.attr(SafeXml.child(docdata, "urgency"), "ed-urg");
        b.urgency(StoryFields.urgency(edUrg)).priority(edUrg);
        Instant issued = StoryFields.time(b, SafeXml.attr(SafeXml.child(docdata, "date.issue"), "norm"));
        Instant release = StoryFields.time(b, SafeXml.attr(SafeXml.child(docdata, "date.release"), "norm"));
        b.versionCreated(issued);
        b.edNote(WireText.blankToNull(SafeXml.attr(SafeXml.child(docdata, "ed-msg"), "info")));
        status(b, SafeXml.attr(docdata, "management-status"), issued, release);
        // docdata's <correction info="..."> says this version corrects an earlier one (what, in its info)
        Element correction = SafeXml.child(docdata, "correction");
        if (correction != null) {
            b.signal(Signal.CORRECTION);
            if (b.edNote() == null) {
                b.edNote(WireText.blankToNull(SafeXml.attr(correction, "info")));
            }
        }

        meta(b, head);
        for (Element scope : SafeXml.children(docdata, "doc-scope")) {
            // "area where the document may be of interest": PA writes its desk there ("POLITICS", "SPORT")
            String area = SafeXml.attr(scope, "scope");
            if (area != null) {
                b.subject("doc-scope", area, null);
            }
        }
        Element evloc = SafeXml.child(docdata, "evloc");
        b.place(SafeXml.attr(evloc, "city"));
        b.language(StoryFields.first(SafeXml.attr(nitf, "baselang"), WireText.blankToNull(nitf.getAttributeNS(XMLConstants.XML_NS_URI, "lang"))));
        StoryFields.signalsFromText(b, b.headline());
        StoryFields.signalsFromSlugline(b, b.slugline());
        StoryFields.ensureHeadline(b, description, "NITF document " + storyKey);
        return List.of(b.build());
    }

    private static void status(ParsedStory.Builder b, String managementStatus, Instant issued, Instant release) {
        PubStatus status = StoryFields.pubStatus(managementStatus);
        b.pubStatus(status);
        if (status == PubStatus.CANCELED) {
            b.signal(Signal.KILL);
        }
        boolean embargoed = managementStatus != null && managementStatus.toLowerCase(Locale.ROOT).contains("embargo");
        if (embargoed || (issued != null && release != null && release.isAfter(issued))) {
            b.signal(Signal.EMBARGO);
            b.embargoedUntil(release);
        }
    }

    /** ANPA-era fields in head/meta and IPTC subject codes in head/tobject. */
    private static void meta(ParsedStory.Builder b, Element head) {
        // AAP's NITF (its "aap-selectors" meta) sends AAP's own category letters, which differ from AP's ("t" is
        // domestic sport, not TV); the classifier reads them with AAP's table.
        String letters = SafeXml.children(head, "meta").stream()
                .anyMatch(m -> StoryFields.first(SafeXml.attr(m, "name"), "").startsWith("aap-")) ? "aap-category" : "anpa-category";
        for (Element m : SafeXml.children(head, "meta")) {
            String name = StoryFields.first(SafeXml.attr(m, "name"), "");
            String content = SafeXml.attr(m, "content");
            if (content == null) {
                continue;
            }
            switch (name) {
                case "anpa-keyword" -> b.slugline(content);
                case "anpa-category" -> b.subject(letters, content, null);
                // an agency's own desk or service category (EFE's "categoria" POL, a paper's "section")
                case "categoria", "category", "section", "ressort" -> b.subject("category", content, null);
                default -> { }
            }
        }
        // AP's NITF rendition carries its ANPA category letter as a classifier (the JSON one as "apcategorycode")
        for (Element c : SafeXml.descendants(head, "classifier")) {
            if ("apcategorycode".equalsIgnoreCase(SafeXml.attr(c, "type")) && SafeXml.attr(c, "value") != null) {
                b.subject("anpa-category", SafeXml.attr(c, "value").strip(), null);
            }
        }
        for (Element s : SafeXml.descendants(head, "tobject.subject")) {
            String code = SafeXml.attr(s, "tobject.subject.refnum");
            if (code != null) {
                // The ipr names whose code it is: IPTC's Subject Codes by default, an agency's own otherwise
                // (EFE sends "F01001000" beside the IPTC code), which must not read as a Subject Code.
                String ipr = SafeXml.attr(s, "tobject.subject.ipr");
                boolean iptc = (ipr == null || ipr.equalsIgnoreCase("IPTC")) && SUBJECT_CODE.matcher(code).matches();
                String scheme = iptc ? "subj" : StoryFields.first(ipr, "nitf").toLowerCase(Locale.ROOT);
                b.subject(scheme, code, StoryFields.first(SafeXml.attr(s, "tobject.subject.detail"),
                        SafeXml.attr(s, "tobject.subject.matter"), SafeXml.attr(s, "tobject.subject.type")));
            }
        }
    }

    /**
     * The body's headline, hedline/hl1; some producers write {@code <headline><hl1>} (NITF's "headline" is in the head's
     * docdata, the body's is "hedline"), in a NITF file or one a G2 item carries, and some leave the hedline out and put
     * {@code <hl1>} straight in {@code body.head}. Null when there is none.
     */
    static String bodyHeadline(Element bodyHead) {
        return StoryFields.first(SafeXml.text(SafeXml.path(bodyHead, "hedline", "hl1")), SafeXml.text(SafeXml.path(bodyHead, "headline", "hl1")),
                SafeXml.text(SafeXml.child(bodyHead, "hl1")));
    }

    /** What a byline holds beside the writer's name: the title, the organisation, where the writer is. */
    private static final java.util.Set<String> BYLINE_EXTRAS = java.util.Set.of("byttl", "org", "location", "virtloc");

    /**
     * The byline's words without the title (byttl), the organisation and the place (org, location, virtloc), which
     * are not the name: "By BERNARD CONDON",
     * "By Meredith Jameson" (not "By Meredith Jameson, Staff Reporter"). A byline that is only a title
     * ("Sports Network") is that title.
     */
    static String byline(Element byline) {
        if (byline == null) {
            return null;
        }
        StringBuilder t = new StringBuilder();
        for (Node n = byline.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e && BYLINE_EXTRAS.contains(SafeXml.localName(e)))) {
                t.append(n.getTextContent()).append(' ');
            }
        }
        String name = WireText.blankToNull(BYLINE_TAIL.matcher(WireText.collapse(t.toString())).replaceFirst(""));
        return name != null && !BY_ONLY.matcher(name).matches() ? name : SafeXml.text(byline);
    }

    private static void dateline(ParsedStory.Builder b, Element dateline) {
        String text = SafeXml.text(dateline);
        // "Newport News , VA": the city and state are separate elements; tidy the space before the comma.
        String place = StoryFields.dateline(b, text == null ? null : text.replace(" ,", ","), SafeXml.text(SafeXml.descendant(dateline, "city")), null);
        b.place(place);
    }

    private static String abstractOf(Element bodyHead) {
        Element a = SafeXml.child(bodyHead, "abstract");
        if (a == null) {
            return null;
        }
        List<String> paragraphs = WireText.paragraphsFromHtml(XmlBody.innerHtml(a));
        return WireText.blankToNull(paragraphs.isEmpty() ? a.getTextContent() : String.join(" ", paragraphs));
    }

    private static String agencyPrefix(String docId) {
        if (docId == null) {
            return null;
        }
        Matcher m = AGENCY_PREFIX.matcher(docId);
        return m.find() ? m.group(1) : null;
    }

}
