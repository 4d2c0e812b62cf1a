package io.wirestream.sameness;

import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.SamenessMessage;

/**
 * What the gather step decided for one story version: the story with its cluster id, and, when it is
 * a near-duplicate, the duplicate record that replaces it on the way out; {@code member} is the
 * cluster membership to send to the cluster (null for updates and kills, which keep their cluster).
 * Or, with only {@code loopBack} set, a message the gather step sends itself through
 * {@code sameness-answers} (a near-duplicate's follow request to its original, or the settlement back).
 * Or, with {@code alert} {@link AlertInput#AHEAD}, only a near-duplicate's alert input, sent ahead of
 * the copy itself (see {@link GatherProcessor}).
 */
public record Gathered(EnrichedStory story, Duplicate nearDuplicate, ClusterMember member, SamenessMessage loopBack,
                       AlertInput alert) {

    /** What this outcome gives the alert stage. */
    public enum AlertInput {
        /** Its story, as every outcome did: the alert stage counts it when it leaves. */
        WITH_STORY,
        /** Nothing: its story already went to the alert stage ahead of it, in the cluster it leaves in. */
        SENT_AHEAD,
        /** Only that: a near-duplicate's story going to the alert stage ahead of the copy itself. */
        AHEAD
    }

    public Gathered(EnrichedStory story, Duplicate nearDuplicate, ClusterMember member) {
        this(story, nearDuplicate, member, null, AlertInput.WITH_STORY);
    }

    static Gathered loop(SamenessMessage message) {
        return new Gathered(null, null, null, message, AlertInput.WITH_STORY);
    }

    static Gathered alertAhead(EnrichedStory story) {
        return new Gathered(story, null, null, null, AlertInput.AHEAD);
    }

    public boolean isAlertAhead() {
        return alert == AlertInput.AHEAD;
    }

    /** Whether the alert stage should count this outcome's story now (not a loop message, not sent ahead already). */
    public boolean countsForAlerts() {
        return story != null && alert != AlertInput.SENT_AHEAD;
    }

    public boolean isNearDuplicate() {
        return nearDuplicate != null;
    }

    public boolean isLoopBack() {
        return loopBack != null;
    }
}
