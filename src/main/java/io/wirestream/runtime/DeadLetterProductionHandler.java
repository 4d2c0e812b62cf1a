package io.wirestream.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawRef;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.serde.AvroRecords;
import io.wirestream.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a record Kafka Streams cannot write (larger than max.record.bytes, refused by a
 * topic with a smaller limit, any other error of that one record): it becomes a dead letter on
 * wire.dlq (stage {@code write}, the reason, the raw reference of the story it was made from, and a
 * {@value SizePolicy#PREVIEW_BYTES}-byte preview of its bytes) and processing goes on. A record of a
 * topic in {@link #SKIP_TOPICS_CONFIG} (JSON mirrors, alerts: their story is already accounted for in
 * stories.enriched) is skipped with an ERROR log instead, so the accounting invariant still holds:
 * every raw story in exactly one of stories.enriched, stories.duplicates, wire.dlq. Either way it is
 * counted in {@code wirestream_records_unwritable_total{topic,outcome}}.
 *
 * <p>Retriable errors (broker away, leader moving) are retried, as by Kafka's default handler: they
 * are not about the record.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    /** Comma-separated topics whose unwritable records are skipped rather than dead-lettered. */
    public static final String SKIP_TOPICS_CONFIG = "wirestream.production.skip.topics";
    /** A Micrometer {@link MeterRegistry} (an object in the Streams properties) to count into; optional. */
    public static final String METRICS_CONFIG = "wirestream.metrics.registry";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private static final String STAGE = "write";
    private static final AvroSerde<EnrichedStory> STORIES = AvroSerde.of(EnrichedStory.class);
    private static final AvroSerde<Duplicate> DUPLICATES = AvroSerde.of(Duplicate.class);
    private static final AvroSerde<DeadLetter> DEAD_LETTERS = AvroSerde.of(DeadLetter.class);

    private String dlqTopic;
    private Set<String> skipTopics = Set.of();
    private PipelineMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        Object dlq = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        dlqTopic = dlq == null ? null : dlq.toString();
        Object skip = configs.get(SKIP_TOPICS_CONFIG);
        skipTopics = skip == null || skip.toString().isBlank() ? Set.of() : Set.of(skip.toString().split(","));
        metrics = configs.get(METRICS_CONFIG) instanceof MeterRegistry r ? new PipelineMetrics(r) : null;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        String reason = "cannot write to " + record.topic() + ": " + exception.getMessage();
        if (dlqTopic == null || skipTopics.contains(record.topic())) {
            LOG.error("Skipped a record of topic {} (input {}-{} offset {}): {}; its story is accounted for in another topic",
                    record.topic(), context.topic(), context.partition(), context.offset(), exception.toString());
            count(record.topic(), "skipped");
            return Response.resume();
        }
        DeadLetter letter = deadLetter(context, record.value(), reason, exception);
        LOG.error("Dead-lettered a record of topic {} (raw {}-{} offset {}): {}", record.topic(), letter.getRaw().getTopic(),
                letter.getRaw().getPartition(), letter.getRaw().getOffset(), reason);
        count(record.topic(), "dead_lettered");
        if (metrics != null) {
            metrics.deadLetter(letter);
        }
        return Response.resume(List.of(new ProducerRecord<>(dlqTopic, null, record.timestamp(), record.key(),
                DEAD_LETTERS.encode(letter))));
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        // A bug in a serde, never a property of the input: fail loudly, as Kafka's default handler does.
        LOG.error("Cannot serialize the {} of a record for topic {}", origin, record.topic(), exception);
        return Response.fail();
    }

    /**
     * The dead letter for a record that could not be written: its story's raw reference, source and
     * format when the record is one of our story-carrying values, else the input record's position.
     */
    static DeadLetter deadLetter(ErrorHandlerContext context, byte[] value, String reason, Exception exception) {
        DeadLetter.Builder b = DeadLetter.newBuilder()
                .setStage(STAGE)
                .setReason(reason)
                .setErrorClass(exception.getClass().getName())
                .setPayload(ByteBuffer.wrap(value == null ? new byte[0]
                        : Arrays.copyOf(value, Math.min(value.length, SizePolicy.PREVIEW_BYTES))));
        EnrichedStory story = decodeStory(value);
        DeadLetter letter = story == null ? decodeDeadLetter(value) : null;
        if (story != null) {
            b.setRaw(story.getRaw()).setSource(story.getSource()).setFormat(story.getFormat()).setReceivedAt(story.getReceivedAt());
        } else if (letter != null) {
            b.setRaw(letter.getRaw()).setSource(letter.getSource()).setFormat(letter.getFormat())
                    .setReceivedAt(letter.getReceivedAt()).setReason(reason + " (dead letter of stage " + letter.getStage()
                            + ": " + letter.getReason() + ")");
        } else {
            b.setRaw(RawRef.newBuilder().setTopic(String.valueOf(context.topic())).setPartition(context.partition())
                    .setOffset(context.offset()).build());
        }
        return b.build();
    }

    private static EnrichedStory decodeStory(byte[] value) {
        if (!AvroRecords.isSingleObject(value)) {
            return null;
        }
        try {
            return STORIES.decode(value);
        } catch (RuntimeException notAStory) {
            try {
                return DUPLICATES.decode(value).getStory();
            } catch (RuntimeException notADuplicate) {
                return null;
            }
        }
    }

    private static DeadLetter decodeDeadLetter(byte[] value) {
        if (!AvroRecords.isSingleObject(value)) {
            return null;
        }
        try {
            return DEAD_LETTERS.decode(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void count(String topic, String outcome) {
        if (metrics != null) {
            metrics.unwritable(topic, outcome);
        }
    }
}
