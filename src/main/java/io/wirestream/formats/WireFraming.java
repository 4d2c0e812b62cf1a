package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ANPA-1312 and IPTC 7901 share (7901 was derived from ANPA 1312, DOMAIN.md 2.5): the
 * control-character framing {@code SOH header STX text ETX trailer EOT}, the take/version text that
 * marks write-thrus, leads, corrections and kills, and the story key built from agency, keyword and
 * cycle date (neither format carries a stable id, DESIGN.md decision 3).
 */
final class WireFraming {

    static final char SOH = 0x01;
    static final char STX = 0x02;
    static final char ETX = 0x03;
    static final char EOT = 0x04;
    static final char BEL = 0x07;
    static final char SYN = 0x16;

    private WireFraming() {
    }

    /**
     * One framed message. Header is the text between SOH and STX, text between STX and ETX, trailer
     * between ETX and EOT; all still carry their control characters so the parsers can read framing
     * codes (ANPA format id, 7901 BELs) before stripping them.
     */
    record Message(String header, String text, String trailer) {

        /** BEL count in the whole message: dpa rings five bells on urgent, hold and kill copy. */
        int bells() {
            return (int) (header + text + trailer).chars().filter(c -> c == BEL).count();
        }
    }

    /**
     * Splits decoded wire text into messages. A message starts at SOH (or at the start when the
     * producer cut the SOH off) and ends at EOT; a payload may hold several messages back to back.
     */
    static List<Message> split(String decoded) {
        List<Message> out = new ArrayList<>();
        int pos = 0;
        while (pos < decoded.length()) {
            int soh = decoded.indexOf(SOH, pos);
            int start = soh >= 0 ? soh + 1 : pos;
            int eot = decoded.indexOf(EOT, start);
            int end = eot >= 0 ? eot : decoded.length();
            String m = decoded.substring(start, end);
            int stx = m.indexOf(STX);
            if (stx >= 0) {
                int etx = m.indexOf(ETX, stx);
                String text = etx >= 0 ? m.substring(stx + 1, etx) : m.substring(stx + 1);
                String trailer = etx >= 0 ? m.substring(etx + 1) : "";
                out.add(new Message(m.substring(0, stx), text, trailer));
            }
            if (soh < 0 && eot < 0) {
                break;
            }
            pos = end + 1;
            if (decoded.indexOf(SOH, pos) < 0) {
                break; // what follows the last EOT is line noise (CR, LF, DEL padding), not a message
            }
        }
        return out;
    }

    /** A wire line without control characters, trimmed. */
    /** Parses one story per framed message of a decoded transmission. */
    interface MessageParser {
        ParsedStory parse(Message message) throws WireParseException;
    }

    /**
     * Real headers (the header line plus keyword lines) are a few hundred characters. The header
     * patterns must search free text (version, keyword), so a hostile header of megabytes is
     * refused by length before any pattern sees it.
     */
    static final int MAX_HEADER_CHARS = 2048;

    /** Every framed message of a transmission to a story; a transmission without framing is refused. */
    static List<ParsedStory> parseMessages(String decoded, String formatName, MessageParser parser) throws WireParseException {
        List<Message> messages = split(decoded);
        if (messages.isEmpty()) {
            throw new WireParseException(formatName + ": no STX-framed message found");
        }
        List<ParsedStory> out = new java.util.ArrayList<>();
        for (Message m : messages) {
            if (m.header().length() > MAX_HEADER_CHARS) {
                throw new WireParseException(formatName + ": header of " + m.header().length()
                        + " characters, too long to be a real one");
            }
            out.add(parser.parse(m));
        }
        return out;
    }

    static String clean(String line) {
        return WireText.collapse(line);
    }

    // ---------------------------------------------------------------- version / take text

    private static final Pattern LEAD = Pattern.compile("(?i)\\b(\\d{1,2})\\s*(?:st|nd|rd|th)\\s*-?\\s*(?:Ld|Lead)\\b");
    private static final Pattern WRITETHRU = Pattern.compile("(?i)write-?thru|writethrough");
    // "KORR-Bericht" is a correspondent's report, not a correction: match whole words only.
    private static final Pattern CORRECTION = Pattern.compile("(?i)\\b(?:correction|corrects?|corrected|berichtigung|korrektur|berichtigt)\\b");
    // A correction note may well say "people killed": a kill is "KILL KILL KILL", "Elimination", or a
    // short version text that is the word kill ("Kill", "BC-X, Kill").
    private static final Pattern KILL_ANYWHERE = Pattern.compile("(?i)\\bkill\\s+kill\\b|\\beliminat(?:ion|e)\\b");
    private static final Pattern KILL_WORD = Pattern.compile("(?i)\\bkill\\b");
    private static final int SHORT_VERSION_TEXT = 40;
    private static final Pattern HOLD = Pattern.compile("(?i)\\bhold\\s+hold\\b");
    private static final Pattern REFILE = Pattern.compile("(?i)\\b(?:refile|refiled|repeat|wiederholung)\\b");
    private static final Pattern FLASH = Pattern.compile("(?i)\\b(?:flash|blitz)\\b");
    private static final Pattern URGENT = Pattern.compile("(?i)\\b(?:eil|eilt|urgent|bulletin|apnewsalert)\\b");

    /**
     * What an agency's take/version text says.
     *
     * @param lead     the lead number ("1stLd" = 1, "2ND LEAD" = 2), or null
     * @param signals  WRITETHRU, UPDATE (a new lead), CORRECTION, REFILE, KILL, FLASH
     * @param status   CANCELED for a kill, WITHHELD for a hold, else USABLE
     * @param urgent   the text calls the item urgent ("Eil", "URGENT", "Bulletin")
     */
    record Take(Integer lead, Set<Signal> signals, PubStatus status, boolean urgent) {

        /**
         * The version string: the lead number, "0" for a first take (no version text at all), or null
         * when the text names a change without a number ("Writethru", "Correction") - then only
         * versionCreated orders the takes (agencies' numbers are not sequential anyway, DESIGN.md 3).
         */
        String version() {
            if (lead != null) {
                return lead.toString();
            }
            boolean changed = signals.contains(Signal.WRITETHRU) || signals.contains(Signal.CORRECTION)
                    || signals.contains(Signal.REFILE) || signals.contains(Signal.KILL) || signals.contains(Signal.UPDATE);
            return changed ? null : "0";
        }
    }

    /**
     * What a slugline or headline says of the write-thru it is: WRITETHRU for "1st Ld-Writethru", UPDATE for a
     * new lead alone ("2ND LEAD"), nothing otherwise. Only these two: a headline's "kill" is a word, not a kill.
     */
    static Set<Signal> leadSignals(String text) {
        if (text == null) {
            return Set.of();
        }
        if (WRITETHRU.matcher(text).find()) {
            return Set.of(Signal.WRITETHRU);
        }
        return LEAD.matcher(text).find() ? Set.of(Signal.UPDATE) : Set.of();
    }

    /** Reads version texts ("1stLd-Writethru", "1ST LEAD", "(Berichtigung: ...)", "KILL KILL KILL"). */
    static Take take(List<String> versionTexts) {
        Integer lead = null;
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        PubStatus status = PubStatus.USABLE;
        boolean urgent = false;
        for (String t : versionTexts) {
            if (t == null || t.isBlank()) {
                continue;
            }
            Matcher m = LEAD.matcher(t);
            boolean hasLead = m.find();
            if (hasLead) {
                lead = Integer.valueOf(m.group(1));
            }
            if (WRITETHRU.matcher(t).find()) {
                signals.add(Signal.WRITETHRU);
            } else if (hasLead && !signals.contains(Signal.WRITETHRU)) {
                signals.add(Signal.UPDATE);
            }
            if (CORRECTION.matcher(t).find()) {
                signals.add(Signal.CORRECTION);
            }
            if (REFILE.matcher(t).find()) {
                signals.add(Signal.REFILE);
            }
            if (KILL_ANYWHERE.matcher(t).find() || (t.length() <= SHORT_VERSION_TEXT && KILL_WORD.matcher(t).find())) {
                signals.add(Signal.KILL);
                status = PubStatus.CANCELED;
            } else if (HOLD.matcher(t).find() && status != PubStatus.CANCELED) {
                status = PubStatus.WITHHELD;
            }
            if (FLASH.matcher(t).find()) {
                signals.add(Signal.FLASH);
            }
            urgent |= URGENT.matcher(t).find();
        }
        if (signals.contains(Signal.WRITETHRU)) {
            signals.remove(Signal.UPDATE); // "1stLd-Writethru" in the header and "1st Ld" elsewhere: one write-thru
        }
        return new Take(lead, signals, status, urgent);
    }

    // ---------------------------------------------------------------- story key

    private static final Pattern CYCLE = Pattern.compile("^(?:BC|AM|PM|AP)-", Pattern.CASE_INSENSITIVE);

    /**
     * The keyword as it links takes: upper case (Locale.ROOT), cycle prefix (BC-, AM-, PM-, AP-) and
     * whitespace removed, trailing separators dropped. AP requires the keyword to repeat identically
     * on every lead; dropping the cycle lets an AM- lead link to its BC- first take.
     */
    static String normaliseKeyword(String keyword) {
        String k = WireText.collapse(keyword);
        k = CYCLE.matcher(k).replaceFirst("");
        k = k.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return WireText.stripTrailing(k, "/-_.");
    }

    /** "AP|STRIKE-GERMANY|2017-03-14"; a missing date leaves the slot empty rather than guessing. */
    static String storyKey(String agency, String keyword, LocalDate cycleDate) {
        return agency.toUpperCase(Locale.ROOT) + "|" + normaliseKeyword(keyword) + "|" + (cycleDate == null ? "" : cycleDate);
    }
}
