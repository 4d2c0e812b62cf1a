package io.wirestream.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.app.WirestreamCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wirestream eval} as a script sees it: exit code, last stdout line, stderr message. */
class EvalCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Exit code, stdout and stderr of one command line. */
    record Ran(int exit, String out, String err) {
        JsonNode lastLine() throws IOException {
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            return JSON.readTree(lines.get(lines.size() - 1));
        }
    }

    static Ran run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = WirestreamCli.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every number in the report, also inside nested objects, lies in [0, 1]. */
    static void assertRatiosInUnitRange(JsonNode report, String... except) {
        List<String> skip = List.of(except);
        for (Iterator<String> it = report.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            JsonNode v = report.get(k);
            if (k.equals("task") || k.equals("n") || k.endsWith("_pairs") || skip.contains(k)) {
                continue;
            }
            assertThat(v.isNumber()).as(k).isTrue();
            assertThat(v.asDouble()).as(k).isBetween(0.0, 1.0);
        }
    }

    @Test
    void clustersPrintsOneJsonLineLastWithTheContractKeys() throws IOException {
        Path c = tmp.resolve("c.jsonl");
        Files.writeString(c, """
                {"id":"a","source":"AP","published":"2026-03-02T10:00:00Z","headline":"Quake hits city","story":"x"}
                {"id":"b","source":"AFP","published":"2026-03-02T10:01:00Z","headline":"Earthquake shakes city","story":"x"}
                {"id":"c","source":"AP","published":"2026-03-02T10:02:00Z","headline":"Cup final tonight","story":"y"}
                """);

        Ran r = run("eval", "clusters", "--corpus", c.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = r.lastLine();
        assertThat(report.get("task").asText()).isEqualTo("clusters");
        assertThat(report.get("n").asLong()).isEqualTo(3);
        List<String> keys = iterable(report.fieldNames());
        assertThat(keys).containsExactly("task", "n", "bcubed_precision", "bcubed_recall", "bcubed_f1");
        assertRatiosInUnitRange(report);
    }

    @Test
    void detailsFileGetsOneLinePerStory() throws IOException {
        Path c = tmp.resolve("c.jsonl");
        Files.writeString(c, "{\"id\":\"a\",\"headline\":\"H\",\"topics\":[\"medtop:04000000\"]}\n{\"id\":\"b\",\"headline\":\"I\"}\n");
        Path details = tmp.resolve("d.jsonl");

        Ran r = run("eval", "categories", "--corpus", c.toString(), "--details", details.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(details);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.get("gold").get(0).asText()).isEqualTo("medtop:04000000");
        assertThat(first.get("predicted").isNull()).isTrue();
        assertThat(first.get("correct").asBoolean()).isFalse();
    }

    @Test
    void unknownTaskListsTheTasksAndExitsTwo() {
        Ran r = run("eval", "topics", "--corpus", "whatever.jsonl");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown task 'topics'")
                .contains("categories, regions, neardup, clusters, alerts, fixtures");
        assertThat(r.out()).isBlank();
    }

    @Test
    void missingCorpusIsAClearError() {
        Ran none = run("eval", "regions");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--corpus is required");

        Ran absent = run("eval", "regions", "--corpus", tmp.resolve("nope.jsonl").toString());
        assertThat(absent.exit()).isEqualTo(2);
        assertThat(absent.err()).contains("no such corpus file").contains("nope.jsonl");

        Ran noDir = run("eval", "fixtures");
        assertThat(noDir.exit()).isEqualTo(2);
        assertThat(noDir.err()).contains("--dir is required");
    }

    @Test
    void aBadCorpusLineIsReportedWithItsLine() throws IOException {
        Path c = tmp.resolve("bad.jsonl");
        Files.writeString(c, "{\"id\":\"a\",\"headline\":\"H\"}\n{not json\n");

        Ran r = run("eval", "clusters", "--corpus", c.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad corpus").contains("bad.jsonl").contains("2");
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
