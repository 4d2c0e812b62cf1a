package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.ingest.RawItems;
import io.wirestream.testing.Kcat;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * kcat (Debian's, librdkafka: a real client that shares no code with ours) reads the JSON mirror
 * read_committed from the embedded broker, and writes raw wire bytes that the pipeline parses:
 * the topics are usable from outside Java.
 */
class KcatIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void kcatConsumesTheJsonMirrorAndProducesRawWires() throws Exception {
        assumeTrue(Kcat.installed(), "kcat not installed (apt-get install -y kcat); .ci/run installs it");
        try (PipelineFixture pipeline = new PipelineFixture(3, StreamsConfig.EXACTLY_ONCE_V2)) {
            Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            for (int i = 0; i < 5; i++) {
                WireItems.Ninjs n = WireItems.ninjs("urn:kcat:" + i).headline("Kcat story " + i).at(t0.plusSeconds(i));
                pipeline.send(RawItems.of("ap", "ninjs", "kcat-" + i, "test", n.bytes(), n.time(), null));
            }
            // A raw wire written by kcat itself, with no Avro envelope: the format is detected.
            Path wire = Files.createTempFile("kcat-wire", ".json");
            Files.write(wire, WireItems.ninjs("urn:kcat:from-kcat").headline("Written by kcat").at(t0).bytes());
            Kcat.run(List.of("kcat", "-b", pipeline.kafka.bootstrapServers(), "-P", "-t", pipeline.topics.raw(), "-k", "kcat:1",
                    "-H", "wirestream.source=kcat", wire.toString()));
            pipeline.flush();

            await("6 stories in the JSON mirror").atMost(Duration.ofSeconds(60))
                    .until(() -> pipeline.read().get(pipeline.topics.enrichedJson()).size() >= 6);

            String out = Kcat.run(List.of("kcat", "-b", pipeline.kafka.bootstrapServers(), "-C", "-t", pipeline.topics.enrichedJson(),
                    "-o", "beginning", "-e", "-q", "-X", "isolation.level=read_committed", "-f", "%s\n"));
            List<JsonNode> stories = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    stories.add(JSON.readTree(line));
                }
            }
            assertThat(stories).hasSize(6);
            assertThat(stories).extracting(s -> s.get("headline").asText())
                    .contains("Kcat story 0", "Kcat story 4", "Written by kcat");
            assertThat(stories).allSatisfy(s -> {
                assertThat(s.get("uri").asText()).startsWith("urn:kcat:");
                assertThat(s.get("pubstatus").asText()).isEqualTo("usable");
                assertThat(s.at("/wirestream/storyKey").asText()).isEqualTo(s.get("uri").asText());
            });
            assertThat(stories).filteredOn(s -> s.get("uri").asText().equals("urn:kcat:from-kcat"))
                    .singleElement().satisfies(s -> assertThat(s.at("/wirestream/source").asText()).isEqualTo("kcat"));
        }
    }
}
