package io.wirestream.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts committed records per topic from the beginning, without joining a group. Under exactly-once
 * end offsets include transaction markers, so counting means reading read_committed.
 */
public final class TopicCounter implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public TopicCounter(Map<String, Object> clientProps, List<String> topics) {
        topics.forEach(t -> counts.put(t, 0L));
        consumer = CommittedReader.open(clientProps, topics);
    }

    /** Reads what has arrived (up to the timeout) and returns the counts so far. */
    public Map<String, Long> poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            counts.merge(r.topic(), 1L, Long::sum);
        }
        return Map.copyOf(counts);
    }

    /**
     * Reads every partition up to its end as it is now (read_committed: the last stable offset, so
     * transaction markers and aborted records are passed over) and returns whether it got there in
     * time. After it, the counts are exact as of the call: a decision on them does not depend on how
     * fast one poll happened to be.
     */
    public boolean readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            poll(Duration.ofMillis(100));
        }
        return true;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    public long count(String topic) {
        return counts.getOrDefault(topic, 0L);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
