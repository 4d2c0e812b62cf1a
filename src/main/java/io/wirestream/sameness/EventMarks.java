package io.wirestream.sameness;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A story's <em>event marks</em>: the names, years and numbers it writes beyond the terms it was found
 * by, and the check that compares them with a cluster's before a doubtful join.
 *
 * <p>Two events that share a protagonist (a boxer's two title fights, a country's two elections, one
 * player's two contract stories) share their strongest terms, so the centroid cosine of the first
 * report of the second event with the first event's cluster can reach the join threshold; what tells
 * them apart is second-tier detail: the opponent, the venue, the score, the year. The marks are those
 * details: the words the body writes as names ({@link TermVectors#names}), years (19xx, 20xx) and other
 * numbers of two or more digits (not a clock time, not zero-padded), in the headline and the whole
 * body, less the story's {@link #SKIP_TERMS} strongest vector terms (the protagonist and topic the
 * cosine has already counted). Each weighs its idf (presence, not count), {@link #LEAD_WEIGHT} times that in the
 * headline and the body's first {@link EventYears#LEAD_CHARS} characters; the vector is unit length
 * and keeps the {@link #STORY_MARKS} strongest. A cluster keeps the sum of its members' marks and its
 * term-bucket entries carry the {@link #CLUSTER_MARKS} strongest, unit length, packed.
 *
 * <p>The check ({@link #agree}): a join scoring below {@link #SURE_SCORE} is refused when both sides
 * have marks and their cosine is below {@link #MIN_AGREEMENT}: the story shares its topic and main
 * name with the cluster but none of its details. A join at or above {@link #SURE_SCORE} stands on the
 * words alone. Headline-only stories (no body) have no marks and are never checked: a headline's
 * capitals mark no names. Measured on ECB dev in scripts/cluster-marks-prototype.py and with
 * {@code eval clusters} (docs/quality.md, docs/design-notes.md "Sameness").
 */
public final class EventMarks {

    /** The story's strongest vector terms left out of its marks: the term buckets it asks ({@code termKeys} by default). */
    static final int SKIP_TERMS = 8;
    /** Marks a story sends with its query (a bound on the query's size; stories average about 19). */
    static final int STORY_MARKS = 64;
    /** Marks a cluster's term-bucket entry carries: 12 bytes each packed, so at most 384 bytes an entry. */
    static final int CLUSTER_MARKS = 32;
    /** Summed marks a cluster's state keeps (as {@link ClusterProcessor#CENTROID_TERMS} for its centroid). */
    static final int CLUSTER_SUM_MARKS = 100;
    /**
     * How many times its idf a mark weighs in the headline and the body's first {@link EventYears#LEAD_CHARS}
     * characters. The top of a report names who and what the event is about (the opponent, the club that hires,
     * the ship taken); deeper down come background names that two events of one topic share (the boxer's earlier
     * fights, the player's career, the last election), which at equal weight let the marks of the second event's
     * first report agree with the first event's cluster. Measured on ECB+ (docs/quality.md, "Twenty-fifth session"):
     * B-cubed F1 averaged over 30 shuffled orders 0.888 to 0.895 with this alone, 0.898 with the undated-cluster doubt
     * of {@link EventYears#agreement}, on a plateau for weights 2.5-4 and leads of 150-400 characters; 1 gives the
     * marks as before. A body shorter than the lead has all its marks there, so its unit-length marks are unchanged.
     */
    static final float LEAD_WEIGHT = 3f;
    /** A join scoring at least this needs no second look. */
    static final double SURE_SCORE = 0.4;
    /** Below {@link #SURE_SCORE}, the cosine of the story's marks with the cluster's must reach this. */
    static final double MIN_AGREEMENT = 0.1;

    private EventMarks() {
    }

    /**
     * A story's marks, unit length, or an empty map when it has no body (or no marks).
     *
     * @param vector the story's term vector ({@link TermVectors#of}): its strongest terms are left out
     */
    public static Map<String, Float> of(String headline, List<String> body, Map<String, Float> vector, IdfTable idf) {
        return of(headline, body, vector, TermVectors.names(body), idf);
    }

    /** The same, given the body's {@link TermVectors#names}. */
    public static Map<String, Float> of(String headline, List<String> body, Map<String, Float> vector, Set<String> names,
                                        IdfTable idf) {
        if (body == null || body.isEmpty()) {
            return Map.of();
        }
        Set<String> skip = Set.copyOf(TermVectors.topTerms(vector, SKIP_TERMS));
        Map<String, Float> w = new HashMap<>();
        if (headline != null) {
            collect(headline, false, Integer.MAX_VALUE, names, skip, idf, w);
        }
        // the lead as EventYears.lead cuts it: each paragraph and its line break spend the budget
        int lead = EventYears.LEAD_CHARS;
        for (String p : body) {
            collect(p, true, lead, names, skip, idf, w);
            lead -= p.length() + 1;
        }
        return TermVectors.top(w, STORY_MARKS);
    }

    /**
     * @param inBody whether {@code text} is one of the paragraphs {@code names} was read from: there a
     *               word written in lower case is never a name ({@link TermVectors#names} leaves out
     *               every word it sees so), so it is passed over unread
     * @param leadEnd a word starting before this index is in the lead and weighs {@link #LEAD_WEIGHT} times
     */
    private static void collect(String text, boolean inBody, int leadEnd, Set<String> names, Set<String> skip, IdfTable idf,
                                Map<String, Float> w) {
        TermVectors.words(text, (start, end) -> {
            if (inBody && Character.isLowerCase(text.codePointAt(start))) {
                return;
            }
            String word = text.substring(start, end);
            String mark = null;
            if (word.chars().allMatch(Character::isDigit)) {
                boolean clock = start > 0 && text.charAt(start - 1) == ':' || end < text.length() && text.charAt(end) == ':';
                if (!clock && word.charAt(0) != '0' && word.length() >= 2) {
                    mark = word;
                }
            } else {
                String term = TermVectors.stem(word.toLowerCase(Locale.ROOT));
                if (term.length() >= 2 && names.contains(term) && !TermVectors.isStopWord(term)) {
                    mark = term;
                }
            }
            if (mark != null && !skip.contains(mark)) {
                w.merge(mark, (float) idf.idf(mark) * (start < leadEnd ? LEAD_WEIGHT : 1f), Math::max);
            }
        });
    }

    /** A cluster's marks for its term-bucket entries: the strongest of their sum, unit length. */
    static Map<String, Float> filed(Map<String, Float> sum) {
        return TermVectors.top(sum, CLUSTER_MARKS);
    }

    /** Adds a member's marks to a cluster's sum, keeping the strongest {@link #CLUSTER_SUM_MARKS} at their summed weights. */
    static Map<String, Float> addTo(Map<String, Float> sum, Map<String, Float> member) {
        return TermVectors.addKeepingTop(sum, member, CLUSTER_SUM_MARKS);
    }

    /**
     * Whether a join scoring {@code score} may go ahead given the story's marks and the cluster entry's
     * (packed, {@link PackedVector}): yes when the score is sure, when either side has no marks, or when
     * the marks' cosine reaches {@link #MIN_AGREEMENT}.
     *
     * @param story the story's marks packed, or null when it has none
     */
    static boolean agree(double score, PackedVector story, ByteBuffer cluster) {
        if (score >= SURE_SCORE || story == null || story.size() == 0 || cluster == null || !cluster.hasRemaining()) {
            return true;
        }
        return story.dot(cluster) >= MIN_AGREEMENT;
    }
}
