package io.wirestream.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Text handling shared by the parsers: decoding with charsets, control characters, paragraphs from HTML. */
public final class WireText {

    /** Block elements that make a paragraph each; parsed once, not per story. */
    private static final Evaluator BLOCKS = QueryParser.parse("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre");
    /** Stands for a {@code <br>} while a block's text is read; not a character of wire text. */
    private static final String BREAK_MARK = "\u0001";
    /** Two line breaks in a row, with only spaces between: a paragraph break inside one block. */
    private static final Pattern DOUBLE_BREAK = Pattern.compile(BREAK_MARK + "\\s*" + BREAK_MARK + "[\\s" + BREAK_MARK + "]*");

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private WireText() {
    }

    /**
     * The charset a content type names when Java does not know it ("charset=latin-l"), else null. The
     * parsers read such a type as naming none, UTF-8: the producers refuse it instead, since whoever
     * declared a charset meant one.
     */
    public static String unknownCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        return m.find() && declaredCharset(contentType) == null ? m.group(1) : null;
    }

        /** The charset named in a content type such as "text/plain; charset=ISO-8859-1", or null. */
    public static Charset declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /**
     * Decodes strictly: the declared charset, else UTF-8 (a UTF-8 BOM is dropped).
     *
     * @throws WireParseException naming the charset when the bytes are not valid in it
     */
    public static String decodeStrict(byte[] bytes, String contentType) throws WireParseException {
        Charset cs = declaredCharset(contentType);
        Charset use = cs != null ? cs : StandardCharsets.UTF_8;
        try {
            String s = use.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new WireParseException("invalid " + use.name() + " text (declare the charset, e.g. charset=ISO-8859-1)", e);
        }
    }

    /**
     * Decodes 8-bit wire copy (ANPA, IPTC 7901): the declared charset, else UTF-8 when the bytes are
     * valid UTF-8, else Windows-1252 (a superset of Latin-1 that agencies' systems actually emit).
     */
    public static String decodeLenient(byte[] bytes, String contentType) {
        Charset cs = declaredCharset(contentType);
        if (cs != null) {
            return new String(bytes, cs);
        }
        try {
            return decodeStrict(bytes, null);
        } catch (WireParseException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** Removes wire control characters (keeps TAB, LF, CR). */
    public static String stripControl(String s) {
        if (s == null) {
            return null;
        }
        // A plain scan: this runs on every paragraph of every story, and most have no control characters.
        int first = firstControl(s, 0);
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int firstControl(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /**
     * Whether a text shows nothing: null, blank, or only invisible format characters (zero-width spaces and
     * joiners, a byte-order mark) and spaces. Such a headline is no headline.
     */
    public static boolean isInvisible(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c) && !isControl(c) && Character.getType(c) != Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    /** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
    public static String collapse(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = b.length() > 0;
            } else if (!isControl(c)) {
                if (pendingSpace) {
                    b.append(' ');
                    pendingSpace = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Null for null or blank, else the collapsed text. */
    /**
     * The text without the given characters at its end, trimmed by hand: the regex that says it ("[<=]+$") tries every
     * position of a run of them that text follows, which is quadratic in the run.
     */
    static String stripTrailing(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    public static String blankToNull(String s) {
        String c = collapse(s);
        return c.isEmpty() ? null : c;
    }

    /** Paragraphs of an HTML fragment: one per block element (p, li, h1-h6, blockquote, pre), else per line break. */
    /** Deepest HTML nesting read: real bodies stay under 20 levels; jsoup's Cleaner is quadratic in depth. */
    static final int MAX_HTML_DEPTH = 256;

    /**
     * An HTML fragment parsed, refused (a dead letter) when it nests elements deeper than {@link #MAX_HTML_DEPTH}:
     * 100,000 nested divs parse in a fifth of a second but take jsoup's Cleaner minutes.
     */
    static Document parseHtml(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        int[] deepest = {0};
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), doc.body());
        if (deepest[0] > MAX_HTML_DEPTH) {
            throw new WireInputRefused("HTML body nests elements " + deepest[0] + " deep, more than " + MAX_HTML_DEPTH);
        }
        return doc;
    }

    /** Whether bytes open with UTF-8's byte-order mark. */
    static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    public static List<String> paragraphsFromHtml(String html) {
        List<String> out = new ArrayList<>();
        if (html == null || html.isBlank()) {
            return out;
        }
        Document doc = parseHtml(html);
        setDatelinesApart(doc);
        // Copy with paragraph elements is read by them, and its source lines are wrapping; copy without them (text and
        // <br>, a results list in a bare <body>) has a paragraph per line, as wire text does.
        // ... unless its lines are prose wrapped in pretty-printed markup (Business Wire's ninjs body_xhtml).
        boolean lines = doc.body().select(BLOCKS).isEmpty() && !(doc.body().select("br").isEmpty() && wrappedProse(html));
        HtmlParagraphs reader = new HtmlParagraphs(out, lines);
        reader.read(doc.body());
        reader.flush();
        return out;
    }

    /**
     * Whether markup without paragraph elements is prose its pretty-printing wrapped: every line after the first
     * indented and some broken mid-sentence ({@link XmlBody#prettyPrinted}), and most lines after the first going on
     * in lower case ("a new combination every workday ..."). A results list indented the same way starts each line
     * with a name.
     */
    private static boolean wrappedProse(String html) {
        if (!XmlBody.prettyPrinted(html)) {
            return false;
        }
        int continued = 0;
        int lower = 0;
        boolean first = true;
        for (String line : html.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (first) {
                first = false;
                continue;
            }
            continued++;
            lower += Character.isLowerCase(t.codePointAt(0)) ? 1 : 0;
        }
        return continued > 0 && lower * 2 >= continued;
    }

    /** Elements that end the text before them and start a paragraph of their own. */
    private static final Set<String> BREAKING = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "section", "article", "header",
            "footer", "aside", "figure", "figcaption", "address", "hr", "main", "nav", "center", "form", "fieldset",
            // NITF's and NewsML's own: subheads, blocks, taglines, notes
            "hl1", "hl2", "block", "tagline", "note", "bibliography");
    /** Elements whose text is a paragraph of the story (text outside them, in copy that has them, is kept only as prose). */
    private static final Set<String> PARAGRAPHS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td",
            "th", "caption", "dt", "dd", "hl1", "hl2", "tagline", "note");
    /** Elements whose content is no text of the story: code, pictures' captions, NITF media. */
    private static final Set<String> SILENT = Set.of("script", "style", "noscript", "template", "head", "title", "figcaption", "media");
    /**
     * Loose text (outside any paragraph element, in copy that has them) that reads as prose: four words or more ending
     * as a sentence ends. A kicker ("Försvar" "TT"), a row of codes or a label is not.
     */
    private static final int PROSE_WORDS = 4;

    /**
     * The paragraphs of one HTML body, read in document order: each paragraph element, a table row read whole (its cells
     * apart, as telex tables set them: "FC Augsburg | - | 2:1"), text between blocks and beside a table (nothing outside
     * a paragraph element is lost), two {@code <br>} in a row a paragraph break.
     */
    private static final class HtmlParagraphs {
        private final List<String> out;
        private final boolean lines;
        private final StringBuilder text = new StringBuilder();
        /** How many paragraph elements the reader is inside. */
        private int depth;

        HtmlParagraphs(List<String> out, boolean lines) {
            this.out = out;
            this.lines = lines;
        }

        void read(Element element) {
            for (org.jsoup.nodes.Node node : element.childNodes()) {
                if (node instanceof TextNode t) {
                    // in line mode a source line end is a line break; else it is a space, as HTML reads it
                    // a blank line between runs of text parts them (WordPress writes its paragraphs so, without <p>)
                    String raw = t.getWholeText();
                    text.append(lines ? raw.replaceAll("\\R", BREAK_MARK)
                            : depth == 0 ? BLANK_LINE.matcher(raw).replaceAll(BREAK_MARK + BREAK_MARK) : raw);
                } else if (node instanceof Element e) {
                    String name = e.normalName();
                    if (SILENT.contains(name)) {
                        continue;
                    }
                    if (name.equals("br")) {
                        text.append(BREAK_MARK);
                    } else if (name.equals("tr") && readWhole(e)) {
                        flush();
                        List<String> cells = cellsOf(e).stream().map(cell -> collapse(cell.text())).toList();
                        // empty cells at either end only pad the row; a spacer row is no paragraph
                        int from = 0;
                        int to = cells.size();
                        while (from < to && cells.get(from).isEmpty()) {
                            from++;
                        }
                        while (to > from && cells.get(to - 1).isEmpty()) {
                            to--;
                        }
                        if (from < to) {
                            addParagraph(out, String.join(" | ", cells.subList(from, to)));
                        }
                    } else if (BREAKING.contains(name)) {
                        flush();
                        boolean paragraph = PARAGRAPHS.contains(name);
                        depth += paragraph ? 1 : 0;
                        read(e);
                        flush();
                        depth -= paragraph ? 1 : 0;
                    } else {
                        read(e);
                    }
                }
            }
        }

        /**
         * A data row, read as one paragraph: no table inside it, and not a layout table's (one cell holding several
         * paragraphs, a press release's whole text; or a cell of more than {@link #CELL_PARAGRAPHS}).
         */
        private static boolean readWhole(Element row) {
            if (row.select("tr").size() > 1) {
                return false;
            }
            List<Element> cells = cellsOf(row);
            for (Element cell : cells) {
                int paragraphs = cell.select(BLOCKS).size();
                if (paragraphs > CELL_PARAGRAPHS || paragraphs > 1 && cells.size() == 1) {
                    return false;
                }
            }
            return true;
        }

        private static List<Element> cellsOf(Element row) {
            return row.children().stream().filter(c -> c.normalName().equals("td") || c.normalName().equals("th")).toList();
        }

        void flush() {
            if (text.isEmpty()) {
                return;
            }
            String all = text.toString();
            text.setLength(0);
            boolean loose = !lines && depth == 0;
            for (String part : (lines ? LINE_MARKS : DOUBLE_BREAK).split(all)) {
                String paragraph = withoutSpaceBeforeStop(collapse(part.replace(BREAK_MARK, " ")));
                if (!loose || readsAsProse(paragraph, PROSE_WORDS)) {
                    addParagraph(out, paragraph);
                }
            }
        }
    }

    /** A blank line in a text node's source. */
    private static final Pattern BLANK_LINE = Pattern.compile("\\R[ \\t]*\\R\\s*");
    /** At most this many paragraphs in one cell of a data row ("Wert 3" / "mit Absatz"). */
    private static final int CELL_PARAGRAPHS = 3;
    /**
     * One or more line breaks: in line mode each line is a paragraph. Tried only where a run of space begins (the
     * lookbehind): tried at every position of a long run of spaces without a break, it was quadratic.
     */
    private static final Pattern LINE_MARKS = Pattern.compile("(?<![\\s" + BREAK_MARK + "])[\\s" + BREAK_MARK + "]*" + BREAK_MARK
            + "[\\s" + BREAK_MARK + "]*");

    /** What ends a sentence, in the scripts of the wires (not ")": a caption ends "(EFE)"). */
    private static final String SENTENCE_ENDS = ".!?…。？！؟:;\"»”’";

    /**
     * Whether a text reads as prose: at least {@code minWords} words (in Chinese and Japanese, which write no spaces, twice
     * as many characters), ending as a sentence ends. A loop, not a regex: a regex's repeated group recurses once per word
     * and a hostile paragraph of many thousand words would overflow the stack.
     */
    static boolean readsAsProse(String text, int minWords) {
        String t = text.strip();
        if (t.isEmpty() || SENTENCE_ENDS.indexOf(t.codePointBefore(t.length())) < 0) {
            return false;
        }
        int words = 1;
        int ideographs = 0;
        boolean inSpace = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                words += inSpace ? 0 : 1;
                inSpace = true;
            } else {
                inSpace = false;
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                ideographs += script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA ? 1 : 0;
            }
        }
        return words >= minWords || ideographs >= 2 * minWords;
    }

    /**
     * Inline tags on lines of their own (PA's NewsML 1.2: {@code <person>Tony Lankester</person>\n, chief executive})
     * leave a space before the comma or full stop that follows them; no language writes one there.
     */
    private static final Pattern SPACE_BEFORE_STOP = Pattern.compile("(?<=[\\p{L}\\p{N}\"”’')\\]])\\s+(?=[.,](?:\\s|$))");

    /**
     * A collapsed text without {@link #SPACE_BEFORE_STOP}. Collapsed, its only whitespace is single spaces, so a text
     * with no " ." or " ," has none to take out and skips the pattern, whose look-behind ran at every position of every
     * paragraph (4% of the full topology's stream thread in a JFR profile of bench).
     */
    static String withoutSpaceBeforeStop(String collapsed) {
        if (collapsed.indexOf(" .") < 0 && collapsed.indexOf(" ,") < 0) {
            return collapsed;
        }
        return SPACE_BEFORE_STOP.matcher(collapsed).replaceAll("");
    }

    /**
     * A dateline marked up as such ({@code <span class="dateline">BUENOS AIRES, Argentina (AP)</span>Argentine ...},
     * AP copy relayed by dpa) runs into the text after it unless a style sheet sets it apart: set apart by a dash, as
     * AP writes it.
     */
    /** What ends a dateline, setting it apart from the text: a dash or colon ("Berlin (dpa) -"). */
    private static final Pattern DATELINE_END = Pattern.compile("[-–—:_]$");

    private static void setDatelinesApart(Document doc) {
        for (Element dateline : doc.getElementsByClass("dateline")) {
            org.jsoup.nodes.Node next = dateline.nextSibling();
            String own = dateline.text().strip();
            // only where text follows at once: "(AP)Argentine", "(dpa)</span> Die"; "WASHINGTON</span> (AP) —" goes on with the dateline
            String after = next instanceof TextNode t ? t.text().strip() : "";
            if (!own.isEmpty() && !DATELINE_END.matcher(own).find() && !after.isEmpty() && Character.isLetterOrDigit(after.codePointAt(0))) {
                dateline.after(new TextNode(" — "));
            }
        }
    }

    /** Paragraphs of plain text: one per non-blank line (wire copy puts one paragraph per line, often indented). */
    public static List<String> paragraphsFromText(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : LINE_BREAK.split(text)) {
            addParagraph(out, line);
        }
        return out;
    }

    /**
     * Paragraphs of text that may be hard-wrapped (G2 inlineData, e-mail-like copy wraps lines at
     * 60-80 characters). When the text separates paragraphs by blank lines or by an indented first
     * line, the lines between are joined into one paragraph; otherwise each line is a paragraph (as
     * {@link #paragraphsFromText}). Table rows (starting with "|" or holding tabs) stay one per line.
     */
    public static List<String> paragraphsFromWrappedText(String text) {
        if (text == null) {
            return new ArrayList<>();
        }
        String[] lines = LINE_BREAK.split(text.strip());
        boolean separated = false;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank() || INDENTED.matcher(lines[i]).lookingAt() && !lines[i - 1].isBlank()) {
                separated = true;
                break;
            }
        }
        if (!separated) {
            return paragraphsFromText(text);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            boolean tableRow = line.strip().startsWith("|") || line.strip().contains("\t");
            if (line.isBlank() || INDENTED.matcher(line).lookingAt() || tableRow) {
                addParagraph(out, current.toString());
                current.setLength(0);
            }
            if (tableRow) {
                addParagraph(out, line);
            } else {
                current.append(' ').append(line);
            }
        }
        addParagraph(out, current.toString());
        return out;
    }

    private static final Pattern INDENTED = Pattern.compile("[ \\t]{2,}\\S");

    /** A hard-wrapped line is this long at least (wire copy wraps at 60-80 characters)... */
    private static final int WRAP_MIN = 40;
    /** ... and at most this: a longer line is a whole paragraph (AP sends one line per paragraph). */
    private static final int WRAP_MAX = 100;

    /**
     * Paragraphs of line-oriented copy (ANPA, plain text) as sent, lines with their indentation and
     * control characters. Each line is a paragraph, unless the copy is hard-wrapped (Kyodo's ANPA,
     * e-mailed releases): it marks its paragraphs (a blank line between text, or indented first lines),
     * at most a fifth of its lines are over 100 characters, and fewer than half are indented. Then a
     * block runs from a blank line, an indented line or a bullet to the next, a short line ends a run
     * within it, and a run whose lines but the last are 40-100 characters long is one paragraph. So
     * AP's one indented line per paragraph, its unindented list rows, tables (rows led by a control
     * character, holding tabs or "|"), bullets, a brief that marks no paragraphs and a scraped page of
     * long one-line paragraphs (even with a stray blank line) stay one paragraph per line.
     *
     * @param clean what a line's text is (e.g. without ANPA's end-of-line marks); empty is a blank line
     * @param whole  lines that are a paragraph by themselves whatever their length (ANPA's caret headings
     *               and lines closed by its end marks)
     */
    public static List<String> paragraphsFromLines(List<String> lines, java.util.function.UnaryOperator<String> clean,
            java.util.function.Predicate<String> whole) {
        List<String> out = new ArrayList<>();
        List<String> texts = lines.stream().map(clean).toList(); // each line's text, cleaned once
        // Copy wrapped at a width has few longer lines (a URL); a page of one-line paragraphs has many. Where half
        // the lines or more are indented, each indented line is a paragraph (AP), not the start of one. Copy that
        // marks no paragraphs at all gives no way to tell a wrapped line from a short paragraph.
        long textLines = texts.stream().filter(t -> !t.isEmpty()).count();
        long longer = texts.stream().filter(t -> t.length() > WRAP_MAX).count();
        long indented = lines.stream().filter(WireText::isIndented).count();
        boolean marked = indented > 0 || hasBlankBetweenText(texts);
        boolean hardWrapped = marked && textLines >= 2 && longer * 5 <= textLines && indented * 2 < textLines;
        List<String> block = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String text = texts.get(i);
            boolean alone = !hardWrapped || isTableRow(line, text) || whole.test(line);
            if (text.isEmpty() || alone || isIndented(line) || BULLET.matcher(text).lookingAt()) {
                addBlock(out, block);
            }
            if (alone) {
                addParagraph(out, text);
            } else if (!text.isEmpty()) {
                block.add(text);
            }
        }
        addBlock(out, block);
        return out;
    }

    private static boolean hasBlankBetweenText(List<String> texts) {
        boolean textSeen = false;
        boolean blankAfterText = false;
        for (String text : texts) {
            boolean blank = text.isEmpty();
            if (!blank && blankAfterText) {
                return true;
            }
            blankAfterText |= blank && textSeen;
            textSeen |= !blank;
        }
        return false;
    }

    /** A list item's mark at the start of a line: "-", "*", "•", "1." or "a)". */
    private static final Pattern BULLET = Pattern.compile("(?:[-*•·▪–]|\\d{1,2}[.)]|\\p{Ll}\\))\\s");

    /**
     * Adds a block's lines and empties it. A short line ends a wrapped paragraph, so the block is read in runs
     * up to each short line (a sign-off may follow the last paragraph unmarked); a run is one paragraph when
     * every line but its last has a wrapped line's length, else one paragraph a line.
     */
    private static void addBlock(List<String> out, List<String> block) {
        int start = 0;
        for (int i = 0; i < block.size(); i++) {
            if (i == block.size() - 1 || block.get(i).length() < WRAP_MIN) {
                addRun(out, block.subList(start, i + 1));
                start = i + 1;
            }
        }
        block.clear();
    }

    private static void addRun(List<String> out, List<String> run) {
        boolean wrapped = run.size() >= 2;
        for (int i = 0; wrapped && i < run.size() - 1; i++) {
            int length = run.get(i).length();
            wrapped = length >= WRAP_MIN && length <= WRAP_MAX;
        }
        if (wrapped) {
            addParagraph(out, String.join(" ", run));
        } else {
            run.forEach(line -> addParagraph(out, line));
        }
    }

    /** Whether a line as sent starts indented (a tab, or two spaces or more, before its text). */
    public static boolean isIndented(String line) {
        return INDENTED.matcher(line).lookingAt();
    }

    /** A table row: led by a control character (ANPA's tab codes), or holding "|" first or a tab inside. */
    private static boolean isTableRow(String line, String text) {
        return !line.isEmpty() && line.charAt(0) < 0x20 && line.charAt(0) != '\t'
                || text.startsWith("|") || line.strip().contains("\t");
    }

    private static void addParagraph(List<String> out, String raw) {
        String p = collapse(raw);
        if (!p.isEmpty()) {
            out.add(p);
        }
    }

    /** "NEW DELHI" to "New Delhi"; text with lower-case letters is kept as is. */
    public static String titleCaseIfShouting(String s) {
        if (s == null || !s.equals(s.toUpperCase(Locale.ROOT))) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetter(c) && c != '\'';
        }
        return b.toString();
    }
}
