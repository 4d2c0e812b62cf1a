package io.wirestream.app;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Option;

/** How long the reading commands ({@code tail}, {@code alerts}) follow a topic, and the loop that does it. */
final class FollowOptions {

    @Option(names = {"-n", "--max"}, description = "Stop after this many records.")
    Long max;

    @Option(names = "--idle", defaultValue = "PT5S",
            description = "Stop when nothing arrives for this long (ISO-8601; default PT5S); PT0S follows forever.")
    Duration idle;

    /** Polls until {@link #max} records were shown or the topic stayed idle; {@code show} says whether it showed one. */
    void follow(KafkaConsumer<String, byte[]> consumer, Predicate<ConsumerRecord<String, byte[]>> show) {
        long shown = 0;
        Instant lastRecord = Instant.now();
        while (max == null || shown < max) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                lastRecord = Instant.now();
                if (show.test(r) && max != null && ++shown >= max) {
                    break;
                }
            }
            System.out.flush();
            if (!idle.isZero() && Duration.between(lastRecord, Instant.now()).compareTo(idle) > 0) {
                break;
            }
        }
    }
}
