package io.wirestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WirestreamCliTest {

    @TempDir
    Path dir;

    /** Exit code and stderr of one command line. */
    record Ran(int exit, String err) {
        /** The one-line message an operator gets instead of a stack trace. */
        Ran isOneLineError() {
            assertThat(exit).as(err).isEqualTo(2);
            assertThat(err.strip().lines()).as(err).hasSize(1);
            assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
            return this;
        }
    }

    static Ran run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = WirestreamCli.execute(args);
        } finally {
            System.setErr(oldErr);
        }
        return new Ran(exit, err.toString(StandardCharsets.UTF_8));
    }

    /** Durations on the command line: ISO-8601 as in the settings, or the short forms people type. */
    @Test
    void durationsInIsoFormOrShort() {
        assertThat(WirestreamCli.duration("PT10M")).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(WirestreamCli.duration("P1D")).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(WirestreamCli.duration("5s")).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(WirestreamCli.duration("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(WirestreamCli.duration("2H")).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(WirestreamCli.duration("10 m")).isEqualTo(java.time.Duration.ofMinutes(10));
        Ran bad = run("tail", "stories.enriched", "--idle", "5x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'5x' is not a duration: write it as PT10M or 10m").contains("see: wirestream tail --help")
                .doesNotContain("Usage:");
        Ran typo = run("tail", "--idel", "5s");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("Unknown option: '--idel'").contains("--idle").contains("see: wirestream tail --help");
    }

    @Test
    void cliReportsConfigurationErrorsWithExitCode2() {
        assertThat(WirestreamCli.execute("produce", "--source", "x", "--format", "telex", "somefile")).isEqualTo(2);
    }

    @Test
    void aKafkaClientRefusingASettingIsAConfigurationErrorToo(@TempDir Path dir) throws Exception {
        // passed through to the clients as kafka.*: Kafka's own ConfigException, not a stack trace and exit 1
        Path config = Files.writeString(dir.resolve("wirestream.properties"), "kafka.security.protocol=BOGUS\n");
        assertThat(WirestreamCli.execute("run", "--config", config.toString(), "-b", "127.0.0.1:1", "--for", "PT1S")).isEqualTo(2);
    }

    @Test
    void aMissingOrBadRulesOrModelFileIsOneLineNamingTheOption() throws Exception {
        Path wire = Files.writeString(dir.resolve("wire.txt"), "A headline\n\nA body.\n");
        assertThat(run("inspect", "--rules", dir.resolve("none.yaml").toString(), wire.toString()).isOneLineError().err())
                .contains("--rules: cannot read category rules").contains("none.yaml: no such file or folder");
        assertThat(run("inspect", "--model", dir.resolve("none.tsv").toString(), wire.toString()).isOneLineError().err())
                .contains("--model: cannot read category model").contains("none.tsv: no such file or folder");
        Path topic = Files.writeString(dir.resolve("topic.yaml"), "rules:\n  - slug: X\n    topic: medtop:99000000\n");
        assertThat(run("inspect", "--rules", topic.toString(), wire.toString()).isOneLineError().err())
                .contains("--rules: " + topic + ": rule 1: not a Media Topic: medtop:99000000");
        Path key = Files.writeString(dir.resolve("key.yaml"), "rules:\n  - slugg: X\n    topic: medtop:15000000\n");
        assertThat(run("eval", "categories", "--corpus", wire.toString(), "--rules", key.toString()).isOneLineError().err())
                .contains("rule 1: unknown key 'slugg'");
        Path model = Files.writeString(dir.resolve("model.tsv"), "kind\tNO_SUCH_KIND\n");
        assertThat(run("inspect", "--model", model.toString(), wire.toString()).isOneLineError().err())
                .contains("--model: " + model + " is not a category model");
    }

    @Test
    void aPortOutOfRangeIsOneLineNamingTheOption() {
        assertThat(run("produce", "--http", "99999").isOneLineError().err()).contains("--http: a port is between 0 and 65535, not 99999");
        assertThat(run("run", "-b", "127.0.0.1:1", "--metrics-port", "70000", "--for", "PT1S").isOneLineError().err())
                .contains("--metrics-port: a port is between 0 and 65535, not 70000");
        assertThat(run("demo", "--desk-port", "65536").isOneLineError().err()).contains("--desk-port: a port is between 0 and 65535, not 65536");
        assertThat(run("tail", "--port", "-1", "wire.raw").isOneLineError().err()).contains("--port: a port is between 0 and 65535, not -1");
    }

    @Test
    void produceRefusesTheOptionsOfAnotherMode() throws Exception {
        Path wire = Files.writeString(dir.resolve("wire.txt"), "A headline\n\nA body.\n");
        assertThat(run("produce", "-s", "x", "--interval", "PT5S", wire.toString()).isOneLineError().err())
                .contains("--interval applies only with --feed");
        assertThat(run("produce", "-s", "x", "--bind", "127.0.0.1", "--watch", dir.toString()).isOneLineError().err())
                .contains("--bind applies only with --http");
        assertThat(run("produce", "-s", "x", "--stable-for", "PT10S", wire.toString()).isOneLineError().err())
                .contains("--stable-for applies only with --watch");
        assertThat(run("produce", "-s", "x", "--stable-for", "-PT1S", "--watch", dir.toString()).isOneLineError().err())
                .contains("--stable-for must not be negative");
        assertThat(run("produce", "-s", "x", "--id", "one", wire.toString()).isOneLineError().err())
                .contains("--id applies only with '-' (stdin)");
        assertThat(run("produce", "-s", "x", "--for", "PT5S", wire.toString()).isOneLineError().err())
                .contains("--for applies only with --watch, --feed or --http");
        assertThat(run("produce", "-s", "x", "--content-type", "text/plain; charset=latin-l", wire.toString()).isOneLineError().err())
                .contains("--content-type: unknown charset 'latin-l'");
        assertThat(run("produce", "--http", "0", "--content-type", "text/plain; charset=ISO-8859-1").isOneLineError().err())
                .contains("--content-type: a feed's responses and each POST declare their own");
    }

    @Test
    void missingInputFilesAreOneLine() {
        String missing = dir.resolve("none.tsv").toString();
        // sources put reads its file before reaching Kafka; train checks its inputs; idf is caught by the handler's net
        assertThat(run("sources", "put", missing).isOneLineError().err()).contains("cannot read " + missing + ": no such file or folder");
        assertThat(run("train", "--corpus", missing, "--out", dir.resolve("m.tsv").toString()).isOneLineError().err())
                .contains("--corpus: no such file: " + missing);
        assertThat(run("idf", "--corpus", missing, "--out", dir.resolve("idf.tsv").toString()).isOneLineError().err())
                .contains("no such file or folder: " + missing);
    }

    @Test
    void demoRefusesASpeedThatNeverMovesTheFeedClock() {
        // at 0 it printed "replaying 14 sample wires at 0.0x" and stalled after the first wire
        assertThat(run("demo", "--speed", "0").isOneLineError().err()).contains("--speed must be above 0");
        assertThat(run("demo", "--speed", "-2").isOneLineError().err()).contains("--speed must be above 0");
    }

    @Test
    void operatorProblemsAreOneLineAndBugsAreNot() {
        assertThat(WirestreamCli.operatorProblem(new NoSuchFileException("/x"))).isEqualTo("no such file or folder: /x");
        assertThat(WirestreamCli.operatorProblem(new UncheckedIOException("cannot read breaking phrases /x", new NoSuchFileException("/x"))))
                .isEqualTo("cannot read breaking phrases /x: no such file or folder");
        assertThat(WirestreamCli.operatorProblem(new BindException("Address already in use"))).contains("Address already in use");
        assertThat(WirestreamCli.operatorProblem(new ExecutionException(
                new org.apache.kafka.common.errors.TimeoutException("Timeout expired while fetching topic metadata"))))
                .contains("check bootstrap.servers");
        // a bug keeps its stack trace
        assertThat(WirestreamCli.operatorProblem(new IllegalStateException("bug"))).isNull();
        assertThat(WirestreamCli.operatorProblem(new IllegalArgumentException("bug"))).isNull();
        assertThat(WirestreamCli.operatorProblem(new NullPointerException())).isNull();
    }

    @Test
    void aPortInUseNamesTheOptionAndThePort() {
        assertThat(WirestreamCli.cannotListen("--http", "0.0.0.0", 8080, new BindException("Address already in use")))
                .hasMessage("--http: port 8080 is in use; choose another");
        assertThat(WirestreamCli.cannotListen("--http", "10.9.9.9", 8080, new BindException("Cannot assign requested address")))
                .hasMessage("--http: cannot listen on 10.9.9.9:8080: Cannot assign requested address");
    }

    @Test
    void eachCommandOffersOnlyTheConnectionOptionsItUses() {
        CommandLine cli = new CommandLine(new WirestreamCli());
        Set<String> connection = Set.of("--config", "--bootstrap-servers", "--data-dir", "--port", "--partitions", "--guarantee");
        // in memory: the settings file only
        assertThat(options(cli, "inspect")).containsOnly("--config");
        assertThat(options(cli, "eval")).containsOnly("--config");
        // the broker itself: no cluster to connect to, no Streams application
        assertThat(options(cli, "broker")).containsOnly("--config", "--data-dir", "--port", "--partitions");
        assertThat(options(cli, "run")).containsExactlyInAnyOrderElementsOf(connection);
        assertThat(options(cli, "demo")).containsExactlyInAnyOrderElementsOf(connection);
        // clients create topics (produce, sources, subscriptions put/delete) or only read them (tail, alerts, dlq, reset)
        for (String creates : new String[] {"produce", "sources put", "sources list", "sources delete", "subscriptions put",
                "subscriptions delete"}) {
            assertThat(options(cli, creates)).as(creates).containsOnly("--config", "--bootstrap-servers", "--data-dir", "--port", "--partitions");
        }
        for (String reads : new String[] {"tail", "alerts", "dlq", "reset", "subscriptions list"}) {
            assertThat(options(cli, reads)).as(reads).containsOnly("--config", "--bootstrap-servers", "--data-dir", "--port");
        }
    }

    /** The connection options a (sub)command offers, by their long names. */
    private static Set<String> options(CommandLine cli, String command) {
        CommandLine c = cli;
        for (String name : command.split(" ")) {
            c = c.getSubcommands().get(name);
        }
        return c.getCommandSpec().options().stream().map(CommandLine.Model.OptionSpec::longestName)
                .filter(Set.of("--config", "--bootstrap-servers", "--data-dir", "--port", "--partitions", "--guarantee")::contains)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void idfsExampleCanBePastedIntoAShell() {
        String usage = new CommandLine(new WirestreamCli()).getSubcommands().get("idf").getUsageMessage(CommandLine.Help.Ansi.OFF);
        // a line ending in two backslashes is a literal backslash, not a continuation: the pasted command stopped there
        assertThat(usage.lines().filter(l -> l.stripTrailing().endsWith("\\"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l.stripTrailing()).doesNotEndWith("\\\\"));
    }
}
