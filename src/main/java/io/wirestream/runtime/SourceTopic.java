package io.wirestream.runtime;

import io.wirestream.avro.Source;
import io.wirestream.serde.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The compacted topic wire.sources as a keyed table a person or the start-up can read and write: the
 * current record per source id (a delete is a tombstone), the bundled defaults seeded where an id has
 * never been written. The running topology reads the same topic as a GlobalKTable, so a put or a
 * delete applies to the next story without a restart.
 */
public final class SourceTopic {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientProps;
    private final String topic;
    private final AvroSerde<Source> serde = AvroSerde.of(Source.class);

    public SourceTopic(Map<String, Object> clientProps, String topic) {
        this.clientProps = Map.copyOf(clientProps);
        this.topic = topic;
    }

    /** Every id ever written, in first-written order, with its current record (null = deleted). */
    public Map<String, Source> readAll() {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Source> out = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo info : c.partitionsFor(topic, READ_TIMEOUT)) {
                parts.add(new TopicPartition(topic, info.partition()));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
                    if (r.key() != null) {
                        out.put(r.key(), r.value() == null ? null : serde.decode(r.value()));
                    }
                }
            }
        }
        return out;
    }

    /** Writes sources (keyed by id), waiting until the broker has them. */
    public void put(List<Source> sources) {
        send(sources.stream().map(s -> new ProducerRecord<>(topic, s.getId(), serde.encode(s))).toList());
    }

    /** Deletes a source: a tombstone, so compaction drops it and the seed does not bring it back. */
    public void delete(String id) {
        List<ProducerRecord<String, byte[]>> one = new ArrayList<>();
        one.add(new ProducerRecord<>(topic, id, null));
        send(one);
    }

    /**
     * Writes the defaults whose id the topic has never seen: an edited or deleted source stays as
     * the desk left it, a source added to the bundled catalogue reaches an existing topic.
     *
     * @return how many were written
     */
    public int seed(List<Source> defaults) {
        Map<String, Source> seen = readAll();
        List<Source> missing = defaults.stream().filter(s -> !seen.containsKey(s.getId())).toList();
        if (!missing.isEmpty()) {
            put(missing);
        }
        return missing.size();
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<String, byte[]> r : records) {
                sent.add(producer.send(r));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        }
    }
}
