package io.wirestream.app;

import io.wirestream.runtime.WirestreamConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: {@code java -jar target/wirestream.jar <command> --help}. */
@Command(name = "wirestream", mixinStandardHelpOptions = true, version = "wirestream 0.1.0",
        description = "Kafka Streams wire-service ingester: parse, deduplicate, enrich and alert on agency copy.",
        subcommands = {BrokerCommand.class, RunCommand.class, ProduceCommand.class, TailCommand.class, AlertsCommand.class, SubscriptionsCommand.class,
                InspectCommand.class, DemoCommand.class, EvalCommand.class, BenchCommand.class, IdfCommand.class,
                GazetteerCommand.class, TrainCommand.class, ResetCommand.class, DlqCommand.class, SourcesCommand.class,
                CommandLine.HelpCommand.class})
public final class WirestreamCli implements Callable<Integer> {

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
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof WirestreamConfig.ConfigException) {
                cmd.getErr().println("configuration error: " + e.getMessage());
                return 2;
            }
            // a Kafka client refusing a setting passed through (kafka.*, WIRESTREAM_KAFKA_*): a configuration error too
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof org.apache.kafka.common.config.ConfigException) {
                    cmd.getErr().println("configuration error: " + c.getMessage());
                    return 2;
                }
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    /** Options every command that talks to Kafka shares. */
    /** The config file named on the command line, else the one WIRESTREAM_CONFIG names, else none. */
    static Path configFile(Path given) {
        String envFile = System.getenv("WIRESTREAM_CONFIG");
        return given == null && envFile != null && !envFile.isBlank() ? Path.of(envFile) : given;
    }

    public static final class ConnectionOptions {
        @Option(names = "--config", description = "Properties file (keys: bootstrap.servers, data.dir, partitions, "
                + "processing.guarantee, topics.*, kafka.*). Env WIRESTREAM_CONFIG.")
        Path configFile;

        @Option(names = {"-b", "--bootstrap-servers"}, description = "Existing Kafka cluster; without it an embedded broker starts.")
        String bootstrapServers;

        @Option(names = "--data-dir", description = "Embedded broker and Streams state (default ~/.wirestream).")
        Path dataDir;

        @Option(names = "--port", description = "Embedded broker client port (default 9092; a free port if taken).")
        Integer port;

        @Option(names = "--partitions", description = "Partitions of the topics created (default 3).")
        Integer partitions;

        @Option(names = "--guarantee", description = "exactly_once_v2 (default) or at_least_once.")
        String guarantee;

        /** File, then environment, then these options. */
        public WirestreamConfig config() {
            return WirestreamConfig.load(configFile(configFile), System.getenv())
                    .withBootstrapServers(bootstrapServers)
                    .withDataDir(dataDir)
                    .withBrokerPort(port)
                    .withPartitions(partitions)
                    .withGuarantee(guarantee);
        }
    }
}
