package io.wirestream.testing;

import io.wirestream.runtime.CommittedReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The condition integration tests wait for instead of sleeping: a Kafka Streams application has
 * committed past every record now in its input topics (wire.raw and its own repartition topics).
 * Under exactly-once its outputs are committed in the same transactions, so once this holds and a
 * read_committed reader has read to the end, nothing more can arrive for the input sent so far.
 *
 * <p>Compared with the last record's offset, not the end offset: an end offset counts transaction
 * markers, which a commit need not pass.
 */
public final class CaughtUp {

    private CaughtUp() {
    }

    public static boolean caughtUp(Map<String, Object> clientProps, String applicationId, String rawTopic)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(clientProps)) {
            List<String> inputs = new ArrayList<>(List.of(rawTopic));
            admin.listTopics().names().get().stream()
                    .filter(n -> n.startsWith(applicationId + "-") && n.endsWith("-repartition"))
                    .forEach(inputs::add);
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
            return lastRecordOffsets(clientProps, inputs).entrySet().stream().allMatch(e -> {
                OffsetAndMetadata c = committed.get(e.getKey());
                return c != null && c.offset() > e.getValue();
            });
        }
    }

    /** The offset of the last committed record of every partition that holds one. */
    private static Map<TopicPartition, Long> lastRecordOffsets(Map<String, Object> clientProps, List<String> topics) {
        Map<TopicPartition, Long> last = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = CommittedReader.open(clientProps, topics)) {
            Map<TopicPartition, Long> end = c.endOffsets(c.assignment());
            while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                    last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max);
                }
            }
        }
        return last;
    }
}
