package io.wirestream.app;

import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.runtime.KafkaRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run only the embedded Kafka broker (topics created), print its address, stay up until stopped.")
final class BrokerCommand implements Callable<Integer> {

    // No -b: this command is the broker, so the options are where it keeps its data and listens.
    @Mixin
    WirestreamCli.ConfigOptions settings;

    @Mixin
    WirestreamCli.BrokerOptions broker;

    @Mixin
    WirestreamCli.PartitionsOption partitions;

    @Override
    public Integer call() throws Exception {
        // This command is the broker: a configured bootstrap.servers (file, env) is for the clients.
        WirestreamConfig config = partitions.applyTo(broker.applyTo(settings.config())).withEmbeddedBroker();
        try (ShutdownSignal stop = new ShutdownSignal(); KafkaRuntime kafka = KafkaRuntime.start(config)) {
            kafka.ensureTopics(config.topics(), config.partitions());
            System.out.println("Kafka broker ready at " + kafka.bootstrapServers() + " (data " + config.dataDir() + ")");
            System.out.println("Next: wirestream run --bootstrap-servers " + kafka.bootstrapServers());
            System.out.flush();
            stop.await(null);
        }
        return 0;
    }
}
