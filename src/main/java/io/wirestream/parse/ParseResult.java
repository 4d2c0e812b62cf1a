package io.wirestream.parse;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedStory;

/** One output of the parse stage: a story, or a dead letter for a raw record that yielded none. */
public sealed interface ParseResult {

    record Parsed(EnrichedStory story) implements ParseResult {
    }

    record Failed(DeadLetter deadLetter) implements ParseResult {
    }
}
