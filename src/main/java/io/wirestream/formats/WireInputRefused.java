package io.wirestream.formats;

/**
 * Input refused where a checked {@link WireParseException} cannot reach (deep inside text handling
 * shared by every parser): the parse stage turns it into a dead letter with its message as the reason,
 * as it does a WireParseException.
 */
public final class WireInputRefused extends RuntimeException {

    public WireInputRefused(String reason) {
        super(reason);
    }
}
