package io.wirestream.formats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one DOCTYPE we tolerate: a plain reference to the standard NITF DTD, as older NITF producers
 * write ({@code <!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">} or with the public id
 * {@code -//IPTC//DTD NITF 3.x//EN}). It declares nothing, so removing it changes no content, and
 * {@link SafeXml} then parses the rest with every DTD feature off.
 *
 * <p>Anything else stays and is refused by SafeXml: an internal subset ({@code [ ... ]}, where
 * ENTITY declarations live), a DOCTYPE naming another root, or one pointing at a non-NITF DTD.
 */
final class NitfDoctype {

    private static final String QUOTED = "(?:\"[^\"\\[\\]<>]*\"|'[^'\\[\\]<>]*')";
    /** A DOCTYPE for root nitf with an external id only, and no internal subset. */
    private static final Pattern EXTERNAL_ONLY = Pattern.compile(
            "<!DOCTYPE\\s+nitf\\s+(?:SYSTEM\\s+(" + QUOTED + ")|PUBLIC\\s+(" + QUOTED + ")(?:\\s+(" + QUOTED + "))?)\\s*>");
    /** The standard DTD file name (nitf.dtd, nitf-3-2.dtd, nitf-x-y.dtd) at the end of a system id. */
    private static final Pattern NITF_DTD_FILE = Pattern.compile("(?:^|[/\\\\])nitf(?:-\\d+-\\d+)?\\.dtd$");
    /** Only the prolog is searched: a DOCTYPE cannot come later, and body text must never be touched. */
    private static final int PROLOG_LIMIT = 4096;

    private NitfDoctype() {
    }

    /**
     * The payload with a standard NITF DOCTYPE blanked out (replaced by spaces, so byte offsets and
     * line numbers in later error messages stay true); the payload itself when there is none or when
     * the DOCTYPE is not the harmless standard one.
     */
    static byte[] stripStandard(byte[] payload) {
        // ISO-8859-1 maps bytes 1:1 to chars, so char offsets are byte offsets; the DOCTYPE is ASCII.
        String prolog = new String(payload, 0, Math.min(payload.length, PROLOG_LIMIT), StandardCharsets.ISO_8859_1);
        int root = rootStart(prolog);
        Matcher m = EXTERNAL_ONLY.matcher(prolog);
        if (!m.find() || (root >= 0 && m.start() > root) || !isStandardNitf(m.group(1), m.group(2), m.group(3))) {
            return payload;
        }
        byte[] out = payload.clone();
        Arrays.fill(out, m.start(), m.end(), (byte) ' ');
        return out;
    }

    private static boolean isStandardNitf(String systemOnly, String publicId, String publicSystem) {
        if (publicId != null && !unquote(publicId).startsWith("-//IPTC//DTD NITF")) {
            return false;
        }
        String system = systemOnly != null ? systemOnly : publicSystem;
        return system == null || NITF_DTD_FILE.matcher(unquote(system).strip()).find();
    }

    private static String unquote(String q) {
        return q.substring(1, q.length() - 1);
    }

    /** Offset of the first element start tag after comments, PIs and the DOCTYPE, or -1. */
    private static int rootStart(String prolog) {
        int i = 0;
        while ((i = prolog.indexOf('<', i)) >= 0) {
            if (i + 1 < prolog.length() && (Character.isLetter(prolog.charAt(i + 1)) || prolog.charAt(i + 1) == '_')) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
