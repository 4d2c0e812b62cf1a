package io.wirestream.versions;

import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import io.wirestream.avro.StoryAction;
import io.wirestream.avro.StoryVersionState;
import java.time.Instant;
import java.util.function.Function;

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

    private VersionTracker() {
    }

    /** The outcome and the state to keep (null state means keep the old one). */
    public record Decision(Routed routed, StoryVersionState newState) {
    }

    /** A decision and the story key it is stored and forwarded under. */
    public record Keyed(String key, Decision decision) {
    }

    /**
     * Decides under the story's key, unless the copy is a different story that only shares a slug
     * key with the one held there ({@link StoryIdentity}): then it is decided under a key of its own,
     * so a redelivery of it is still a redelivery.
     */
    public static Keyed decideKeyed(Function<String, StoryVersionState> states, EnrichedStory story, Instant recordTime) {
        String key = story.getStoryKey();
        StoryVersionState seen = states.apply(key);
        if (seen != null && !seen.getContentHash().equals(story.getContentHash()) && StoryIdentity.isDifferentStory(seen, story)) {
            key = StoryIdentity.keyOfDifferentStory(story);
            story = EnrichedStory.newBuilder(story).setStoryKey(key).build();
            seen = states.apply(key);
        }
        return new Keyed(key, decide(seen, story, recordTime));
    }

    /**
     * A version in a duplicate's detail: "version 2 of <time>", or "the copy of <time>" for the many
     * wires that number none (feeds, plain text, ANPA), which read "version null" before.
     */
    static String copy(String version, Instant versionCreated) {
        return (version == null ? "the copy" : "version " + version) + " of " + versionCreated;
    }

        public static Decision decide(StoryVersionState seen, EnrichedStory story, Instant recordTime) {
        boolean kill = story.getPubStatus() == PubStatus.CANCELED || story.getSignals().contains(Signal.KILL);
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
        return new Decision(new Routed.Accepted(accepted), stateOf(accepted, status, seen.getFirstSeen(), recordTime));
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
