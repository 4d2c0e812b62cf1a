package io.wirestream.sameness;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The years a full-text story dates its event by, as evidence of which event it reports (used by
 * {@link BucketProcessor#fullTextScores}). Two reports of one event name the same year near the top ("the
 * Dec. 12, 2008 earthquake"); reports of a similar event of another year do not. The year the story was
 * written in and the years either side say nothing (this year's budget, last year's figures are in every day's
 * copy), so they are left out, as are clock times ("2030 GMT"), counts ("about 2000 protesters") and
 * baselines ("the highest since 2019") that look like years. On a live wire the rule so acts only on stories
 * that date their event to another year: anniversaries, trials and inquiries of past events, retrospectives.
 *
 * <p>Measured on ECB+ (docs/quality.md, "Years as event evidence"): its topics pair two similar events of
 * different years, and a single-pass clusterer that meets one event's first report after the other's merges
 * them.
 */
final class EventYears {

    /**
     * Years of modern news: 1950-2039 (four digits, not part of a longer number). The specification {@link #nextYear}
     * implements by hand; EventYearsTest holds one to the other.
     */
    static final Pattern YEAR = Pattern.compile("(?<![\\d.,])(19[5-9]\\d|20[0-3]\\d)(?![\\d.,]\\d)");
    /**
     * A four-digit number that is no event's year: a clock time ("talks resume at 2030 GMT"), a count ("about 2000
     * protesters"), a flight or route number, or a baseline ("the highest since 2019", "the strongest since the 2016
     * Kaikoura quake", "more than in 2011", which two reports of one event may put differently).
     */
    private static final Pattern NOT_A_YEAR_AFTER = Pattern.compile(
            "\\s*(?:(?:GMT|UTC|Z|hrs|hours|[ECMP][SD]T|BST|CES?T|IST|JST|AEST|AEDT)\\b|local\\s+time\\b)");
    private static final Pattern NOT_A_YEAR_BEFORE = Pattern.compile(
            "(?i)(?:(?:\\b(?:about|some|nearly|almost|around|roughly|than|least|since|flight|route|number)"
                    + "(?:\\s+(?:the|in))?|\\bno\\.|#)\\s*)$");
    /**
     * Fewest event marks a cluster's entry holds for its silence on years to count ({@link #agreement}): reports read at
     * length name a dozen or more details (ECB+'s average 18), a short alert a handful.
     */
    static final int FULL_TEXT_MARKS = 8;
    /** How much of the body counts as its top, where a report dates its event. */
    static final int LEAD_CHARS = 250;
    /** Years a cluster keeps (its most named), and a story at most. */
    static final int MAX_YEARS = 32;

    private EventYears() {
    }

    /** Years in the headline and the first {@link #LEAD_CHARS} characters of the body, less the story's own year and those either side. */
    static List<Integer> lead(String headline, List<String> body, Instant written) {
        StringBuilder top = new StringBuilder(headline.length() + LEAD_CHARS + 1).append(headline);
        int left = LEAD_CHARS;
        for (int i = 0; i < body.size() && left > 0; i++) {
            String p = body.get(i);
            top.append('\n').append(p, 0, Math.min(p.length(), left));
            left -= p.length() + 1;
        }
        return years(top.toString(), written);
    }

    /** Years anywhere in headline and body, less the story's own year and those either side. */
    static List<Integer> all(String headline, List<String> body, Instant written) {
        return years(headline + "\n" + String.join("\n", body), written);
    }

    private static List<Integer> years(String text, Instant written) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int start = nextYear(text, 0); start >= 0 && out.size() < MAX_YEARS; start = nextYear(text, start + 4)) {
            int end = start + 4;
            int y = Integer.parseInt(text, start, end, 10);
            if (!current(y, written) && !NOT_A_YEAR_AFTER.matcher(text).region(end, Math.min(text.length(), end + 16)).lookingAt()
                    && !NOT_A_YEAR_BEFORE.matcher(text).region(Math.max(0, start - 12), start).find()) {
                out.add(y);
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Where {@link #YEAR} next matches from {@code from}, or -1: the same matches as {@code YEAR.matcher(text).find(from)},
     * found by looking at the characters. The pattern's look-behind ran at every position of every body, 2.7% of the full
     * topology's stream thread in a JFR profile of bench; this reads a character a position and tests only a '1' or a '2'.
     */
    static int nextYear(String text, int from) {
        for (int i = from; i + 4 <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '1' || c == '2') && isYearAt(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isYearAt(String text, int i) {
        char c0 = text.charAt(i);
        char c1 = text.charAt(i + 1);
        char c2 = text.charAt(i + 2);
        boolean modern = (c0 == '1' && c1 == '9' && c2 >= '5' && c2 <= '9') || (c0 == '2' && c1 == '0' && c2 >= '0' && c2 <= '3');
        if (!modern || !isDigit(text.charAt(i + 3))) {
            return false;
        }
        if (i > 0 && isDigitOrMark(text.charAt(i - 1))) {
            return false; // (?<![\d.,])
        }
        // (?![\d.,]\d)
        return !(i + 5 < text.length() && isDigitOrMark(text.charAt(i + 4)) && isDigit(text.charAt(i + 5)));
    }

    /** {@code \d} as {@link Pattern} reads it without UNICODE_CHARACTER_CLASS: ASCII digits only. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigitOrMark(char c) {
        return isDigit(c) || c == '.' || c == ',';
    }

    /**
     * The year a story was written in, the one before and the one after: they date nothing (this year's budget,
     * last year's figures, next year's election are in every day's copy), so they are no evidence either way.
     */
    static boolean current(int year, Instant written) {
        if (written == null) {
            return false;
        }
        int own = written.atOffset(ZoneOffset.UTC).getYear();
        return Math.abs(year - own) <= 1;
    }

    /** A cluster's year counts with a member's years added. */
    static Map<String, Integer> addTo(Map<String, Integer> counts, List<Integer> years) {
        Map<String, Integer> out = new HashMap<>(counts);
        years.forEach(y -> out.merge(Integer.toString(y), 1, Integer::sum));
        return out;
    }

    /** The years a cluster files with its centroid: its most named, at most {@link #MAX_YEARS}, ascending. */
    static List<Integer> filed(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(MAX_YEARS).map(e -> Integer.parseInt(e.getKey())).sorted().toList();
    }

    /**
     * +1 when the story's lead years meet the cluster's, -1 when both have years and none meet, else 0. The
     * cluster's years current when the story was written are left out as the story's own are (a member written
     * on 31 December may name the new year as another). And -1 when the story's lead dates its event but a cluster
     * of full texts ({@code clusterWrites}: its entry carries {@link #FULL_TEXT_MARKS} event marks or more, which only
     * reports read at length have) names no year at all beside the current ones. Reports of an event dated to another year name it (the story's lead does); a cluster whose members,
     * reading their whole texts, never do reports another event, most often a current one. Measured on ECB+
     * (docs/quality.md, "Twenty-fifth session"): a report whose lead gives its date joined a young cluster without
     * years wrongly more often than rightly.
     */
    static int agreement(List<Integer> lead, List<Integer> cluster, boolean clusterWrites, Instant written) {
        if (lead.isEmpty()) {
            return 0;
        }
        if (cluster.isEmpty()) {
            return clusterWrites ? -1 : 0;
        }
        boolean any = false;
        for (Integer y : cluster) {
            if (!current(y, written)) {
                any = true;
                if (lead.contains(y)) {
                    return 1;
                }
            }
        }
        return any || clusterWrites ? -1 : 0;
    }
}
