package io.wirestream.eval;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a story corpus (shared/data/README.md). A corpus leaves out what it does not label, so
 * every field but {@code id} may be absent: absent text and times are {@code null}, absent label
 * lists are empty (never null), so metric code can iterate without checks.
 *
 * @param line      1-based line number in the corpus file, for error messages and arrival order
 * @param id        unique story id (required)
 * @param source    outlet or agency name, or null
 * @param published time the story appeared, or null
 * @param headline  headline, or null
 * @param body      body text, or null (headline-only corpora)
 * @param topics    gold IPTC Media Topic qcodes, any one of which is a correct top-level category
 * @param countries gold ISO 3166-1 alpha-2 codes the story is about
 * @param story     gold cluster id (same value = same story), or null
 */
public record CorpusStory(
        long line,
        String id,
        String source,
        Instant published,
        String headline,
        String body,
        List<String> topics,
        List<String> countries,
        String story) {

    public CorpusStory {
        Objects.requireNonNull(id, "id");
        topics = topics == null ? List.of() : List.copyOf(topics);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}
