package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.ingest.RawItems;
import io.wirestream.testing.Kcat;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * A categorised stream on the real embedded broker, read from outside Java by kcat (librdkafka),
 * read_committed: a sport story, its update and its kill all reach stories.sport, and nothing of
 * it reaches stories.politics.
 */
class CategoryTopicKcatIT {

    @Test
    void kcatReadsTheStoryItsUpdateAndItsKillFromTheSportTopic() throws Exception {
        assumeTrue(Kcat.installed(), "kcat not installed (apt-get install -y kcat); .ci/run installs it");
        try (PipelineFixture pipeline = new PipelineFixture(3, StreamsConfig.EXACTLY_ONCE_V2)) {
            String sport = pipeline.topics.categoryTopic("medtop:15000000").orElseThrow();
            String politics = pipeline.topics.categoryTopic("medtop:11000000").orElseThrow();
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String uri = "urn:kcat:sport-" + t0.toEpochMilli();
            List<WireItems.Ninjs> versions = List.of(
                    WireItems.ninjs(uri).version("1").headline("Striker scores twice as league leaders win the cup final")
                            .body("The club's coach praised the team after the match.").at(t0),
                    WireItems.ninjs(uri).version("2").headline("Striker scores twice as league leaders win the cup final in extra time")
                            .body("The club's coach praised the team after the match, won 2-1 in extra time.").at(t0.plusSeconds(60)),
                    WireItems.ninjs(uri).version("3").headline("KILL").body("This story has been withdrawn.").canceled()
                            .at(t0.plusSeconds(120)));
            for (int i = 0; i < versions.size(); i++) {
                WireItems.Ninjs n = versions.get(i);
                pipeline.send(RawItems.of("ap", "ninjs", "sport-" + i, "test", n.bytes(), n.time(), null));
                pipeline.flush();
            }

            AtomicReference<List<String>> keys = new AtomicReference<>(List.of());
            await("story, update and kill on " + sport + " as kcat reads it").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        keys.set(lines(kcat(pipeline, sport, "%k %S\n")));
                        return keys.get().size() >= 3;
                    });
            assertThat(keys.get()).hasSize(3).allSatisfy(line -> {
                assertThat(line).startsWith(uri + " ");
                assertThat(Integer.parseInt(line.substring(line.indexOf(' ') + 1))).as("Avro EnrichedStory bytes").isPositive();
            });
            assertThat(lines(kcat(pipeline, politics, "%k\n"))).doesNotContain(uri);
        }
    }

    private static String kcat(PipelineFixture pipeline, String topic, String format) throws Exception {
        return Kcat.run(List.of("kcat", "-b", pipeline.kafka.bootstrapServers(), "-C", "-t", topic, "-o", "beginning", "-e", "-q",
                "-X", "isolation.level=read_committed", "-f", format));
    }

    private static List<String> lines(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).toList();
    }
}
