package io.wirestream.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Evaluator on tiny corpora written here: what the topology does today, scored honestly. */
class EvaluatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "The central bank raised its main rate by half a point on Tuesday, "
            + "the third rise this year, citing inflation that has stayed above target for months.";

    @TempDir
    Path tmp;

    private Path corpus(String... lines) throws IOException {
        Path f = tmp.resolve("c" + System.nanoTime() + ".jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static EvalReport eval(Evaluator.Task task, Path corpus) {
        return Evaluator.withDefaults().evaluate(task, corpus, null);
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void neardupReportsPairScoresAndOneDetailLinePerStoryInCorpusOrder() throws IOException {
        // a and b carry the same text under different ids (hence different uris and storyKeys): the
        // near-duplicate stage groups them; c and d are other stories.
        Path c = corpus(
                "{\"id\":\"a\",\"source\":\"AP\",\"headline\":\"Rates up\",\"body\":\"" + BODY + "\",\"story\":\"s1\"}",
                "{\"id\":\"b\",\"source\":\"Reuters\",\"headline\":\"Rates up\",\"body\":\"" + BODY + "\",\"story\":\"s1\"}",
                "{\"id\":\"c\",\"source\":\"AP\",\"headline\":\"Storm hits coast\",\"body\":\"Wind and rain.\",\"story\":\"s2\"}",
                "{\"id\":\"d\",\"source\":\"AFP\",\"headline\":\"Cup final tonight\",\"body\":\"Kick-off at eight.\",\"story\":\"s3\"}");
        Path details = tmp.resolve("details.jsonl");

        EvalReport r = Evaluator.withDefaults().evaluate(Evaluator.Task.NEARDUP, c, details);

        assertThat(r.toMap()).containsEntry("task", "neardup").containsEntry("n", 4L)
                .containsEntry("precision", 1.0).containsEntry("recall", 1.0).containsEntry("true_pairs", 1L);
        assertScores(r.toMap(), "precision", "recall", "f1");
        List<JsonNode> lines = jsonLines(details);
        assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly("a", "b", "c", "d");
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("enriched");
        // Corpus ids never reach the topology: the story key is the line number.
        assertThat(lines.get(0).get("predicted").asText()).isEqualTo("corpus:1");
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("duplicate");
        assertThat(lines.get(1).get("predicted").asText()).isEqualTo("corpus:1");
        assertThat(lines.get(0).get("gold").asText()).isEqualTo("s1");
        // c and d are other stories in other words: nothing groups them with a.
        assertThat(lines.get(2).get("predicted").asText()).isNotEqualTo(lines.get(0).get("predicted").asText());
        assertThat(lines.get(3).get("predicted").asText()).isNotEqualTo(lines.get(0).get("predicted").asText());
    }

    /** Each named score is a number from 0 to 1 (never NaN), whatever the stages built so far predict. */
    private static void assertScores(Map<String, Object> report, String... keys) {
        for (String k : keys) {
            assertThat(report.get(k)).as(k).isInstanceOf(Double.class);
            assertThat((Double) report.get(k)).as(k).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aRepeatedLineIsANearDuplicateAndJoinsTheFirstCopysGroup() throws IOException {
        // Each line enters under its own opaque id, so a repeated line is not a redelivery of the same
        // key but the same copy from elsewhere: the near-duplicate stage routes it to
        // stories.duplicates with duplicateOf = the first line's key, one predicted pair.
        String line = "{\"id\":\"a\",\"source\":\"AP\",\"published\":\"2026-03-02T10:00:00Z\",\"headline\":\"Rates up\","
                + "\"body\":\"" + BODY + "\",\"story\":\"s1\"}";
        Path c = corpus(line, line,
                "{\"id\":\"c\",\"source\":\"AP\",\"headline\":\"Storm hits coast\",\"body\":\"Wind and rain.\",\"story\":\"s2\"}",
                "{\"id\":\"d\",\"source\":\"AFP\",\"headline\":\"Cup final tonight\",\"body\":\"Kick-off at eight.\",\"story\":\"s2\"}");
        Path details = tmp.resolve("details.jsonl");

        EvalReport r = Evaluator.withDefaults().evaluate(Evaluator.Task.NEARDUP, c, details);

        // predicted pairs: {a,a'}; gold pairs: {a,a'}, {c,d}
        assertThat(r.toMap()).containsEntry("precision", 1.0).containsEntry("recall", 0.5);
        List<JsonNode> lines = jsonLines(details);
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("enriched");
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("duplicate");
        assertThat(lines.get(1).get("duplicate_of").asText()).isEqualTo("corpus:1");
        assertThat(lines.get(1).get("predicted").asText()).isEqualTo("corpus:1");
    }

    @Test
    void clustersTaskReportsBCubedScores() throws IOException {
        Path c = corpus(
                "{\"id\":\"a\",\"headline\":\"Quake hits city\",\"story\":\"x\"}",
                "{\"id\":\"b\",\"headline\":\"Earthquake shakes city\",\"story\":\"x\"}",
                "{\"id\":\"c\",\"headline\":\"Cup final tonight\",\"story\":\"y\"}");

        Map<String, Object> m = eval(Evaluator.Task.CLUSTERS, c).toMap();

        assertThat(m).containsOnlyKeys("task", "n", "bcubed_precision", "bcubed_recall", "bcubed_f1").containsEntry("n", 3L);
        assertScores(m, "bcubed_precision", "bcubed_recall", "bcubed_f1");
    }

    @Test
    void categoriesAndRegionsScoreNumbersNotNaN() throws IOException {
        Path c = corpus(
                "{\"id\":\"a\",\"headline\":\"Rates up\",\"body\":\"" + BODY + "\",\"topics\":[\"medtop:04000000\"],\"countries\":[\"GB\"]}",
                "{\"id\":\"b\",\"headline\":\"Cup final\",\"body\":\"Kick-off at eight.\",\"topics\":[\"medtop:15000000\"],\"countries\":[]}",
                "{\"id\":\"c\",\"headline\":\"No labels\"}");

        Map<String, Object> cat = eval(Evaluator.Task.CATEGORIES, c).toMap();
        // n counts stories with gold topics only (CategoryMetrics)
        assertThat(cat).containsEntry("n", 2L);
        assertScores(cat, "accuracy", "macro_f1");

        Map<String, Object> reg = eval(Evaluator.Task.REGIONS, c).toMap();
        assertThat(reg).containsEntry("n", 3L);
        assertScores(reg, "micro_precision", "micro_recall", "micro_f1", "primary_accuracy");
    }

    @Test
    void alertsTaskReportsItsContractKeys() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            lines.append("{\"id\":\"s").append(i).append("\",\"source\":\"Outlet ").append(i % 7)
                    .append("\",\"published\":\"2026-03-02T10:").append(String.format("%02d", i)).append(":00Z\",")
                    .append("\"headline\":\"Big story part ").append(i).append("\",\"story\":\"big\"}\n");
        }
        Path c = tmp.resolve("alerts.jsonl");
        Files.writeString(c, lines);

        Map<String, Object> m = eval(Evaluator.Task.ALERTS, c).toMap();

        assertThat(m).containsOnlyKeys("task", "n", "big_story_recall", "early_recall", "alert_precision", "median_sources_at_alert");
        assertThat(m).containsEntry("n", 31L);
        assertScores(m, "big_story_recall", "early_recall", "alert_precision");
    }

    @Test
    void aStoryWithNeitherHeadlineNorBodyIsADeadLetterWithItsReason() throws IOException {
        Path c = corpus("{\"id\":\"empty\",\"story\":\"x\"}", "{\"id\":\"ok\",\"headline\":\"Fine\",\"story\":\"x\"}");
        Path details = tmp.resolve("details.jsonl");

        Evaluator.withDefaults().evaluate(Evaluator.Task.CLUSTERS, c, details);

        List<JsonNode> lines = jsonLines(details);
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("dead_letter");
        assertThat(lines.get(0).get("error").asText()).contains("parse").contains("neither headline nor body");
        assertThat(lines.get(0).has("predicted")).isTrue();
        assertThat(lines.get(0).get("predicted").isNull()).isTrue();
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("enriched");
    }

    @Test
    void categoryPredictionIsTheFirstTopLevelMediaTopic() {
        assertThat(Evaluator.topLevelCategory(List.of())).isNull();
        assertThat(Evaluator.topLevelCategory(List.of("medtop:20000106", "MEDTOP:04000000", "medtop:15000000")))
                .isEqualTo("medtop:04000000");
        assertThat(Evaluator.topLevelCategory(List.of("http://cv.iptc.org/newscodes/mediatopic/11000000")))
                .isEqualTo("medtop:11000000");
        assertThat(Evaluator.topLevelCategory(List.of("medtop:20000106"))).isNull();
    }

    @Test
    void storiesBecomeNinjsUnderAnOpaqueIdFromTheirLowerCasedSource() throws IOException {
        CorpusStory s = CorpusReader.parseLine("{\"id\":\"bbc-business-003\",\"source\":\"Reuters UK\",\"headline\":\"H\",\"body\":\"B\"}",
                "t", 1);
        byte[] ninjs = Evaluator.ninjs("7", s, Evaluator.FIXED_TIME);
        JsonNode n = JSON.readTree(ninjs);
        assertThat(n.get("uri").asText()).isEqualTo("corpus:7");
        assertThat(new String(ninjs, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("bbc-business");
        assertThat(n.get("headline").asText()).isEqualTo("H");
        assertThat(n.get("body_text").asText()).isEqualTo("B");
        assertThat(n.get("versioncreated").asText()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(Evaluator.sourceOf(s)).isEqualTo("reuters uk");
        assertThat(Evaluator.sourceOf(CorpusReader.parseLine("{\"id\":\"y\"}", "t", 1))).isEqualTo("unknown");
    }

    @Test
    void tasksAreLookedUpByName() {
        assertThat(Evaluator.Task.fromId(" Clusters ")).contains(Evaluator.Task.CLUSTERS);
        assertThat(Evaluator.Task.fromId("topics")).isEmpty();
        assertThat(Evaluator.Task.ids()).containsExactly("categories", "regions", "neardup", "clusters", "alerts", "fixtures");
        assertThatThrownBy(() -> Evaluator.withDefaults().evaluate(Evaluator.Task.FIXTURES, tmp, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixturesCountParsedAndDeadLetteredFilesByDetectedFormat() throws IOException {
        Path dir = tmp.resolve("wire");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.json"), "{\"uri\":\"urn:x:1\",\"type\":\"text\",\"headline\":\"Hello\",\"body_text\":\"World.\"}");
        Files.writeString(dir.resolve("sub/picture.json"), "{\"uri\":\"urn:x:2\",\"type\":\"picture\",\"headline\":\"A photo\"}");
        Files.write(dir.resolve("sub/blob.bin"), new byte[] {0, 1, 2, 3, 0, 0, 9});
        Path details = tmp.resolve("fixtures.jsonl");

        EvalReport r = Evaluator.withDefaults().evaluateFixtures(dir, details);

        Map<String, Object> m = r.toMap();
        assertThat(m).containsEntry("task", "fixtures").containsEntry("n", 3L)
                .containsEntry("files", 3L).containsEntry("parsed", 1L).containsEntry("dead_lettered", 2L);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> byFormat = (Map<String, Map<String, Object>>) m.get("by_format");
        assertThat(byFormat).containsOnlyKeys("ninjs", "unknown");
        assertThat(byFormat.get("ninjs")).containsEntry("files", 2L).containsEntry("parsed", 1L).containsEntry("dead_lettered", 1L);
        assertThat(byFormat.get("unknown")).containsEntry("files", 1L).containsEntry("dead_lettered", 1L);
        List<JsonNode> lines = jsonLines(details);
        assertThat(lines).extracting(l -> l.get("file").asText()).containsExactly("a.json", "sub/blob.bin", "sub/picture.json");
        assertThat(lines.get(1).get("error").asText()).contains("binary");
    }
}
