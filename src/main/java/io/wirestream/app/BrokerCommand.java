package io.wirestream.app;

import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.runtime.KafkaRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run only the embedded Kafka broker (topics created), print its address, stay up until stopped.")
final class BrokerCommand implements Callable<Integer> {

    @Mixin
    WirestreamCli.ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        WirestreamConfig config = connection.config().withBootstrapServers(null);
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
