package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.StoryAction;
import io.wirestream.testing.SharedData;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Versions of one real Reuters NewsML-G2 item through the whole topology. The later versions are
 * derived from the fixture at test time (the fixture set holds one version): a correction whose
 * version number is SMALLER than the first's but whose versionCreated is later (Reuters numbers are
 * not sequential), and a cancel. Time decides; the cancel is a kill of the story.
 */
class ReutersVersionsTest {

    private static final String FIXTURE = "newsml-g2/tag_reuters.com,0000_newsml_L4N1FL0N0_1132689232";

    @Test
    void newerByTimeWinsOverVersionNumberAndCancelKillsTheStory() throws Exception {
        String original = Files.readString(SharedData.fixture(FIXTURE), StandardCharsets.UTF_8);
        String corrected = original
                .replace("version=\"1132689232\"", "version=\"1000000001\"")
                .replace("<versionCreated>2017-01-31T03:47:29.000Z", "<versionCreated>2017-01-31T05:00:00.000Z")
                .replace("edStat:U", "edStat:C")
                .replaceFirst("</p>", " Corrected paragraph.</p>");
        String canceled = original
                .replace("version=\"1132689232\"", "version=\"1000000002\"")
                .replace("<versionCreated>2017-01-31T03:47:29.000Z", "<versionCreated>2017-01-31T06:00:00.000Z")
                .replace("stat:usable", "stat:canceled")
                .replace("edStat:U", "edStat:D");
        assertThat(corrected).isNotEqualTo(original);
        assertThat(canceled).contains("stat:canceled");

        Instant t = Instant.parse("2017-01-31T07:00:00Z");
        try (TopologyHarness pipeline = new TopologyHarness()) {
            pipeline.send("reuters:v1", item(original, t));
            pipeline.send("reuters:v2", item(corrected, t.plusSeconds(1)));
            pipeline.send("reuters:v1-late", item(original, t.plusSeconds(2)));
            pipeline.send("reuters:v3", item(canceled, t.plusSeconds(3)));

            assertThat(pipeline.enrichedSeen).extracting(EnrichedStory::getAction, EnrichedStory::getVersion)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(StoryAction.NEW, "1132689232"),
                            org.assertj.core.groups.Tuple.tuple(StoryAction.UPDATE, "1000000001"),
                            org.assertj.core.groups.Tuple.tuple(StoryAction.KILL, "1000000002"));
            assertThat(pipeline.enrichedSeen).extracting(EnrichedStory::getStoryKey).containsOnly("tag:reuters.com,0000:newsml_L4N1FL0N0");
            assertThat(pipeline.duplicatesSeen).singleElement().satisfies(d -> {
                assertThat(d.getReason()).isEqualTo(DuplicateReason.SUPERSEDED);
                assertThat(d.getDuplicateOfVersion()).isEqualTo("1000000001");
            });
            assertThat(pipeline.alertsSeen).filteredOn(a -> !a.getUpdate()).extracting(a -> a.getLevel()).containsExactly(AlertLevel.KILL);
        }
    }

    private static io.wirestream.avro.RawWireItem item(String xml, Instant receivedAt) {
        return WireItems.raw("reuters", "auto", xml.getBytes(StandardCharsets.UTF_8), receivedAt);
    }
}
