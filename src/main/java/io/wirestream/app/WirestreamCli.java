package io.wirestream.app;

import io.wirestream.runtime.FileErrors;
import io.wirestream.runtime.WirestreamConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Entry point: {@code java -jar target/wirestream.jar <command> --help}. */
@Command(name = "wirestream", mixinStandardHelpOptions = true, version = "wirestream 0.1.0",
        description = "Kafka Streams wire-service ingester: parse, deduplicate, enrich and alert on agency copy.",
        subcommands = {BrokerCommand.class, RunCommand.class, ProduceCommand.class, TailCommand.class, AlertsCommand.class, SubscriptionsCommand.class,
                InspectCommand.class, DemoCommand.class, EvalCommand.class, BenchCommand.class, IdfCommand.class,
                GazetteerCommand.class, TrainCommand.class, ResetCommand.class, DlqCommand.class, SourcesCommand.class,
                CommandLine.HelpCommand.class})
public final class WirestreamCli implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(WirestreamCli.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        // Avro refuses to instantiate generated classes it was not told to trust (AVRO-4189).
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES",
                System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.wirestream"));
        CommandLine cli = new CommandLine(new WirestreamCli());
        cli.registerConverter(java.time.Duration.class, WirestreamCli::duration);
        // A mistyped option or value: the problem and where to read more, not the whole usage (exit 2, as picocli's)
        cli.setParameterExceptionHandler((e, args1) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
            cmd.getErr().println("see: wirestream " + (cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^wirestream ?", "")
                    + " --help").strip());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String problem = operatorProblem(e);
            if (problem == null) {
                throw e; // a bug: picocli prints the whole trace, exit 1
            }
            LOG.debug("{} failed", cmd.getCommandSpec().qualifiedName(), e);
            cmd.getErr().println((setting(e) ? "configuration error: " : "error: ") + problem);
            return 2;
        });
        return cli.execute(args);
    }

    /** "30s", "10m", "500ms": a whole number and a unit. */
    private static final java.util.regex.Pattern SHORT_DURATION = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A duration option's value: ISO-8601 as everywhere in the settings (PT10M, P1D), or the short forms people type
     * (500ms, 30s, 10m, 2h, 1d).
     */
    static java.time.Duration duration(String value) {
        String v = value.strip();
        java.util.regex.Matcher m = SHORT_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
                case "ms" -> java.time.Duration.ofMillis(n);
                case "s" -> java.time.Duration.ofSeconds(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofDays(n);
            };
        }
        try {
            return java.time.Duration.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: write it as PT10M or 10m (also ms, s, h, d)");
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    /**
     * What the operator can put right (a setting, a file named, a port, Kafka's address), in one line; null
     * for anything else, a bug, whose trace is printed whole. Commands that know which option failed say so
     * themselves with a {@link WirestreamConfig.ConfigException}; this is the net under the rest.
     */
    static String operatorProblem(Throwable e) {
        if (e instanceof WirestreamConfig.ConfigException) {
            return e.getMessage();
        }
        String file = FileErrors.describe(e);
        if (file != null) {
            return file;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            // a Kafka client refusing a setting passed through (kafka.*, WIRESTREAM_KAFKA_*): a configuration error too
            if (c instanceof org.apache.kafka.common.config.ConfigException) {
                return c.getMessage();
            }
            if (c instanceof java.net.BindException) {
                return "cannot listen: " + c.getMessage() + " (a port given is taken, or the address is not this machine's)";
            }
            if (c instanceof org.apache.kafka.common.errors.TimeoutException) {
                return "Kafka did not answer in time (" + c.getMessage() + "): check bootstrap.servers "
                        + "(WIRESTREAM_BOOTSTRAP_SERVERS, -b) and that the broker is up";
            }
        }
        return null;
    }

    /** A setting refused (ours or a Kafka client's), as opposed to a file, a port or a cluster the operator named. */
    static boolean setting(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof WirestreamConfig.ConfigException || c instanceof org.apache.kafka.common.config.ConfigException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A port given on the command line, checked as broker.port is in the settings: out of range it was
     * the JDK's IllegalArgumentException and a stack trace, for run --metrics-port only after Kafka
     * Streams had started.
     */
    static Integer port(String option, Integer port) {
        if (port != null && (port < 0 || port > 65535)) {
            throw new WirestreamConfig.ConfigException(option + ": a port is between 0 and 65535, not " + port);
        }
        return port;
    }

        /** A port given on the command line that cannot be listened on: taken, mostly, or an address not this machine's. */
    static WirestreamConfig.ConfigException cannotListen(String option, String address, int port, java.net.BindException e) {
        String why = e.getMessage() != null && e.getMessage().contains("in use") ? "port " + port + " is in use; choose another"
                : "cannot listen on " + address + ":" + port + ": " + e.getMessage();
        return new WirestreamConfig.ConfigException(option + ": " + why);
    }

    /** The config file named on the command line, else the one WIRESTREAM_CONFIG names, else none. */
    static Path configFile(Path given) {
        String envFile = System.getenv("WIRESTREAM_CONFIG");
        return given == null && envFile != null && !envFile.isBlank() ? Path.of(envFile) : given;
    }

    /**
     * {@code --config}: the settings (file, then environment) of a command that needs no broker
     * ({@code inspect}, {@code eval}); the other mixins add what a command that talks to Kafka uses, so
     * help offers no option the command would ignore.
     */
    public static final class ConfigOptions {
        @Option(names = "--config", paramLabel = "FILE",
                description = "Properties file of settings (README, Configuration; as for run). Env WIRESTREAM_CONFIG.")
        Path configFile;

        /** File, then environment. */
        public WirestreamConfig config() {
            return WirestreamConfig.load(configFile(configFile), System.getenv());
        }
    }

    /** Where the embedded broker keeps its data and listens: the {@code broker} command, and any client that starts one. */
    public static final class BrokerOptions {
        @Option(names = "--data-dir", description = "Embedded broker and Streams state (default ~/.wirestream).")
        Path dataDir;

        @Option(names = "--port", description = "Embedded broker client port (default 9092; a free port if taken).")
        Integer port;

        WirestreamConfig applyTo(WirestreamConfig config) {
            return config.withDataDir(dataDir).withBrokerPort(port("--port", port));
        }
    }

    /** Options every command that talks to Kafka shares: the settings, and an existing cluster or the embedded broker. */
    public static final class ConnectionOptions {
        @Option(names = "--config", paramLabel = "FILE", description = "Properties file (keys: bootstrap.servers, data.dir, partitions, "
                + "processing.guarantee, topics.*, kafka.*). Env WIRESTREAM_CONFIG.")
        Path configFile;

        @Option(names = {"-b", "--bootstrap-servers"}, description = "Existing Kafka cluster; without it an embedded broker starts.")
        String bootstrapServers;

        @Mixin
        BrokerOptions broker;

        /** File, then environment, then these options. */
        public WirestreamConfig config() {
            return broker.applyTo(WirestreamConfig.load(configFile(configFile), System.getenv()).withBootstrapServers(bootstrapServers));
        }
    }

    /** {@code --partitions}: for the commands that create the topics when missing. */
    public static final class PartitionsOption {
        @Option(names = "--partitions", description = "Partitions of the topics created (default 3).")
        Integer partitions;

        WirestreamConfig applyTo(WirestreamConfig config) {
            return config.withPartitions(partitions);
        }
    }

    /** {@code --guarantee}: for the commands that run the Streams application. */
    public static final class GuaranteeOption {
        @Option(names = "--guarantee", description = "exactly_once_v2 (default) or at_least_once.")
        String guarantee;

        WirestreamConfig applyTo(WirestreamConfig config) {
            return config.withGuarantee(guarantee);
        }
    }
}
