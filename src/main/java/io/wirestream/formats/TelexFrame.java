package io.wirestream.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain copy framed as a telex message: "ZCZC" and a routing line open it, "NNNN" closes it (the 5-bit
 * telegraph's start and end of message, which IPTC 7901 keeps for copy sent without control characters).
 * Between the opening and the text, systems such as AAP's put header lines, each opened by one sign
 * character whose meaning is the feed's own ({@code :} a keyword, {@code $}, {@code ^} or {@code #} a headline
 * or a keyword, {@code *} or {@code +} a subject code, a place in parentheses). The signs differ from feed to
 * feed, so a value is read mostly by its shape: eight digits are an IPTC Subject Code, a value in parentheses
 * is a place, capital codes are routing, a single word is the keyword. A value of two words or more under {@code $} or
 * {@code ^} is the headline, else one of three or more under {@code #}; one of three or more under another sign is a longer keyword, which
 * stands in for a headline only when the text opens with its dateline rather than a headline line. A routing line
 * ("YY RFG TDR") is read only right after ZCZC: further down, a line in capitals is a headline or text.
 *
 * @param text         the message's text, without framing and header lines
 * @param headline     the header's headline, or null
 * @param longKeyword  the first value of three words or more under another sign, or null
 * @param slug         the header's keyword, or null
 * @param place        the header's place, or null
 * @param subjectCodes the IPTC Subject Codes the header names
 */
record TelexFrame(String text, String headline, String longKeyword, String slug, String place, List<String> subjectCodes) {

    /** ZCZC and at most six codes in capitals and figures: "ZCZC AAP", "ZCZC AAP0317 3 GEN 0562 SYD" ("ZCZC was the signal ..." is text). */
    private static final Pattern START = Pattern.compile("^(?i:zczc)(?:[ \\t]+[A-Z0-9]{1,10}){0,6}\\s*$");
    private static final Pattern END = Pattern.compile("(?i)^\\s*NNNN\\s*$");
    /** A header line: one sign character, then the value. */
    private static final Pattern HEADER_LINE = Pattern.compile("^[%#$:&*@^=+~](?:\\S.*)?$");
    /** A routing line of short capital codes ("YY RFG TDR"), which telex headers carry after ZCZC ("RBA HOLDS RATES" is a headline). */
    private static final Pattern ROUTING = Pattern.compile("^[A-Z0-9]{2,4}(?: [A-Z0-9]{2,4}){0,4}$");
    /** Routing codes under a sign: several capital codes ("%MNETALL MFI MGD"). */
    private static final Pattern SIGNED_ROUTING = Pattern.compile("^[A-Z0-9]{2,8}(?: [A-Z0-9]{2,8})+$");
    private static final Pattern SUBJECT_CODE = Pattern.compile("^\\d{8}$");
    private static final Pattern PLACE = Pattern.compile("^\\((\\p{L}[\\p{L} .'-]{1,40})\\)$");
    private static final int HEADLINE_MIN_WORDS = 3;

    /**
     * The messages of a telex-framed text, one frame each, in order; empty when the text does not open with ZCZC. Text
     * after an NNNN that opens no message ("ENDS") stays with the message before it.
     */
    static List<TelexFrame> read(String text) {
        List<String> lines = List.of(text.split("\\R", -1));
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        List<TelexFrame> frames = new ArrayList<>();
        if (i >= lines.size() || !START.matcher(lines.get(i).strip()).matches()) {
            return frames;
        }
        while (i < lines.size()) {
            if (!frames.isEmpty() && !START.matcher(lines.get(i).strip()).matches()) {
                TelexFrame last = frames.remove(frames.size() - 1);
                frames.add(last.withText(last.text() + "\n" + String.join("\n", lines.subList(i, lines.size()))));
                break;
            }
            i = readMessage(lines, i, frames);
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
        }
        return frames;
    }

    /** This message's header with another text (its own and what follows it: a sign-off after NNNN, a service message). */
    TelexFrame withText(String newText) {
        return new TelexFrame(newText, headline, longKeyword, slug, place, subjectCodes);
    }

    /** Reads the message whose ZCZC line is at {@code i}; returns where the next begins. */
    private static int readMessage(List<String> lines, int i, List<TelexFrame> frames) {
        i++;
        if (i < lines.size() && ROUTING.matcher(lines.get(i).strip()).matches()) {
            i++;
        }
        String headline = null;
        String hashHeadline = null;
        String longKeyword = null;
        String slug = null;
        String place = null;
        List<String> codes = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!HEADER_LINE.matcher(line).matches()) {
                break;
            }
            String value = line.substring(1).strip();
            Matcher inParentheses = PLACE.matcher(value);
            if (value.isEmpty() || line.charAt(0) == '%' || SIGNED_ROUTING.matcher(value).matches()) {
                continue; // a sign with no value, or routing under a sign ("%MGD", "%MNETALL MFI MGD")
            }
            if (SUBJECT_CODE.matcher(value).matches()) {
                codes.add(value);
            } else if (inParentheses.matches()) {
                place = place == null ? WireText.titleCaseIfShouting(inParentheses.group(1).strip()) : place;
            } else if ((line.charAt(0) == '$' || line.charAt(0) == '^') && value.contains(" ")) {
                headline = headline == null ? value : headline;
            } else if (value.split("\\s+").length >= HEADLINE_MIN_WORDS) {
                if (line.charAt(0) == '#') {
                    hashHeadline = hashHeadline == null ? value : hashHeadline;
                } else {
                    longKeyword = longKeyword == null ? value : longKeyword;
                }
            } else if (value.length() >= 3 && !value.contains(" ") && slug == null) {
                slug = value;
            }
        }
        List<String> body = new ArrayList<>();
        for (; i < lines.size() && !END.matcher(lines.get(i)).matches() && !(START.matcher(lines.get(i).strip()).matches() && !body.isEmpty()); i++) {
            body.add(lines.get(i));
        }
        if (i < lines.size() && END.matcher(lines.get(i)).matches()) {
            i++;
        }
        frames.add(new TelexFrame(String.join("\n", body), headline != null ? headline : hashHeadline, longKeyword, slug, place,
                List.copyOf(codes)));
        return i;
    }
}
