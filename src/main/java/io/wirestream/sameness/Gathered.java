package io.wirestream.sameness;

import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;

/**
 * What the gather step decided for one story version: the story with its cluster id, and, when it is
 * a near-duplicate, the duplicate record that replaces it on the way out; {@code member} is the
 * cluster membership to send to the cluster (null for updates and kills, which keep their cluster).
 */
public record Gathered(EnrichedStory story, Duplicate nearDuplicate, ClusterMember member) {

    public boolean isNearDuplicate() {
        return nearDuplicate != null;
    }
}
