package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.StoryAction;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WirestreamTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private final TopologyHarness pipeline = new TopologyHarness();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void firstVersionIsNewAndAnExactResendIsARedelivery() {
        WireItems.Ninjs story = WireItems.ninjs("urn:ap:1").headline("Quake hits coast").body("A quake hit.").at(T0);
        pipeline.send(story).send(story);

        assertThat(pipeline.enrichedSeen).singleElement().satisfies(s -> {
            assertThat(s.getAction()).isEqualTo(StoryAction.NEW);
            assertThat(s.getStoryKey()).isEqualTo("urn:ap:1");
            assertThat(s.getHeadline()).isEqualTo("Quake hits coast");
        });
        assertThat(pipeline.duplicatesSeen).singleElement().satisfies(d -> {
            assertThat(d.getReason()).isEqualTo(DuplicateReason.REDELIVERY);
            assertThat(d.getDuplicateOf()).isEqualTo("urn:ap:1");
            assertThat(d.getStory().getHeadline()).isEqualTo("Quake hits coast");
        });
    }

    @Test
    void resendWithOnlyWhitespaceAndQuoteChangesIsStillARedelivery() {
        pipeline.send(WireItems.ninjs("urn:ap:2").headline("He said \"no\"").body("One  line.").at(T0));
        pipeline.send(WireItems.ninjs("urn:ap:2").headline("He said “no”").body("One line. ").at(T0.plusSeconds(5)));
        assertThat(pipeline.enrichedSeen).hasSize(1);
        assertThat(pipeline.duplicatesSeen).extracting(d -> d.getReason()).containsExactly(DuplicateReason.REDELIVERY);
    }

    @Test
    void newerVersionIsAnUpdateAndALateOlderVersionIsSuperseded() {
        pipeline.send(WireItems.ninjs("urn:rtrs:3").version("1").body("First take.").at(T0));
        // Reuters-style jump in version numbers: time decides, not the number.
        pipeline.send(WireItems.ninjs("urn:rtrs:3").version("7").body("Write-thru with more.").at(T0.plusSeconds(600)));
        pipeline.send(WireItems.ninjs("urn:rtrs:3").version("5").body("A middle version, late.").at(T0.plusSeconds(300)));

        assertThat(pipeline.enrichedSeen).extracting(EnrichedStory::getAction, EnrichedStory::getVersion,
                        EnrichedStory::getPreviousVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StoryAction.NEW, "1", null),
                        org.assertj.core.groups.Tuple.tuple(StoryAction.UPDATE, "7", "1"));
        assertThat(pipeline.duplicatesSeen).singleElement().satisfies(d -> {
            assertThat(d.getReason()).isEqualTo(DuplicateReason.SUPERSEDED);
            assertThat(d.getDuplicateOfVersion()).isEqualTo("7");
        });
    }

    @Test
    void cancelIsAKillThatReachesEnrichedAndAlerts() {
        pipeline.send(WireItems.ninjs("urn:rtrs:4").version("1").at(T0));
        pipeline.send(WireItems.ninjs("urn:rtrs:4").version("2").canceled().at(T0.plusSeconds(60)));

        assertThat(pipeline.enrichedSeen).extracting(EnrichedStory::getAction).containsExactly(StoryAction.NEW, StoryAction.KILL);
        assertThat(pipeline.alertsSeen).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.KILL);
            assertThat(a.getStoryKey()).isEqualTo("urn:rtrs:4");
        });
    }

    @Test
    void aKillSignalWithUnchangedTextIsAKillNotARedelivery() {
        pipeline.send(WireItems.ninjs("urn:ap:k1").version("1").body("Same words.").at(T0));
        pipeline.send(WireItems.ninjs("urn:ap:k1").version("2").body("Same words.").signal("sig:kill").at(T0.plusSeconds(60)));
        assertThat(pipeline.enrichedSeen).extracting(EnrichedStory::getAction).containsExactly(StoryAction.NEW, StoryAction.KILL);
        assertThat(pipeline.duplicatesSeen).isEmpty();
    }

    @Test
    void aLateKillOfAnOlderVersionIsStillAKill() {
        pipeline.send(WireItems.ninjs("urn:ap:k2").version("1").body("First.").at(T0));
        pipeline.send(WireItems.ninjs("urn:ap:k2").version("3").body("Third.").at(T0.plusSeconds(120)));
        pipeline.send(WireItems.ninjs("urn:ap:k2").version("2").canceled().body("Withdrawn.").at(T0.plusSeconds(60)));
        pipeline.send(WireItems.ninjs("urn:ap:k2").version("2").canceled().body("Withdrawn.").at(T0.plusSeconds(60)));

        assertThat(pipeline.enrichedSeen).extracting(EnrichedStory::getAction)
                .containsExactly(StoryAction.NEW, StoryAction.UPDATE, StoryAction.KILL);
        assertThat(pipeline.duplicatesSeen).extracting(d -> d.getReason()).containsExactly(DuplicateReason.SUPERSEDED);
        assertThat(pipeline.alertsSeen).extracting(a -> a.getLevel()).containsExactly(AlertLevel.KILL);
    }

    @Test
    void aWireFlashAloneAlertsOnceAsUrgentNotOnCopiesOrUpdates() {
        WireItems.Ninjs flash = WireItems.ninjs("urn:ap:5").urgency(1).headline("FLASH: Summit collapses").at(T0);
        pipeline.send(flash).send(flash);
        pipeline.send(WireItems.ninjs("urn:ap:5").urgency(1).version("2").body("More detail.").at(T0.plusSeconds(30)));
        pipeline.send(WireItems.ninjs("urn:ap:6").urgency(5).at(T0));

        // Issue 13: a wire urgency alone never makes a FLASH; corroboration or language must agree.
        assertThat(pipeline.alertsSeen).filteredOn(a -> !a.getUpdate()).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.URGENT);
            assertThat(a.getHeadline()).isEqualTo("FLASH: Summit collapses");
        });
        assertThat(pipeline.enrichedSeen.get(0).getAlertLevel()).isEqualTo(AlertLevel.URGENT);
    }

    @Test
    void badInputBecomesDeadLettersWithReasonsAndTheStreamGoesOn() {
        pipeline.sendBytes("x:binary", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 0}, T0);
        pipeline.sendBytes("x:empty", new byte[0], T0);
        pipeline.sendBytes("x:tombstone", null, T0);
        pipeline.sendBytes("x:json", "{\"uri\": \"urn:broken\", \"headline\": ".getBytes(StandardCharsets.UTF_8), T0);
        pipeline.send(WireItems.ninjs("urn:ok:1").at(T0));

        assertThat(pipeline.deadLettersSeen).extracting(d -> d.getRaw().getKey(), d -> d.getReason())
                .satisfiesExactly(
                        t -> assertThat(t.toList()).containsExactly("x:binary", "binary content: not a text wire format"),
                        t -> assertThat((String) t.toList().get(1)).startsWith("empty item"),
                        t -> assertThat((String) t.toList().get(1)).startsWith("empty record"),
                        t -> assertThat((String) t.toList().get(1)).startsWith("malformed JSON"));
        assertThat(pipeline.deadLettersSeen).allSatisfy(d -> assertThat(d.getStage()).isEqualTo("parse"));
        assertThat(pipeline.enrichedSeen).extracting(EnrichedStory::getStoryKey).containsExactly("urn:ok:1");
    }

    @Test
    void bytesWrittenByOtherToolsAreDetectedAndParsed() {
        pipeline.sendBytes("kcat:1", WireItems.ninjs("urn:kcat:1").headline("From kcat").at(T0).bytes(), T0);
        assertThat(pipeline.enrichedSeen).singleElement().satisfies(s -> {
            assertThat(s.getHeadline()).isEqualTo("From kcat");
            assertThat(s.getFormat()).isEqualTo("ninjs");
            assertThat(s.getRaw().getKey()).isEqualTo("kcat:1");
        });
    }

    @Test
    void everyRawRecordEndsInExactlyOneOutputPerStory() {
        int records = 0;
        for (int i = 0; i < 60; i++) {
            Instant t = T0.plusSeconds(i);
            switch (i % 4) {
                case 0 -> pipeline.send("k" + i, WireItems.ninjs("urn:acc:" + i).at(t).item());
                case 1 -> pipeline.send("k" + i, WireItems.ninjs("urn:acc:" + (i - 1)).at(t.minusSeconds(1)).item());
                case 2 -> pipeline.sendBytes("k" + i, ("garbage " + i).getBytes(StandardCharsets.ISO_8859_1), t);
                default -> pipeline.send("k" + i, WireItems.ninjs("urn:acc:" + (i - 3)).version("2").body("new").at(t).item());
            }
            records++;
        }
        Map<String, Integer> outputsPerRaw = new HashMap<>();
        pipeline.enrichedSeen.forEach(s -> count(outputsPerRaw, s.getRaw()));
        pipeline.duplicatesSeen.forEach(d -> count(outputsPerRaw, d.getStory().getRaw()));
        pipeline.deadLettersSeen.forEach(d -> count(outputsPerRaw, d.getRaw()));

        assertThat(outputsPerRaw).hasSize(records).allSatisfy((raw, n) -> assertThat(n).as(raw).isEqualTo(1));
        assertThat(pipeline.enrichedSeen).hasSize(30);   // 15 new + 15 updates
        assertThat(pipeline.duplicatesSeen).hasSize(15); // the resends
        assertThat(pipeline.deadLettersSeen).hasSize(15) // one line of text: a headline with no story under it
                .allSatisfy(d -> assertThat(d.getReason()).startsWith("no story"));
    }

    @Test
    void jsonMirrorCarriesNinjsFieldNames() {
        pipeline.send(WireItems.ninjs("urn:ap:json").headline("Mirror me").at(T0));
        assertThat(pipeline.enrichedJsonSeen).singleElement().satisfies(json -> assertThat(json)
                .contains("\"uri\":\"urn:ap:json\"", "\"headline\":\"Mirror me\"", "\"versioncreated\":\"2026-11-28T10:00:00Z\"",
                        "\"pubstatus\":\"usable\"", "\"storyKey\":\"urn:ap:json\""));
    }

    @Test
    void eachPipelineCountsIntoItsOwnRegistry() {
        try (InMemoryPipeline one = new InMemoryPipeline(Topics.defaults(), WirestreamTopology.Settings.defaults());
             InMemoryPipeline two = new InMemoryPipeline(Topics.defaults(), WirestreamTopology.Settings.defaults())) {
            WireItems.Ninjs story = WireItems.ninjs("urn:metrics:1").at(T0);
            one.process("ap:1", story.item(), T0);
            one.process("ap:1-again", story.item(), T0);
            assertThat(one.metrics().total("wirestream.stories.parsed")).isEqualTo(2);
            assertThat(one.metrics().total("wirestream.stories.enriched")).isEqualTo(1);
            assertThat(one.metrics().total("wirestream.duplicates")).isEqualTo(1);
            assertThat(two.metrics().total("wirestream.stories.parsed")).isZero();
        }
    }

    @Test
    void everyProcessorStoreAndRepartitionIsNamed() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "names");
        String description = WirestreamTopology.build(Topics.defaults(), WirestreamTopology.Settings.defaults(), p,
                        PipelineMetrics.inMemory())
                .describe().toString();
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-")
                .contains("parse", "stories-by-key", "versions", WirestreamTopology.VERSIONS_STORE, "alert-rules");
    }

    @Test
    void versionStateExpiresAfterRetentionSoMemoryStaysBounded() {
        try (TopologyHarness shortMemory = new TopologyHarness(
                new WirestreamTopology.Settings(Duration.ofHours(2), 1 << 20))) {
            WireItems.Ninjs story = WireItems.ninjs("urn:ap:old").at(T0);
            shortMemory.send(story);
            // Stream time moves 5 hours on; the hourly expiry forgets the story, so a resend is new again.
            shortMemory.send(WireItems.ninjs("urn:ap:other").at(T0.plus(Duration.ofHours(5))));
            shortMemory.send("again", story.item());
            assertThat(shortMemory.enrichedSeen).extracting(EnrichedStory::getStoryKey)
                    .containsExactly("urn:ap:old", "urn:ap:other", "urn:ap:old");
        }
    }

    private static void count(Map<String, Integer> m, RawRef r) {
        m.merge(r.getKey() + "#" + r.getIndex(), 1, Integer::sum);
    }

}
