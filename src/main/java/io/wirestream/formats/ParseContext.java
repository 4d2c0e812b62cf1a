package io.wirestream.formats;

import java.time.Instant;

/**
 * What a parser knows besides the bytes.
 *
 * @param source      source id of the raw record (e.g. "reuters", "pti"); the agency when the wire does not name one
 * @param contentType declared media type with charset, or null
 * @param receivedAt  when the producer received the item; the fallback for versionCreated
 * @param itemId      the producer's id for the item (file name, feed entry id); a fallback uri
 * @param origin      how the item arrived (RawWireItem.origin: file:PATH, url:URL, http:REMOTE, stdin), or null
 */
public record ParseContext(String source, String contentType, Instant receivedAt, String itemId, String origin) {

    public ParseContext(String source, String contentType, Instant receivedAt, String itemId) {
        this(source, contentType, receivedAt, itemId, null);
    }

    /** The same context with another declared media type. */
    public ParseContext withContentType(String type) {
        return new ParseContext(source, type, receivedAt, itemId, origin);
    }

    /** True when the item came from a file (a drop folder or {@code produce PATH}), whose name says where, not which story. */
    public boolean fromFile() {
        return origin != null && origin.startsWith("file:");
    }

    public static ParseContext of(String source, Instant receivedAt) {
        return new ParseContext(source, null, receivedAt, null);
    }
}
