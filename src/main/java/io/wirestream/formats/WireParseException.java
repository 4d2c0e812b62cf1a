package io.wirestream.formats;

/**
 * A wire item that cannot become a story. The message is the dead-letter reason, written for an
 * operator ("no story: NewsML-G2 picture item", "XML DOCTYPE refused (possible XXE)").
 */
public class WireParseException extends Exception {

    public WireParseException(String reason) {
        super(reason);
    }

    public WireParseException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The item is valid but carries no text story (a picture, a package, a feed with no entries). */
    public static WireParseException noStory(String what) {
        return new WireParseException("no story: " + what);
    }
}
