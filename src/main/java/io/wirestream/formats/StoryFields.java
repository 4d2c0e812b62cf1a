package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field conversions that several wire formats share: status words, urgency numbers, subject
 * qcodes, signal codes, story-key qualification, datelines and the fallback headline. Kept in one
 * place so every parser reads "canceled", "medtop:..." or "sig:correction" the same way.
 */
final class StoryFields {

    /** Reuters and others put the version marker into the headline or slug: "REFILE-", "CORRECTED-", "(UPDATE 1)". */
    private static final Pattern REFILE = Pattern.compile("^(?:REFILE|REPEAT)\\b");
    private static final Pattern CORRECTED = Pattern.compile("^(?:CORRECTED|CORRECTION)\\b");
    private static final Pattern UPDATE_N = Pattern.compile("\\bUPDATE \\d+\\b");
    /** "(AFP)", "(Reuters)" and a trailing dash in a dateline, which are not part of the place. */
    private static final Pattern DATELINE_AGENCY = Pattern.compile("\\s*\\([^)]*\\)\\s*[-–—_:]*\\s*$");
    private static final int FALLBACK_HEADLINE = 120;

    private StoryFields() {
    }

    /**
     * usable / withheld / canceled, from any of the spellings agencies send: G2 qcodes
     * ("stat:canceled"), NITF management-status, NewsML 1.2 Status FormalName ("Usable"), and the
     * British "cancelled". Anything unknown is usable, because refusing a story on an odd status word
     * loses news while a kill always says "cancel".
     */
    static PubStatus pubStatus(String s) {
        if (s == null) {
            return PubStatus.USABLE;
        }
        String v = s.toLowerCase(Locale.ROOT);
        if (v.contains("cancel") || v.contains("kill") || v.contains("withdrawn")) {
            return PubStatus.CANCELED;
        }
        return v.contains("withheld") ? PubStatus.WITHHELD : PubStatus.USABLE;
    }

    /**
     * An urgency on the IPTC scale (1 highest, 5 normal, 9 lowest). G2 urgency, NITF ed-urg and NewsML
     * 1.2 Urgency all use that scale already (DOMAIN.md 2.6), so a digit 1-9 is taken as is; 0 is
     * "reserved" in IPTC and anything else is not an urgency, so both give null.
     */
    static Integer urgency(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        if (t.length() == 1 && t.charAt(0) >= '1' && t.charAt(0) <= '9') {
            return t.charAt(0) - '0';
        }
        return null;
    }

    /**
     * Adds a subject sent as a qcode or URI: "medtop:20000123" and Media Topic URIs become scheme
     * "medtop", "subj:04008024" and Subject Code URIs "subj", "a1312cat:f" "anpa-category", any other
     * "scheme:code" keeps the agency scheme ("N2", "apsubject"). A bare 8-digit code is a Subject Code.
     */
    static void subject(ParsedStory.Builder b, String qcode, String name) {
        if (qcode == null || qcode.isBlank()) {
            return;
        }
        String q = qcode.strip();
        String lower = q.toLowerCase(Locale.ROOT);
        String code;
        String scheme;
        if (lower.startsWith("http")) {
            code = q.substring(q.lastIndexOf('/') + 1);
            scheme = lower.contains("mediatopic") ? "medtop" : lower.contains("subjectcode") ? "subj" : hostOf(lower);
        } else if (q.indexOf(':') > 0) {
            scheme = q.substring(0, q.indexOf(':'));
            code = q.substring(q.indexOf(':') + 1);
            String s = scheme.toLowerCase(Locale.ROOT);
            if (s.equals("medtop") || s.equals("mediatopic")) {
                scheme = "medtop";
            } else if (s.equals("subj") || s.equals("iptc") && code.matches("\\d{8}")) {
                scheme = "subj";
            } else if (s.equals("a1312cat") || s.equals("anpa-category") || s.equals("apcategorycode")) {
                scheme = "anpa-category";
            }
        } else {
            code = q;
            scheme = q.matches("\\d{8}") ? "subj" : "keyword";
        }
        if (!code.isBlank()) {
            b.subject(scheme, code, name);
        }
    }

    private static String hostOf(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        return slash > 0 ? rest.substring(0, slash) : rest;
    }

    /**
     * Maps one signal or editorial-status code to our signals. G2 "sig:update|correction|repeat|
     * refile|kill", dpa's "sig:repeat" (a refile), and Reuters' edStat: C is a correction, D a
     * deletion (kill), U an update; N (new) adds nothing. Codes of other vocabularies ("sic:TABLE",
     * "pmt:text") are metadata, not signals, and are ignored.
     *
     * @return true when the code marks a kill (the caller also sets pubStatus CANCELED)
     */
    static boolean signal(ParsedStory.Builder b, String qcode) {
        if (qcode == null) {
            return false;
        }
        String q = qcode.strip().toLowerCase(Locale.ROOT);
        String scheme = q.contains(":") ? q.substring(0, q.indexOf(':')) : "";
        String code = q.substring(q.indexOf(':') + 1);
        if (scheme.equals("edstat")) {
            switch (code) {
                case "c" -> b.signal(Signal.CORRECTION);
                case "u" -> b.signal(Signal.UPDATE);
                case "d" -> {
                    b.signal(Signal.KILL);
                    return true;
                }
                default -> { }
            }
            return false;
        }
        if (!scheme.isEmpty() && !scheme.equals("sig") && !scheme.equals("signal")) {
            return false;
        }
        switch (code) {
            case "update" -> b.signal(Signal.UPDATE);
            case "correction" -> b.signal(Signal.CORRECTION);
            case "repeat", "refile" -> b.signal(Signal.REFILE);
            case "writethru", "write-thru" -> b.signal(Signal.WRITETHRU);
            case "kill", "cancel", "withdrawn" -> {
                b.signal(Signal.KILL);
                return true;
            }
            default -> { }
        }
        return false;
    }

    /** Version markers written into a headline or slug ("REFILE-", "CORRECTED-", "(UPDATE 1)"), as Reuters does. */
    static void signalsFromText(ParsedStory.Builder b, String headlineOrSlug) {
        if (headlineOrSlug == null) {
            return;
        }
        if (REFILE.matcher(headlineOrSlug).find()) {
            b.signal(Signal.REFILE);
        }
        if (CORRECTED.matcher(headlineOrSlug).find()) {
            b.signal(Signal.CORRECTION);
        }
        if (UPDATE_N.matcher(headlineOrSlug).find()) {
            b.signal(Signal.UPDATE);
        }
    }

    /**
     * An id that is already globally unique (a URN, tag URI or URL) is used as is; a bare agency
     * number ("AAP.115314987.5417374", "580001T") is qualified with the agency so two agencies'
     * numbering cannot collide: "PA:580001T".
     */
    static String qualify(String agency, String id) {
        if (id == null) {
            return null;
        }
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.startsWith("urn:") || lower.startsWith("tag:") || lower.startsWith("http://") || lower.startsWith("https://")
                || agency == null || agency.isBlank()) {
            return id;
        }
        return agency.strip() + ":" + id;
    }

    /**
     * The place of a dateline as sent in a dateline element (not in the body):
     * "STOCKHOLM, Aug 29, 2014 (AFP) -" and "FORT WASHINGTON, Pa." give "Stockholm" and "Fort Washington".
     * The first comma ends the place; agencies put the state, date or country after it.
     */
    static String placeOfDateline(String dateline) {
        if (dateline == null || dateline.isBlank()) {
            return null;
        }
        Matcher m = DATELINE_AGENCY.matcher(dateline);
        String t = m.find() ? dateline.substring(0, m.start()) : dateline;
        int comma = t.indexOf(',');
        t = (comma > 0 ? t.substring(0, comma) : t).replaceAll("[\\s\\-–—_:]+$", "").strip();
        if (t.isEmpty() || t.length() > 40 || Character.isDigit(t.charAt(0))) {
            return null; // Reuters package datelines are timestamps, not places
        }
        return WireText.titleCaseIfShouting(t);
    }

    /** Dateline text and place from the start of the first body paragraph, when the wire sent none separately. */
    static void datelineFromBody(ParsedStory.Builder b) {
        if (b.body().isEmpty()) {
            return;
        }
        Dateline.find(b.body().get(0)).ifPresent(d -> {
            b.dateline(d.text());
            b.datelinePlace(d.place());
        });
    }

    /**
     * Some agencies (STT) send items whose headline element is empty. The story is still news, so the
     * headline falls back to the description, then the first paragraph cut at a word boundary.
     *
     * @throws WireParseException no story when there is neither headline nor text
     */
    static void ensureHeadline(ParsedStory.Builder b, String description, String what) throws WireParseException {
        if (b.headline() != null && !b.headline().isBlank()) {
            return;
        }
        String from = description != null ? description : b.body().isEmpty() ? null : b.body().get(0);
        if (from == null) {
            throw WireParseException.noStory(what + " has neither headline nor text");
        }
        if (from.length() > FALLBACK_HEADLINE) {
            int cut = from.lastIndexOf(' ', FALLBACK_HEADLINE);
            from = from.substring(0, cut > 40 ? cut : FALLBACK_HEADLINE) + " ...";
        }
        b.headline(from);
    }

    /** "sha256-" and 16 hex digits of the text: a stable stand-in id for items that carry none. */
    static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
