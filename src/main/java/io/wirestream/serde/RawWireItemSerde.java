package io.wirestream.serde;

import io.wirestream.avro.RawWireItem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * wire.raw values. Our producers write single-object encoded {@link RawWireItem}s; anyone else
 * (kcat, an agency's own Kafka producer) may write the wire bytes as they are, with the source and
 * format in headers ({@value #SOURCE_HEADER}, {@value #FORMAT_HEADER}). Such a value is wrapped, never
 * refused: deciding what the bytes are is the parse stage's job, where a failure becomes a dead letter.
 */
public final class RawWireItemSerde implements Serde<RawWireItem> {

    public static final String SOURCE_HEADER = "wirestream.source";
    public static final String FORMAT_HEADER = "wirestream.format";
    /** receivedAt of a wrapped value: 0 means "use the record timestamp", filled in by the parse stage. */
    public static final long RECEIVED_AT_UNKNOWN = 0L;

    /** Reads the current schema and every earlier one (avro-history), so wire.raw written before a schema change still replays. */
    private static final AvroSerde<RawWireItem> AVRO = AvroSerde.of(RawWireItem.class);

    @Override
    public Serializer<RawWireItem> serializer() {
        return AVRO.serializer();
    }

    @Override
    public Deserializer<RawWireItem> deserializer() {
        return new Deserializer<>() {
            @Override
            public RawWireItem deserialize(String topic, byte[] data) {
                return deserialize(topic, null, data);
            }

            @Override
            public RawWireItem deserialize(String topic, Headers headers, byte[] data) {
                if (data == null) {
                    return null;
                }
                if (AvroRecords.isSingleObject(data)) {
                    try {
                        return AVRO.decode(data);
                    } catch (RuntimeException e) {
                        // Starts like Avro but is not a RawWireItem: treat as wire bytes; the parser decides.
                    }
                }
                return RawWireItem.newBuilder()
                        .setItemId("")
                        .setSource(header(headers, SOURCE_HEADER, "unknown"))
                        .setFormat(header(headers, FORMAT_HEADER, "auto"))
                        .setReceivedAt(java.time.Instant.ofEpochMilli(RECEIVED_AT_UNKNOWN))
                        .setOrigin("kafka:" + topic)
                        .setPayload(ByteBuffer.wrap(data))
                        .build();
            }
        };
    }

    private static String header(Headers headers, String name, String fallback) {
        if (headers == null) {
            return fallback;
        }
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? fallback : new String(h.value(), StandardCharsets.UTF_8);
    }
}
