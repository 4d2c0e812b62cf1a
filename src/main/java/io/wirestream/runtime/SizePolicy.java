package io.wirestream.runtime;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The one size policy, from ingest to every output and internal topic. Two numbers decide it:
 *
 * <ul>
 *   <li>{@code max.item.bytes} (default 4 MiB): the largest wire item the pipeline parses. Producers
 *       send a larger item as a {@value #PREVIEW_BYTES}-byte preview with its original size, the
 *       HTTP ingest answers 413, and the parse stage dead-letters it ("oversized item").</li>
 *   <li>{@code max.record.bytes} (default {@code 4 × max.item.bytes + 1 MiB} = 17 MiB): the largest
 *       record any of our writers produces. It is the producer's {@code max.request.size} (Kafka
 *       Streams and producers), {@code max.message.bytes} of every topic we create and of the internal
 *       (repartition, changelog) topics through the {@code topic.} prefix, and {@code message.max.bytes}
 *       of the embedded broker. Four times the item limit because a parsed story carries its text
 *       and its HTML (about twice the raw size), and its JSON mirror as much again.</li>
 * </ul>
 *
 * <p>What a dead letter carries: the raw bytes whole when the item is within max.item.bytes (so it
 * always fits, max.record.bytes being at least max.item.bytes plus {@value #ENVELOPE_BYTES}); a
 * {@value #PREVIEW_BYTES}-byte preview when the item was oversized, or when a record made from it could
 * not be written (larger than max.record.bytes or than a smaller limit of an existing topic): then
 * {@link DeadLetterProductionHandler} writes a dead letter with that preview, stage {@code write}, and
 * processing goes on. No record can stall the pipeline.
 *
 * @param maxItemBytes   largest wire item parsed
 * @param maxRecordBytes largest record written to any topic
 */
public record SizePolicy(int maxItemBytes, int maxRecordBytes) {

    /** How much of an oversized item, or of a record that could not be written, a dead letter keeps. */
    public static final int PREVIEW_BYTES = 64 * 1024;
    /** Room for the Avro envelope and Kafka's record overhead around an item's bytes. */
    public static final int ENVELOPE_BYTES = 64 * 1024;
    private static final int MIB = 1024 * 1024;

    public SizePolicy {
        if (maxRecordBytes < maxItemBytes + ENVELOPE_BYTES) {
            throw new WirestreamConfig.ConfigException("max.record.bytes must be at least max.item.bytes + " + ENVELOPE_BYTES
                    + " (" + (maxItemBytes + ENVELOPE_BYTES) + "), so a dead letter with the raw bytes always fits; not "
                    + maxRecordBytes);
        }
    }

    /** The default record limit for an item limit: room for text, HTML and the JSON mirror. */
    public static int defaultRecordBytes(int maxItemBytes) {
        return (int) Math.min(Integer.MAX_VALUE - MIB, 4L * maxItemBytes + MIB);
    }

    /** Producer settings (Kafka Streams' producer and ours). */
    public Map<String, Object> producerProps() {
        return Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes,
                // The accumulator must hold at least one record of the limit.
                ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L * MIB, 2L * maxRecordBytes));
    }

    /** Topic settings for every topic we create. */
    public Map<String, String> topicConfigs() {
        return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRecordBytes));
    }

    /** Applies the policy to Kafka Streams settings: its producer and its internal topics. */
    public void applyTo(Properties streams) {
        producerProps().forEach((k, v) -> streams.put(StreamsConfig.producerPrefix(k), v));
        topicConfigs().forEach((k, v) -> streams.put(StreamsConfig.topicPrefix(k), v));
    }
}
