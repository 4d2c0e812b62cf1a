package io.wirestream.app;

import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.runtime.Progress;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.bench.Bench;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wirestream bench}: the benchmark of DESIGN.md; the logic is in {@link Bench}. Progress on
 * stderr, one JSON object as the last line of stdout, so scripts can take {@code tail -1}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure throughput, latency and state cost on an embedded broker.",
                "Pass-through vs full topology throughput, end-to-end latency at a fixed rate, and the",
                "per-story cost of the near-dup index at two sizes and of each stage. Prints one JSON line last."})
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--stories", description = "Wires for the throughput runs (default 50000; 5000 with --quick).")
    Integer stories;

    @Option(names = "--partitions", description = "Partitions of every topic (default 3).")
    Integer partitions;

    @Option(names = "--rate", description = "Offered rate of the latency run, wires per second (default 200).")
    Integer rate;

    @Option(names = "--latency-seconds", description = "Length of the latency run (default 25; 10 with --quick).")
    Integer latencySeconds;

    @Option(names = "--latency-warmup-seconds", description = {"Wires offered at the same rate before the timed latency run, "
            + "timed apart as warmup_* (default 30; 5 with --quick; 0 for none): a fresh application's first seconds."})
    Integer latencyWarmupSeconds;

    @Option(names = "--guarantee", description = "exactly_once_v2 (default) or at_least_once.")
    String guarantee;

    @Option(names = "--seed", description = "Seed of the generated wires (default 42).")
    Long seed;

    @Option(names = "--retained", split = ",", paramLabel = "SMALL,LARGE",
            description = "Stories in the near-dup index for the two cost figures (default 1000,100000; 1000,20000 with --quick).")
    int[] retained;

    @Option(names = "--cost-batch", description = "Wires timed per round of the index cost (default 2000; 1000 with --quick).")
    Integer costBatch;

    @Option(names = "--quick", description = "A run of well under a minute: 5000 wires, 10 s latency run, 1k vs 20k retained.")
    boolean quick;

    @Option(names = "--index-only", description = {"Only the near-dup index and stage costs, no broker: e.g. "
            + "--index-only --retained 1000,100000 for the index at 100,000 retained stories."})
    boolean indexOnly;

    @Option(names = "--data-dir", description = "Broker and Streams state (default: a temporary folder, deleted after).")
    Path dataDir;

    @Option(names = "--latency-trace", paramLabel = "CSV",
            description = "Write every latency sample (send time, output, latency) of the latency run to this file.")
    Path latencyTrace;

    @Override
    public Integer call() throws Exception {
        Bench.Options d = quick ? Bench.Options.quickDefaults() : Bench.Options.defaults();
        if (retained != null && (retained.length != 2 || retained[0] < 1 || retained[1] < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--retained takes two positive sizes, e.g. 1000,100000");
        }
        if (guarantee != null) {
            WirestreamConfig.defaults().withGuarantee(guarantee); // validates, naming the key
        }
        Bench.Options o = new Bench.Options(
                positive("--stories", stories, d.stories()),
                positive("--partitions", partitions, d.partitions()),
                positive("--rate", rate, d.rate()),
                latencySeconds == null ? d.latencyPhase() : Duration.ofSeconds(positive("--latency-seconds", latencySeconds, 0)),
                latencyWarmupSeconds == null ? d.latencyWarmup() : Duration.ofSeconds(notNegative("--latency-warmup-seconds", latencyWarmupSeconds)),
                guarantee == null ? d.guarantee() : guarantee,
                seed == null ? d.seed() : seed,
                retained == null ? d.retainedSmall() : retained[0],
                retained == null ? d.retainedLarge() : retained[1],
                positive("--cost-batch", costBatch, d.costBatch()),
                dataDir,
                quick,
                latencyTrace);
        Bench bench = new Bench(o, System.err);
        Map<String, Object> result = indexOnly ? bench.runIndexOnly() : bench.run();
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(result));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int notNegative(String option, int given) {
        if (given < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be at least 0, not " + given);
        }
        return given;
    }

    private int positive(String option, Integer given, int dflt) {
        if (given == null) {
            return dflt;
        }
        if (given < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be at least 1, not " + given);
        }
        return given;
    }
}
