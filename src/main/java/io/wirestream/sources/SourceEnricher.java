package io.wirestream.sources;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Source;

/**
 * The enrich stage's source functions, for a stream-GlobalKTable join against wire.sources: which
 * catalogue key a story is looked up by, and how the record found (or not) goes onto the story.
 * Pure: no state, no Kafka. Lookup is by catalogue id, derived from the names a story carries through
 * the bundled aliases ({@link SourceCatalogue#idOf}); a source added at run time is found by its id
 * (the name as an id: "Acme Wire" is {@code acme-wire}).
 */
public final class SourceEnricher {

    private final SourceCatalogue names;

    public SourceEnricher(SourceCatalogue names) {
        this.names = names;
    }

    /** With the bundled catalogue's names. */
    public static SourceEnricher standard() {
        return new SourceEnricher(SourceCatalogue.bundled());
    }

    /** Who delivered the story: the provider (an outlet re-running copy), else the agency, else the feed's source id. */
    public static String deliveredByName(EnrichedStory s) {
        return first(s.getProvider(), s.getAgency(), s.getSource());
    }

    /** Who wrote the copy: the agency named in the dateline or credit, else whoever delivered it. */
    public static String writtenByName(EnrichedStory s) {
        return first(s.getAgency(), s.getProvider(), s.getSource());
    }

    /** The catalogue key of who delivered the story. */
    public String deliveredBy(EnrichedStory s) {
        return names.idOf(deliveredByName(s));
    }

    /** The catalogue key of who wrote the copy. */
    public String writtenBy(EnrichedStory s) {
        return names.idOf(writtenByName(s));
    }

    /** The story with its source record; a source the catalogue lacks (or deleted) is recorded as kind unknown. */
    public EnrichedStory withSource(EnrichedStory s, Source found) {
        Source record = found != null ? found : SourceCatalogue.unknown(deliveredByName(s));
        return EnrichedStory.newBuilder(s).setSourceRecord(record).build();
    }

    /** The story with the original agency's record when someone else delivered the copy, else unchanged. */
    public EnrichedStory withOriginal(EnrichedStory s, Source found) {
        String wroteId = writtenBy(s);
        if (s.getSourceRecord() != null && wroteId.equals(s.getSourceRecord().getId())) {
            return s;
        }
        Source record = found != null ? found : SourceCatalogue.unknown(writtenByName(s));
        return EnrichedStory.newBuilder(s).setOriginalSource(record).build();
    }

    private static String first(String... names) {
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                return n;
            }
        }
        return null;
    }
}
