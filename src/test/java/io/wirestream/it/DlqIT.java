package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.app.WirestreamCli;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.RawWireItem;
import io.wirestream.ingest.RawItems;
import io.wirestream.runtime.CommittedReader;
import io.wirestream.serde.AvroSerde;
import io.wirestream.serde.RawWireItemSerde;
import io.wirestream.testing.PipelineFixture;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code wirestream dlq --replay} on the real broker, configured by a properties file: a whole dead
 * letter goes back to wire.raw with its source, format, item id and bytes; an oversized item's
 * preview does not; the replayed record is accounted for again (here: dead-lettered again, its
 * cause not being fixed).
 */
class DlqIT {

    @Test
    void replaysWholeDeadLettersToWireRawAndNeverPreviews() throws Exception {
        try (PipelineFixture pipeline = new PipelineFixture(1, StreamsConfig.EXACTLY_ONCE_V2)) {
            byte[] junk = new byte[2048];
            new Random(7).nextBytes(junk);
            junk[0] = 0;
            Instant now = Instant.now();
            pipeline.send(RawItems.of("acme", "ninjs", "broken.json", "test", junk, now, null));
            byte[] huge = new byte[pipeline.config.topology().maxItemBytes() + 1];
            java.util.Arrays.fill(huge, (byte) 'x');
            pipeline.send(RawItems.limited(RawItems.of("acme", null, "huge.txt", "test", huge, now, null),
                    pipeline.config.topology().maxItemBytes()));
            pipeline.flush();
            assertThat(pipeline.awaitSettled(Duration.ofSeconds(90)).get(pipeline.topics.dlq())).hasSize(2);

            Path config = Files.createTempFile("dlq", ".properties");
            Files.writeString(config, "bootstrap.servers=" + pipeline.kafka.bootstrapServers() + "\n"
                    + "topics.raw=" + pipeline.topics.raw() + "\n" + "topics.dlq=" + pipeline.topics.dlq() + "\n"
                    + "data.dir=" + Files.createTempDirectory("dlq-cli") + "\n");
            assertThat(WirestreamCli.execute(new String[] {"dlq", "--config", config.toString(), "--replay"})).isZero();

            List<RawWireItem> raw = readAll(pipeline, pipeline.topics.raw(), new RawWireItemSerde().deserializer()::deserialize);
            assertThat(raw).hasSize(3);
            RawWireItem replayed = raw.get(2);
            assertThat(replayed.getSource()).isEqualTo("acme");
            assertThat(replayed.getFormat()).isEqualTo("ninjs");
            assertThat(replayed.getItemId()).isEqualTo("broken.json");
            assertThat(bytes(replayed.getPayload())).isEqualTo(junk);

            List<DeadLetter> letters = new ArrayList<>();
            AvroSerde<DeadLetter> serde = AvroSerde.of(DeadLetter.class);
            pipeline.awaitSettled(Duration.ofSeconds(90)).get(pipeline.topics.dlq())
                    .forEach(r -> letters.add(serde.deserializer().deserialize(r.topic(), r.value())));
            assertThat(letters).hasSize(3);
            assertThat(letters.get(2).getRaw().getOffset()).as("the replay is a raw record of its own").isEqualTo(2);
        }
    }

    private static <T> List<T> readAll(PipelineFixture pipeline, String topic, java.util.function.BiFunction<String, byte[], T> decode) {
        List<T> out = new ArrayList<>();
        CommittedReader.readToEnd(pipeline.kafka.clientProps(), List.of(topic), Duration.ofSeconds(60))
                .forEach(r -> out.add(decode.apply(r.topic(), r.value())));
        return out;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
