package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.eval.CorpusReader;
import io.wirestream.eval.CorpusStory;
import io.wirestream.testing.SharedData;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped model against the targets on the dev corpora (../shared, skipped when absent),
 * scored in process on headline and body as {@code eval categories} reads them (that command runs the
 * whole topology and agrees to a story or two; docs/quality.md has its figures). A lexicon edit or a
 * retrain that falls below a target fails here, not weeks later in a quality run.
 */
class ShippedModelAccuracyTest {

    @ParameterizedTest(name = "{0} at least {1}")
    @CsvSource({"categories-bbc.dev.jsonl, 0.85", "categories-ag.dev.jsonl, 0.80"})
    void shippedModelMeetsItsTarget(String corpus, double target) throws Exception {
        Path file = SharedData.corpus(corpus);
        CategoryModel model = CategoryModel.bundled();
        AtomicInteger right = new AtomicInteger();
        AtomicInteger n = new AtomicInteger();
        try (var stories = CorpusReader.stream(file)) {
            stories.forEach(s -> {
                n.incrementAndGet();
                if (s.topics().contains(best(model, s))) {
                    right.incrementAndGet();
                }
            });
        }
        assertThat(n.get()).isGreaterThan(1_000);
        assertThat(right.get() / (double) n.get()).as("accuracy on %s", corpus).isGreaterThanOrEqualTo(target);
    }

    private static String best(CategoryModel model, CorpusStory s) {
        var scored = model.classify(s.headline(), s.body() == null ? "" : s.body());
        return scored.get(0).confidence() == 0 ? "" : scored.get(0).qcode();
    }
}
