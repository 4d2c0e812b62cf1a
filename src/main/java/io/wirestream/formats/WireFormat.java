package io.wirestream.formats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The wire formats we accept. {@link #id()} is the name used on the command line and in RawWireItem.format. */
public enum WireFormat {
    NINJS("ninjs"),
    NEWSML_G2("newsml-g2"),
    NITF("nitf"),
    NEWSML_12("newsml-1.2"),
    RITZAU("ritzau"),
    ANPA("anpa"),
    IPTC7901("iptc7901"),
    RSS("rss"),
    ATOM("atom"),
    PLAIN("plain");

    /** Declared format meaning "detect from the content". */
    public static final String AUTO = "auto";

    private final String id;

    WireFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Looks a declared format up by id, case-insensitively; empty for "auto", null or unknown. */
    public static Optional<WireFormat> fromId(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String wanted = declared.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }
}
