package io.wirestream.app;

import io.wirestream.alert.AlertLine;
import io.wirestream.avro.Alert;
import io.wirestream.runtime.CommittedReader;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.serde.AvroSerde;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Tail the alerts topic (read_committed, from the beginning): one readable line per alert with level, "
                + "headline, sources, region, category and lateness; '~' after the level marks an update of an alert already sent.")
final class AlertsCommand implements Callable<Integer> {

    @Mixin
    WirestreamCli.ConnectionOptions connection;

    @Option(names = "--updates", description = "Also show updates of alerts already sent (more sources, a later headline).")
    boolean updates;

    @Mixin
    FollowOptions follow;

    @Override
    public Integer call() throws Exception {
        WirestreamConfig config = connection.config();
        AvroSerde<Alert> serde = AvroSerde.of(Alert.class);
        try (KafkaRuntime kafka = KafkaRuntime.connect(config);
             KafkaConsumer<String, byte[]> consumer = CommittedReader.open(kafka.clientProps(), List.of(config.topics().alerts()))) {
            follow.follow(consumer, r -> {
                Alert a = r.value() == null ? null : serde.decode(r.value());
                if (a == null || (a.getUpdate() && !updates)) {
                    return false;
                }
                System.out.println(AlertLine.format(a));
                return true;
            });
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        return 0;
    }
}
