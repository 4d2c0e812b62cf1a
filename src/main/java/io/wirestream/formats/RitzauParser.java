package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * Ritzau's XML news service (Ritzaus Bureau, Denmark): one {@code RBNews} element per item, alone or in
 * a queue response ({@code XMLNewsQueuedResponse/XMLNewsQueuedResult/ListOfRBNews/RBNews}), one story
 * each. The text is HTML escaped inside {@code content}.
 *
 * <p>Field mapping:
 * <ul>
 * <li>uri = "Ritzau:" + NewsID (a GUID per item); storyKey = "Ritzau:" + HistID when sent, else the
 *     uri. HistID ("PTP-1834828": the reporter's initials and a running number) is the story's number
 *     in Ritzau's editorial system; each version gets a new NewsID.</li>
 * <li>version = version; NyVersion true adds UPDATE, Korrektion CORRECTION, Annuleret (cancelled) KILL
 *     and pubStatus canceled.</li>
 * <li>versionCreated = PublishDate, which has no zone: read in Ritzau's home zone (Copenhagen), marked
 *     ZONE_INFERRED.</li>
 * <li>urgency = Priority (a digit on the IPTC scale); format "Flash" or InfoFlash true adds FLASH.</li>
 * <li>headline = headline, else (Ritzau's flashes have none) the subtitle, else the first sentence of
 *     the text, marked NO_HEADLINE; description = subtitle; slugline = strapline ("NU/FLASH-U");
 *     byline = byLine; dateline place = town; edNote = TilRedaktionen (HTML, as one line of text).</li>
 * <li>subjects: IPTCList's IPTC Subject Codes (scheme "subj"); the section ("Udland", "Sport") as a
 *     keyword of scheme "ritzau-section".</li>
 * <li>agency = Ritzau, unless the text's dateline names the agency that wrote it (press releases
 *     "Via Ritzau" carry "(GLOBE NEWSWIRE)").</li>
 * </ul>
 */
public final class RitzauParser implements WireParser {

    static final String AGENCY = "Ritzau";

    @Override
    public WireFormat format() {
        return WireFormat.RITZAU;
    }

    @Override
    public boolean sniff(byte[] head, String headText) {
        String root = SafeXml.rootName(headText);
        return "RBNews".equals(root) || "XMLNewsQueuedResponse".equals(root);
    }

    @Override
    public List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException {
        Element root = SafeXml.parse(payload).getDocumentElement();
        List<Element> items = "RBNews".equals(SafeXml.localName(root)) ? List.of(root) : SafeXml.descendants(root, "RBNews");
        return WireParser.everyStory(items, item -> parseItem(item, context), "Ritzau response without RBNews items");
    }

    private static ParsedStory parseItem(Element item, ParseContext context) throws WireParseException {
        ParsedStory.Builder b = ParsedStory.builder(WireFormat.RITZAU);
        String newsId = value(item, "NewsID");
        if (newsId == null) {
            throw new WireParseException("Ritzau item has no NewsID");
        }
        String uri = AGENCY + ":" + newsId;
        String history = value(item, "HistID");
        b.uri(uri).storyKey(history != null ? AGENCY + ":" + history : uri).version(value(item, "version"));
        // The agency first: PublishDate has no zone and is read in the agency's.
        b.agency(AGENCY).provider(AGENCY);
        b.versionCreatedFrom("versionCreated", StoryFields.time(b, value(item, "PublishDate")));

        boolean cancelled = flag(item, "Annuleret");
        b.pubStatus(cancelled ? PubStatus.CANCELED : PubStatus.USABLE);
        if (cancelled) {
            b.signal(Signal.KILL);
        }
        if (flag(item, "NyVersion")) {
            b.signal(Signal.UPDATE);
        }
        if (flag(item, "Korrektion")) {
            b.signal(Signal.CORRECTION);
        }
        String priority = value(item, "Priority");
        b.urgency(StoryFields.urgency(priority)).priority(priority);
        if (flag(item, "InfoFlash") || "flash".equalsIgnoreCase(value(item, "format"))) {
            b.signal(Signal.FLASH);
        }

        String content = value(item, "content");
        if (content != null) {
            b.bodyHtml(content);
            b.body(WireText.paragraphsFromHtml(content));
        }
        // The subtitle may carry markup as text ("... Forsvar.<br />"): its words only.
        String subtitle = value(item, "subtitle") == null ? null
                : WireText.blankToNull(String.join(" ", WireText.paragraphsFromHtml(value(item, "subtitle"))));
        b.headline(value(item, "headline")).description(subtitle).slugline(value(item, "strapline")).byline(value(item, "byLine"));
        String ednote = value(item, "TilRedaktionen");
        b.edNote(ednote == null ? null : WireText.blankToNull(String.join(" ", WireText.paragraphsFromHtml(ednote.replaceAll("(?i)<br\\s*/?>", "</p><p>")))));
        StoryFields.dateline(b, null, value(item, "town"), null);
        for (Element code : SafeXml.children(SafeXml.child(item, "IPTCList"), "int")) {
            // Sent as integers: 4000000 is Subject Code 04000000, its leading zero lost.
            String number = SafeXml.text(code);
            StoryFields.subject(b, number != null && number.matches("\\d{7}") ? "0" + number : number, null);
        }
        String section = value(item, "section");
        if (section != null) {
            b.subject("ritzau-section", section, null);
        }
        StoryFields.agency(b, AGENCY, context.source());
        StoryFields.ensureHeadline(b, subtitle, "Ritzau item " + newsId);
        return b.build();
    }

    /** The element's text; null when absent, blank or {@code i:nil="true"}. */
    private static String value(Element item, String name) {
        return SafeXml.text(SafeXml.child(item, name));
    }

    private static boolean flag(Element item, String name) {
        return "true".equals(String.valueOf(value(item, name)).toLowerCase(Locale.ROOT));
    }
}
