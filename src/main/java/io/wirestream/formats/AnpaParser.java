package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ANPA-1312 wire copy as AP sent it (DOMAIN.md 2.4):
 * <pre>
 * SYN SYN SOH &lt;service level&gt;&lt;seq&gt; US &lt;selector&gt;
 * &lt;priority&gt; &lt;category&gt;&lt;DC3|DC4&gt;&lt;DC1|DC2&gt; &lt;cycle-keyword&gt; &lt;version&gt; &lt;mm-dd&gt; &lt;word count&gt;
 * STX ^&lt;slug line&gt;,&lt;count&gt;&lt; / ^&lt;headline&gt;&lt; / ^Eds: ...&lt; / ^By ...= / TAB body lines
 * ETX AP-WF-mm-dd-yy HHMMGMT EOT
 * </pre>
 * Field mapping and why:
 * <ul>
 * <li>priority letter: kept in {@code priority}; urgency by the crosswalk (DOMAIN.md 2.6): f=1, b=2, u=3,
 *     r=5, a/s (advances)=6, d/h (deferred)=7. A FLASH signal needs a short item as well, because AP
 *     feeds also mark long features with f (anpa-1.tst is a lifestyle feature at f).</li>
 * <li>category letter: subject scheme "anpa-category".</li>
 * <li>storyKey: agency (trailer, else source) + header keyword without cycle + cycle date (header mm-dd,
 *     year from the trailer). The header keyword is a fixed-width field AP repeats identically on every
 *     lead, so it links a "1stLd-Writethru" to its first take; the slug line in the text may differ
 *     ("-ABRIDGED").</li>
 * <li>version: the lead number from the version text ("0" for a first take); signals WRITETHRU,
 *     UPDATE, CORRECTION, KILL (pubStatus canceled) from version text, slug line and editor's notes.</li>
 * <li>versionCreated: the trailer time (GMT). headline: the first {@code ^} line after the slug line;
 *     description: further {@code ^} lines that are not notes or bylines (AP's summary); body: the
 *     indented lines, and for tabular copy (format id DC2) the table rows; copy wrapped at a width with
 *     indented paragraph starts (Kyodo) has its lines joined ({@link WireText#paragraphsFromLines}). Kyodo
 *     sends the keyword and the headline as bare lines: a bare first line that is the header's keyword
 *     is the slug, the unindented line after it the headline.</li>
 * <li>dateline "CITY, State (AP) _" from the first body paragraph, which keeps it in the text.</li>
 * </ul>
 */
public final class AnpaParser implements WireParser {

    private static final Pattern SNIFF = Pattern.compile("^\\x16*\\x01[A-Za-z]\\d{4}\\x1F");
    private static final Pattern SNIFF_HEADER = Pattern.compile("(?m)^[a-z] [a-z][\\x11-\\x14]{1,2} ");
    private static final Pattern SERVICE = Pattern.compile("^\\s*([A-Za-z])(\\d{4})\\x1F?([^\\r\\n]*)");
    private static final Pattern HEADER = Pattern.compile(
            "(?m)^([A-Za-z])[ ]([A-Za-z])[ ]?([\\x11-\\x14]{0,2})[ ]*+(\\S++)(?:[ ]++(?!\\d{2}-\\d{2}\\b)(\\S.*?))?"
                    + "(?:[ ]+(\\d{2})-(\\d{2}))?(?:[ ]+(\\d{1,5}))?[ \\r]*$");
    private static final Pattern TRAILER = Pattern.compile("([A-Z]{2,6})-([A-Z]{2})-(\\d{2})-(\\d{2})-(\\d{2})\\s+(\\d{2})(\\d{2})\\s*GMT");
    /** A service code, the local time and the day, month and year: "KWS-21:37-09-12-18" (Kyodo). */
    private static final Pattern TIMED_TRAILER = Pattern.compile("\\b([A-Z]{2,6})-(\\d{2}):(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})\\b");
    /** Backtracks badly on runs of spaces: only ever applied to WireFraming.clean()ed (whitespace-collapsed) lines. */
    private static final Pattern SLUG = Pattern.compile("^\\^?((?:BC|AM|PM|AP)-[^,<]+?)(?:,\\s*([^,<]*?))?(?:,\\s*\\d+)?\\s*[<=]?\\s*$");
    /** Caret lines after the headline, with no body line, that make a digest (fewer: a description wrapped over lines). */
    private static final int DIGEST_MIN_LINES = 3;
    /** A typesetting code before the keyword on its line ("^*9006< ^AP-Top-Entertainment-Headlines,0176<"). */
    private static final Pattern TYPESETTING_CODE = Pattern.compile("^\\^?\\*\\d+<\\s*");
    /** AP's list of the photos that go with the story ("AP Photo XNP101, XNP102"): a note, but no note to editors. */
    private static final Pattern PHOTO_LIST = Pattern.compile("(?i)^AP Photos? [A-Z]{2,5}\\d");
    /** A note to editors by its opening words, as it may stand before any headline. */
    private static final Pattern EDITORS_NOTE = Pattern.compile("(?i)^\\(?\\s*(?:eds?:|editor'?s note|editors:|note to editors|advance for)");
    private static final Pattern NOTE = Pattern.compile("(?i)^\\(?\\s*(?:eds?:|editor'?s note|editors:|ap photos?|ap video|with ap photos?|advance for|note to editors)");
    private static final Pattern BYLINE = Pattern.compile("^By\\s+\\S.*");
    /**
     * A caret line before the headline that only names the take's priority or says it is a kill ("^BULLETIN<",
     * "^URGENT<", "^FLASH<", "^KILL<", "^KILL KILL KILL<"): AP's word for what the take is, read with its version, not
     * its headline.
     */
    private static final Pattern TAKE_WORD_LINE = Pattern.compile("(?i)(?:flash|bulletin|urgent|kill(?:\\s+kill)*)[.!:]*");
    private static final Pattern BYLINE_TITLE = Pattern.compile(
            "(?i)^(?:Associated Press|The Associated Press|AP\\b.*|.*\\b(?:Writer|Correspondent|Editor|Reporter|Columnist|Critic)s?)$");
    /** The "+" Kyodo closes every bare headline with ("... Disney++" is "... Disney+"). */
    private static final Pattern BARE_HEADLINE_END = Pattern.compile("(?<=\\S)\\+$");
    private static final Pattern LINE_END_MARK = Pattern.compile("@?[<=]\\s*$");
    private static final int FLASH_MAX_WORDS = 100;
    /** An alert is one sentence: AP's APNewsAlert body is a single paragraph of one or two lines. */
    private static final int ALERT_MAX_CHARS = 300;

    private static final Map<Character, Integer> URGENCY = Map.of(
            'f', 1, 'b', 2, 'u', 3, 'r', 5, 'a', 6, 's', 6, 'd', 7, 'h', 7);

    /** The urgency of an ANPA priority letter ("f" 1, "b" 2, "u" 3, "r" 5 ...), or null for a letter not in the crosswalk. */
    static Integer urgencyOfPriority(char letter) {
        return URGENCY.get(Character.toLowerCase(letter));
    }

    /** AP's category letters (DOMAIN.md 2.4); deployments remap them, so the letter stays the code. */
    private static final Map<Character, String> CATEGORY = Map.ofEntries(
            Map.entry('a', "Domestic general news"), Map.entry('b', "Special events"), Map.entry('c', "Standing features"),
            Map.entry('d', "National summary"), Map.entry('e', "Entertainment"), Map.entry('f', "Business and financial"),
            Map.entry('g', "State summary"), Map.entry('h', "National headlines"), Map.entry('i', "International news"),
            Map.entry('j', "State headlines"), Map.entry('k', "Commentary"), Map.entry('l', "Lifestyle"),
            Map.entry('m', "Farm and agriculture"), Map.entry('n', "State and regional"), Map.entry('o', "Weather"),
            Map.entry('p', "Politics"), Map.entry('q', "Sports scores"), Map.entry('r', "Radio billboards"),
            Map.entry('s', "Sports"), Map.entry('t', "TV billboards"), Map.entry('v', "Advisories"),
            Map.entry('w', "Washington general news"));

    @Override
    public WireFormat format() {
        return WireFormat.ANPA;
    }

    /** SYN SYN SOH then a service letter, four digits and US - 7901 has a space and a priority digit there. */
    @Override
    public boolean sniff(byte[] head, String headText) {
        if (SNIFF.matcher(headText).find()) {
            return true;
        }
        return headText.indexOf(WireFraming.SOH) >= 0 && headText.indexOf(WireFraming.STX) >= 0
                && SNIFF_HEADER.matcher(headText).find();
    }

    @Override
    public List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException {
        String text = WireText.decodeLenient(payload, context.contentType());
        return WireFraming.parseMessages(text, "ANPA", m -> parseMessage(m, context));
    }

    /**
     * Kyodo's "KWS-21:37-09-12-18": the local time, then day, month and year (its dateline says "Dec. 9"), in the
     * agency's own zone. The header's "09-12" is then day and month as well, so the trailer's date is the cycle's.
     */
    private static LocalDate timedTrailer(Matcher timed, String agency, ParsedStory.Builder b) {
        try {
            LocalDateTime sent = LocalDateTime.of(2000 + Integer.parseInt(timed.group(6)), Integer.parseInt(timed.group(5)),
                    Integer.parseInt(timed.group(4)), Integer.parseInt(timed.group(2)), Integer.parseInt(timed.group(3)));
            b.versionCreated(sent.atZone(Agencies.homeZone(agency)).toInstant());
            return sent.toLocalDate();
        } catch (java.time.DateTimeException e) {
            return null; // an impossible date: the receive time dates the cycle
        }
    }

    /**
     * The agency Kyodo names on its service line, right after the sequence number ("a0105KYODO", then US and a desk
     * code), when it is a known one. AP's line has US there and then a member's selector code ("a0001" US "ansa"),
     * which names the member, not the agency.
     */
    private static String serviceAgency(String header) {
        Matcher s = SERVICE_AGENCY.matcher(header);
        return s.find() ? Agencies.exactly(s.group(1)) : null;
    }

    private static final Pattern SERVICE_AGENCY = Pattern.compile("^\\s*[A-Za-z]\\d{4}(\\p{L}{2,20})(?![\\p{L}])");

    private ParsedStory parseMessage(WireFraming.Message m, ParseContext context) throws WireParseException {
        Matcher h = HEADER.matcher(m.header());
        if (!h.find()) {
            throw new WireParseException("ANPA: header line (priority, category, keyword, date, word count) not found");
        }
        char prio = Character.toLowerCase(h.group(1).charAt(0));
        char category = Character.toLowerCase(h.group(2).charAt(0));
        String keyword = h.group(4);
        String versionText = WireFraming.clean(h.group(5) == null ? "" : h.group(5));
        // Header fields may be empty (AP's sports tables leave the word count blank): absent is unknown, not invalid.
        Integer month = h.group(6) == null ? null : Integer.valueOf(h.group(6));
        Integer day = h.group(7) == null ? null : Integer.valueOf(h.group(7));
        int words = h.group(8) == null ? Integer.MAX_VALUE : Integer.parseInt(h.group(8));

        ParsedStory.Builder b = ParsedStory.builder(WireFormat.ANPA)
                .priority(String.valueOf(prio))
                .urgency(URGENCY.get(prio))
                .subject("anpa-category", String.valueOf(category), CATEGORY.get(category));

        String trailer = WireText.stripControl(m.trailer());
        Matcher t = TRAILER.matcher(trailer);
        Matcher timed = TIMED_TRAILER.matcher(trailer);
        String agency = serviceAgency(m.header());
        if (agency == null) {
            agency = context.source() == null ? "AP" : context.source().toUpperCase(Locale.ROOT);
        }
        LocalDate cycleDate = null;
        if (t.find()) {
            agency = t.group(1);
            LocalDateTime sent = LocalDateTime.of(2000 + Integer.parseInt(t.group(5)), Integer.parseInt(t.group(3)),
                    Integer.parseInt(t.group(4)), Integer.parseInt(t.group(6)), Integer.parseInt(t.group(7)));
            b.versionCreated(sent.toInstant(ZoneOffset.UTC));
            cycleDate = month == null ? sent.toLocalDate() : cycleDate(month, day, sent.toLocalDate());
        } else if (timed.find()) {
            cycleDate = timedTrailer(timed, agency, b);
        }
        if (cycleDate == null && context.receivedAt() != null) {
            LocalDate received = context.receivedAt().atZone(ZoneOffset.UTC).toLocalDate();
            cycleDate = month == null ? received : cycleDate(month, day, received);
        }
        b.agency(agency);

        List<String> versionTexts = new ArrayList<>();
        versionTexts.add(versionText);
        readText(m.text(), keyword, b, versionTexts);

        WireFraming.Take take = WireFraming.take(versionTexts);
        b.version(take.version()).pubStatus(take.status());
        take.signals().stream().filter(s -> s != Signal.FLASH).forEach(b::signal);
        if (prio == 'f' && (words <= FLASH_MAX_WORDS || take.signals().contains(Signal.FLASH)
                || words == Integer.MAX_VALUE && b.body().size() <= 2)) {
            b.signal(Signal.FLASH);
        }
        String storyKey = WireFraming.storyKey(agency, keyword, cycleDate);
        Matcher s = SERVICE.matcher(m.header());
        String sequence = s.find() ? s.group(1) + s.group(2) : null;
        // The keyword is a desk's slug, not an id: "APNewsAlert" is every alert of the day.
        b.storyKey(storyKey).slugKey(true).providerSequence(sequence)
                .uri(storyKey + "|" + (sequence != null ? sequence : Integer.toHexString(m.text().hashCode())) + "|" + b.versionCreated());
        if (!b.body().isEmpty()) {
            Dateline.find(b.body().get(0)).ifPresent(d -> b.dateline(d.text()).datelinePlace(d.place()));
        }
        slugAsHeadline(b, keyword, take.status() == PubStatus.CANCELED);
        StoryFields.ensureHeadline(b, null, "ANPA message " + storyKey);
        return b.build();
    }

    /**
     * A headline line that only repeats the keyword ("APNewsAlert", "AP-Top-Entertainment-Headlines"),
     * or none at all, is no headline. An alert is one sentence in the body: that sentence, without its
     * dateline, is the headline, as AP meant it. Otherwise the keyword's title part ("Wild Card Glance"
     * of "BC-BBO--Wild Card Glance") is, marked NO_HEADLINE when no headline line was sent; a bare
     * slug leaves the headline to be derived from the text. A kill's one line is its notice or a sign-off
     * ("The Associated Press"), never an alert: it gets the keyword's title.
     */
    private static void slugAsHeadline(ParsedStory.Builder b, String keyword, boolean kill) {
        boolean sent = b.headline() != null;
        if (sent) {
            String h = WireFraming.normaliseKeyword(StoryCleanup.headline(b.headline()));
            String k = WireFraming.normaliseKeyword(keyword);
            boolean slug = h.equals(k) || k.endsWith("--" + h) || k.endsWith("-" + h) || h.endsWith(k)
                    || (b.slugline() != null && h.equals(WireFraming.normaliseKeyword(b.slugline())));
            if (!slug) {
                return;
            }
            b.headline(null);
        }
        // No headline line at all (an APNewsAlert often has none) reads the same way.
        b.headline(titleOfKeyword(StoryFields.first(b.slugline(), keyword)));
        if (b.body().size() == 1 && !kill) {
            String p = b.body().get(0);
            String sentence = Dateline.find(p).map(Dateline::remainder).orElse(p);
            if (!sentence.isBlank() && sentence.length() <= ALERT_MAX_CHARS) {
                b.headline(sentence);
                return;
            }
        }
        if (b.headline() != null && !sent) {
            b.signal(Signal.NO_HEADLINE);
        }
    }

    /**
     * The readable part of a keyword: what follows the category ("BC-BBO--Wild Card Glance" gives
     * "Wild Card Glance", the title AP gives tables, glances and digests), or null when that is only
     * a bare slug ("APNewsAlert", "US", one word without a space).
     */
    static String titleOfKeyword(String keyword) {
        if (keyword == null) {
            return null;
        }
        String k = WireText.collapse(keyword);
        int dashes = k.lastIndexOf("--");
        String tail = (dashes >= 0 ? k.substring(dashes + 2) : k).replaceAll("[,\\s]*\\d+$", "").strip();
        return tail.indexOf(' ') > 0 ? tail : null;
    }

    /**
     * The cycle date is the header's mm-dd; its year is the trailer's, except across New Year
     * (a 12-31 cycle sent on 01-01 belongs to the year before).
     */
    static LocalDate cycleDate(int month, int day, LocalDate sent) {
        int year = sent.getYear();
        if (month == 12 && sent.getMonthValue() == 1) {
            year--;
        } else if (month == 1 && sent.getMonthValue() == 12) {
            year++;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return sent;
        }
    }

    /**
     * ANPA's fraction one half, sent as "{" after a figure or alone in a table cell: AP's standings ("Chicago 55 67
     * .451 16{", games behind). A brace elsewhere is left as sent.
     */
    private static final Pattern ANPA_HALF = Pattern.compile("(?m)(?<=[0-9\\s;]|^)\\{(?=[\\s;,.)]|$)");

    /** Reads the STX..ETX text: slug line, caret lines (headline, notes, byline), body lines. */
    private static void readText(String text, String keyword, ParsedStory.Builder b, List<String> versionTexts) {
        String[] lines = ANPA_HALF.matcher(text).replaceAll("\u00BD").split("\\R");
        boolean slugSeen = false;
        boolean bodyStarted = false;
        boolean afterByline = false;
        boolean bylineSeen = false;
        boolean bareHeader = false;
        List<String> description = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> bodyLines = new ArrayList<>();
        for (String raw : lines) {
            String line = WireFraming.clean(raw);
            if (line.isEmpty()) {
                if (bodyStarted) {
                    bodyLines.add(""); // a blank line can mark a paragraph's end
                }
                continue;
            }
            boolean caret = line.startsWith("^") && !bodyStarted;
            if (!caret && !bodyStarted && !slugSeen && isBareSlug(line, keyword)) {
                // Kyodo sends the header's keyword again and the headline as bare lines, the body indented under them.
                bareHeader = true;
                caret = true;
            } else if (!caret && !bodyStarted && bareHeader && b.headline() == null && !WireText.isIndented(raw)) {
                b.headline(BARE_HEADLINE_END.matcher(line).replaceFirst("")); // Kyodo ends its headline with "+"
                continue;
            }
            if (!caret) {
                bodyStarted = true;
                bodyLines.add(raw);
                continue;
            }
            String content = stripCaret(line);
            if (!slugSeen) {
                Matcher s = SLUG.matcher(TYPESETTING_CODE.matcher(line).replaceFirst(""));
                if (s.matches()) {
                    slugSeen = true;
                    b.slugline(WireFraming.clean(s.group(1)));
                    versionTexts.add(s.group(2));
                    continue;
                }
            }
            slugSeen = true;
            if (content.isEmpty()) {
                continue;
            }
            if (b.headline() == null && TAKE_WORD_LINE.matcher(content).matches()) {
                versionTexts.add(content);
            } else if (b.headline() == null && !EDITORS_NOTE.matcher(content).find() && !PHOTO_LIST.matcher(content).find()) {
                b.headline(content);
            } else if (NOTE.matcher(content).find()) {
                // before the headline only a note to editors or a photo list ("Eds: ADDS 4th graf ...": an Add or a kill
                // note may send no headline), not "AP PHOTOS: Pilgrims circle the Kaaba", which is one
                versionTexts.add(content); // "Eds: ... Kill", "Eds: Corrects ..." carry the take's meaning
                if (!PHOTO_LIST.matcher(content).find()) {
                    notes.add(content);
                }
            } else if (BYLINE.matcher(content).matches() && b.body().isEmpty()) {
                b.byline(content);
                afterByline = true;
                bylineSeen = true;
                continue;
            } else if (afterByline && BYLINE_TITLE.matcher(content).matches()) {
                continue;
            } else if (bylineSeen) {
                // Tabular copy puts table headings ("AMERICAN LEAGUE=") in caret lines after the byline.
                b.paragraph(content);
            } else {
                description.add(content);
            }
            afterByline = false;
        }
        WireText.paragraphsFromLines(bodyLines, l -> stripCaret(WireFraming.clean(l)), AnpaParser::standsAlone).forEach(b::paragraph);
        // AP's notes to editors ("^Eds: Updates. With AP Photos.<", "^EDITOR'S NOTE _ This is part of ...<"), as sent
        b.edNote(notes.isEmpty() ? null : String.join(" ", notes));
        if (description.size() >= DIGEST_MIN_LINES && b.body().isEmpty()) {
            // Only caret lines: a digest or headline list ("AP Top Entertainment News"), whose lines are its text.
            description.forEach(b::paragraph);
        } else if (!description.isEmpty()) {
            b.description(String.join(" ", description));
        }
    }

    /**
     * Whether a bare line is the slug line: its slug part begins with the header's keyword, which is that slug cut to
     * a fixed width ("BC-Rowing-Final, 1st Ld-Writethru" under the keyword "BC-Rowing-Final").
     */
    private static boolean isBareSlug(String line, String keyword) {
        Matcher s = SLUG.matcher(line);
        String k = WireFraming.normaliseKeyword(keyword);
        return s.matches() && !k.isEmpty() && WireFraming.normaliseKeyword(s.group(1)).startsWith(k);
    }

    /** A caret line in the body (a table heading, "^Wednesday's Games=") or a line closed by "<" or "=": never wrapped. */
    private static boolean standsAlone(String raw) {
        String line = WireFraming.clean(raw);
        return line.startsWith("^") || LINE_END_MARK.matcher(line).find();
    }

    /** "^For Argentine chemo patients, mirrors can hurt <" to the bare text; "<" and "=" end ANPA lines, "@<" The Canadian Press's. */
    private static String stripCaret(String line) {
        String s = (line.startsWith("^") ? line.substring(1) : line).stripTrailing();
        return WireText.stripTrailing(s, "<=@").strip();
    }
}
