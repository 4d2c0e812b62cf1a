package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPTC 7901 wire copy as dpa sends it (DOMAIN.md 2.5):
 * <pre>
 * SOH &lt;service&gt;&lt;seq&gt; &lt;prio&gt; &lt;category&gt; &lt;word count&gt; [&lt;keyword&gt;] &lt;source&gt; &lt;source seq&gt;
 * &lt;keyword/slug line, e.g. "Germany-politics/"&gt;
 * STX [version text: "1ST LEAD", "(Eil BEL BEL BEL BEL BEL)", "(Berichtigung: ...)"] headline [byline] " ="
 * body paragraphs (wrapped lines, blank line between paragraphs) [notebook] closing initials
 * ETX &lt;DDhhmm [GMT] MON YY&gt; EOT
 * </pre>
 * Field mapping and why:
 * <ul>
 * <li>priority digit: kept in {@code priority}; urgency by the crosswalk (DOMAIN.md 2.6): 1 Blitz=1,
 *     2 Eil=2, 3=3, 4 (dpa normal)=5, 5=6, 6=7. Three or more BELs (dpa rings five on urgent copy)
 *     or an "Eil"/"URGENT" note make the item at least urgency 2.</li>
 * <li>category (dpa "Ressort"): subject scheme "iptc7901-category".</li>
 * <li>storyKey: source (upper case) + keyword line (upper case, trailing "/" dropped) + trailer date:
 *     the keyword repeats on every lead, so "1ST LEAD" links to its first take.</li>
 * <li>version text lines before the headline: lead number as version ("0" for a first take), signals
 *     UPDATE, CORRECTION ("Berichtigung"), REFILE, KILL ("KILL KILL KILL", pubStatus canceled), HOLD
 *     (withheld), FLASH.</li>
 * <li>versionCreated: trailer "DDhhmm GMT MON YY" (English or German month). Without "GMT" the time is
 *     German local time: eil.iptc says 1037 where its digitalwires source says 10:37+02:00.</li>
 * <li>body: everything after the headline's " =" up to the notebook ("# dpa NOTEBOOK", "# Notizblock")
 *     or "The following information is not for publication" (an editor's note); the closing
 *     initials line ("dpa wsz jln") is dropped. A short paragraph before the dateline paragraph is a
 *     teaser and becomes the description.</li>
 * <li>text is decoded with {@link WireText#decodeLenient} (UTF-8 when valid, else Windows-1252/Latin-1),
 *     control characters never reach headline or body.</li>
 * </ul>
 */
public final class Iptc7901Parser implements WireParser {

    private static final Pattern HEADER = Pattern.compile(
            "^[\\x16\\x7F\\s]*+\\x01?[ ]*+([a-z]{2,4})(\\d{2,5})[ ]+(\\d)[ ]+([a-z]{1,3})[ ]+(\\d{1,5})[ ]+([^\\r\\n]*?)[ ]*(?:\\r?\\n|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SNIFF = Pattern.compile(
            "^[\\x16\\x7F\\s]*+\\x01[ ]*+[a-z]{2,4}\\d{2,5}[ ]+\\d[ ]+[a-z]{1,3}[ ]+\\d{1,5}[ ]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILER = Pattern.compile(
            "(\\d{2})(\\d{2})(\\d{2})[ ]+(GMT[ ]+)?(\\p{L}{3})[a-z]*\\.?[ ]+(\\d{2})\\b");
    /** The words a version note starts with, wherever it stands ("KILL KILL KILL", "URGENT", "WIEDERHOLUNG"). */
    private static final String NOTE_WORDS = "REFILE|REPEAT|CORRECTION|CORRECTED|KILL|ELIMINATION|HOLD|URGENT|BULLETIN|FLASH|BLITZ|EIL|EILT|WIEDERHOLUNG";
    private static final Pattern VERSION_LINE = Pattern.compile("^(?:\\d{1,2}(?:ST|ND|RD|TH) LEAD|" + NOTE_WORDS + ")\\b.*$");
    /** A heading line that is one of those words alone, in any case ("Wiederholung", "Eil"): a note, however written. */
    private static final Pattern VERSION_WORD_ALONE = Pattern.compile("(?i)^(?:" + NOTE_WORDS + ")[.!:]*$");
    /**
     * A version note among the keyword lines ("2ND LEAD", "3RD NET", "KILL - DO NOT USE", "1ST LEAD - WRITETHRU"): the
     * note's word, then at most words without a slash. A keyword line that only starts so ("FLASH-FLOODS/Spain/",
     * "FLASH FLOODS/Spain/", "2ND TEST") is the keyword: dpa's keywords are slash-separated.
     */
    private static final Pattern KEYWORD_BLOCK_NOTE = Pattern.compile(
            "^(?:\\d{1,2}(?:ST|ND|RD|TH) (?:LEAD|NET)|" + NOTE_WORDS + ")(?:\\s[^/]*)?$");
    private static final Pattern BYLINE = Pattern.compile("^(?:By|Von|Von:|By:)\\s+\\S.*");
    private static final Pattern NOTEBOOK = Pattern.compile("(?i)^#{1,3}\\s*(?:dpa\\s+)?(?:notebook|notizblock)\\b.*");
    private static final Pattern NOT_FOR_PUBLICATION = Pattern.compile(
            "(?i)not for publication|information is not intended for publication|nicht zur ver(?:ö|oe)ffentlichung");
    private static final Pattern NOTE_TO_EDITORS = Pattern.compile("(?i)^#{1,3}\\s*(?:note to editors|notes to editors|hinweis(?:e)? an die redaktion(?:en)?)\\s*$");
    /**
     * Closing initials: dpa's "dpa xx yy", "afp-aa bb/cc" (three groups at least, so "and/or" alone stays text), AFP's
     * desk initials "jdu/mb" (slashed, but not the English pairs "and/or", "his/her" a line may end on).
     */
    private static final Pattern CLOSING_INITIALS = Pattern.compile("^(?!(?:and/or|his/her|her/his|he/she|she/he|him/her)$)"
            + "[a-z]{2,5}(?:-[a-z]{2,5})?(?:(?:[ ][\\p{Ll}\\d/]{1,6})+|(?:/[a-z]{2,5})+)$");
    private static final Pattern SEPARATOR = Pattern.compile("^[*\\-_#=\\s]+$");
    private static final int TEASER_MAX = 400;
    private static final int URGENT_BELLS = 3;
    private static final ZoneId DPA_LOCAL = ZoneId.of("Europe/Berlin");

    private static final Map<Character, Integer> URGENCY = Map.of('1', 1, '2', 2, '3', 3, '4', 5, '5', 6, '6', 7);

    /**
     * IPTC urgency of a dpa priority digit, by the crosswalk (DOMAIN.md 2.6): 1 Blitz=1, 2 Eil=2, 3=3, 4 (dpa normal)=5,
     * 5=6, 6=7; null for any other value. dpa's digitalwires JSON sends the same scale in its "urgency" field (dpa's
     * converter to 7901 copies it into the header's priority digit unchanged), so both paths read it here.
     */
    static Integer urgencyOfDpaPriority(int priority) {
        return priority >= 1 && priority <= 9 ? URGENCY.get(Character.forDigit(priority, 10)) : null;
    }
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("mrz", 3),
            Map.entry("apr", 4), Map.entry("may", 5), Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("okt", 10), Map.entry("nov", 11),
            Map.entry("dec", 12), Map.entry("dez", 12));

    @Override
    public WireFormat format() {
        return WireFormat.IPTC7901;
    }

    /**
     * SOH then "eca062 4 i 211": service letters and sequence, a space, a priority digit (ANPA has US there).
     * Or the same copy with its control characters stripped by a gateway or a mail system: then the header
     * line must end in the source and its sequence ("... dpa 1003") and the head must close with dpa's " ="
     * within a few lines, which plain text does not do.
     */
    @Override
    public boolean sniff(byte[] head, String headText) {
        if (headText.indexOf(WireFraming.STX) >= 0) {
            return SNIFF.matcher(headText).find();
        }
        return headText.indexOf(WireFraming.SOH) < 0 && !unframed(headText).isEmpty();
    }

    @Override
    public List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException {
        String text = WireText.decodeLenient(payload, context.contentType());
        if (text.indexOf(WireFraming.STX) < 0 && text.indexOf(WireFraming.SOH) < 0) {
            List<WireFraming.Message> messages = unframed(text);
            if (!messages.isEmpty()) {
                List<ParsedStory> out = new ArrayList<>();
                for (WireFraming.Message m : messages) {
                    out.add(parseMessage(m, context));
                }
                return out;
            }
        }
        return WireFraming.parseMessages(text, "IPTC 7901", m -> parseMessage(m, context));
    }

    /** The header line of copy without its control characters: fields as in {@link #HEADER}, ending in source and sequence. */
    private static final Pattern UNFRAMED_HEADER = Pattern.compile(
            "^[a-z]{2,4}\\d{2,5}[ ]+\\d[ ]+[a-z]{1,3}[ ]+\\d{1,5}[ ]+(?:\\S+[ ]+)*?\\S+[ ]+\\d{2,5}$", Pattern.CASE_INSENSITIVE);
    /** How many lines after the header the head (keyword, notes, headline, byline) may take before its " =". */
    private static final int UNFRAMED_HEAD_LINES = 12;

    /**
     * The messages of unframed copy, or none when the text is not such copy: each starts at a header line whose head
     * closes within {@link #UNFRAMED_HEAD_LINES} lines, and the first starts the text.
     */
    static List<WireFraming.Message> unframed(String text) {
        List<String> lines = List.of(text.split("\\R", -1));
        int first = 0;
        while (first < lines.size() && WireFraming.clean(lines.get(first)).isEmpty()) {
            first++;
        }
        List<Integer> starts = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            if (lines.get(i).length() <= 200 && UNFRAMED_HEADER.matcher(WireFraming.clean(lines.get(i))).matches() && headEnd(lines, i) > 0) {
                starts.add(i);
            }
        }
        List<WireFraming.Message> out = new ArrayList<>();
        if (starts.isEmpty() || starts.get(0) != first) {
            return out;
        }
        for (int k = 0; k < starts.size(); k++) {
            out.add(message(lines.subList(starts.get(k), k + 1 < starts.size() ? starts.get(k + 1) : lines.size())));
        }
        return out;
    }

    /** The line that closes the head begun by the header line at {@code header} (it ends with "="), or -1. */
    private static int headEnd(List<String> lines, int header) {
        for (int i = header + 1; i < lines.size() && i <= header + UNFRAMED_HEAD_LINES; i++) {
            if (WireFraming.clean(lines.get(i)).endsWith("=")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One unframed message (its lines, the header line first): the header is the header line and the keyword lines
     * after it (ending in "/", or a version note such as "2ND LEAD"), the text runs to the trailer's date line
     * ("101137 GMT Dez 18"), which is the trailer.
     */
    private static WireFraming.Message message(List<String> lines) {
        int headEnd = headEnd(lines, 0);
        int textStart = 1;
        while (textStart < headEnd) {
            String line = WireFraming.clean(lines.get(textStart));
            if (!line.isEmpty() && !line.endsWith("/") && !KEYWORD_BLOCK_NOTE.matcher(line).matches()) {
                break;
            }
            textStart++;
        }
        int textEnd = lines.size();
        while (textEnd > headEnd + 1 && WireFraming.clean(lines.get(textEnd - 1)).isEmpty()) {
            textEnd--;
        }
        String trailer = "";
        if (textEnd > headEnd + 1 && TRAILER.matcher(WireFraming.clean(lines.get(textEnd - 1))).matches()) {
            trailer = lines.get(textEnd - 1);
            textEnd--;
        }
        return new WireFraming.Message(String.join("\n", lines.subList(0, textStart)), String.join("\n", lines.subList(textStart, textEnd)),
                trailer);
    }

    private ParsedStory parseMessage(WireFraming.Message m, ParseContext context) throws WireParseException {
        Matcher h = HEADER.matcher(m.header());
        if (!h.find()) {
            throw new WireParseException("IPTC 7901: header line (service, priority, category, word count, source) not found");
        }
        char prio = h.group(3).charAt(0);
        String category = h.group(4).toLowerCase(Locale.ROOT);
        String[] rest = h.group(6).strip().split("\\s+");
        // The last two fields are source and source sequence; an agency keyword may precede them.
        String source = rest.length >= 2 ? rest[rest.length - 2] : rest[0];
        if (source.isEmpty()) {
            source = context.source() == null ? "unknown" : context.source();
        }
        // The lines between header and text are the keyword, and dpa puts its version notes there too
        // ("2ND LEAD", "3RD NET" under "/politics/Britain/"): those are no part of the story's keyword.
        List<String> versionTexts = new ArrayList<>();
        List<String> keywordLines = new ArrayList<>();
        for (String line : m.header().substring(h.end()).split("\\R")) {
            String clean = WireFraming.clean(line);
            if (KEYWORD_BLOCK_NOTE.matcher(clean).matches()) {
                versionTexts.add(clean);
            } else if (!clean.isEmpty()) {
                keywordLines.add(clean);
            }
        }
        String keyword = String.join(" ", keywordLines);

        ParsedStory.Builder b = ParsedStory.builder(WireFormat.IPTC7901)
                .priority(String.valueOf(prio))
                .urgency(URGENCY.get(prio))
                .subject("iptc7901-category", category, null)
                .agency(source)
                .slugline(keyword.isEmpty() ? null : keyword);

        LocalDate date = null;
        Matcher t = TRAILER.matcher(WireText.stripControl(m.trailer()));
        if (t.find()) {
            Integer month = MONTHS.get(t.group(5).toLowerCase(Locale.ROOT));
            if (month != null) {
                try {
                    LocalDateTime sent = LocalDateTime.of(2000 + Integer.parseInt(t.group(6)), month,
                            Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)), Integer.parseInt(t.group(3)));
                    b.versionCreated(t.group(4) != null ? sent.toInstant(ZoneOffset.UTC) : sent.atZone(DPA_LOCAL).toInstant());
                    date = sent.toLocalDate();
                } catch (java.time.DateTimeException e) {
                    // an impossible trailer date: leave versionCreated to the receive time
                }
            }
        }
        if (date == null && context.receivedAt() != null) {
            date = context.receivedAt().atZone(ZoneOffset.UTC).toLocalDate();
        }

        Optional<Dateline> said = readText(m.text(), b, versionTexts);
        // A header source that names no agency (Keystone-ATS puts its office there, "gef" for Geneva) gives way to the
        // agency the dateline names ("Genève (ats)"); the story key keeps the header's, which every take repeats.
        String wrote = said.map(Dateline::agency).map(Agencies::known).orElse(null);
        if (wrote != null && Agencies.known(source) == null) {
            b.agency(wrote);
        }

        WireFraming.Take take = WireFraming.take(versionTexts);
        b.version(take.version()).pubStatus(take.status());
        take.signals().forEach(b::signal);
        Integer urgency = URGENCY.get(prio);
        if (take.signals().contains(Signal.FLASH)) {
            urgency = 1;
        } else if (take.urgent() || m.bells() >= URGENT_BELLS) {
            urgency = urgency == null ? 2 : Math.min(urgency, 2);
        }
        b.urgency(urgency);
        if (b.headline() == null || b.headline().isBlank()) {
            throw WireParseException.noStory("IPTC 7901 message has no headline");
        }
        String storyKey = WireFraming.storyKey(source, keyword.isEmpty() ? b.headline() : keyword, date);
        // No message id on the wire: service sequence plus send time tell the messages of one story apart
        // (dpa's converted copy numbers every message 0000).
        String sequence = h.group(1).toLowerCase(Locale.ROOT) + h.group(2);
        b.storyKey(storyKey).slugKey(true).uri(storyKey + "|" + sequence + "|" + b.versionCreated()).providerSequence(sequence);
        return b.build();
    }

    /** Head block (version notes, headline, byline) up to " =", then body paragraphs; returns the dateline found, with its agency. */
    private static Optional<Dateline> readText(String text, ParsedStory.Builder b, List<String> versionTexts) {
        List<String> lines = new ArrayList<>();
        List<String> raws = new ArrayList<>();
        for (String raw : text.split("\\R", -1)) {
            lines.add(WireFraming.clean(raw));
            raws.add(raw);
        }
        int headEnd = -1;
        for (int i = 0; i < lines.size() && i < 15; i++) {
            if (lines.get(i).endsWith("=")) {
                headEnd = i;
                break;
            }
        }
        if (headEnd < 0) {
            // No " =" marker: the first non-empty line is the headline.
            headEnd = 0;
            while (headEnd < lines.size() - 1 && lines.get(headEnd).isEmpty()) {
                headEnd++;
            }
        }
        List<String> headline = new ArrayList<>();
        StringBuilder paren = null;
        for (int i = 0; i <= headEnd && i < lines.size(); i++) {
            String line = lines.get(i).replaceAll("\\s*=$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (paren != null || line.startsWith("(")) {
                // "(Berichtigung: ...)" may span lines; it is an editor's note carrying version meaning.
                paren = paren == null ? new StringBuilder(line) : paren.append(' ').append(line);
                if (line.endsWith(")")) {
                    versionTexts.add(paren.toString());
                    paren = null;
                }
            } else if (VERSION_LINE.matcher(line).matches() || VERSION_WORD_ALONE.matcher(line).matches()) {
                versionTexts.add(line);
            } else if (BYLINE.matcher(line).matches()) {
                b.byline(line);
            } else {
                headline.add(line);
            }
        }
        if (paren != null) {
            headline.add(paren.toString());
        }
        b.headline(headline.isEmpty() ? null : String.join(" ", headline));

        List<String> bodyLines = lines.subList(Math.min(headEnd + 1, lines.size()), lines.size());
        b.edNote(noteToEditors(bodyLines));
        List<String> paragraphs = paragraphs(bodyLines, indentedStarts(bodyLines, raws.subList(Math.min(headEnd + 1, raws.size()), raws.size())));
        if (!paragraphs.isEmpty() && CLOSING_INITIALS.matcher(paragraphs.get(paragraphs.size() - 1)).matches()) {
            paragraphs.remove(paragraphs.size() - 1);
        }
        Optional<Dateline> dateline = paragraphs.isEmpty() ? Optional.empty() : agencyDateline(paragraphs.get(0));
        if (dateline.isEmpty() && paragraphs.size() > 1 && paragraphs.get(0).length() <= TEASER_MAX) {
            Optional<Dateline> second = agencyDateline(paragraphs.get(1));
            if (second.isPresent()) {
                b.description(paragraphs.remove(0));
                dateline = second;
            }
        }
        dateline.ifPresent(d -> b.dateline(d.text()).datelinePlace(d.place()));
        b.body(paragraphs);
        return dateline;
    }

    /**
     * The notebook's note to editors ("## Note to editors", "## Hinweis an die Redaktion": what a
     * version changes, "adds head of UNGA in grafs 7-11"), as one line; null when there is none. Only
     * the part before the not-for-publication line is read.
     */
    static String noteToEditors(List<String> lines) {
        List<String> note = new ArrayList<>();
        boolean inNotebook = false;
        boolean inNote = false;
        for (String line : lines) {
            if (NOT_FOR_PUBLICATION.matcher(line).find()) {
                break;
            }
            if (NOTEBOOK.matcher(line).matches()) {
                inNotebook = true;
            } else if (inNotebook && line.startsWith("#")) {
                inNote = NOTE_TO_EDITORS.matcher(line).matches();
            } else if (inNote && !line.isBlank() && !SEPARATOR.matcher(line.strip()).matches()) {
                note.add(line.replaceFirst("^[-*]\\s*", "").strip());
            }
        }
        return note.isEmpty() ? null : String.join(" ", note);
    }

    /** dpa datelines always name the agency ("Berlin (dpa) -"); a bare "Ansprechpartner:" is a label. */
    private static Optional<Dateline> agencyDateline(String paragraph) {
        return Dateline.find(paragraph).filter(d -> d.agency() != null);
    }

    /**
     * Paragraphs of 7901 body text: dpa wraps lines at about 70 characters and separates paragraphs
     * with a blank line (older copy indents the first line instead). Table rows ("| a | b |") stay one
     * per line. Stops at the notebook or the not-for-publication note.
     */
    /**
     * Which body lines start a paragraph by their indentation alone: older 7901 copy indents a paragraph's first line
     * and runs the paragraphs on without a blank line between them. Only for such copy: its text lines (up to closing
     * initials or the notebook) have no blank line between them, and mix indented first lines with flush ones. Copy
     * with blank lines between its paragraphs (an indented list in it, a body indented throughout) says nothing by its
     * indentation: null.
     */
    private static boolean[] indentedStarts(List<String> lines, List<String> raws) {
        boolean[] starts = new boolean[raws.size()];
        int indented = 0;
        int flush = 0;
        boolean textSeen = false;
        boolean blankAfterText = false;
        for (int i = 0; i < raws.size(); i++) {
            String text = lines.get(i);
            if (NOTEBOOK.matcher(text).matches() || NOT_FOR_PUBLICATION.matcher(text).find() || CLOSING_INITIALS.matcher(text).matches()) {
                break;
            }
            if (text.isEmpty()) {
                blankAfterText |= textSeen;
                continue;
            }
            if (blankAfterText) {
                return null; // paragraphs marked by blank lines
            }
            textSeen = true;
            starts[i] = WireText.isIndented(raws.get(i));
            if (starts[i]) {
                indented++;
            } else {
                flush++;
            }
        }
        return indented >= 2 && flush >= 1 ? starts : null;
    }

    /**
     * Paragraphs: lines joined up to a blank line, a table row (kept as is), or, where {@code indentedStarts} says so, an
     * indented line; a last line of closing initials ("dpa xx yy") is its own paragraph, for the caller to drop.
     */
    private static List<String> paragraphs(List<String> lines, boolean[] indentedStarts) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isEmpty()) {
            last--;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (NOTEBOOK.matcher(line).matches() || NOT_FOR_PUBLICATION.matcher(line).find()) {
                break;
            }
            if (indentedStarts != null && (indentedStarts[i] || i == last && CLOSING_INITIALS.matcher(line).matches())) {
                flush(out, current);
            }
            if (line.isEmpty() || line.startsWith("|")) {
                flush(out, current);
                if (!line.isEmpty()) {
                    out.add(line);
                }
                continue;
            }
            current.append(current.length() == 0 ? "" : " ").append(line);
        }
        flush(out, current);
        out.removeIf(p -> SEPARATOR.matcher(p).matches());
        return out;
    }

    private static void flush(List<String> out, StringBuilder current) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }
}
