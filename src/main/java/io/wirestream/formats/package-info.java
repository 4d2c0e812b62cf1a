/**
 * Parse stage: wire bytes in any agency format to the canonical {@link io.wirestream.formats.ParsedStory}.
 *
 * <p>Consumes the payload, declared format and source of a wire.raw record; emits zero or more
 * stories, or throws {@link io.wirestream.formats.WireParseException} with a reason an operator can
 * read (the topology turns it into a dead letter). One class per format, one
 * {@link io.wirestream.formats.ParserRegistry} that picks the parser by declared format or by content.
 * Nothing here knows about Kafka.
 */
package io.wirestream.formats;
