package io.wirestream.formats;

import static io.wirestream.formats.StoryFields.first;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wirestream.avro.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IPTC ninjs: 1.x (snake_case: versioncreated, body_html, subject[]) and 2.x/3.x (camelCase with
 * arrays: versionCreated, headlines[], bodies[], subjects[]). ninjs 1.x also allows any role after
 * {@code headline_}, {@code body_} and {@code description_} (the schema's pattern properties: the 1.6
 * examples send {@code headline_main}, {@code body_main} and {@code body_richtext}); those are read
 * when the usual names are absent. Picture, video, audio, graphic, event and
 * planning items carry no story and are refused with a reason.
 *
 * <p>Two ninjs-like variants are read as well, because they fit the same field mapping: list
 * envelopes ({@code {"total":..,"item":[...]}}, as BBC's API sends), one story per item; and dpa
 * digitalwires ({@code "format":"digitalwires@..."}: urn, version_created, article_html, teaser,
 * dateline), which is ninjs 1.x with a few renamed fields, and whose "urgency" is dpa's priority digit (4 normal),
 * read by the crosswalk as the IPTC 7901 header's is.
 */
public final class NinjsParser implements WireParser {

    // Trailing tokens fail: two JSON documents run together are not one item whose second half is dropped.
    private static final ObjectMapper JSON = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Pattern MARKUP = Pattern.compile("<(p|div|br|span|h[1-6]|ul|ol|li|b|i|em|strong|a|table)[\\s/>]", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NON_TEXT = Set.of("picture", "video", "audio", "graphic", "event", "planning");

    @Override
    public WireFormat format() {
        return WireFormat.NINJS;
    }

    @Override
    public boolean sniff(byte[] head, String headText) {
        String t = headText.stripLeading();
        return t.startsWith("{") && (t.contains("\"uri\"") || t.contains("\"guid\"") || t.contains("\"headline")
                || t.contains("\"versioncreated\"") || t.contains("\"versionCreated\"") || t.contains("ninjs"));
    }

    /**
     * The text without what old transports pad a file with after its JSON (NUL fill, ^Z, EOT, blank
     * lines): trailing tokens fail the parse, so run-together documents are refused, but padding is not
     * a document. A scan from the end: a regex anchored at the end is quadratic on a long run of spaces.
     */
    static String withoutTrailingControls(String text) {
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || Character.isISOControl(text.charAt(end - 1)))) {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }

    @Override
    public List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException {
        String text = WireText.decodeStrict(payload, context.contentType());
        JsonNode root;
        try {
            root = JSON.readTree(withoutTrailingControls(text));
        } catch (JsonProcessingException e) {
            throw new WireParseException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new WireParseException("malformed ninjs: top level is not a JSON object");
        }
        JsonNode data = root.path("data");
        if (data.isObject() && str(root, "uri") == null && (data.path("item").isObject() || data.path("items").isArray())) {
            // An API response (AP Media API: {"api_version", "data": {"item": {...}}} or {"data": {"items":
            // [{"meta", "item": {...}}]}}): the ninjs items inside it.
            return data.path("item").isObject() ? List.of(parseItem(withRenditionText(data.get("item"), root.path("nitf")), context))
                    : parseEnvelope(unwrapped(data.get("items")), context);
        }
        JsonNode items = root.has("items") ? root.get("items") : root.get("item");
        if (items != null && items.isArray() && str(root, "uri") == null && str(root, "headline") == null) {
            return parseEnvelope(items, context);
        }
        return List.of(parseItem(root, context));
    }

    /**
     * An AP Media API item carries no text: it sits in the NITF rendition, which an ingest fetches and stores beside
     * the response ({"data": {"item"}, "nitf": {"body_html"}}, as Superdesk does). That text is the item's body.
     */
    private static JsonNode withRenditionText(JsonNode item, JsonNode rendition) {
        String html = str(rendition, "body_html");
        if (html == null || html.isBlank() || item.has("body_html") || item.has("body_text") || !item.isObject()) {
            return item;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) item).deepCopy();
        copy.put("body_html", html);
        return copy;
    }

    /** The items of an API list, each either the item itself or wrapped as {"meta", "item"}. */
    private static JsonNode unwrapped(JsonNode items) {
        com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
        for (JsonNode e : items) {
            out.add(e.path("item").isObject() ? e.get("item") : e);
        }
        return out;
    }

    /** A list envelope: every item that is a story; the reason of the first refusal when none is. */
    private List<ParsedStory> parseEnvelope(JsonNode items, ParseContext context) throws WireParseException {
        return WireParser.everyStory(items, item -> parseItem(item, context), "ninjs envelope with no items");
    }

    /** Parses one ninjs object (also used for items inside other JSON envelopes). */
    ParsedStory parseItem(JsonNode n, ParseContext context) throws WireParseException {
        String type = str(n, "type");
        if (type != null && NON_TEXT.contains(type.toLowerCase(Locale.ROOT))) {
            throw WireParseException.noStory("ninjs " + type + " item");
        }
        ParsedStory.Builder b = ParsedStory.builder(WireFormat.NINJS);
        // ninjs 3 events may come without "type" but with eventDetails and a title instead of headlines.
        if (type == null && n.has("eventDetails") && headline(n) == null) {
            throw WireParseException.noStory("ninjs event item (eventDetails, no headline)");
        }
        boolean digitalwires = first(str(n, "format"), "").startsWith("digitalwires");
        if (digitalwires && str(n, "article_html") == null && str(n, "teaser") == null) {
            throw WireParseException.noStory("dpa digitalwires item without text (a picture or media entry)");
        }
        String uri = first(str(n, "uri"), str(n, "guid"), str(n, "urn"), context.itemId() == null ? null : context.source() + ":" + context.itemId());
        if (uri == null) {
            throw new WireParseException("ninjs item has no uri");
        }
        b.uri(uri);
        b.version(str(n, "version"));
        // Superdesk's ninjs names the agency that wrote the copy in "source" and the distributor that
        // holds the copyright in "copyrightholder" (Reuters copy moved by AAP): a known agency in
        // "source" wrote it.
        String wrote = Agencies.known(str(n, "source")) != null ? str(n, "source") : null;
        // The agency first: times without a zone are read in its home zone.
        b.agency(first(wrote, agencyOf(n), context.source()));
        Instant firstCreated = StoryFields.time(b, first(str(n, "firstCreated"), str(n, "firstcreated")));
        b.versionCreatedFrom("versionCreated", StoryFields.time(b, first(str(n, "versionCreated"), str(n, "versioncreated"), str(n, "version_created"))),
                "contentModified", StoryFields.time(b, first(str(n, "contentModified"), str(n, "contentmodified"))),
                "contentCreated", StoryFields.time(b, first(str(n, "contentCreated"), str(n, "contentcreated"))),
                "firstCreated", firstCreated);
        b.firstCreated(firstCreated);
        b.edNote(first(str(n, "ednote"), str(n, "edNote")));
        b.pubStatus(StoryFields.pubStatus(first(str(n, "pubStatus"), str(n, "pubstatus"))));
        JsonNode urgencyNode = n.path("urgency");
        boolean urgencySent = false;
        if (urgencyNode.canConvertToInt() || urgencyNode.isTextual() && urgencyNode.asText().strip().matches("\\d")) {
            // a number, or a digit sent as a string ("urgency": "2")
            int u = urgencyNode.isTextual() ? Integer.parseInt(urgencyNode.asText().strip()) : urgencyNode.asInt();
            // digitalwires' "urgency" is dpa's priority (4 normal, as in its IPTC 7901 header), not IPTC's (5 normal)
            b.urgency(digitalwires ? Iptc7901Parser.urgencyOfDpaPriority(u) : u >= 1 && u <= 9 ? u : null).priority(String.valueOf(u));
            urgencySent = true;
        }
        // Superdesk's ninjs has a separate editorial priority (1 flash .. 6 ordinary): that is the "as sent" priority.
        // AP's editorialpriority is the ANPA priority letter, as sent; with no urgency beside it, the letter's urgency
        // (DOMAIN.md's crosswalk, as for AP's ANPA: "f" a flash is 1, "b" a bulletin 2, "u" urgent 3).
        String priority = first(str(n, "priority"), str(n, "editorialpriority"));
        if (priority != null) {
            b.priority(priority);
        }
        String letter = str(n, "editorialpriority");
        if (!urgencySent && letter != null && letter.strip().length() == 1) {
            b.urgency(AnpaParser.urgencyOfPriority(letter.strip().charAt(0)));
        }
        b.headline(headline(n));
        b.description(first(textOrHtml(str(n, "description_text"), str(n, "description_html")), role(n.path("descriptions"), "summary"),
                str(n, "teaser"), textOrHtml(withPrefix(n, "description_"))));
        body(n, b);
        b.byline(first(str(n, "byline"), str(n, "byLine"), str(n, "by"), bylines(n)));
        b.slugline(str(n, "slugline"));
        StoryFields.signalsFromText(b, b.headline());
        StoryFields.signalsFromSlugline(b, b.slugline());
        b.language(str(n, "language"));
        String located = StoryFields.notAPlaceholder(first(str(n, "located"), str(n.path("datelinelocation"), "city")));
        b.datelinePlace(located);
        datelineFromBody(b, located);
        String dateline = str(n, "dateline");
        if (dateline != null) {
            b.dateline(dateline);
            Dateline.find(dateline).ifPresent(d -> b.datelinePlace(located != null ? located : d.place()));
        }
        subjects(n.path("subject"), b);
        subjects(n.path("subjects"), b);
        if (digitalwires) {
            digitalwiresCategories(n.path("categories"), b);
        }
        for (JsonNode p : iterable(n.path("place"), n.path("places"))) {
            b.place(p.isTextual() ? p.asText() : first(str(p, "name"), str(p, "literal"), str(p, "code")));
        }
        signals(n, b);
        String holder = Agencies.ifPlausible(agencyOf(n));
        b.provider(wrote != null && holder != null ? Agencies.code(holder)
                : first(str(n, "source"), infoSource(n)));
        // an agency the catalogue does not know is still the item's own word before the ingest source's ("360info")
        // ninjs 2 and 3 may name the agency only among the information sources (TT's "infoSources": [{"name": "TT"}])
        StoryFields.agency(b, first(wrote, holder, Agencies.ifPlausible(str(n, "source")), Agencies.ifPlausible(infoSource(n))),
                context.source());
        if ((b.headline() == null || b.headline().isBlank()) && b.body().isEmpty() && b.description() == null && !b.killed()) {
            throw WireParseException.noStory("ninjs item has neither headline nor body");
        }
        StoryFields.ensureHeadline(b, b.description(), "ninjs item " + uri);
        return b.build();
    }

    private static String headline(JsonNode n) {
        String h = first(str(n, "headline"), str(n, "headLine")); // "headLine", "bodyXhtml", "byLine": Reuters Connect's API
        if (h != null) {
            return WireText.collapse(h);
        }
        // ninjs 2.0 drafts named the lists "headline" and "body", their entries' roles "name"
        String main = first(role(n.path("headlines"), "main"), role(arrayOrEmpty(n.path("headline")), "main"), str(n, "headline_main"),
                withPrefix(n, "headline_"));
        return main == null ? null : WireText.collapse(main);
    }

    private static void body(JsonNode n, ParsedStory.Builder b) {
        String html = first(str(n, "body_html"), str(n, "body_xhtml"), str(n, "article_html"), str(n, "bodyXhtml"));
        String text = str(n, "body_text");
        List<JsonNode> bodies = new ArrayList<>();
        n.path("bodies").forEach(bodies::add);
        arrayOrEmpty(n.path("body")).forEach(bodies::add);
        for (JsonNode body : bodies) {
            String ct = first(str(body, "contentType"), str(body, "contenttype"), "");
            String role = first(str(body, "role"), str(body, "name"), "");
            if (ct.contains("html") || role.equals("html")) {
                html = html == null ? str(body, "value") : html;
            } else if (ct.contains("xml") || ct.contains("nitf") || role.equals("nitf")) {
                continue; // an embedded NITF/XML document is not body text (its markup would become paragraphs)
            } else if (text == null) {
                text = str(body, "value");
            }
        }
        if (html == null && text == null) {
            // ninjs 1.x body_<role> (body_main, body_richtext ...): markup or plain text, told apart by content.
            String other = withPrefix(n, "body_");
            if (other != null && looksLikeMarkup(other)) {
                html = other;
            } else {
                text = other;
            }
        }
        if (html == null && text != null && looksLikeMarkup(text)) {
            html = text; // PA's API sends its results tables as HTML in body_text
        }
        if (html != null) {
            b.bodyHtml(html);
            b.body(WireText.paragraphsFromHtml(html));
        } else if (text != null) {
            b.body(WireText.paragraphsFromText(text));
        }
    }

    private static void datelineFromBody(ParsedStory.Builder b, String located) {
        // the first paragraph of text: STT's English service opens with a "*** DISCLAIMER ... ***" note
        String first = b.body().stream().filter(p -> !StoryCleanup.isFencedNote(p)).findFirst().orElse(null);
        if (first == null) {
            return;
        }
        Dateline.find(first).ifPresent(d -> {
            b.dateline(d.text());
            if (located == null) {
                b.datelinePlace(d.place());
            }
        });
    }

    private static void subjects(JsonNode list, ParsedStory.Builder b) {
        for (JsonNode s : list) {
            String code = first(str(s, "code"), str(s, "literal")); // ninjs 2.x/3.x send a code as "literal"
            String uri = first(str(s, "uri"), str(s, "qcode"));
            String scheme = str(s, "scheme");
            if (uri != null) {
                int slash = uri.lastIndexOf('/');
                int colon = uri.lastIndexOf(':');
                if (uri.contains("mediatopic")) {
                    scheme = "medtop";
                } else if (uri.contains("subjectcode")) {
                    scheme = "subj";
                } else if (colon > 0 && !uri.startsWith("http")) {
                    scheme = uri.substring(0, colon);
                }
                code = code != null ? code : uri.substring(Math.max(slash, colon) + 1);
            }
            if (code == null) {
                code = str(s, "name");
            }
            // ninjs 1.x names the vocabulary by its URI: "scheme": "http://cv.iptc.org/newscodes/mediatopic/"
            if (scheme != null && scheme.contains("cv.iptc.org/newscodes/")) {
                scheme = scheme.contains("mediatopic") ? "medtop" : scheme.contains("subjectcode") ? "subj" : scheme;
            }
            if (scheme == null && code != null && code.length() == 1 && Character.isLetter(code.charAt(0)) && rel(s, "category")) {
                scheme = "anpa-category"; // AP's category codes are the ANPA-1312 category letters
            }
            if (code != null) {
                b.subject(scheme != null ? scheme : code.matches("\\d{8}") ? "subj" : "keyword", code, str(s, "name"));
            }
        }
    }

    /**
     * dpa digitalwires files its subjects and its desk among {@code categories}: a {@code dnltype:dpasubject} carries a
     * Media Topic qcode ("Partei", medtop:20000651) or dpa's own subject code ("Gesundheit", dpasubject:346), and a
     * {@code dnltype:desk} the Ressort (dpacat:pl, wi, sp, ku, vm), the same codes as the category field of dpa's IPTC
     * 7901 copy, so they are read as that. Wire, creator, genre and the rest of the list are not subjects.
     */
    private static void digitalwiresCategories(JsonNode categories, ParsedStory.Builder b) {
        for (JsonNode c : categories) {
            String type = first(str(c, "type"), "");
            String qcode = str(c, "qcode");
            int colon = qcode == null ? -1 : qcode.indexOf(':');
            if (colon <= 0 || colon == qcode.length() - 1) {
                continue;
            }
            String scheme = qcode.substring(0, colon);
            String code = qcode.substring(colon + 1);
            if (type.equals("dnltype:dpasubject")) {
                b.subject(scheme, code, str(c, "name"));
            } else if (type.equals("dnltype:desk") && scheme.equals("dpacat")) {
                b.subject("iptc7901-category", code, str(c, "name"));
            }
        }
    }

    private static boolean rel(JsonNode subject, String wanted) {
        for (JsonNode r : subject.path("rels")) {
            if (wanted.equals(r.asText())) {
                return true;
            }
        }
        return false;
    }

    private static void signals(JsonNode n, ParsedStory.Builder b) {
        for (JsonNode s : iterable(n.path("signals"), n.path("signal"))) {
            String v = (s.isTextual() ? s.asText() : first(str(s, "code"), str(s, "qcode"), str(s, "name"), "")).toLowerCase(Locale.ROOT);
            if (v.contains("correct")) {
                b.signal(Signal.CORRECTION);
            } else if (v.contains("update")) {
                b.signal(Signal.UPDATE);
            } else if (v.contains("kill") || v.contains("cancel")) {
                b.signal(Signal.KILL);
            } else if (v.contains("refile") || v.contains("repeat")) {
                b.signal(Signal.REFILE);
            }
        }
        String embargoed = first(str(n, "embargoed"), str(n, "embargoedUntil"));
        if (embargoed != null) {
            b.signal(Signal.EMBARGO);
            b.embargoedUntil(StoryFields.time(b, embargoed));
        }
    }

    /** The first information source's name: ninjs 3's "infoSources", ninjs 2's "infosources" (1.x: "infosource"). */
    private static String infoSource(JsonNode n) {
        return first(str(n.path("infoSources").path(0), "name"), str(n.path("infosources").path(0), "name"),
                str(n.path("infosource").path(0), "name"));
    }

    private static String agencyOf(JsonNode n) {
        return first(str(n, "copyrightholder"), str(n, "copyrightHolder"), str(n, "creditline"), str(n, "provider"));
    }

    private static JsonNode arrayOrEmpty(JsonNode n) {
        return n.isArray() ? n : JSON.createArrayNode();
    }

    private static String role(JsonNode list, String wanted) {
        String any = null;
        for (JsonNode h : list) {
            String v = str(h, "value");
            if (wanted.equals(first(str(h, "role"), str(h, "name")))) {
                return v;
            }
            any = any == null ? v : any;
        }
        return any;
    }

    /**
     * The first non-blank string property whose name starts with the prefix (ninjs 1.x pattern
     * properties), preferring one whose value is markup: a rich-text body keeps its paragraphs.
     */
    private static String withPrefix(JsonNode n, String prefix) {
        String plain = null;
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // A credit line (AP's description_creditline) is not a description.
            String v = name.startsWith(prefix) && !name.endsWith("creditline") ? str(n, name) : null;
            if (v != null && looksLikeMarkup(v)) {
                return v;
            }
            plain = plain == null ? v : plain;
        }
        return plain;
    }

    private static boolean looksLikeMarkup(String s) {
        return MARKUP.matcher(s).find();
    }

    /** One of a description's two forms, markup read as its paragraphs' text. */
    private static String textOrHtml(String either) {
        return either == null ? null : looksLikeMarkup(either) ? textOrHtml(null, either) : textOrHtml(either, null);
    }

    private static String textOrHtml(String text, String html) {
        if (text != null) {
            return WireText.collapse(text);
        }
        return html == null ? null : String.join(" ", WireText.paragraphsFromHtml(html));
    }

    /** The elements of two fields, each an array or one value ("signal": "sig:update", dpa's way). */
    private static Iterable<JsonNode> iterable(JsonNode a, JsonNode b) {
        return () -> java.util.stream.Stream.concat(elements(a), elements(b)).iterator();
    }

    private static java.util.stream.Stream<JsonNode> elements(JsonNode n) {
        return n.isValueNode() ? java.util.stream.Stream.of(n) : java.util.stream.StreamSupport.stream(n.spliterator(), false);
    }

    /** AP's Media API lists its writers: {@code "bylines": [{"by": "By MARK KENNEDY", "title": "AP Entertainment Writer"}]}. */
    private static String bylines(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode by : n.path("bylines")) {
            String name = str(by, "by");
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(" and ", names);
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s.strip();
    }
}
