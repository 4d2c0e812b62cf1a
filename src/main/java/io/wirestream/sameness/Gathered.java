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
 */
public record Gathered(EnrichedStory story, Duplicate nearDuplicate, ClusterMember member, SamenessMessage loopBack) {

    public Gathered(EnrichedStory story, Duplicate nearDuplicate, ClusterMember member) {
        this(story, nearDuplicate, member, null);
    }

    static Gathered loop(SamenessMessage message) {
        return new Gathered(null, null, null, message);
    }

    public boolean isNearDuplicate() {
        return nearDuplicate != null;
    }

    public boolean isLoopBack() {
        return loopBack != null;
    }
}
