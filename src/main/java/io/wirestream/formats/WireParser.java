package io.wirestream.formats;

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
}
