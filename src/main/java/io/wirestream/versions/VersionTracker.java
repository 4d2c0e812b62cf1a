package io.wirestream.versions;

import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import io.wirestream.avro.StoryAction;
import io.wirestream.avro.StoryVersionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision of the versions stage for one story against what was seen before under its key.
 * A pure function, so the rules are tested without Kafka.
 *
 * <ul>
 *   <li>nothing seen: NEW (or KILL when the first thing we see is a cancel: a consumer may hold the
 *       story from elsewhere, so the kill is passed on, never dropped);</li>
 *   <li>same normalised content and status as the newest accepted version: REDELIVERY;</li>
 *   <li>older than the newest accepted version: SUPERSEDED (a late arrival must not overwrite),
 *       except a kill, which is always passed on;</li>
 *   <li>otherwise newer: UPDATE, or KILL when canceled or signalled as a kill;</li>
 *   <li>under a slug key, a copy that shares no content and no version signal with the held story is
 *       a different story, decided under a key of its own ({@link StoryIdentity}).</li>
 * </ul>
 */
public final class VersionTracker {

    private static final Logger LOG = LoggerFactory.getLogger(VersionTracker.class);

    private VersionTracker() {
    }

    /** The outcome and the state to keep (null state means keep the old one). */
    public record Decision(Routed routed, StoryVersionState newState) {
    }

    /**
     * A decision and the story key it is stored and forwarded under; {@code slugState}, when not null, is the slug
     * key's own state to store as well (the list of other stories found under it, and its last sight); {@code
     * unplacedKill}: a kill under a slug key that could be about several stories and repeats too little of any of
     * them, passed on under a key of its own (logged at WARN, counted by the versions stage).
     */
    public record Keyed(String key, Decision decision, StoryVersionState slugState, boolean unplacedKill) {

        Keyed(String key, Decision decision, StoryVersionState slugState) {
            this(key, decision, slugState, false);
        }
    }

    /**
     * How many different stories one slug key remembers, the least recently seen going first ("APNewsAlert" carries
     * dozens a day; a story still being written through stays near the front).
     */
    static final int MAX_OTHER_STORIES = 64;

    /**
     * Decides under the story's key, unless the copy is a different story that only shares a slug key with the one
     * held there ({@link StoryIdentity}). Among the held story and the other stories found under the slug key before,
     * the copy goes to the one with its exact content (a redelivery), else to the one whose headline and lead it shares
     * most (a version of it), else, being a different story, to a key of its own that the slug key remembers. So a later
     * version of the day's second "APNewsAlert" (a write-thru, or a fuller take that marks no version) is that story's
     * UPDATE, and a drop folder's reused file name sends new stories that their own later versions update.
     *
     * <p>A copy with a version signal or a kill whose words match none of them goes to the held story when it is the
     * only one under the slug key (a kill notice's text rarely repeats the story's), and to a key of its own when there
     * are several: killing or overwriting a guess would be worse than a kill nobody can place. A copy with no content
     * words at all to tell by (a bare cancel, "Nix it") goes to the held story, as it always did: a kill that is
     * passed on under a key nobody holds would reach no desk.
     */
    public static Keyed decideKeyed(Function<String, StoryVersionState> states, EnrichedStory story, Instant recordTime) {
        String key = story.getStoryKey();
        StoryVersionState seen = states.apply(key);
        if (seen == null || !story.getSlugKey() || seen.getContentHash().equals(story.getContentHash())) {
            return new Keyed(key, decide(seen, story, recordTime), null);
        }
        List<String> others = seen.getOtherStories();
        // read once, as a set: each of up to 64 remembered stories is compared with it
        Set<String> now = Set.copyOf(StoryIdentity.leadTerms(story));
        long heldShared = StoryIdentity.shared(seen, now);
        boolean heldShares = StoryIdentity.sharesContent(seen, now, heldShared);
        if (others.isEmpty() && heldShares) {
            return new Keyed(key, decide(seen, story, recordTime), null); // the usual case: one story under the slug key
        }
        // The held story first, then the others newest first: an exact copy wins, then the most shared lead words.
        String best = heldShares ? key : null;
        long bestShared = best == null ? -1 : heldShared;
        Map<String, StoryVersionState> read = new HashMap<>();
        Set<String> expired = new HashSet<>();
        for (int i = others.size() - 1; i >= 0; i--) {
            StoryVersionState other = states.apply(others.get(i));
            if (other == null) {
                expired.add(others.get(i));
                continue;
            }
            read.put(others.get(i), other);
            if (other.getContentHash().equals(story.getContentHash())) {
                best = others.get(i);
                break;
            }
            long shared = StoryIdentity.shared(other, now);
            if (!other.getLeadTerms().isEmpty() && StoryIdentity.sharesContent(other, now, shared) && shared > bestShared) {
                best = others.get(i);
                bestShared = shared;
            }
        }
        if (best == null && read.isEmpty() && !StoryIdentity.isDifferentStory(seen, story, now)) {
            best = key; // a version signal or a kill, and the held story the only one left it can be about
        }
        if (key.equals(best)) {
            return new Keyed(key, decide(seen, story, recordTime), null);
        }
        String own = best != null ? best : StoryIdentity.keyOfDifferentStory(story);
        boolean unplacedKill = best == null && isKill(story);
        if (unplacedKill) {
            // Passed on, so nothing is lost, but under a key no desk row holds: an editor has to find the story it kills.
            LOG.warn("Kill '{}' under slug key {} shares too few words with any of the {} stories held there to tell which it"
                    + " kills; passed on under a key of its own ({}), so no story is marked killed: kill the right one by hand"
                    + " if it ran", story.getHeadline(), key, read.size() + 1, own);
        }
        List<String> remembered = new ArrayList<>(others);
        // Expired ones are forgotten, so no later copy reads them again; those an exact copy stopped the search before
        // are kept (until 2026-12-06 they were dropped too, so a redelivery made the slug key forget its other stories).
        remembered.removeAll(expired);
        remembered.remove(own);
        remembered.add(own); // most recently seen last
        if (remembered.size() > MAX_OTHER_STORIES) {
            remembered.remove(0);
        }
        StoryVersionState slugState = StoryVersionState.newBuilder(touched(seen, recordTime)).setOtherStories(remembered).build();
        return underKey(own, best != null ? read.get(best) : states.apply(own), story, recordTime, slugState, unplacedKill);
    }

    /** A kill: canceled, or signalled as one (a ninjs "kill" or a KILL slug on a copy still marked usable). */
    private static boolean isKill(EnrichedStory story) {
        return story.getPubStatus() == PubStatus.CANCELED || story.getSignals().contains(Signal.KILL);
    }

    private static Keyed underKey(String key, StoryVersionState seen, EnrichedStory story, Instant recordTime,
                                  StoryVersionState slugState, boolean unplacedKill) {
        EnrichedStory keyed = EnrichedStory.newBuilder(story).setStoryKey(key).build();
        return new Keyed(key, decide(seen, keyed, recordTime), slugState, unplacedKill);
    }

    /**
     * A version in a duplicate's detail: "version 2 of <time>", or "the copy of <time>" for the many
     * wires that number none (feeds, plain text, ANPA), which read "version null" before.
     */
    static String copy(String version, Instant versionCreated) {
        return (version == null ? "the copy" : "version " + version) + " of " + versionCreated;
    }

    public static Decision decide(StoryVersionState seen, EnrichedStory story, Instant recordTime) {
        boolean kill = isKill(story);
        // A kill signalled without a canceled status (ninjs signals, ANPA "Kill" takes) counts as canceled.
        PubStatus status = kill ? PubStatus.CANCELED : story.getPubStatus();
        if (seen == null) {
            EnrichedStory accepted = withAction(story, kill ? StoryAction.KILL : StoryAction.NEW, null);
            return new Decision(new Routed.Accepted(accepted), stateOf(accepted, status, story.getVersionCreated(), recordTime));
        }
        if (seen.getContentHash().equals(story.getContentHash()) && seen.getPubStatus() == status) {
            return new Decision(duplicate(story, seen, DuplicateReason.REDELIVERY, 1.0,
                    "same story key and same normalised content as " + copy(seen.getVersion(), seen.getVersionCreated())),
                    touched(seen, recordTime));
        }
        int order = VersionOrder.compare(story.getVersionCreated(), story.getVersion(), seen.getVersionCreated(), seen.getVersion());
        if (order < 0 && kill && seen.getPubStatus() != PubStatus.CANCELED) {
            // A kill is never superseded: agencies kill the story, not one version, and a kill an
            // editor never sees is the worst outcome. The newer version's place in the order is kept.
            EnrichedStory accepted = withAction(story, StoryAction.KILL, seen.getVersion());
            StoryVersionState killed = StoryVersionState.newBuilder(touched(seen, recordTime)).setPubStatus(PubStatus.CANCELED).build();
            return new Decision(new Routed.Accepted(accepted), killed);
        }
        if (order < 0) {
            return new Decision(duplicate(story, seen, DuplicateReason.SUPERSEDED, null,
                    copy(story.getVersion(), story.getVersionCreated()) + " arrived after "
                            + copy(seen.getVersion(), seen.getVersionCreated()) + ", which is newer"), touched(seen, recordTime));
        }
        EnrichedStory accepted = withAction(story, kill ? StoryAction.KILL : StoryAction.UPDATE, seen.getVersion());
        return new Decision(new Routed.Accepted(accepted),
                StoryVersionState.newBuilder(stateOf(accepted, status, seen.getFirstSeen(), recordTime))
                        .setOtherStories(seen.getOtherStories()).build());
    }

    private static EnrichedStory withAction(EnrichedStory s, StoryAction action, String previousVersion) {
        return EnrichedStory.newBuilder(s).setAction(action).setPreviousVersion(previousVersion).build();
    }

    private static Routed duplicate(EnrichedStory story, StoryVersionState seen, DuplicateReason reason, Double similarity,
                                    String detail) {
        return new Routed.Duplicated(Duplicate.newBuilder()
                .setStoryKey(story.getStoryKey())
                .setDuplicateOf(story.getStoryKey())
                .setDuplicateOfVersion(seen.getVersion())
                .setReason(reason)
                .setSimilarity(similarity)
                .setDetail(detail)
                .setStory(story)
                .build());
    }

    private static StoryVersionState stateOf(EnrichedStory s, PubStatus status, Instant firstSeen, Instant recordTime) {
        return StoryVersionState.newBuilder()
                .setVersion(s.getVersion())
                .setVersionCreated(s.getVersionCreated())
                .setContentHash(s.getContentHash())
                .setPubStatus(status)
                .setHeadline(s.getHeadline())
                .setLeadTerms(StoryIdentity.leadTerms(s))
                .setFirstSeen(firstSeen)
                .setLastSeen(recordTime)
                .build();
    }

    private static StoryVersionState touched(StoryVersionState seen, Instant recordTime) {
        return StoryVersionState.newBuilder(seen)
                .setLastSeen(recordTime.isAfter(seen.getLastSeen()) ? recordTime : seen.getLastSeen())
                .build();
    }
}
