package io.wirestream.formats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Picks the parser for a raw item (by declared format, else by content) and applies the checks every
 * format shares: empty, oversized and binary items are refused with a reason.
 */
public final class ParserRegistry {

    /** How much of the payload content detection looks at. */
    public static final int SNIFF_BYTES = 4096;
    /** Default per-item size limit; agency text items are a few KB, a whole NewsML-G2 message rarely over 1 MB. */
    public static final int DEFAULT_MAX_ITEM_BYTES = 4 * 1024 * 1024;

    private final List<WireParser> parsers;
    private final int maxItemBytes;

    public ParserRegistry(List<WireParser> parsers, int maxItemBytes) {
        this.parsers = List.copyOf(parsers);
        this.maxItemBytes = maxItemBytes;
    }

    /** Every format we know, in detection order: the most specific content signatures first, plain text last. */
    public static ParserRegistry standard() {
        return standard(DEFAULT_MAX_ITEM_BYTES);
    }

    public static ParserRegistry standard(int maxItemBytes) {
        return new ParserRegistry(List.of(
                new NinjsParser(),
                // Wire framing (SOH...) is unambiguous; ANPA's header shape is checked before 7901's.
                new AnpaParser(),
                new Iptc7901Parser(),
                // XML formats are told apart by their root element, so their order only matters for speed:
                // agency XML first, web feeds after.
                new NewsmlG2Parser(),
                new NitfParser(),
                new Newsml12Parser(),
                new RitzauParser(),
                FeedParser.rss(),
                FeedParser.atom(),
                new PlainTextParser()), maxItemBytes);
    }

    public int maxItemBytes() {
        return maxItemBytes;
    }

    /**
     * Parses a raw item into its stories.
     *
     * @param declaredFormat a {@link WireFormat#id()}, or "auto"/null to detect
     * @throws WireParseException with the dead-letter reason
     */
    /** Most stories one raw item may carry (a feed page, a ninjs envelope, a run of ANPA messages). */
    public static final int MAX_STORIES_PER_ITEM = 2_000;

    public List<ParsedStory> parse(byte[] payload, String declaredFormat, ParseContext context) throws WireParseException {
        return parse(payload, -1, declaredFormat, context);
    }

    /**
     * Parses a raw item that a producer may have truncated.
     *
     * @param originalSize the item's real size when the producer cut it to a preview because it was over
     *                     max.item.bytes (RawWireItem.originalSize), else -1. Such an item is always a dead
     *                     letter: the payload is only the first bytes, kept for an operator to look at.
     * @throws WireParseException with the dead-letter reason
     */
    public List<ParsedStory> parse(byte[] payload, long originalSize, String declaredFormat, ParseContext context)
            throws WireParseException {
        if (originalSize >= 0) {
            throw new WireParseException(originalSize > maxItemBytes
                    ? "oversized item: " + originalSize + " bytes exceeds the limit of " + maxItemBytes
                    // The producer ran with a smaller max.item.bytes than this stage: still only a preview.
                    : "oversized item: " + originalSize + " bytes exceeded the producer's limit; only the first "
                            + (payload == null ? 0 : payload.length) + " bytes were kept");
        }
        if (payload == null || payload.length == 0 || isBlank(payload)) {
            throw new WireParseException("empty item: no bytes to parse");
        }
        if (payload.length > maxItemBytes) {
            throw new WireParseException("oversized item: " + payload.length + " bytes exceeds the limit of " + maxItemBytes);
        }
        if (Utf16.hasBom(payload)) {
            // Windows tools save "Unicode" as UTF-16 with a byte-order mark; every parser reads 8-bit text, where
            // its zero bytes looked binary. Read as the UTF-8 it means, and say so to parsers that read a charset.
            payload = Utf16.toUtf8(payload);
            if (payload.length > maxItemBytes) {
                throw new WireParseException("oversized item: " + payload.length + " bytes as UTF-8 exceeds the limit of " + maxItemBytes);
            }
            if (context != null) {
                context = context.withContentType(Utf16.asUtf8(context.contentType()));
            }
        }
        WireParser parser = parserFor(payload, declaredFormat);
        List<ParsedStory> stories = parser.parse(payload, context);
        if (stories.isEmpty()) {
            throw WireParseException.noStory(parser.format().id() + " item carries no story");
        }
        if (stories.size() > MAX_STORIES_PER_ITEM) {
            // one record is processed in one go: tens of thousands of stories in it would hold the stream
            // thread past max.poll.interval.ms (a hostile envelope of 100,000 minimal items fits in 4 MB)
            throw new WireParseException(parser.format().id() + " item holds " + stories.size() + " stories, more than "
                    + MAX_STORIES_PER_ITEM + " in one item: send the feed in smaller pages");
        }
        return stories;
    }

    /** The parser for a declared format, or the first whose content signature matches. */
    public WireParser parserFor(byte[] payload, String declaredFormat) throws WireParseException {
        if (declaredFormat != null && !declaredFormat.isBlank() && !WireFormat.AUTO.equalsIgnoreCase(declaredFormat.strip())) {
            Optional<WireFormat> f = WireFormat.fromId(declaredFormat);
            if (f.isEmpty()) {
                throw new WireParseException("unknown declared format '" + declaredFormat + "'; known: "
                        + Arrays.stream(WireFormat.values()).map(WireFormat::id).toList());
            }
            return parsers.stream().filter(p -> p.format() == f.get()).findFirst()
                    .orElseThrow(() -> new WireParseException("no parser for declared format " + f.get().id()));
        }
        return detect(payload);
    }

    /** Detects the format by content. */
    public WireParser detect(byte[] payload) throws WireParseException {
        // a UTF-8 byte-order mark (Windows tools write one) says nothing of the format: every parser sniffs what follows it
        int from = WireText.hasUtf8Bom(payload) ? 3 : 0;
        byte[] head = Arrays.copyOfRange(payload, from, Math.min(payload.length, from + SNIFF_BYTES));
        if (looksBinary(head)) {
            throw new WireParseException("binary content: not a text wire format");
        }
        String headText = new String(head, StandardCharsets.ISO_8859_1);
        for (WireParser p : parsers) {
            if (p.sniff(head, headText)) {
                return p;
            }
        }
        if (payload.length > from + head.length && opensAsJson(headText)) {
            // JSON's keys come in any order: a serializer that writes "body_html" first puts "uri" and "headline" past the head
            byte[] all = Arrays.copyOfRange(payload, from, payload.length);
            String whole = new String(all, StandardCharsets.ISO_8859_1);
            for (WireParser p : parsers) {
                if (p.sniff(all, whole)) {
                    return p;
                }
            }
        }
        throw new WireParseException("unrecognised format: no parser matches the content");
    }

    private static boolean opensAsJson(String headText) {
        String t = headText.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    private static boolean isBlank(byte[] payload) {
        for (byte b : payload) {
            if (!Character.isWhitespace(b & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /**
     * NUL bytes or a high share of non-text control bytes mean binary (an image, a zip). Wire framing
     * controls (SOH, STX, ETX, EOT, BEL, SYN, DC1-4, US) are text for ANPA and IPTC 7901.
     */
    static boolean looksBinary(byte[] head) {
        int odd = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return true;
            }
            boolean wireControl = c == 1 || c == 2 || c == 3 || c == 4 || c == 7 || c == 0x16 || (c >= 0x11 && c <= 0x14)
                    || c == 0x1F || c == 0x1E || c == 0x1D;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && !wireControl) {
                odd++;
            }
        }
        return head.length > 0 && odd * 20 > head.length;
    }
}
