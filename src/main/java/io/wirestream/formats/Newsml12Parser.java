package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * IPTC NewsML 1.2, as AFP (and ANA-MPA) still send it: {@code NewsML/NewsEnvelope} and one or more
 * {@code NewsItem}s, each with Identification, NewsManagement and a NewsComponent tree whose
 * ContentItem carries the text (an NITF body or XHTML, or bare paragraphs) in DataContent.
 *
 * <p>Field mapping:
 * <ul>
 * <li>storyKey = ProviderId:NewsItemId ("afp.com:TX-PAR-FXW86"): the pair NewsML 1.2 keeps across
 *     revisions (DateId and RevisionId change); uri = PublicIdentifier, which names the revision;
 *     version = RevisionId. A NewsItemId of "0" or none (Belga) is no identity: DateId and a hash of
 *     headline and text stand in. An item in several languages, each with a Body text of its own (Belga's
 *     Dutch and French in one item), gives a story per language under the key and uri with "#" and the
 *     language.</li>
 * <li>NewsManagement: FirstCreated, ThisRevisionCreated (versionCreated), Status (Usable, Withheld,
 *     Canceled; canceled adds KILL, Embargoed adds EMBARGO), Urgency@FormalName (IPTC 1-9 scale; else the
 *     envelope's Priority, else a Priority property).
 *     RevisionId@PreviousRevision above 0 or a Genre "Update" marks an UPDATE.</li>
 * <li>NewsLines (first text component): HeadLine, ByLine, DateLine (place = Location City, else
 *     the words before the first comma), SlugLine (else the Identification NameLabel).</li>
 * <li>DescriptiveMetadata: Language (else the xml:lang of the text's component), SubjectCode (Subject/SubjectMatter/SubjectDetail FormalName,
 *     scheme "subj"), Location (City, then Country, as places), Keyword properties.</li>
 * <li>agency = AdministrativeMetadata Provider Party, else ProviderId, else the source.</li>
 * </ul>
 * Items whose only content is a photo, graphic or video carry no story; text sent as ComplexData with a
 * text MimeType (TASS's NITF) is text. The standard NewsML DOCTYPE is blanked first ({@link NitfDoctype}).
 */
public final class Newsml12Parser implements WireParser {

    private static final Set<String> BODY_ROLES = Set.of("body", "main", "text");
    private static final Set<String> NOT_BODY_ROLES = Set.of(
            "stylesheet", "headline", "subheadline", "contact", "logo", "photo", "caption", "abstract");

    @Override
    public WireFormat format() {
        return WireFormat.NEWSML_12;
    }

    @Override
    public boolean sniff(byte[] head, String headText) {
        return "NewsML".equals(SafeXml.rootName(headText));
    }

    @Override
    public List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException {
        Element root = SafeXml.parse(NitfDoctype.stripStandardNewsml(payload)).getDocumentElement();
        if (!"NewsML".equals(SafeXml.localName(root))) {
            throw new WireParseException("not NewsML 1.2: root element is <" + SafeXml.localName(root) + ">");
        }
        List<ParsedStory> stories = new ArrayList<>();
        String nonText = null;
        for (Element item : SafeXml.children(root, "NewsItem")) {
            Element text = textContentItem(SafeXml.descendants(item, "ContentItem"));
            if (text == null) {
                nonText = mediaTypeOf(item);
                continue;
            }
            List<Element> others = otherLanguages(item, text);
            // An item in several languages keys each by its language, so the order of the components does not matter.
            stories.add(parseItem(item, text, others.isEmpty() ? null : inheritedLanguage(text), context));
            for (Element other : others) {
                stories.add(parseItem(item, other, inheritedLanguage(other), context));
            }
        }
        if (stories.isEmpty()) {
            throw WireParseException.noStory("NewsML 1.2 " + (nonText != null ? nonText + " item" : "document without NewsItem"));
        }
        return stories;
    }

    /**
     * @param translation the language of this version of an item sent in several languages (Belga's Dutch and French),
     *                    each a story under the item's key and its language; null for an item in one language
     */
    private static ParsedStory parseItem(Element item, Element contentItem, String translation, ParseContext context)
            throws WireParseException {
        ParsedStory.Builder b = ParsedStory.builder(WireFormat.NEWSML_12);
        Element id = SafeXml.path(item, "Identification", "NewsIdentifier");
        String providerId = SafeXml.text(SafeXml.child(id, "ProviderId"));
        String newsItemId = SafeXml.text(SafeXml.child(id, "NewsItemId"));
        if (newsItemId == null || newsItemId.equals("0")) {
            // No id of its own (Belga's remote feed sends "0" or nothing for every item): the item's date and
            // text stand in, so two different stories never become versions of one, and a resend is still one.
            // Only what a resend or a new revision of the same text keeps: not the revision's number or times. (A
            // cancellation that changes the text cannot be linked to the item it cancels: there is nothing to link by.)
            String headline = StoryFields.first(SafeXml.text(SafeXml.descendant(item, "HeadLine")), "");
            Element data = SafeXml.child(contentItem, "DataContent");
            newsItemId = StoryFields.first(SafeXml.text(SafeXml.child(id, "DateId")), "") + "-"
                    + StoryFields.shortHash(headline + "\n" + WireText.collapse(data == null ? "" : data.getTextContent()));
        }
        String languageKey = translation == null ? "" : "#" + primaryLanguage(translation);
        String storyKey = StoryFields.first(providerId, context.source(), "newsml") + ":" + newsItemId + languageKey;
        Element revision = SafeXml.child(id, "RevisionId");
        String publicId = SafeXml.text(SafeXml.child(id, "PublicIdentifier"));
        b.storyKey(storyKey).uri(publicId == null ? storyKey : publicId + languageKey);
        b.version(SafeXml.text(revision));

        Element mgmt = SafeXml.child(item, "NewsManagement");
        b.firstCreated(WireTimes.parse(SafeXml.text(SafeXml.child(mgmt, "FirstCreated"))));
        b.versionCreated(WireTimes.parse(SafeXml.text(SafeXml.child(mgmt, "ThisRevisionCreated"))));
        String status = formalName(SafeXml.child(mgmt, "Status"));
        b.pubStatus(StoryFields.pubStatus(status));
        if (StoryFields.pubStatus(status) == PubStatus.CANCELED) {
            b.signal(Signal.KILL);
        }
        if (status != null && status.toLowerCase(Locale.ROOT).contains("embargo")) {
            b.signal(Signal.EMBARGO);
            // when the embargo lifts: the time the status will change (to Usable)
            b.embargoedUntil(WireTimes.parse(SafeXml.text(SafeXml.path(mgmt, "StatusWillChange", "DateAndTime"))));
        }
        String instruction = formalName(SafeXml.child(mgmt, "Instruction"));
        if (instruction != null && List.of("correction", "rectify").contains(instruction.toLowerCase(Locale.ROOT))) {
            b.signal(Signal.CORRECTION);
        }
        String previous = SafeXml.attr(revision, "PreviousRevision");
        if (previous != null && !previous.equals("0")) {
            b.signal(Signal.UPDATE);
        }
        // An item without its own Urgency takes the envelope's Priority (ANA-MPA sends only that), same scale.
        // Belga writes it as a metadata Property ("Priority", value 3) instead.
        // TASS writes the value as the element's text ("<Urgency>2</Urgency>").
        Element urgencyElement = SafeXml.child(mgmt, "Urgency");
        String urgency = StoryFields.first(formalName(urgencyElement), SafeXml.text(urgencyElement),
                formalName(SafeXml.path(item.getOwnerDocument().getDocumentElement(), "NewsEnvelope", "Priority")),
                priorityProperty(item));
        b.urgency(StoryFields.urgency(urgency)).priority(urgency);

        // NewsLines and metadata sit on the component that holds the text, or on one of its ancestors.
        Element lines = nearest(contentItem, "NewsLines");
        b.headline(SafeXml.text(SafeXml.child(lines, "HeadLine")));
        // No ByLine: AFP names its writers as the Creator's parties ("Adel Zaanoun with Guillaume Lavallee in Jerusalem")
        b.byline(StoryFields.first(SafeXml.text(SafeXml.child(lines, "ByLine")),
                formalName(SafeXml.path(nearest(contentItem, "AdministrativeMetadata"), "Creator", "Party"))));
        b.edNote(advisory(lines));
        b.description(StoryFields.first(SafeXml.text(SafeXml.child(lines, "SubHeadLine")), subHeadlineComponent(item)));
        b.slugline(StoryFields.first(SafeXml.text(SafeXml.child(lines, "SlugLine")),
                SafeXml.text(SafeXml.path(item, "Identification", "NameLabel"))));
        Element descriptive = nearest(contentItem, "DescriptiveMetadata");
        descriptive(b, descriptive, item, contentItem);
        if (translation != null) {
            b.language(translation);
        }
        String agency = formalName(SafeXml.path(nearest(contentItem, "AdministrativeMetadata"), "Provider", "Party"));
        b.agency(StoryFields.first(agency, providerId, context.source())).provider(StoryFields.first(providerId, context.source()));

        XmlBody.apply(b, XmlBody.textRoot(SafeXml.child(contentItem, "DataContent")));
        String dateline = SafeXml.text(SafeXml.child(lines, "DateLine"));
        String city = locationProperty(descriptive, "City");
        if (originOnly(descriptive) && contradicts(dateline, city)) {
            // Where the item was filed from, and not the dateline's place (Kyodo's "Origin" Paris under "BEIJING, July
            // 23"): the dateline says where the story is. AFP's Origin is its dateline's city, and the tidier name.
            StoryFields.dateline(b, dateline, null, city);
        } else {
            StoryFields.dateline(b, dateline, city, null);
        }
        StoryFields.ensureHeadline(b, null, "NewsML 1.2 item " + storyKey);
        StoryFields.signalsFromText(b, b.headline());
        StoryFields.signalsFromSlugline(b, b.slugline());
        return b.build();
    }

    private static void descriptive(ParsedStory.Builder b, Element descriptive, Element item, Element contentItem) {
        String language = formalName(SafeXml.child(descriptive, "Language"));
        b.language(StoryFields.first(language, inheritedLanguage(contentItem), WireText.blankToNull(item.getAttributeNS(XMLConstants.XML_NS_URI, "lang"))));
        for (Element sc : SafeXml.children(descriptive, "SubjectCode")) {
            for (String level : List.of("Subject", "SubjectMatter", "SubjectDetail")) {
                for (Element s : SafeXml.children(sc, level)) {
                    String code = SafeXml.attr(s, "FormalName");
                    if (code != null) {
                        b.subject("subj", code, null);
                    }
                }
            }
        }
        // Europa Press lists IPTC subject codes as Topics of a TopicSet ("IPTCSubjectCodes" scheme) rather than SubjectCode.
        for (Element topic : SafeXml.descendants(item, "Topic")) {
            Element name = SafeXml.child(topic, "FormalName");
            String scheme = SafeXml.attr(name, "Scheme");
            String code = SafeXml.text(name);
            if (scheme != null && IPTC_SUBJECT_SCHEME.matcher(scheme).find() && code != null && SUBJECT_CODE.matcher(code).matches()) {
                b.subject("subj", code, null);
            }
        }
        b.place(locationProperty(descriptive, "City"));
        b.place(locationProperty(descriptive, "Country"));
        for (Element p : SafeXml.children(descriptive, "Property")) {
            // AFP lists people shown in pictures as keywords too (Role="PersonInImage"): not the story's keywords.
            if ("Keyword".equals(SafeXml.attr(p, "FormalName")) && SafeXml.attr(p, "Role") == null) {
                String v = SafeXml.attr(p, "Value");
                if (v != null) {
                    b.subject("keyword", v, null);
                }
            } else if ("Topic".equals(SafeXml.attr(p, "FormalName")) && SafeXml.attr(p, "Value") != null) {
                b.subject("category", SafeXml.attr(p, "Value"), null); // PA's desk topics: "ARTS", "SCOTLAND"
            }
        }
        for (Element g : SafeXml.children(descriptive, "Genre")) {
            if ("update".equalsIgnoreCase(formalName(g))) {
                b.signal(Signal.UPDATE);
            }
        }
    }

    /** Whether the dateline names a place that is not the city (compared case-blind, as the start of the dateline's place). */
    private static boolean contradicts(String dateline, String city) {
        String place = dateline == null || city == null ? null : StoryFields.placeOfDateline(dateline);
        return place != null && !place.toLowerCase(Locale.ROOT).startsWith(city.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the item's only locations say where it was filed from (HowPresent "Origin"), not where its dateline is. */
    private static boolean originOnly(Element descriptive) {
        List<Element> locations = SafeXml.children(descriptive, "Location");
        return !locations.isEmpty() && locations.stream().allMatch(l -> "origin".equalsIgnoreCase(SafeXml.attr(l, "HowPresent")));
    }

    private static String locationProperty(Element descriptive, String name) {
        // ANA-MPA puts the City property straight under DescriptiveMetadata.
        for (Element p : SafeXml.children(descriptive, "Property")) {
            if (name.equals(SafeXml.attr(p, "FormalName"))) {
                return SafeXml.attr(p, "Value");
            }
        }
        for (Element loc : SafeXml.children(descriptive, "Location")) {
            for (Element p : SafeXml.children(loc, "Property")) {
                if (name.equals(SafeXml.attr(p, "FormalName"))) {
                    return SafeXml.attr(p, "Value");
                }
            }
        }
        return null;
    }

    /**
     * The ContentItem with the story text: one whose component's Role is Body (Business Wire sends a
     * style sheet, headline, sub-headline, contact and logo components beside it), else the first whose
     * MediaType is Text (or unstated), with DataContent, that is not a style sheet or one of those
     * other roles.
     */
    private static Element textContentItem(List<Element> contentItems) {
        Element fallback = null;
        Element emptyBody = null; // a Body that holds nothing (Belga's audio package: each quote's Body is empty, the bulletin's is not)
        for (Element ci : contentItems) {
            String media = formalName(SafeXml.child(ci, "MediaType"));
            String mime = StoryFields.first(formalName(SafeXml.child(ci, "MimeType")), "").toLowerCase(Locale.ROOT);
            // TASS sends its NITF text as MediaType ComplexData with a text MimeType: text by its MimeType.
            // Some systems name the media type of an HTML text "HTML" (not in the standard's list): text all the same.
            boolean textual = media == null || media.equalsIgnoreCase("Text") || media.equalsIgnoreCase("HTML")
                    || media.equalsIgnoreCase("ComplexData") && (mime.startsWith("text/") || mime.contains("nitf") || mime.contains("xhtml"));
            Element data = SafeXml.child(ci, "DataContent");
            if (!textual || data == null
                    || mime.contains("css") || mime.startsWith("image") || mime.startsWith("video") || mime.startsWith("audio")) {
                continue;
            }
            String role = roleOf(ci);
            if (role != null && BODY_ROLES.contains(role)) {
                if (!data.getTextContent().isBlank()) {
                    return ci;
                }
                emptyBody = emptyBody == null ? ci : emptyBody;
            }
            if (fallback == null && (role == null || !NOT_BODY_ROLES.contains(role))) {
                fallback = ci;
            }
        }
        return emptyBody != null ? emptyBody : fallback;
    }

    /**
     * The body content items of the item's other languages: when the chosen text is a Body-role component with a
     * language, and components of other languages hold a Body-role text too, each of those is a language version.
     */
    private static List<Element> otherLanguages(Element item, Element chosen) {
        String first = inheritedLanguage(chosen);
        List<Element> out = new ArrayList<>();
        if (first == null || !hasBodyRole(chosen)) {
            return out;
        }
        java.util.Map<String, List<Element>> byLanguage = new java.util.LinkedHashMap<>();
        for (Element ci : SafeXml.descendants(item, "ContentItem")) {
            String lang = inheritedLanguage(ci);
            if (lang != null && !primaryLanguage(lang).equals(primaryLanguage(first))) {
                byLanguage.computeIfAbsent(lang, k -> new ArrayList<>()).add(ci);
            }
        }
        for (List<Element> items : byLanguage.values()) {
            Element text = textContentItem(items);
            if (text != null && hasBodyRole(text)) {
                out.add(text);
            }
        }
        return out;
    }

    private static boolean hasBodyRole(Element contentItem) {
        String role = roleOf(contentItem);
        return role != null && BODY_ROLES.contains(role);
    }

    /** "nl-BE" and "nl" are one language. */
    private static String primaryLanguage(String tag) {
        int dash = tag.indexOf('-');
        return (dash > 0 ? tag.substring(0, dash) : tag).toLowerCase(Locale.ROOT);
    }

    /** The Role of the NewsComponent that holds the content item, lower-cased, or null. */
    private static String roleOf(Element contentItem) {
        Node parent = contentItem.getParentNode();
        String role = parent instanceof Element e ? formalName(SafeXml.child(e, "Role")) : null;
        return role == null ? null : role.toLowerCase(Locale.ROOT);
    }

    /** The text of the component with Role SubHeadLine (Business Wire's standfirst), or null. */
    private static String subHeadlineComponent(Element item) {
        for (Element ci : SafeXml.descendants(item, "ContentItem")) {
            if ("subheadline".equals(roleOf(ci)) && SafeXml.child(ci, "DataContent") != null) {
                List<String> lines = WireText.paragraphsFromHtml(XmlBody.innerHtml(XmlBody.textRoot(SafeXml.child(ci, "DataContent"))));
                return lines.isEmpty() ? null : String.join(" ", lines);
            }
        }
        return null;
    }

    /** What an item without text holds: its first media type that is not text (a photo's caption is text), for the reason. */
    private static String mediaTypeOf(Element item) {
        String text = null;
        for (Element media : SafeXml.descendants(item, "MediaType")) {
            String m = formalName(media);
            if (m != null && !m.equalsIgnoreCase("Text")) {
                return m.toLowerCase(Locale.ROOT);
            }
            text = m == null ? text : "text";
        }
        return text != null ? text : "non-text";
    }

    /** The named child of the nearest enclosing NewsComponent that has one. */
    private static Element nearest(Element from, String childName) {
        for (Node n = from.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            Element c = SafeXml.child(e, childName);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** A metadata Property named Priority or Urgency with a value of 1 to 9, or null. */
    private static String priorityProperty(Element item) {
        for (Element p : SafeXml.descendants(item, "Property")) {
            String name = StoryFields.first(formalName(p), "");
            String value = SafeXml.attr(p, "Value");
            if ((name.equalsIgnoreCase("Priority") || name.equalsIgnoreCase("Urgency")) && value != null && value.matches("[1-9]")) {
                return value;
            }
        }
        return null;
    }

    /** The xml:lang of the text's own component or the nearest component around it (Belga marks each language's component so). */
    private static String inheritedLanguage(Element contentItem) {
        for (Node n = contentItem; n instanceof Element e && !SafeXml.localName(e).equals("NewsItem"); n = n.getParentNode()) {
            String lang = WireText.blankToNull(e.getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
            if (lang != null) {
                return lang;
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern IPTC_SUBJECT_SCHEME = java.util.regex.Pattern.compile("(?i)iptc.*subject|subject.*iptc");
    private static final java.util.regex.Pattern SUBJECT_CODE = java.util.regex.Pattern.compile("\\d{8}");

    /** The NewsLines of type AdvisoryLine, AFP's note to editors ("RECASTS with ..., UPDATES throughout"), joined. */
    private static String advisory(Element lines) {
        List<String> notes = new ArrayList<>();
        for (Element line : SafeXml.children(lines, "NewsLine")) {
            if ("AdvisoryLine".equalsIgnoreCase(formalName(SafeXml.child(line, "NewsLineType")))) {
                String text = SafeXml.text(SafeXml.child(line, "NewsLineText"));
                if (text != null) {
                    notes.add(text);
                }
            }
        }
        return notes.isEmpty() ? null : String.join(" ", notes);
    }

    private static String formalName(Element e) {
        return SafeXml.attr(e, "FormalName");
    }
}
