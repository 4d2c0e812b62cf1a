package io.wirestream.app;

import io.wirestream.runtime.ApplicationReset;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.WirestreamConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Make the next `run` reprocess wire.raw from its first record with empty state: deletes the "
                + "application's consumer group (committed offsets), its internal repartition and changelog topics "
                + "and this machine's local state. wire.raw is kept. Stop every instance first.",
                "Other instances' machines: `reset --local-only` there (or remove their state directory)."})
final class ResetCommand implements Callable<Integer> {

    @Mixin
    WirestreamCli.ConnectionOptions connection;

    @Option(names = "--truncate-outputs", description = "Also delete the records of the output topics (enriched, "
            + "duplicates, dead letters, alerts, desk alerts, mirrors, categories), so consumers reading from the start see each story once.")
    boolean truncateOutputs;

    @Option(names = "--local-only", description = "Only delete this machine's local state (for the other instances).")
    boolean localOnly;

    @Option(names = "--dry-run", description = "Say what would be deleted; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        WirestreamConfig config = connection.config();
        if (localOnly) {
            // this machine's folder only: no cluster to reach, and no embedded broker to start for it
            ApplicationReset.Plan plan = new ApplicationReset(java.util.Map.of(), config.applicationId(),
                    KafkaRuntime.stateDir(config), config.topics()).reset(truncateOutputs, true, dryRun);
            System.out.println((dryRun ? "would reset " : "reset ") + plan.describe());
            return 0;
        }
        try (KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            ApplicationReset reset = new ApplicationReset(kafka.clientProps(), config.applicationId(), kafka.stateDir(),
                    config.topics());
            ApplicationReset.Plan plan = reset.reset(truncateOutputs, localOnly, dryRun);
            System.out.println((dryRun ? "would reset " : "reset ") + plan.describe());
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("wirestream reset: " + e.getMessage());
            return 1;
        }
    }
}
