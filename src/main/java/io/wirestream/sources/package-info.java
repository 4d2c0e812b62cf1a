/**
 * The source catalogue: who sends copy (agencies, broadcasters, newspapers, aggregators) with home
 * country, time zone, language, kind and reliability tier, and the names they go by in datelines,
 * credits and copyright lines. Consumes nothing and emits nothing itself: the topology reads the
 * compacted topic wire.sources as a GlobalKTable (seeded from the bundled {@code sources.tsv}), and
 * parsers use the bundled defaults to name an agency and its home time zone.
 *
 * <p>Also the sources' lines: {@link io.wirestream.sources.SequenceGaps} finds the messages a line lost from the
 * gaps in its transmission numbers, and {@link io.wirestream.sources.SequenceGapProcessor} applies it per source and
 * channel, on a repartition of its own.
 */
package io.wirestream.sources;
