package io.wirestream.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plain-text articles, as scraped from news sites or typed by a stringer: an optional breadcrumb
 * line ("Home | News | ..."), the headline, an optional standfirst, then paragraphs, the first of
 * which usually opens with a dateline ("Tehran:", "NEW DELHI, Jan 1 (PTI) -").
 *
 * <p>A scraped page's furniture, credits and times are read by {@link ScrapedPage}; copy framed as a telex
 * message ("ZCZC" ... "NNNN") by {@link TelexFrame}.
 *
 * <p>Copy wrapped at a width (an e-mailed release) has its lines joined into paragraphs; a raw e-mail
 * message or a CSV table is no article and becomes a dead letter with that reason.
 *
 * <p>Plain text carries no id, so the story key is the source plus the producer's item id (the
 * file name or page URL), which is what stays equal when the same page is fetched again.
 */
public final class PlainTextParser implements WireParser {

    /** "Home | News | ...", "Home > World > ...", "News / India News / ..."; slashes only after Home or News ("Covid / flu / RSV: ..." is a headline). */
    private static final Pattern BREADCRUMB = Pattern.compile("^(?:(?i:home|news)\\s*[|>»/›]|.*\\s[|>»›]\\s.*\\s[|>»›]\\s).*");
    private static final int MAX_HEADLINE = 300;
    /** A first line this long that reads as prose is the first paragraph of a page saved without its headline. */
    private static final int PROSE_PARAGRAPH_WORDS = 20;
    /** An e-mail's transport headers ("Received: by ...", "Delivered-To: ..."): a raw message, not its text. */
    private static final Pattern MAIL_HEADER = Pattern.compile(
            "(?i)^(?:Received|Delivered-To|Return-Path|Message-ID|MIME-Version|DKIM-Signature|Authentication-Results|X-[A-Za-z-]+"
                    + "|ARC-[A-Za-z-]+):\\s.*");
    /** Any header line, or its folded continuation: a message's header block runs until the first other line. */
    private static final Pattern ANY_HEADER = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9-]*:\\s.*|\\s+\\S.*)");
    private static final int MAIL_HEADERS_MIN = 3;
    /** A delimited table: this many lines or more with the same number (2 or more) of separators outside quotes. */
    private static final int TABLE_LINES_MIN = 3;
    /** Without a quoted header, this many separators a line: prose lines never keep such a count. */
    private static final int TABLE_UNQUOTED_COLUMNS = 5;

    @Override
    public WireFormat format() {
        return WireFormat.PLAIN;
    }

    /**
     * Text that the catch-all would otherwise take for an article: a raw e-mail (its transport headers) or
     * a CSV or tab-separated table. Each is a dead letter with its reason, not a story headed "Received: ...".
     */
    private static void refuseWhatIsNoArticle(String text) throws WireParseException {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(20).toList();
        // A raw message opens with its header block (a story quoting headers opens with its headline).
        List<String> headerBlock = lines.stream().takeWhile(l -> ANY_HEADER.matcher(l).matches()).toList();
        if (headerBlock.stream().filter(l -> MAIL_HEADER.matcher(l).matches()).count() >= MAIL_HEADERS_MIN) {
            throw WireParseException.noStory("plain text is a raw e-mail message (transport headers), not an article");
        }
        if (lines.size() >= TABLE_LINES_MIN) {
            for (char separator : new char[] {',', ';', '\t'}) {
                int columns = separators(lines.get(0), separator);
                if (columns >= 2 && lines.stream().limit(TABLE_LINES_MIN).allMatch(l -> separators(l, separator) == columns)
                        && (allQuoted(lines.get(0).strip(), separator) || columns >= TABLE_UNQUOTED_COLUMNS)) {
                    throw WireParseException.noStory("plain text is a delimited table (CSV), not an article");
                }
            }
        }
    }

    /** A header row of quoted fields only: "Subject","Start Date","Location". One scan (a split on a lookahead was quadratic). */
    private static boolean allQuoted(String line, char separator) {
        int fieldStart = 0;
        boolean quoted = false;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : separator;
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                String f = line.substring(fieldStart, i).strip();
                if (f.length() < 2 || !f.startsWith("\"") || !f.endsWith("\"")) {
                    return false;
                }
                fieldStart = i + 1;
            }
        }
        return true;
    }

    /** Separators outside double quotes. */
    private static int separators(String line, char separator) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** The catch-all: any text that is not markup or JSON. Detection tries it last. */
    @Override
    public boolean sniff(byte[] head, String headText) {
        String t = headText.stripLeading();
        return !t.isEmpty() && t.charAt(0) != '<' && t.charAt(0) != '{' && t.charAt(0) != '[';
    }

    @Override
    public List<ParsedStory> parse(byte[] payload, ParseContext context) throws WireParseException {
        String text = WireText.stripControl(WireText.decodeStrict(payload, context.contentType()));
        List<TelexFrame> frames = TelexFrame.read(text);
        if (frames.isEmpty()) {
            return List.of(story(text, Optional.empty(), context, context.itemId()));
        }
        List<ParsedStory> stories = new ArrayList<>();
        TelexFrame previous = null;
        for (int n = 0; n < frames.size(); n++) {
            TelexFrame frame = frames.get(n);
            try {
                stories.add(story(frame.text(), Optional.of(frame), context, messageId(context, frames.size(), stories.size())));
                previous = frame;
            } catch (WireParseException e) {
                if (previous == null) {
                    // the first message is no story: the item is read whole, as before framing was known
                    return List.of(story(text, Optional.empty(), context, context.itemId()));
                }
                // a message that is no story ("PLS IGNORE AAP0499") stays with the story before it, so nothing is lost
                previous = previous.withText(previous.text() + "\n\n" + frame.text());
                stories.set(stories.size() - 1, story(previous.text(), Optional.of(previous), context,
                        messageId(context, frames.size(), stories.size() - 1)));
            }
        }
        return stories;
    }

    /** Several messages in one item: each its own story, keyed by its place in the item. */
    private static String messageId(ParseContext context, int messages, int index) {
        return messages == 1 || context.itemId() == null ? context.itemId() : context.itemId() + "#" + (index + 1);
    }

    private ParsedStory story(String text, Optional<TelexFrame> frame, ParseContext context, String itemId) throws WireParseException {
        if (frame.isEmpty()) {
            refuseWhatIsNoArticle(text); // a telex frame is a wire message, whatever its text looks like (results tables)
        }
        List<String> lines = new ArrayList<>(WireText.paragraphsFromLines(List.of(text.split("\\R")), WireText::collapse, line -> false));
        // A scraped page's furniture ("Advertisement", "3 min read", "Also Read: ...", "Tags: ...") goes wherever it stands.
        // "(With inputs from PTI)" goes as furniture, but names the wire the story came from
        String inputsFrom = lines.stream().map(ScrapedPage::inputsCreditAgency).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        lines.removeIf(ScrapedPage::isFurniture);
        lines = ScrapedPage.joinLoneDateline(lines);
        ScrapedPage.Header header = new ScrapedPage.Header(context.receivedAt());
        int i = 0;
        // over the headline: breadcrumbs, a section label or a release's heading, and on some pages the credit and time lines
        int lastCrumb = -1;
        while (i + 1 < lines.size()) {
            String line = lines.get(i);
            if (ScrapedPage.readCreditsAndTimes(line, header, ScrapedPage.Position.OVER_HEADLINE)) {
                i++;
            } else if (BREADCRUMB.matcher(line).matches()) {
                lastCrumb = i++;
            } else if (ScrapedPage.isOverHeadline(line, lines.get(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (lastCrumb >= 0 && Dateline.find(lines.get(i)).isPresent()) {
            i = lastCrumb; // the story opens here, so the line taken for a breadcrumb was the headline ("IPL 2026 | RCB vs CSK | ...")
        }
        String headline = frame.map(TelexFrame::headline).orElse(null);
        if (headline == null && i >= lines.size()) {
            throw WireParseException.noStory("plain text has no headline");
        }
        boolean opensWithDateline = i < lines.size() && Dateline.find(lines.get(i)).isPresent();
        if (headline == null && frame.isPresent() && frame.get().longKeyword() != null && (i >= lines.size() || opensWithDateline)) {
            headline = frame.get().longKeyword(); // the message opens with its dateline: the keyword heads it
        }
        boolean derived = false;
        boolean fromLines = false;
        if (headline == null && frame.isPresent() && opensWithDateline) {
            derived = true; // a message that opens with its dateline and names no headline: the first sentence heads it
        } else if (headline == null) {
            headline = lines.get(i++);
            fromLines = true;
        }
        // a page saved without its headline may open with a lead shorter than a headline's limit: a wire's credited
        // dateline ("DILI (Reuters) – The prime minister ...", "Port Blair, Jun 20 (PTI): ...") opens no headline
        boolean lead = fromLines && Dateline.find(headline).filter(d -> d.agency() != null && !d.remainder().isBlank()).isPresent();
        if (lead) {
            i--;
            headline = null;
            derived = true;
        } else if (headline != null && headline.length() > MAX_HEADLINE) {
            if (!fromLines || !WireText.readsAsProse(headline, PROSE_PARAGRAPH_WORDS)) {
                throw WireParseException.noStory("plain text: first line is " + headline.length()
                        + " characters, too long for a headline (not an article?)");
            }
            // a page saved without its headline opens with its first paragraph (CNN Arabic's "دمشق، سوريا (CNN) -- ..."):
            // that is body, and its first sentence heads the story (NO_HEADLINE says so)
            i--;
            headline = null;
            derived = true;
        }
        ParsedStory.Builder b = ParsedStory.builder(WireFormat.PLAIN).headline(headline);
        creditsAndTimes(lines, i, header);

        // Standfirst: the lines between headline and the dateline paragraph, when there is a dateline
        // within the next three lines; otherwise everything is body.
        int datelineAt = -1;
        for (int j = i; j < Math.min(lines.size(), i + 3); j++) {
            if (Dateline.find(lines.get(j)).isPresent()) {
                datelineAt = j;
                break;
            }
        }
        if (datelineAt > i) {
            b.description(String.join(" ", lines.subList(i, datelineAt)));
            i = datelineAt;
        }
        List<String> body = lines.subList(i, lines.size());
        if (body.isEmpty()) {
            throw WireParseException.noStory("plain text has a headline but no body");
        }
        b.body(body);
        if (derived) {
            StoryFields.ensureHeadline(b, null, "telex message");
            headline = b.headline();
        }
        Optional<Dateline> d = Dateline.find(body.get(0));
        d.ifPresent(dl -> b.dateline(dl.text()).datelinePlace(dl.place()).agency(dl.agency()));
        frame.ifPresent(f -> {
            b.slugline(f.slug());
            f.subjectCodes().forEach(code -> b.subject("subj", code, null));
            if (b.datelinePlace() == null && f.place() != null) {
                b.datelinePlace(f.place()).place(f.place());
            }
        });
        if (b.agency() == null) {
            b.agency(header.agency != null ? header.agency : inputsFrom != null ? inputsFrom : context.source());
        }
        if (header.byline != null) {
            b.byline(header.byline);
        }
        String id = itemId != null ? itemId : StoryFields.shortHash(headline);
        String uri = (context.source() == null ? "plain" : context.source().toLowerCase(Locale.ROOT)) + ":" + id;
        // A file's name says where, not which story: a drop folder reuses "story.txt". So it is a slug key, and a copy
        // that shares no content with the stories held under it is a different story (versions.StoryIdentity), not an
        // UPDATE. A page address or an id the sender gave (HTTP) stays the story's identity: a rewritten page is its update.
        b.uri(uri).storyKey(uri).slugKey(itemId != null && context.fromFile());
        // The page's own times when it shows them; else none, and the receive time stands in.
        b.firstCreated(header.published);
        b.versionCreated(header.updated != null ? header.updated : header.published);
        return b.build();
    }

    /**
     * Takes the credit and time lines out of a scraped page: those among the first lines under the headline (before the
     * dateline paragraph or a second line of text) and the labelled times and agency names at its foot. What they say
     * goes into the header.
     */
    private static void creditsAndTimes(List<String> lines, int afterHeadline, ScrapedPage.Header header) {
        int end = Math.min(lines.size(), afterHeadline + ScrapedPage.MAX_HEADER_LINES);
        int textLines = 0;
        ScrapedPage.Position position = ScrapedPage.Position.UNDER_HEADLINE;
        for (int j = afterHeadline; j < end && lines.size() - afterHeadline > 1; j++) {
            if (ScrapedPage.readCreditsAndTimes(lines.get(j), header, position)) {
                lines.remove(j--);
                end--;
            } else if (Dateline.find(lines.get(j)).isPresent() || ++textLines > 1) {
                break; // the story has begun: a date further down belongs to it (a quoted tweet, a liveblog entry)
            }
            position = textLines == 0 ? ScrapedPage.Position.UNDER_HEADLINE : ScrapedPage.Position.UNDER_STANDFIRST;
        }
        while (lines.size() - afterHeadline > 1) {
            String last = lines.get(lines.size() - 1);
            if (!ScrapedPage.readCreditsAndTimes(last, header, ScrapedPage.Position.FOOT)) {
                String signedBy = StoryCleanup.signOffAgency(last);
                if (signedBy == null) {
                    break;
                }
                // a wire's sign-off under the story ("PTI SKL RT", "--IANS" over the desk's "sk/arm"): its agency is the credit
                header.agency = header.agency != null || signedBy.isEmpty() ? header.agency : signedBy;
            }
            lines.remove(lines.size() - 1);
        }
        ScrapedPage.ClosingCredit closed = lines.size() - afterHeadline > 1 ? ScrapedPage.closingCredit(lines.get(lines.size() - 1)) : null;
        if (closed != null) {
            lines.set(lines.size() - 1, closed.paragraph());
            header.agency = header.agency != null ? header.agency : closed.agency();
        }
    }
}
