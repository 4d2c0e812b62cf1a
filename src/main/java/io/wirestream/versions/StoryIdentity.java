package io.wirestream.versions;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import io.wirestream.avro.StoryVersionState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a copy under a slug-derived story key (ANPA/7901 keyword + cycle date, a NITF du-key) is
 * really a version of the story held under that key. A slug is a desk's label, not an identity:
 * every "APNewsAlert" of a day, every "NU-FLASH" strap shares one. A later copy that shares no
 * content with the held story and carries no update, write-thru, correction, refile or kill signal
 * is a different story; it gets a key of its own (the slug key plus a hash of its content), so it
 * is NEW and can alert.
 *
 * <p>"Shares content" is measured on the content words of headline and lead (the first paragraphs),
 * which a write-thru keeps even when it rewrites the rest: two stories are related when they share
 * at least {@link #MIN_SHARED} such words, or two and a fifth of the smaller set.
 */
public final class StoryIdentity {

    static final int MIN_SHARED = 3;
    /** Fewest shared words that can make two short leads one story. */
    private static final int MIN_SHARED_PAIR = 2;
    private static final double MIN_SHARED_SHARE = 0.2;
    private static final int LEAD_PARAGRAPHS = 3;
    private static final int MAX_TERMS = 64;
    private static final int MIN_TERM_LENGTH = 4;
    private static final Set<Signal> VERSION_SIGNALS = EnumSet.of(Signal.UPDATE, Signal.WRITETHRU, Signal.CORRECTION,
            Signal.REFILE, Signal.KILL);
    /** Words every story has; they say nothing about which story it is. */
    private static final Set<String> COMMON = Set.of("said", "says", "that", "with", "from", "have", "been", "this", "their",
            "after", "will", "would", "were", "about", "more", "than", "which", "when", "they", "there", "into", "also",
            "over", "what", "where", "other", "some", "could", "told", "year", "years", "news", "press", "associated",
            "reuters", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private StoryIdentity() {
    }

    /** The content words of headline and lead, in order, at most {@value #MAX_TERMS}. */
    public static List<String> leadTerms(EnrichedStory s) {
        Set<String> terms = new LinkedHashSet<>();
        addTerms(terms, s.getHeadline());
        for (int i = 0; i < Math.min(LEAD_PARAGRAPHS, s.getBody().size()); i++) {
            addTerms(terms, s.getBody().get(i));
        }
        return new ArrayList<>(terms);
    }

    private static void addTerms(Set<String> terms, String text) {
        if (text == null) {
            return;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (terms.size() >= MAX_TERMS) {
                return;
            }
            if (w.length() >= MIN_TERM_LENGTH && !COMMON.contains(w)) {
                terms.add(w);
            }
        }
    }

    /**
     * True when the story, whose lead terms ({@link #leadTerms}) are {@code now}, is not a version of the one held under
     * its (slug) key, but a different story.
     */
    public static boolean isDifferentStory(StoryVersionState seen, EnrichedStory story, Set<String> now) {
        return story.getSlugKey() && story.getPubStatus() != PubStatus.CANCELED
                && story.getSignals().stream().noneMatch(VERSION_SIGNALS::contains) && !sharesContent(seen, now);
    }

    /**
     * True when a story with the lead terms {@code now} shares enough content words of headline and lead with the held
     * one to be a version of it, or when either side has none to tell by.
     */
    public static boolean sharesContent(StoryVersionState seen, Set<String> now) {
        return sharesContent(seen, now, shared(seen, now));
    }

    /** The same, given {@code shared}, what {@link #shared} counts for the two, for a caller that ranks by it too. */
    public static boolean sharesContent(StoryVersionState seen, Set<String> now, long shared) {
        if (seen.getLeadTerms().isEmpty() || now.isEmpty()) {
            return true;
        }
        // One word in common is chance on a busy slug ("Senate confirms nominee", "Senate rejects climate bill"),
        // however short the leads: two at least, and a fifth of the smaller lead.
        return shared >= MIN_SHARED
                || shared >= MIN_SHARED_PAIR && shared >= MIN_SHARED_SHARE * Math.min(now.size(), seen.getLeadTerms().size());
    }

    /** How many of the held story's lead terms (distinct, as {@link #leadTerms} gives them) are among {@code now}. */
    public static long shared(StoryVersionState seen, Set<String> now) {
        return seen.getLeadTerms().stream().filter(now::contains).count();
    }

    /** The key of a different story found under a slug key: the slug key plus a hash of its content. */
    public static String keyOfDifferentStory(EnrichedStory story) {
        return story.getStoryKey() + "#" + story.getContentHash().substring(0, Math.min(12, story.getContentHash().length()));
    }
}
