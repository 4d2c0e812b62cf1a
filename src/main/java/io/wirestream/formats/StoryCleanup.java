package io.wirestream.formats;

import io.wirestream.avro.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The cleanup every format gets, as the last step of building a story: what a reader sees must be
 * the story, not the wire's machinery. Rules by class of trouble, not by agency:
 * <ul>
 * <li>headline: ANPA typesetting codes ({@code *9006<}, carets, line-end {@code <} and {@code =}) and
 *     dpa's transmission markers ("EXTRA", "Eil" in front) removed;</li>
 * <li>body: markup sent escaped inside text ({@code &lt;p&gt;}) read as markup; a leading keyword
 *     list ("Keywords: ..."), and agency sign-offs at the end ("AAP gfr", "ends", "dpa xy yz")
 *     dropped; the headline again, a Reuters advisory and the byline ("By Marwan Makdisi") at the top
 *     moved out of the text (the advisory to the edNote, the byline to the byline when none was sent);</li>
 * <li>bodyHtml: third-party embeds (script, iframe, {@code class="...-embed"}) removed, then cleaned
 *     against an allow-list ({@link Safelist#relaxed()} without images), so no script, style,
 *     iframe or event attribute ever reaches a consumer, and NITF inline elements (chron,
 *     location, money, person ...) keep their text but lose their tags.</li>
 * </ul>
 */
final class StoryCleanup {

    /** Longer than any headline an agency writes (theirs run to about 150 characters): the rest is not a headline. */
    static final int MAX_HEADLINE = 500;

    /**
     * ANPA/typesetting codes in caret lines: "*9006<", "^", a "<" that ends the line or a field, or a line-end "=". A "<"
     * inside a line is text ("5 < 6"; a feed's markup in a title is read as markup by the feed parser).
     */
    private static final Pattern FORMAT_CODES = Pattern.compile("\\*\\d{3,5}<?|\\^|<(?=\\s*$|[\\s^<]*[\\^<])|<$|\\s=\\s*$|=$");
    /**
     * Transmission markers in front of a headline: dpa's "EXTRA" and "Eil"/"EILT", ANSA's ">>>ANSA/", which say how the
     * item was sent (the urgency keeps that), not what happened. "FLASH:" and "BULLETIN:" are kept: AP
     * and Reuters write them as part of the headline editors see.
     */
    private static final Pattern HEADLINE_MARKER = Pattern.compile(
            "^(?:(?:EXTRA|EIL|Eil|EILT|Eilt)\\b\\s*[:\\-–—]*\\s*|>{2,}\\s*(?:\\p{Lu}{2,6}/)?)+(?=\\S)");
    /** A tag written as text: "<p>", "</P>", "<br/>", "<a href=...>"; not a Reuters instrument code ("<A.N>", "<BR.N>"). */
    private static final Pattern ESCAPED_TAG = Pattern.compile("</?(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6])(?=[\\s/>])[^<>]{0,200}>",
            Pattern.CASE_INSENSITIVE);
    /** A paragraph that is one tag of markup and nothing else, sent as text. */
    private static final Pattern LONE_TAG = Pattern.compile("</?[A-Za-z][\\w:.-]{0,60}(?:\\s[^<>]{0,300})?/?>");
    /** An HTML comment written as text. */
    /** A keyword header: "Keywords: a, b", "Stichwörter: ...", "Tags: ...". */
    private static final Pattern KEYWORD_LABEL = Pattern.compile(
            "(?iu)^(?:keywords?|key words|tags?|stichw(?:ö|oe)rter|schlagw(?:ö|oe)rter|schlagworte|avainsanat|nøkkelord|emneord|"
                    + "sökord|nyckelord|palabras clave|parole chiave|mots[- ]cl(?:é|e)s)\\s*:");
    /** Word pairs a last paragraph might be, that are no desk's initials. */
    private static final String WORD_PAIRS = "(?:and/or|he/she|his/her|him/her|on/off|in/out|up/down|yes/no|ja/nein|und/oder"
            + "|et/ou|oui/non|si/no|vi/nu|ja/nej|ja/ei|kyll/ei)$";
    private static final String SIGNING_AGENCY = "(?:AAP|AP|AFP|Reuters|dpa|PA|EFE|ANSA|NTB|STT|TT|CP|Ritzau|ANA|ANA-MPA|Kyodo|SDA|ATS|Belga|ANP)";
    /**
     * India's agencies sign in capitals only ("PTI SKL RT"), or set off by marks ("--IANS", "/ANI"); "PTI has more" is a
     * sentence (PTI is also Pakistan's party), "Uni Wien" a university.
     */
    private static final String SIGNING_IN_CAPITALS = "(?:PTI|IANS|UNI|ANI)";
    private static final String ANY_SIGNING_AGENCY = "(?:" + SIGNING_AGENCY + "|" + SIGNING_IN_CAPITALS + ")";
    /** A desk's lower-case initials alone ("jj/sst", "gr/bp", "bur-dar-gl/fz"); "and/or" and its like are words. */
    private static final String INITIALS = "(?=[\\p{Ll}-]*/)(?!" + WORD_PAIRS + ")\\p{Ll}{2,4}(?:[-/]\\p{Ll}{2,4}){1,6}";
    /**
     * The same in Arabic script, which has no case: AFP's Arabic desk signs "بور/نور/غ ر", "ا ف ب/جص", "سب-لال/كام/شي",
     * "ع ز-دلا/كام/نور" (slashes between groups of short words, joined by spaces or, as bureau-initials, hyphens).
     */
    private static final String ARABIC_LETTER = "[\\p{IsArabic}&&\\p{L}]"; // not its digits: "٢٠٢٣/١١/٢٥" is a date
    private static final String ARABIC_GROUP = ARABIC_LETTER + "{1,4}(?:[ -]" + ARABIC_LETTER + "{1,4}){0,5}";
    private static final String ARABIC_INITIALS = "(?=[\\p{IsArabic} -]*/)" + ARABIC_GROUP + "(?:/" + ARABIC_GROUP + "){1,6}";
    private static final Pattern DESK_INITIALS = Pattern.compile("^" + INITIALS + "$");
    /**
     * Sign-offs at the end of agency copy: "AAP gfr", "AAP gfr/jlw", "dpa xy yz", "(ends)", "-- END --", "more"; PTI's
     * reporter and desk initials in capitals ("PTI SKL RT RT"), IANS's "--IANS";
     * the agency set off by marks ("/ritzau/", "==Kyodo", "(SDA/sj)"); a desk's initials alone ("jj/sst", "bur-dar-gl/fz", AFP; "and/or" and its like are words;
     * "بور/نور/غ ر", AFP's Arabic desk).
     */
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?iu)^(?:[(\\[]?\\s*[-–—]*\\s*(?:ends?|endit|end of story|more|mais|slut|loppu)\\s*[-–—]*\\s*[)\\]]?"
                    + "|#{1,3}|\\(?" + SIGNING_AGENCY + "\\)?(?:\\s+[\\p{L}]{2,4}(?:/[\\p{L}]{2,4})*){1,3}"
                    + "|(?-i:" + ANY_SIGNING_AGENCY + "(?:\\s+\\p{Lu}{2,4}){1,6})"
                    + "|(?:/|=+|-{2,}|\\()\\s*" + ANY_SIGNING_AGENCY + "(?:\\s*\\\\?/\\s*[\\p{L}]{2,4})*\\s*[/)]?)$"
                    + "|^(?-i:" + INITIALS + ")$|^" + ARABIC_INITIALS + "$");
    /** A closing copyright notice; longer paragraphs that start so are text. */
    private static final Pattern COPYRIGHT = Pattern.compile("(?iu)^(?:©|\\(c\\)\\s*\\d{4}|copyright\\s+(?:©\\s*)?\\d{4})");
    private static final int COPYRIGHT_MAX = 300;
    /** A copyright line longer than this must say it is one ("all rights reserved" in some language). */
    private static final int COPYRIGHT_SHORT = 100;
    private static final Pattern RIGHTS = Pattern.compile("(?iu)rights|reserved|δικαιώματα|rechte|droits|derechos|diritti|rettigheter|oikeudet");
    /**
     * An editor's advisory at the top of the text, in parentheses, as Reuters writes them: "(Adds comments,
     * detail)", "(Updates with close)", "(In Jan. 3 story, corrects last paragraph ...)".
     */
    private static final Pattern ADVISORY = Pattern.compile("(?iu)^\\((?:(?:adds|updates|recasts|corrects|changes|removes|fixes|"
            + "rewrites|refiles|repeats|inserts|deletes|clarifies|restores|amends|moves|combines|writes through|new throughout)\\b"
            + "|in [^()]{0,80}?\\bstor(?:y|ies)\\b,?\\s+(?:corrects|updates|adds|changes|fixes|removes|clarifies)\\b)[^()]{0,300}\\)$");
    /**
     * A note to editors fenced by asterisks at the top of the text: STT's "*** DISCLAIMER: THIS IS AN AUTOMATED
     * TRANSLATION FROM FINNISH ***". It goes to the edNote; it is neither text nor a headline.
     */
    private static final Pattern FENCED_NOTE = Pattern.compile("^\\*{3,}\\s*(\\p{Lu}[^*]{0,300}?)\\s*\\*{3,}$");
    /**
     * A marker fenced by three asterisks or more at the end of a headline, in capitals: STT's "... confidence***
     * TRANSLATED ***". A censored word ("f***") or "**Live**" is not one.
     */
    private static final Pattern FENCED_MARK = Pattern.compile("\\s*\\*{3,}\\s*\\p{Lu}[\\p{Lu}\\s]{1,39}?\\s*\\*{3,}\\s*$");
    /**
     * A paragraph that is only a byline: "By Marwan Makdisi", "By Jane Doe and John Roe", "By JANE DOE,
     * Associated Press". Capitalised names and no sentence, so "By the time the polls closed ..." is text.
     */
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:By|BY)\\s+(?!(?:The|A|An|This|That|Then|Now|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                    + "January|February|March|April|May|June|July|August|September|October|November|December)\\b)"
                    + "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:and|AND|&)?\\s*\\p{Lu}[\\p{L}.'’-]*){1,5}(?:,\\s*\\p{Lu}[\\p{L} ]{1,40})?$");
    /**
     * A byline that names no one: "By Staff Reporter", "Staff", "Wire services". A "By ..." line at the top
     * of the text is the author then (Scoop's BusinessDesk items).
     */
    private static final Pattern GENERIC_BYLINE = Pattern.compile("(?iu)^(?:by\\s+)?(?:(?:our\\s+)?staff(?:\\s+(?:reporters?|writers?|"
            + "correspondents?|reports?))?|wire\\s+(?:services|reports)|agencies|news\\s?desk|web\\s+desk)$");
    /** Paragraphs at the top that may be wire furniture (the headline again, an advisory, the byline). */
    private static final int MAX_LEADING_FURNITURE = 3;
    /** At most this many trailing paragraphs are sign-off lines ("AAP gfr" then "ends"). */
    private static final int MAX_SIGN_OFFS = 3;
    private static final int LIST_MIN_TERMS = 3;
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final int LIST_TERM_MAX_WORDS = 4;

    private static final Safelist ALLOWED = Safelist.relaxed().removeTags("img");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);
    /** Embedded third-party players and posts: their code is not story text. */
    private static final Evaluator EMBEDS = QueryParser.parse(
            "script, style, iframe, noscript, object, embed, form, [class*=embed], blockquote.twitter-tweet, blockquote.instagram-media");

    private StoryCleanup() {
    }

    static void apply(ParsedStory.Builder b) {
        if (b.byline() != null && DESK_INITIALS.matcher(WireText.collapse(b.byline())).matches()) {
            b.byline(null); // EFE's "gr/bp": the desk's sign-off, not an author
        }
        if (b.headline() != null) {
            b.headline(headline(b.headline()));
        }
        if (b.headline() != null && WireText.isInvisible(b.headline())) {
            // only zero-width characters: the formats that take their headline from a first line end here
            StoryFields.deriveHeadline(b, b.description());
        }
        List<String> body = new ArrayList<>(b.body());
        Document doc = b.bodyHtml() == null ? null : WireText.parseHtml(b.bodyHtml());
        if (doc != null) {
            Elements embeds = doc.body().select(EMBEDS);
            if (!embeds.isEmpty()) {
                // Paragraphs that came only from embed code go; the parser's own reading of the rest is kept.
                List<String> before = WireText.paragraphsFromHtml(b.bodyHtml());
                embeds.remove();
                before.removeAll(WireText.paragraphsFromHtml(doc.body().html()));
                body.removeAll(before);
            }
        }
        List<String> cleaned = body(body);
        List<String> furniture = leadingFurniture(b, cleaned);
        cleaned = List.copyOf(cleaned.subList(furniture.size(), cleaned.size()));
        if (doc != null) {
            for (int i = 0; i < MAX_SIGN_OFFS && doc.body().childrenSize() > 1; i++) {
                Element last = doc.body().child(doc.body().childrenSize() - 1);
                if (!isTrailer(WireText.collapse(last.text()))) {
                    break;
                }
                last.remove();
            }
            // The markup loses the furniture the text lost, element by element while they read the same.
            for (String paragraph : furniture) {
                if (doc.body().childrenSize() <= 1 || !WireText.collapse(doc.body().child(0).text()).equalsIgnoreCase(paragraph)) {
                    break;
                }
                doc.body().child(0).remove();
            }
            // Cleaned as parsed: writing the document out and parsing it again (Jsoup.clean on its html) cost
            // a parse and two serialisations per story for the same tree, and pretty-printed its whitespace.
            Document clean = new Cleaner(ALLOWED).clean(doc);
            clean.outputSettings(OUTPUT);
            String html = clean.body().html().strip();
            b.bodyHtml(html.isBlank() ? null : html);
        }
        if (!cleaned.equals(b.body())) {
            b.body(cleaned);
            if (b.bodyHtml() != null && containsEscapedMarkup(b.bodyHtml())) {
                b.bodyHtml(asHtml(cleaned));
            }
        }
        if (truncatedLead(b.headline(), b.body())) {
            StoryFields.deriveHeadline(b, null);
        }
    }

    /**
     * Whether a headline is only the lead cut at a fixed width, mid-word: NTB's relay of a Ritzau flash sends
     * "*En 41-årig mand, der onsdag blev anholdt og sat i forbindel" over "København /ritzau/: En 41-årig mand,
     * der onsdag blev anholdt og sat i forbindelse med ...". The first sentence reads better then.
     */
    static boolean truncatedLead(String headline, List<String> body) {
        if (headline == null || body.isEmpty()) {
            return false;
        }
        String head = WireText.collapse(headline.replaceFirst("^[*#>\\s]+", ""));
        String first = body.get(0);
        String lead = Dateline.find(first).map(Dateline::remainder).filter(r -> !r.isBlank()).orElse(first);
        for (String text : List.of(WireText.collapse(lead), WireText.collapse(first))) {
            if (head.length() >= TRUNCATED_LEAD_MIN && text.length() > head.length() && text.regionMatches(true, 0, head, 0, head.length())
                    && Character.isLetterOrDigit(text.charAt(head.length())) && Character.isLetterOrDigit(head.charAt(head.length() - 1))) {
                Matcher rest = WORD_REST.matcher(text).region(head.length(), text.length());
                // "... raises interest rate" over "... interest rates to 5.25%": a headline, not a cut
                return rest.lookingAt() && !INFLECTION.matcher(rest.group()).matches();
            }
        }
        return false;
    }

    /** A headline this long or longer that stops inside the lead's word was cut from it (a fixed width, 60 at NTB). */
    private static final int TRUNCATED_LEAD_MIN = 50;
    private static final Pattern WORD_REST = Pattern.compile("[\\p{L}\\p{N}'’]+");
    /** Endings that make another word of a whole one: a headline may be the lead's start with a singular. */
    private static final Pattern INFLECTION = Pattern.compile("(?iu)s|es|'s|’s|ed|d|ing|\\d+");

    /**
     * The paragraphs at the top of the text that are wire furniture, not story: the headline again (an XHTML
     * body's {@code <h1>}), the byline ("By Marwan Makdisi", which becomes the byline when the wire sent none)
     * and a Reuters advisory in parentheses ("(Adds comments, detail)", which becomes the edNote). At least
     * one paragraph is always left.
     */
    private static List<String> leadingFurniture(ParsedStory.Builder b, List<String> paragraphs) {
        int n = 0;
        while (n < MAX_LEADING_FURNITURE && paragraphs.size() - n > 1) {
            String first = paragraphs.get(n);
            boolean headline = repeatsHeadline(b, first);
            String note = headline ? null : fencedNote(first);
            if (!headline && isByline(b.byline(), first)) {
                if (b.byline() == null || GENERIC_BYLINE.matcher(WireText.collapse(b.byline())).matches() && BYLINE.matcher(first).matches()) {
                    b.byline(first);
                }
            } else if (!headline && ADVISORY.matcher(first).matches()) {
                if (b.edNote() == null) {
                    b.edNote(first.substring(1, first.length() - 1).strip());
                }
            } else if (note != null || !headline && isRestriction(first)) {
                String said = note != null ? note : first;
                b.edNote(b.edNote() == null ? said : b.edNote() + " / " + said);
            } else if (!headline) {
                break;
            }
            n++;
        }
        if (n < paragraphs.size() && b.byline() == null && BYLINE.matcher(paragraphs.get(n)).matches()) {
            b.byline(paragraphs.get(n)); // the only paragraph left stays, but it names the author too
        }
        return List.copyOf(paragraphs.subList(0, n));
    }

    /**
     * A distribution restriction set above the text, in capitals: "NOT FOR DISSEMINATION TO UNITED STATES NEWSWIRE
     * SERVICES OR FOR DISTRIBUTION IN THE UNITED STATES" (press-release wires), "NOT FOR PUBLICATION". A note to editors.
     */
    private static final Pattern RESTRICTION = Pattern.compile(
            "\\(?NOT FOR (?:DISSEMINATION|DISTRIBUTION|PUBLICATION|RELEASE|BROADCAST)\\b");

    /** A restriction paragraph and nothing else: in capitals throughout (a lead that follows it in one paragraph stays). */
    private static boolean isRestriction(String paragraph) {
        return paragraph.length() <= 320 && RESTRICTION.matcher(paragraph).lookingAt() && paragraph.chars().noneMatch(Character::isLowerCase);
    }

    /** Whether a paragraph is a note to editors fenced by asterisks ({@code *** ... ***}). */
    static boolean isFencedNote(String paragraph) {
        return fencedNote(paragraph) != null;
    }

    /** The note inside a paragraph fenced by asterisks ({@code *** NOTE ***}), or null when it is not one. */
    private static String fencedNote(String paragraph) {
        if (paragraph.length() > 320) {
            return null;
        }
        Matcher m = FENCED_NOTE.matcher(paragraph);
        return m.matches() ? m.group(1).strip() : null;
    }

    /** The headline without typesetting codes and transmission markers; unchanged when nothing would be left. */
    static String headline(String headline) {
        if (headline.length() > MAX_HEADLINE * 4) {
            int end = Character.isHighSurrogate(headline.charAt(MAX_HEADLINE * 4 - 1)) ? MAX_HEADLINE * 4 - 1 : MAX_HEADLINE * 4;
            headline = headline.substring(0, end); // the rest is never read: no need to collapse it
        }
        String h = WireText.collapse(FORMAT_CODES.matcher(headline).replaceAll(" "));
        String unmarked = FENCED_MARK.matcher(HEADLINE_MARKER.matcher(h).replaceFirst("")).replaceFirst("");
        h = unmarked.isBlank() ? h : unmarked;
        h = h.isBlank() ? headline : h;
        if (h.length() > MAX_HEADLINE) {
            // A headline element holding a whole text (a broken export, or a hostile one of a megabyte) would be
            // carried to every consumer and alert line: cut at a word, as a derived headline is.
            int cut = h.lastIndexOf(' ', MAX_HEADLINE);
            cut = cut > MAX_HEADLINE / 2 ? cut : Character.isHighSurrogate(h.charAt(MAX_HEADLINE - 1)) ? MAX_HEADLINE - 1 : MAX_HEADLINE;
            h = h.substring(0, cut) + " ...";
        }
        return h;
    }

    /** Body paragraphs without escaped markup, leading keyword lists and trailing sign-offs. */
    static List<String> body(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        for (String raw : paragraphs) {
            String p = withoutEscapedComments(raw).strip();
            if (p.isEmpty() || LONE_TAG.matcher(p).matches()) {
                // "<!-- title -->" or Belga's "<NewsComponentRef idref="DS04116205"/>" sent as text: markup, not copy
                continue;
            }
            if (ESCAPED_TAG.matcher(p).find()) {
                out.addAll(WireText.paragraphsFromHtml(p));
            } else {
                out.add(p);
            }
        }
        while (out.size() > 1 && isKeywordList(out.get(0))) {
            out.remove(0);
        }
        for (int i = 0; i < MAX_SIGN_OFFS && out.size() > 1 && isTrailer(out.get(out.size() - 1)); i++) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /**
     * Whether a paragraph is the headline the wire sent, again. A headline derived from the text
     * (NO_HEADLINE) equals its first paragraph by construction, so it never counts.
     */
    private static boolean repeatsHeadline(ParsedStory.Builder b, String paragraph) {
        return b.headline() != null && !b.signals().contains(Signal.NO_HEADLINE) && paragraph.equalsIgnoreCase(WireText.collapse(b.headline()));
    }

    /** Whether a paragraph is only a byline of capitalised names ("By Anna Keller, Reuters"), not a sentence. */
    static boolean isBylineParagraph(String paragraph) {
        return BYLINE.matcher(paragraph).matches();
    }

    /** Whether a paragraph is the story's byline: the one the wire sent, or, when it sent none, a "By ..." line. */
    private static boolean isByline(String sent, String paragraph) {
        String byline = sent == null ? null : WireText.collapse(sent);
        if (byline == null || byline.isEmpty()) {
            return BYLINE.matcher(paragraph).matches();
        }
        return paragraph.equalsIgnoreCase(byline) || paragraph.equalsIgnoreCase("By " + byline)
                || GENERIC_BYLINE.matcher(byline).matches() && BYLINE.matcher(paragraph).matches();
    }

    /**
     * The text without HTML comments written as text ("&lt;!-- title --&gt;"). A scan rather than the
     * regex {@code <!--.*?-->}, which on a paragraph of many unclosed "<!--" is quadratic (minutes for
     * 200 KB); an unclosed comment is left as it is.
     */
    static String withoutEscapedComments(String text) {
        int open = text.indexOf("<!--");
        if (open < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (open >= 0) {
            int close = text.indexOf("-->", open + 4);
            if (close < 0) {
                break;
            }
            out.append(text, from, open);
            from = close + 3;
            open = text.indexOf("<!--", from);
        }
        return out.append(text, from, text.length()).toString();
    }

    /** Longest line read as a sign-off: "(AAP/ab/cd)", "/ritzau/", "bur-dar-gl/fz" are short. */
    private static final int SIGN_OFF_MAX = 120;

    private static final Pattern SIGNS = Pattern.compile("(?i)" + ANY_SIGNING_AGENCY);

    /**
     * The agency a sign-off line names ("PTI SKL RT", "--IANS/arm", "/ANI", "AAP gfr"), "" for one that names none (a
     * desk's initials, whose "ap/sst" or "pa/jj" is no agency; "(ends)"; a copyright line), or null for a paragraph that
     * is no sign-off.
     */
    static String signOffAgency(String p) {
        if (!isTrailer(p)) {
            return null;
        }
        if (DESK_INITIALS.matcher(p).matches()) {
            // the desk's initials: "dpa/ab" is dpa's, but "ap/sst" or "pa/jj" are two people's initials
            String first = p.split("[-/]", 2)[0];
            String agency = first.length() >= 3 ? signingAgency(first) : null;
            return agency == null ? "" : agency;
        }
        for (String word : p.split("[^\\p{L}-]+")) {
            String agency = signingAgency(word.replaceAll("^-+|-+$", "")); // "--IANS"
            if (agency != null) {
                return agency;
            }
        }
        return "";
    }

    /** The agency a word of a sign-off names, when it is one that signs so, else null. */
    private static String signingAgency(String word) {
        return word.length() >= 2 && SIGNS.matcher(word).matches() ? Agencies.exactly(word) : null;
    }

    /** A sign-off line or a closing copyright notice ("© ANA-MPA. All rights reserved."). */
    private static boolean isTrailer(String p) {
        // the length first: the pattern's repeated groups recurse per repeat, and a long line of "/ ab" overflows the stack
        return p.length() <= SIGN_OFF_MAX && SIGN_OFF.matcher(p).matches() || p.length() <= COPYRIGHT_MAX && COPYRIGHT.matcher(p).find()
                && (p.length() <= COPYRIGHT_SHORT || RIGHTS.matcher(p).find());
    }

    /**
     * "Keywords: politics, elections" or a bare list of three or more short capitalised terms or
     * hashtags without a sentence's full stop ("POLITICS, GOVERNMENT, ELECTIONS"): a header, not the story's first paragraph.
     */
    static boolean isKeywordList(String p) {
        if (KEYWORD_LABEL.matcher(p).find()) {
            return true;
        }
        if (p.endsWith(".") || p.endsWith("!") || p.endsWith("?") || p.endsWith(":") || p.endsWith("\"")) {
            return false;
        }
        String[] terms = p.split("\\s*[,;|]\\s*");
        if (terms.length < LIST_MIN_TERMS) {
            return false;
        }
        for (String t : terms) {
            boolean code = t.equals(t.toUpperCase(Locale.ROOT)) || t.startsWith("#");
            if (t.isBlank() || !code || DIGIT.matcher(t).find() || t.split("\\s+").length > LIST_TERM_MAX_WORDS) {
                return false; // a table row has numbers, a sentence lower-case words
            }
        }
        return true;
    }

    private static boolean containsEscapedMarkup(String html) {
        return ESCAPED_TAG.matcher(WireText.parseHtml(html).text()).find();
    }

    private static String asHtml(List<String> paragraphs) {
        Element div = new Document("").createElement("div");
        paragraphs.forEach(p -> div.appendElement("p").text(p));
        return div.html();
    }

    /** Marks a headline the wire did not send; the caller has set a derived one. */
    static void noHeadline(ParsedStory.Builder b) {
        b.signal(Signal.NO_HEADLINE);
    }
}
