package io.wirestream.ingest;

import io.wirestream.avro.RawWireItem;
import io.wirestream.formats.ParserRegistry;
import io.wirestream.serde.RawWireItemSerde;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes captured items to wire.raw: idempotent, acks=all, so a retry never doubles a wire.
 *
 * <p>Every item passes {@link RawItems#limited}: one over max.item.bytes is sent as a preview with
 * originalSize set, whichever producer captured it, so it becomes a dead letter with a reason instead of
 * a RecordTooLargeException that only the producer's log would show.
 */
public final class WireProducer implements ItemPublisher, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WireProducer.class);

    private final KafkaProducer<String, RawWireItem> producer;
    private final String topic;
    private final int maxItemBytes;

    /** With the default item limit ({@link ParserRegistry#DEFAULT_MAX_ITEM_BYTES}). */
    public WireProducer(Map<String, Object> clientProps, String topic) {
        this(clientProps, topic, ParserRegistry.DEFAULT_MAX_ITEM_BYTES);
    }

    /** @param maxItemBytes max.item.bytes, the same limit the parse stage applies */
    public WireProducer(Map<String, Object> clientProps, String topic, int maxItemBytes) {
        this.producer = new KafkaProducer<>(settings(clientProps, maxItemBytes), new StringSerializer(), new RawWireItemSerde().serializer());
        this.topic = topic;
        this.maxItemBytes = maxItemBytes;
    }

    /**
     * The producer's settings: ours, then the clients' own ({@code kafka.*}), which win, as README's "Kafka client
     * settings Wirestream sets itself" says; except acks=all and idempotence, without which an item the producer was
     * told is stored could be lost or doubled: a setting against them is logged and not taken.
     */
    static Map<String, Object> settings(Map<String, Object> clientProps, int maxItemBytes) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Room for an item at the limit plus the record envelope; the broker's message.max.bytes still applies.
        int maxRequest = Math.max(8 * 1024 * 1024, maxItemBytes + 1024 * 1024);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequest);
        p.putAll(clientProps);
        for (Map.Entry<String, Object> kept : Map.<String, Object>of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true").entrySet()) {
            Object given = p.put(kept.getKey(), kept.getValue());
            if (given != null && !given.toString().strip().equalsIgnoreCase(kept.getValue().toString())
                    && !(kept.getKey().equals(ProducerConfig.ACKS_CONFIG) && given.toString().strip().equals("-1"))) {
                LOG.warn("kafka.{}={} is not taken by the ingest producer: it keeps {}={}, so that no item it was told is "
                        + "stored is lost or doubled", kept.getKey(), given, kept.getKey(), kept.getValue());
            }
        }
        // The accumulator must hold two records of that size (as SizePolicy gives the Streams producer): at
        // Kafka's 32 MiB, max.item.bytes above about 31 MiB (allowed up to 64) made every such item fail to
        // publish, "larger than the total memory buffer", a file to error/ and an HTTP 503 retried for ever.
        long request = bytes(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, p.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (request < maxItemBytes + 1024L * 1024) {
            LOG.warn("kafka.max.request.size={} is below max.item.bytes ({}) plus a record's envelope: items near the limit will "
                    + "fail to publish (a file to error/, an HTTP 503)", request, maxItemBytes);
        }
        long buffer = 2L * request;
        Object given = p.get(ProducerConfig.BUFFER_MEMORY_CONFIG);
        if (given == null || bytes(ProducerConfig.BUFFER_MEMORY_CONFIG, given) < buffer) {
            p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L * 1024 * 1024, buffer));
        }
        return p;
    }

    /** A byte count as Kafka takes it (a whole number); anything else is a configuration error naming the setting. */
    private static long bytes(String setting, Object given) {
        try {
            return Long.parseLong(given.toString().strip());
        } catch (NumberFormatException e) {
            throw new org.apache.kafka.common.config.ConfigException(setting, given, "a number of bytes, such as 67108864");
        }
    }

    public int maxItemBytes() {
        return maxItemBytes;
    }

    public Future<RecordMetadata> send(RawItems.Captured captured) {
        RawItems.Captured c = RawItems.limited(captured, maxItemBytes);
        return producer.send(new ProducerRecord<>(topic, null, c.item().getReceivedAt().toEpochMilli(), c.key(), c.item()));
    }

    @Override
    public CompletableFuture<Void> publish(RawItems.Captured captured) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        RawItems.Captured c = RawItems.limited(captured, maxItemBytes);
        try {
            producer.send(new ProducerRecord<>(topic, null, c.item().getReceivedAt().toEpochMilli(), c.key(), c.item()),
                    (metadata, error) -> {
                        if (error == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(error);
                        }
                    });
        } catch (RuntimeException e) { // serialization, a closed producer, a record over max.request.size
            done.completeExceptionally(e);
        }
        return done;
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
