package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * A record that overflows the stack in a stage after parse costs that record a dead letter, and the stream
 * goes on with the next one (without the guard the error passes the processing exception handler by and the
 * replaced thread meets the same record again).
 */
class StageGuardTest {

    @Test
    void aStackOverflowInAStageIsTheRecordsDeadLetterAndTheStreamGoesOn() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "stage-guard-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, StageGuard.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "wire.dlq");
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(Recursive::new, org.apache.kafka.streams.kstream.Named.as("recursive-stage"))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic("wire.dlq", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());

            in.pipeInput("a", "fine");
            in.pipeInput("b", "deep");
            in.pipeInput("c", "fine again");

            assertThat(out.readValuesToList()).containsExactly("FINE", "FINE AGAIN");
            TestRecord<byte[], byte[]> letter = dlq.readRecord();
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("deep");
            assertThat(headerText(letter, "__streams.errors.exception"))
                    .isEqualTo(StageGuard.StageOverflow.class.getName());
            assertThat(headerText(letter, "__streams.errors.message")).contains("stack overflow in stage recursive-stage");
            assertThat(dlq.isEmpty()).isTrue();
        }
    }

    @Test
    void theWirestreamTopologyIsBuiltWithTheGuard() {
        Properties defaults = WirestreamTopology.withDefaults(new Properties());
        assertThat(defaults.get(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG)).isEqualTo(StageGuard.class);
    }

    private static String headerText(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Upper-cases its value; a value of "deep" recurses until the stack gives out. */
    private static final class Recursive implements FixedKeyProcessor<String, String, String> {
        private FixedKeyProcessorContext<String, String> context;

        @Override
        public void init(FixedKeyProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            if (record.value().equals("deep")) {
                descend(0);
            }
            context.forward(record.withValue(record.value().toUpperCase(java.util.Locale.ROOT)));
        }

        private static int descend(int depth) {
            return descend(depth + 1) + 1;
        }
    }
}
