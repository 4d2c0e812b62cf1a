package io.wirestream.formats;

import java.time.Instant;

/**
 * What a parser knows besides the bytes.
 *
 * @param source      source id of the raw record (e.g. "reuters", "pti"); the agency when the wire does not name one
 * @param contentType declared media type with charset, or null
 * @param receivedAt  when the producer received the item; the fallback for versionCreated
 * @param itemId      the producer's id for the item (file name, feed entry id); a fallback uri
 */
public record ParseContext(String source, String contentType, Instant receivedAt, String itemId) {

    public static ParseContext of(String source, Instant receivedAt) {
        return new ParseContext(source, null, receivedAt, null);
    }
}
