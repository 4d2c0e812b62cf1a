package io.wirestream.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts committed records per topic from the beginning, without joining a group. Under exactly-once
 * end offsets include transaction markers, so counting means reading read_committed.
 */
public final class TopicCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public TopicCounter(Map<String, Object> clientProps, List<String> topics) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (String t : topics) {
            counts.put(t, 0L);
            for (PartitionInfo pi : consumer.partitionsFor(t, Duration.ofSeconds(10))) {
                parts.add(new TopicPartition(t, pi.partition()));
            }
        }
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
    }

    /** Reads what has arrived (up to the timeout) and returns the counts so far. */
    public Map<String, Long> poll(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            counts.merge(r.topic(), 1L, Long::sum);
        }
        return Map.copyOf(counts);
    }

    public long count(String topic) {
        return counts.getOrDefault(topic, 0L);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
