/**
 * Parse stage in the topology: a wire.raw record to its stories (as EnrichedStory, not yet enriched)
 * or to one dead letter with the reason. Wraps {@link io.wirestream.formats.ParserRegistry}; catches
 * every failure, so no exception leaves the stage to kill a stream thread.
 */
package io.wirestream.parse;
