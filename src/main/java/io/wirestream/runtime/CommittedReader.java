package io.wirestream.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer that reads what the pipeline committed: read_committed (under exactly-once, aborted
 * and open transactions are invisible, and end offsets count transaction markers, so counting means
 * reading this way), every partition of the given topics assigned directly (no consumer group, no
 * committed offsets), positioned at the beginning.
 */
public final class CommittedReader {

    private CommittedReader() {
    }

    /** How long the first call to the cluster (a topic's partitions) may take. */
    static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    /** "; topics here: a, b" (the cluster's own, not Kafka's or Kafka Streams' internal ones), so a misspelt name shows. */
    private static String topicsHere(KafkaConsumer<String, byte[]> consumer, java.time.Duration timeout) {
        try {
            List<String> names = consumer.listTopics(timeout).keySet().stream()
                    .filter(n -> !n.startsWith("_") && !n.endsWith("-changelog") && !n.endsWith("-repartition")).sorted().toList();
            return names.isEmpty() ? " (this cluster has no topics yet: nothing has run against it)" : "; topics here: " + String.join(", ", names);
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * @throws IllegalArgumentException naming a topic that does not exist
     * @throws WirestreamConfig.ConfigException when the cluster does not answer (a wrong address, a broker down)
     */
    public static KafkaConsumer<String, byte[]> open(Map<String, Object> clientProps, List<String> topics) {
        return open(clientProps, topics, METADATA_TIMEOUT);
    }

    static KafkaConsumer<String, byte[]> open(Map<String, Object> clientProps, List<String> topics, Duration metadataTimeout) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : topics) {
                List<PartitionInfo> infos;
                try {
                    infos = consumer.partitionsFor(t, metadataTimeout);
                } catch (TimeoutException e) {
                    // the first call to the cluster, as in KafkaRuntime.ensureTopics: a wrong address says so, not a stack trace
                    throw KafkaRuntime.unreachable(p.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG), metadataTimeout);
                }
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalArgumentException("no such topic: " + t + topicsHere(consumer, metadataTimeout));
                }
                infos.forEach(i -> parts.add(new TopicPartition(t, i.partition())));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Every committed record of the topics now, in the order read: each partition read to the end
     * offset it had when called. No deadline: for commands, whose user can interrupt them.
     */
    public static List<ConsumerRecord<String, byte[]>> readToEnd(Map<String, Object> clientProps, List<String> topics) {
        return readToEnd(clientProps, topics, null);
    }

    /**
     * As {@link #readToEnd(Map, List)}, giving up after {@code timeout}.
     *
     * @throws IllegalStateException when the end was not reached in time
     */
    public static List<ConsumerRecord<String, byte[]>> readToEnd(Map<String, Object> clientProps, List<String> topics,
                                                                 Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = open(clientProps, topics)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("committed records of " + topics + " not read to their end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
        }
        return records;
    }
}
