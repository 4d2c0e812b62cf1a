package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.app.WirestreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code wirestream bench} in-process on a tiny input: the JSON contract (every key, sane values),
 * never a speed threshold (benchmarks are not timed tests).
 */
class BenchSmokeIT {

    private static final List<String> CONTRACT = List.of("passthrough_stories_per_s", "full_stories_per_s",
            "throughput_ratio", "offered_rate", "latency_ms_p50", "latency_ms_p95", "latency_ms_p99",
            "neardup_cost_us_1k", "neardup_cost_us_100k", "neardup_cost_ratio", "peak_heap_mb", "stories",
            "partitions", "guarantee");

    @Test
    void printsTheContractJsonAsItsLastLine() throws Exception {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new WirestreamCli()).setOut(new PrintWriter(out, true))
                .execute("bench", "--stories", "300", "--latency-seconds", "3", "--latency-warmup-seconds", "1", "--rate", "50",
                        "--retained", "100,400", "--cost-batch", "100", "--partitions", "2");
        assertThat(code).isZero();
        String[] lines = out.toString().strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);

        assertThat(json.isObject()).isTrue();
        CONTRACT.forEach(k -> assertThat(json.has(k)).as("key %s", k).isTrue());
        assertThat(json.path("neardup_index").asText()).as("which index the cost figures measured").isNotBlank();
        assertThat(json.path("passthrough_stories_per_s").asDouble()).isPositive();
        assertThat(json.path("full_stories_per_s").asDouble()).isPositive();
        assertThat(json.path("throughput_ratio").asDouble()).isPositive();
        // The rate from half the outputs on, once the JIT compilers have had the first half, and the cores they took.
        assertThat(json.path("full_stories_per_s_second_half").asDouble()).isPositive();
        assertThat(json.path("throughput_ratio_second_half").asDouble()).isPositive();
        assertThat(json.path("full_jit_cores").isNumber()).as("the compilers' CPU (Linux /proc)").isTrue();
        assertThat(json.path("full_jit_cores").asDouble()).isBetween(0.0, (double) Runtime.getRuntime().availableProcessors());
        // The stream thread's second half (null only when the poll that first saw half the outputs saw them all).
        assertThat(json.has("full_stream_threads_second_half")).isTrue();
        JsonNode late = json.path("full_stream_threads_second_half");
        if (!late.isNull()) {
            assertThat(late.path("blocked_share").asDouble()).isBetween(0.0, 1.0);
        }
        long p50 = json.path("latency_ms_p50").asLong();
        long p95 = json.path("latency_ms_p95").asLong();
        long p99 = json.path("latency_ms_p99").asLong();
        assertThat(p50).isPositive().isLessThanOrEqualTo(p95);
        assertThat(p95).isLessThanOrEqualTo(p99);
        assertThat(json.path("neardup_cost_us_1k").asDouble()).isPositive();
        assertThat(json.path("neardup_cost_us_100k").asDouble()).isPositive();
        assertThat(json.path("neardup_cost_ratio").asDouble()).isPositive();
        // Each stage's own cost per story, so later stages can be held to budgets.
        for (String stage : List.of("parse", "versions", "neardup", "cluster", "serdes")) {
            assertThat(json.path("stage_us_" + stage).asDouble()).as("stage_us_%s", stage).isPositive();
        }
        assertThat(json.path("neardup_detail").path("400").path("bucket_keys").asLong()).isPositive();
        assertThat(json.path("peak_heap_mb").asLong()).isPositive();
        assertThat(json.path("stories").asInt()).isEqualTo(300);
        assertThat(json.path("partitions").asInt()).isEqualTo(2);
        assertThat(json.path("offered_rate").asInt()).isEqualTo(50);
        assertThat(json.path("guarantee").asText()).isEqualTo("exactly_once_v2");
        // Alert latency (issue 13): the keys are always there; a run this small may see no alert at all.
        for (String k : List.of("alert_latency_ms_p50", "alert_latency_ms_p99", "alert_latency_ms_max", "alerts_timed")) {
            assertThat(json.has(k)).as("key %s", k).isTrue();
        }
        assertThat(json.path("commit_interval_ms").asText()).as("the commit interval the latency run used").isEqualTo("30");
        // Where the stream thread's time went while the timed wires were offered (ThreadTime): it committed, and each
        // commit took some time.
        JsonNode threads = json.path("latency_stream_threads");
        assertThat(threads.path("commits_per_s").asDouble()).isPositive();
        assertThat(threads.path("commit_ms_avg").asDouble()).isPositive();
        assertThat(threads.path("records_processed_per_s").asDouble()).isPositive();
        assertThat(threads.path("blocked_share").asDouble()).isBetween(0.0, 1.0);
        assertThat(threads.path("jit_cores").isNumber()).isTrue();
        assertThat(threads.path("jit_cores").asDouble()).isBetween(0.0, (double) Runtime.getRuntime().availableProcessors());
        assertThat(json.path("neardup_retained").toString()).isEqualTo("[100,400]");
        assertThat(json.path("latency_samples").asInt()).isEqualTo(json.path("latency_sent").asInt()).isEqualTo(150);
        // The untimed warm-up at the same rate (50 wires) is reported apart, never among the timed samples.
        assertThat(json.path("latency_warmup_seconds").asInt()).isEqualTo(1);
        assertThat(json.path("warmup_latency_ms_p99").asLong()).isPositive();
        // Every story accounted to exactly one output.
        JsonNode outputs = json.path("full_outputs");
        int sum = 0;
        for (JsonNode n : outputs) {
            sum += n.asInt();
        }
        assertThat(sum).isEqualTo(300);
        // What the broker carried per story: at least its one output, and the story's own outputs among the topics.
        JsonNode traffic = json.path("full_topic_traffic_per_story");
        assertThat(traffic.path("(total)").path(0).asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(traffic.has("stories.enriched")).isTrue();
        assertThat(traffic.has("sameness-buckets-changelog")).as("internal topics are named without the run's prefix").isTrue();
    }
}
