package io.wirestream.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CI smoke of {@code wirestream eval}: every task on the first 300 stories of a shared dev corpus
 * (skipped when ../shared is absent), checking the shape and bounds of the printed line, not the
 * figures (those are in docs/quality.md and move as stages land).
 */
class EvalSmokeTest {

    private static final int LINES = 300;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "categories, categories-bbc.dev.jsonl, accuracy|macro_f1",
            "categories, categories-ag.dev.jsonl, accuracy|macro_f1",
            "regions, regions-reuters.dev.jsonl, micro_precision|micro_recall|micro_f1|primary_accuracy",
            "regions, regions-geo.dev.jsonl, micro_precision|micro_recall|micro_f1|primary_accuracy",
            "neardup, neardup-wire.dev.jsonl, precision|recall|f1|true_pairs|predicted_pairs|gold_pairs",
            "clusters, clusters-uci.dev.jsonl, bcubed_precision|bcubed_recall|bcubed_f1",
            "clusters, clusters-ecb.dev.jsonl, bcubed_precision|bcubed_recall|bcubed_f1",
            "alerts, clusters-uci.dev.jsonl, big_story_recall|early_recall|alert_precision|median_sources_at_alert",
    })
    void taskOnTheHeadOfASharedCorpus(String task, String corpus, String metrics) throws IOException {
        Path head = head(SharedData.corpus(corpus));

        EvalCliTest.Ran r = EvalCliTest.run("eval", task, "--corpus", head.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = r.lastLine();
        List<String> expected = new ArrayList<>(List.of("task", "n"));
        expected.addAll(List.of(metrics.split("\\|")));
        List<String> keys = new ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(expected);
        assertThat(report.get("task").asText()).isEqualTo(task);
        assertThat(report.get("n").asLong()).isBetween(1L, (long) LINES);
        if (task.equals("alerts")) {
            // a count of sources, not a ratio
            assertThat(report.get("median_sources_at_alert").asDouble()).isGreaterThanOrEqualTo(0.0);
            EvalCliTest.assertRatiosInUnitRange(report, "median_sources_at_alert");
        } else {
            EvalCliTest.assertRatiosInUnitRange(report);
        }
    }

    @ParameterizedTest(name = "fixtures in {0}")
    @CsvSource({"ninjs", "anpa"})
    void fixturesFolderAccountsForEveryFile(String folder) throws IOException {
        Path dir = SharedData.fixture(folder);

        EvalCliTest.Ran r = EvalCliTest.run("eval", "fixtures", "--dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = r.lastLine();
        List<String> keys = new ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("task", "n", "files", "parsed", "dead_lettered", "by_format");
        long files = report.get("files").asLong();
        assertThat(files).isPositive().isEqualTo(report.get("n").asLong());
        // The accounting invariant: every file parsed or dead-lettered.
        assertThat(report.get("parsed").asLong() + report.get("dead_lettered").asLong()).isEqualTo(files);
        assertThat(report.get("by_format").size()).isPositive();
    }

    private Path head(Path corpus) throws IOException {
        Path out = tmp.resolve(corpus.getFileName());
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while (lines.size() < LINES && (line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        return out;
    }
}
