package io.wirestream.versions;

import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;

/** What the versions stage decided for one story: pass it on, or record it as a duplicate. */
public sealed interface Routed {

    /** A new story, an update or a kill, for stories.enriched. */
    record Accepted(EnrichedStory story) implements Routed {
    }

    /** A redelivery or a superseded version, for stories.duplicates. */
    record Duplicated(Duplicate duplicate) implements Routed {
    }
}
