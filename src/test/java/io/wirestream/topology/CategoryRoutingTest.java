package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.StoryAction;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CategoryRoutingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private final TopologyHarness pipeline = new TopologyHarness();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void storyUpdateAndKillReachTheStorysCategoryTopic() {
        pipeline.send(WireItems.ninjs("urn:ap:s1").version("1")
                .headline("Striker scores twice as league leaders win the cup final")
                .body("The club's coach praised the team after the match.").at(T0));
        pipeline.send(WireItems.ninjs("urn:ap:s1").version("2")
                .headline("Striker scores twice as league leaders win the cup final in extra time")
                .body("The club's coach praised the team after the match, won 2-1 in extra time.").at(T0.plusSeconds(600)));
        pipeline.send(WireItems.ninjs("urn:ap:s1").version("3").headline("KILL").body("This story has been withdrawn.")
                .canceled().at(T0.plusSeconds(1200)));

        assertThat(pipeline.categorisedSeen).extracting(Map.Entry::getKey)
                .containsExactly("stories.sport", "stories.sport", "stories.sport");
        assertThat(pipeline.categorisedSeen).extracting(e -> e.getValue().getAction())
                .containsExactly(StoryAction.NEW, StoryAction.UPDATE, StoryAction.KILL);
        assertThat(pipeline.enrichedSeen.get(2).getCategories()).startsWith("medtop:15000000");
    }

    @Test
    void aKillReachesEveryCategoryTheStoryWentTo() {
        pipeline.send(WireItems.ninjs("urn:ap:p1").version("1")
                .headline("Prime minister calls early election as opposition party leads the polls")
                .body("The government said parliament would be dissolved.").at(T0));
        pipeline.send(WireItems.ninjs("urn:ap:p1").version("2")
                .headline("Troops and rebels clash near the border as ceasefire talks stall")
                .body("The army said soldiers were killed in the fighting.").at(T0.plusSeconds(600)));
        pipeline.send(WireItems.ninjs("urn:ap:p1").version("3").headline("KILL").body("Withdrawn.").canceled()
                .at(T0.plusSeconds(1200)));

        assertThat(pipeline.categorisedSeen.subList(0, 1)).extracting(Map.Entry::getKey).containsExactly("stories.politics");
        assertThat(pipeline.categorisedSeen.stream().filter(e -> e.getValue().getAction() == StoryAction.KILL)
                .map(Map.Entry::getKey)).contains("stories.politics", "stories.conflict");
    }
}
