package io.wirestream.ingest;

import io.wirestream.avro.RawWireItem;
import io.wirestream.serde.RawWireItemSerde;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes captured items to wire.raw: idempotent, acks=all, so a retry never doubles a wire. */
public final class WireProducer implements AutoCloseable {

    private final KafkaProducer<String, RawWireItem> producer;
    private final String topic;

    public WireProducer(Map<String, Object> clientProps, String topic) {
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new RawWireItemSerde().serializer());
        this.topic = topic;
    }

    public Future<RecordMetadata> send(RawItems.Captured c) {
        return producer.send(new ProducerRecord<>(topic, null, c.item().getReceivedAt().toEpochMilli(), c.key(), c.item()));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public RecordMetadata sendAndWait(RawItems.Captured c) throws ExecutionException, InterruptedException {
        return send(c).get();
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
