package io.wirestream.testing;

import io.wirestream.runtime.CommittedReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
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
 *
 * <p>A transaction's commit markers reach its partitions one by one: the group's offsets can show
 * the commit while the records it wrote to a repartition or output topic are still invisible to a
 * read_committed reader. So the offsets alone could say "caught up" with nothing yet readable (CI saw
 * exactly that: a burst handled in one transaction, every output read as empty). The condition
 * therefore also asks that none of the application's transactions be between begin and complete,
 * and reads offsets and records twice around that question: a commit that completed in between
 * changes the second reading.
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
            Reading before = reading(admin, clientProps, applicationId, inputs);
            if (!before.caughtUp() || transactionInFlight(admin, applicationId)) {
                return false;
            }
            return before.equals(reading(admin, clientProps, applicationId, inputs));
        }
    }

    /** The group's committed offsets and the last committed record of every input partition, read once. */
    private record Reading(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> lastRecords) {

        boolean caughtUp() {
            return lastRecords.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), -1L) > e.getValue());
        }
    }

    private static Reading reading(Admin admin, Map<String, Object> clientProps, String applicationId, List<String> inputs)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        offsets.forEach((tp, o) -> {
            if (o != null) {
                committed.put(tp, o.offset());
            }
        });
        return new Reading(committed, lastRecordOffsets(clientProps, inputs));
    }

    /** Whether one of the application's transactions has begun and not yet written all its markers. */
    private static boolean transactionInFlight(Admin admin, String applicationId) throws ExecutionException, InterruptedException {
        return admin.listTransactions().all().get().stream()
                .filter(t -> t.transactionalId().startsWith(applicationId + "-"))
                .anyMatch(t -> IN_FLIGHT.contains(t.state()));
    }

    private static final Set<TransactionState> IN_FLIGHT = EnumSet.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE, TransactionState.UNKNOWN);

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
