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
 *
 * <p>NewsML 1.x has its own standard preamble ({@link #stripStandardNewsml}), which Kyodo and SDA send on
 * every item: the NewsML DTD plus an internal subset that only pulls the NITF DTD in through a parameter
 * entity ({@code [<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;]}). It too declares nothing the text uses,
 * and the whole DOCTYPE goes, so nothing is ever loaded.
 */
final class NitfDoctype {

    private static final String QUOTED = "(?:\"[^\"\\[\\]<>]*\"|'[^'\\[\\]<>]*')";
    /** A DOCTYPE for root nitf with an external id only, and no internal subset. */
    private static final Pattern EXTERNAL_ONLY = Pattern.compile(
            "<!DOCTYPE\\s+nitf\\s+(?:SYSTEM\\s+(" + QUOTED + ")|PUBLIC\\s+(" + QUOTED + ")(?:\\s+(" + QUOTED + "))?)\\s*>");
    /** The standard DTD file name (nitf.dtd, nitf-3-2.dtd, nitf-x-y.dtd) at the end of a system id. */
    private static final Pattern NITF_DTD_FILE = Pattern.compile("(?:^|[/\\\\])nitf(?:-\\d+-\\d+)?\\.dtd$");
    /** A DOCTYPE for root NewsML with an external id and at most an internal subset of NITF parameter entities. */
    private static final Pattern NEWSML = Pattern.compile("<!DOCTYPE\\s+NewsML\\s+(?:SYSTEM\\s+(" + QUOTED + ")|PUBLIC\\s+(" + QUOTED
            + ")(?:\\s+(" + QUOTED + "))?)\\s*(?:\\[((?:\\s*<!ENTITY\\s+%\\s+[\\w.-]+\\s+SYSTEM\\s+" + QUOTED
            + "\\s*>|\\s*%[\\w.-]+;)*)\\s*\\])?\\s*>");
    private static final Pattern SUBSET_SYSTEM_ID = Pattern.compile("SYSTEM\\s+(" + QUOTED + ")");
    private static final Pattern NEWSML_DTD_FILE = Pattern.compile("(?i)(?:^|[/\\\\])NewsML(?:[-_]?v?\\d+(?:[.-]\\d+)*)?\\.dtd$");
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

    /** As {@link #stripStandard}, for NewsML 1.x's standard DOCTYPE (its own DTD, and NITF's pulled in by a parameter entity). */
    static byte[] stripStandardNewsml(byte[] payload) {
        String prolog = new String(payload, 0, Math.min(payload.length, PROLOG_LIMIT), StandardCharsets.ISO_8859_1);
        int root = rootStart(prolog);
        Matcher m = NEWSML.matcher(prolog);
        if (!m.find() || (root >= 0 && m.start() > root)) {
            return payload;
        }
        String publicId = m.group(2) == null ? null : unquote(m.group(2));
        String system = m.group(1) != null ? m.group(1) : m.group(3);
        boolean standard = (publicId == null || publicId.startsWith("urn:newsml:iptc.org:") || publicId.startsWith("-//IPTC//DTD NewsML"))
                && (system == null || NEWSML_DTD_FILE.matcher(unquote(system).strip()).find());
        if (!standard || m.group(4) != null && !onlyNitf(m.group(4))) {
            return payload;
        }
        byte[] out = payload.clone();
        Arrays.fill(out, m.start(), m.end(), (byte) ' ');
        return out;
    }

    /** Netscape's RSS 0.91 DOCTYPE, an external id only: {@code <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "...">}. */
    private static final Pattern RSS_091 = Pattern.compile("<!DOCTYPE\\s+rss\\s+PUBLIC\\s+(" + QUOTED + ")(?:\\s+(" + QUOTED + "))?\\s*>");

    /**
     * As {@link #stripStandard}, for RSS 0.91's standard DOCTYPE, which Netscape's format required and old feeds still
     * send: it names the DTD of HTML's entities and declares nothing in the file, so it goes and nothing is loaded.
     */
    static byte[] stripStandardRss(byte[] payload) {
        String prolog = new String(payload, 0, Math.min(payload.length, PROLOG_LIMIT), StandardCharsets.ISO_8859_1);
        int root = rootStart(prolog);
        Matcher m = RSS_091.matcher(prolog);
        if (!m.find() || (root >= 0 && m.start() > root) || !unquote(m.group(1)).startsWith("-//Netscape Communications//DTD RSS 0.9")) {
            return payload;
        }
        byte[] out = payload.clone();
        Arrays.fill(out, m.start(), m.end(), (byte) ' ');
        return out;
    }

    /** Every external id the internal subset names is the NITF DTD. */
    private static boolean onlyNitf(String subset) {
        Matcher ids = SUBSET_SYSTEM_ID.matcher(subset);
        while (ids.find()) {
            if (!NITF_DTD_FILE.matcher(unquote(ids.group(1)).strip()).find()) {
                return false;
            }
        }
        return true;
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
