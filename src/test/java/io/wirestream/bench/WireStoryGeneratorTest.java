package io.wirestream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.bench.WireStoryGenerator.Kind;
import io.wirestream.bench.WireStoryGenerator.WireStory;
import io.wirestream.topology.InMemoryPipeline;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireStoryGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sameSeedSameWiresOtherSeedOtherWires() {
        List<WireStory> a = new WireStoryGenerator(7).next(500);
        List<WireStory> b = new WireStoryGenerator(7).next(500);
        List<WireStory> c = new WireStoryGenerator(8).next(500);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).ninjs()).isEqualTo(b.get(i).ninjs());
            assertThat(a.get(i).key()).isEqualTo(b.get(i).key());
        }
        assertThat(a.get(0).ninjs()).isNotEqualTo(c.get(0).ninjs());
    }

    @Test
    void aLiveRunStartsAtTheGivenTimeAndKeepsToTheWallClockPace() {
        java.time.Instant start = java.time.Instant.parse("2026-12-03T20:00:00Z");
        List<WireStory> wires = new WireStoryGenerator(9).startingAt(start)
                .spacing(java.time.Duration.ofMillis(2), java.time.Duration.ofMillis(5)).next(1_000);
        assertThat(wires.get(0).versionCreated()).isAfter(start).isBefore(start.plusMillis(10));
        // 1,000 wires 2-7 ms apart (a burst's copies closer, a resend keeps its original's time): seconds, not days
        java.time.Instant last = wires.stream().map(WireStory::versionCreated).max(java.time.Instant::compareTo).orElseThrow();
        assertThat(last).isBetween(start.plusSeconds(2), start.plusSeconds(8));
    }

    @Test
    void sharesAreRoughlyThoseOfARealWire() {
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        new WireStoryGenerator(42).next(10_000).forEach(w -> kinds.merge(w.kind(), 1, Integer::sum));
        assertThat(kinds.get(Kind.RESEND) / 10_000.0).isBetween(0.08, 0.12);
        assertThat(kinds.get(Kind.UPDATE) / 10_000.0).isBetween(0.08, 0.12);
        assertThat(kinds.get(Kind.NEAR_DUPLICATE) / 10_000.0).isBetween(0.13, 0.17);
        assertThat(kinds.get(Kind.NEW) / 10_000.0).isBetween(0.60, 0.70);
    }

    @Test
    void bodiesAreOneToFiveKilobytesOfNinjsHtml() throws Exception {
        Map<String, Integer> bySource = new HashMap<>();
        for (WireStory w : new WireStoryGenerator(3).next(3_000)) {
            JsonNode n = JSON.readTree(w.ninjs());
            assertThat(n.path("type").asText()).isEqualTo("text");
            assertThat(n.path("uri").asText()).isEqualTo(w.uri());
            assertThat(n.path("version").asText()).isEqualTo(String.valueOf(w.version()));
            assertThat(n.path("headline").asText()).isNotBlank();
            String html = n.path("body_html").asText();
            List<String> paragraphs = new ArrayList<>();
            for (String p : html.split("\n")) {
                paragraphs.add(p.replace("<p>", "").replace("</p>", ""));
            }
            assertThat(WireStoryGenerator.bytes(paragraphs))
                    .as("body of %s (%s)", w.uri(), w.kind())
                    .isBetween(WireStoryGenerator.MIN_BODY_BYTES, WireStoryGenerator.MAX_BODY_BYTES);
            bySource.merge(w.source(), 1, Integer::sum);
        }
        assertThat(bySource).as("several agencies").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void resendsRepeatBytesUpdatesBumpTheVersionRewritesAreNewUris() {
        Map<String, WireStory> latestByUri = new HashMap<>();
        int checkedRewrites = 0;
        for (WireStory w : new WireStoryGenerator(11).next(2_000)) {
            WireStory before = latestByUri.get(w.uri());
            switch (w.kind()) {
                case NEW -> assertThat(before).isNull();
                case RESEND -> {
                    assertThat(before).isNotNull();
                    assertThat(new String(w.ninjs(), StandardCharsets.UTF_8))
                            .isEqualTo(new String(before.ninjs(), StandardCharsets.UTF_8));
                    assertThat(w.key()).isEqualTo(before.key());
                }
                case UPDATE -> {
                    assertThat(before).isNotNull();
                    assertThat(w.version()).isGreaterThan(before.version());
                    assertThat(w.versionCreated()).isAfter(before.versionCreated());
                }
                case NEAR_DUPLICATE -> {
                    assertThat(before).isNull();
                    checkedRewrites++;
                }
            }
            latestByUri.put(w.uri(), w);
        }
        assertThat(checkedRewrites).isGreaterThan(200);
    }

    @Test
    void everyWireEndsInExactlyOneOutputOfTheRealTopology() {
        try (InMemoryPipeline pipeline = new InMemoryPipeline(Topics.defaults(), WirestreamTopology.Settings.defaults())) {
            Map<String, Integer> byTopic = new HashMap<>();
            List<WireStory> wires = new WireStoryGenerator(5).next(300);
            for (WireStory w : wires) {
                pipeline.process(w.key(), Bench.item(w), w.versionCreated()).stream()
                        .filter(o -> pipeline.topics().accountingOutputs().contains(o.topic()))
                        .forEach(o -> byTopic.merge(o.topic(), 1, Integer::sum));
            }
            assertThat(byTopic.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(wires.size());
            assertThat(byTopic).doesNotContainKey(Topics.defaults().dlq());
            long resends = wires.stream().filter(w -> w.kind() == Kind.RESEND).count();
            // Every resend is a redelivery; near-duplicate rewrites may be duplicates too, once a stage finds them.
            assertThat(byTopic.get(Topics.defaults().duplicates())).isGreaterThanOrEqualTo((int) resends);
        }
    }
}
