package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.Stories;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterProductionHandlerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();

    DeadLetterProductionHandlerTest() {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "wire.dlq",
                DeadLetterProductionHandler.SKIP_TOPICS_CONFIG, "stories.enriched.json,alerts",
                DeadLetterProductionHandler.METRICS_CONFIG, registry));
    }

    @Test
    void aStoryTooLargeToWriteBecomesABoundedDeadLetterWithItsRawReference() {
        EnrichedStory story = Stories.aStory("ap:urn:big").build();
        story.setBody(java.util.List.of("x".repeat(200_000)));
        byte[] value = AvroSerde.of(EnrichedStory.class).encode(story);

        ProductionExceptionHandler.Response r = handler.handleError(context(), new ProducerRecord<>("stories.enriched",
                "k".getBytes(), value), new RecordTooLargeException("too large"));

        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(dlq -> {
            assertThat(dlq.topic()).isEqualTo("wire.dlq");
            DeadLetter d = AvroSerde.of(DeadLetter.class).decode(dlq.value());
            assertThat(d.getStage()).isEqualTo("write");
            assertThat(d.getReason()).isEqualTo("cannot write to stories.enriched: too large");
            assertThat(d.getRaw()).isEqualTo(story.getRaw());
            assertThat(d.getSource()).isEqualTo(story.getSource());
            assertThat(d.getPayload().remaining()).isEqualTo(SizePolicy.PREVIEW_BYTES);
        });
        assertThat(registry.counter("wirestream.records.unwritable", "topic", "stories.enriched", "outcome", "dead_lettered")
                .count()).isEqualTo(1);
    }

    @Test
    void aMirrorRecordIsSkippedNotDeadLetteredSoTheStoryIsNotCountedTwice() {
        ProductionExceptionHandler.Response r = handler.handleError(context(),
                new ProducerRecord<>("stories.enriched.json", "k".getBytes(), new byte[10]), new RecordTooLargeException("too large"));
        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).isEmpty();
        assertThat(registry.counter("wirestream.records.unwritable", "topic", "stories.enriched.json", "outcome", "skipped")
                .count()).isEqualTo(1);
    }

    @Test
    void aRetriableErrorIsRetried() {
        ProductionExceptionHandler.Response r = handler.handleError(context(),
                new ProducerRecord<>("stories.enriched", "k".getBytes(), new byte[10]), new NotLeaderOrFollowerException("moving"));
        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
    }

    @Test
    void theRecordLimitLeavesRoomForADeadLetterWithTheWholeItem() {
        assertThat(SizePolicy.defaultRecordBytes(4 * 1024 * 1024)).isEqualTo(17 * 1024 * 1024);
        assertThatThrownBy(() -> WirestreamConfig.from(Map.of("max.record.bytes", "4194304")))
                .isInstanceOf(WirestreamConfig.ConfigException.class).hasMessageContaining("max.record.bytes");
        assertThat(WirestreamConfig.from(Map.of("max.item.bytes", "1048576")).sizes().maxRecordBytes())
                .isEqualTo(5 * 1024 * 1024);
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            public String topic() { return "wirestream-stories-by-key-repartition"; }
            public int partition() { return 0; }
            public long offset() { return 7; }
            public Headers headers() { return new RecordHeaders(); }
            public String processorNodeId() { return "enriched-sink"; }
            public TaskId taskId() { return new TaskId(1, 0); }
            public long timestamp() { return 0; }
            public byte[] sourceRawKey() { return null; }
            public byte[] sourceRawValue() { return null; }
        };
    }
}
