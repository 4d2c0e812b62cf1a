package io.wirestream.app;

import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.runtime.Progress;
import io.wirestream.eval.CorpusFormatException;
import io.wirestream.eval.EvalReport;
import io.wirestream.eval.Evaluator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wirestream eval TASK}: options only; the replay and scoring live in {@link Evaluator} so
 * they can be tested without a command line. The last line of stdout is the one JSON report
 * (DESIGN.md "Evaluation contract"); progress and errors go to stderr so scripts can take the last
 * line as is. Usage errors exit 2, like picocli's own.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score the pipeline on a story corpus or a folder of wire files.",
                "Replays the corpus through the real topology in memory and prints the task's scores",
                "as one JSON object on the last line of stdout.",
                "Tasks: categories, regions, neardup, clusters, alerts (with --corpus FILE.jsonl); fixtures (with --dir DIR)."})
final class EvalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "categories, regions, neardup, clusters, alerts or fixtures.")
    String task;

    @Mixin
    CategoryOptions categories;

    @Option(names = "--corpus", paramLabel = "FILE", description = "JSONL story corpus (shared/data/README.md format).")
    Path corpus;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder of wire files for the fixtures task (read recursively).")
    Path dir;

    @Option(names = "--details", paramLabel = "FILE", description = "Write one JSON line per story (or file): id, gold, predicted, correct or error.")
    Path details;

    @Mixin
    WirestreamCli.ConfigOptions settings;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Evaluator.Task> t = Evaluator.Task.fromId(task);
        if (t.isEmpty()) {
            err.println("eval: unknown task '" + task + "'; tasks: " + String.join(", ", Evaluator.Task.ids()));
            return 2;
        }
        boolean fixtures = t.get() == Evaluator.Task.FIXTURES;
        Path input = fixtures ? dir : corpus;
        String option = fixtures ? "--dir" : "--corpus";
        if (input == null) {
            err.println("eval " + t.get().id() + ": " + option + " is required"
                    + (fixtures ? " (a folder of wire files)" : " (a JSONL story corpus)"));
            return 2;
        }
        if (fixtures ? !Files.isDirectory(input) : !Files.isRegularFile(input)) {
            err.println("eval " + t.get().id() + ": " + (fixtures ? "no such folder: " : "no such corpus file: ") + input);
            return 2;
        }
        if ((fixtures ? corpus : dir) != null) {
            err.println("eval " + t.get().id() + ": takes " + option + ", not " + (fixtures ? "--corpus" : "--dir"));
            return 2;
        }
        WirestreamConfig config = settings.config();
        Evaluator evaluator = new Evaluator(config.topics(), categories.applyTo(config.topology()), (what, total) -> {
            Progress p = new Progress(what, total);
            return new Evaluator.ProgressSink() {
                @Override
                public void step() {
                    p.step();
                }

                @Override
                public void done() {
                    p.done();
                }
            };
        });
        EvalReport report;
        try {
            report = fixtures ? evaluator.evaluateFixtures(input, details) : evaluator.evaluate(t.get(), input, details);
        } catch (CorpusFormatException e) {
            err.println("eval " + t.get().id() + ": bad corpus: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            // AlertMetrics refuses a corpus whose ids repeat: a usage problem of the input, not a crash.
            err.println("eval " + t.get().id() + ": " + e.getMessage());
            return 2;
        }
        System.out.println(report.toJson());
        System.out.flush();
        return 0;
    }
}
