package io.wirestream.formats;

import java.util.ArrayList;
import java.util.List;

/** Parses one wire format. Implementations are stateless and thread-safe. */
public interface WireParser {

    WireFormat format();

    /**
     * True when the payload looks like this format. Called on the first bytes only (up to
     * {@link ParserRegistry#SNIFF_BYTES}), in registry order, when the producer declared no format.
     */
    boolean sniff(byte[] head, String headText);

    /**
     * Parses every story in the payload.
     *
     * @return at least one story
     * @throws WireParseException with a readable reason when the payload carries no story or cannot be read
     */
    List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException;

    /** Parses one item of a document that carries several. */
    @FunctionalInterface
    interface ItemParser<T> {
        ParsedStory parse(T item) throws WireParseException;
    }

    /**
     * Every item of a multi-item document that is a story, in order; when none is, the first item's
     * refusal, or a no-story with {@code none} when there were no items.
     */
    static <T> List<ParsedStory> everyStory(Iterable<T> items, ItemParser<T> parser, String none) throws WireParseException {
        List<ParsedStory> out = new ArrayList<>();
        WireParseException firstRefusal = null;
        for (T item : items) {
            try {
                out.add(parser.parse(item));
            } catch (WireParseException e) {
                firstRefusal = firstRefusal == null ? e : firstRefusal;
            } catch (WireInputRefused e) {
                // one item's hostile body (HTML nested too deep) costs that item, not its siblings
                firstRefusal = firstRefusal == null ? new WireParseException(e.getMessage()) : firstRefusal;
            }
        }
        if (out.isEmpty()) {
            throw firstRefusal != null ? firstRefusal : WireParseException.noStory(none);
        }
        return out;
    }
}
