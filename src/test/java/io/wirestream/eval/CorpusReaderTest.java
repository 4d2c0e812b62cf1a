package io.wirestream.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.testing.SharedData;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusReaderTest {

    private static List<CorpusStory> read(String text) {
        try (Stream<CorpusStory> s = CorpusReader.stream(new StringReader(text), "t.jsonl")) {
            return s.toList();
        }
    }

    @Test
    void readsAllFieldsSkipsBlankLinesAndToleratesAbsentOnes() {
        List<CorpusStory> stories = read("""
                {"id": "x1", "source": "AP", "published": "2026-03-02T00:01:34.116Z", "headline": "H", "body": "B", \
                "topics": ["medtop:01000000"], "countries": ["FR", "DE"], "story": "s1", "extra": 42}

                {"id": "x2"}
                   \t
                {"id": "x3", "published": "2026-03-02T01:00:00+01:00", "body": null}
                """);

        assertThat(stories).extracting(CorpusStory::id).containsExactly("x1", "x2", "x3");
        CorpusStory full = stories.get(0);
        assertThat(full.source()).isEqualTo("AP");
        assertThat(full.published()).isEqualTo(Instant.parse("2026-03-02T00:01:34.116Z"));
        assertThat(full.headline()).isEqualTo("H");
        assertThat(full.body()).isEqualTo("B");
        assertThat(full.topics()).containsExactly("medtop:01000000");
        assertThat(full.countries()).containsExactly("FR", "DE");
        assertThat(full.story()).isEqualTo("s1");
        assertThat(full.line()).isEqualTo(1);

        CorpusStory bare = stories.get(1);
        assertThat(bare.line()).isEqualTo(3); // the blank line still counts
        assertThat(bare.source()).isNull();
        assertThat(bare.published()).isNull();
        assertThat(bare.body()).isNull();
        assertThat(bare.story()).isNull();
        assertThat(bare.topics()).isEmpty();
        assertThat(bare.countries()).isEmpty();

        assertThat(stories.get(2).published()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(stories.get(2).line()).isEqualTo(5);
    }

    @Test
    void badJsonFailsWithItsLineNumber() {
        assertThatThrownBy(() -> read("{\"id\": \"ok\"}\n\n{\"id\": \"broken\", \n"))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith("t.jsonl:3: not valid JSON")
                .satisfies(e -> assertThat(((CorpusFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void missingIdWrongTypesAndBadTimesAreErrorsNotSkips() {
        assertThatThrownBy(() -> read("{\"headline\": \"no id\"}"))
                .isInstanceOf(CorpusFormatException.class).hasMessageContaining(":1: missing \"id\"");
        assertThatThrownBy(() -> read("{\"id\": \"a\", \"topics\": \"medtop:01000000\"}"))
                .isInstanceOf(CorpusFormatException.class).hasMessageContaining("\"topics\" must be an array");
        assertThatThrownBy(() -> read("{\"id\": \"a\", \"published\": \"yesterday\"}"))
                .isInstanceOf(CorpusFormatException.class).hasMessageContaining("not an ISO-8601 time");
        assertThatThrownBy(() -> read("[1, 2]"))
                .isInstanceOf(CorpusFormatException.class).hasMessageContaining("expected a JSON object");
    }

    @Test
    void readsTheSharedUciCorpus() {
        Path file = SharedData.corpus("clusters-uci.dev.jsonl");
        List<CorpusStory> first;
        try (Stream<CorpusStory> s = CorpusReader.stream(file)) {
            first = s.limit(200).toList();
        }
        assertThat(first).hasSize(200);
        assertThat(first).allSatisfy(st -> {
            assertThat(st.id()).startsWith("uci-");
            assertThat(st.published()).isNotNull();
            assertThat(st.story()).isNotBlank();
            assertThat(st.headline()).isNotBlank();
        });
        // All but the odd line carry a source (the full file has one story without).
        assertThat(first).filteredOn(st -> st.source() != null).hasSizeGreaterThan(190);
        assertThat(first.get(0).id()).isEqualTo("uci-239727");
        assertThat(first.get(0).source()).isEqualTo("Contactmusic.com");
        assertThat(first.get(0).published()).isEqualTo(Instant.parse("2026-03-02T00:01:34.116Z"));
        assertThat(first.get(0).story()).isEqualTo("dv59vPKIINJxGtM97l9BlRAD8XRuM");
        // The corpus is in time order, which the evaluation replays as arrival order.
        for (int i = 1; i < first.size(); i++) {
            assertThat(first.get(i).published()).isAfterOrEqualTo(first.get(i - 1).published());
        }
        // Several stories recur within the first 200 lines, so clustering has something to do.
        assertThat(first.stream().map(CorpusStory::story).distinct().count()).isLessThan(200);
    }
}
