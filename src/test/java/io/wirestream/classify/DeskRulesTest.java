package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Subject;
import io.wirestream.testing.Stories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskRulesTest {

    @TempDir
    Path dir;

    private StoryClassifier classifier(String yaml) throws Exception {
        Path f = dir.resolve("rules.yml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        MediaTopics topics = MediaTopics.bundled();
        return new StoryClassifier(CategoryModel.bundled(), topics, DeskRules.load(f, topics));
    }

    private static final String RULES = """
            rules:
              - slug: "SPO-"
                topic: medtop:15000000
              - source: weather-office
                topic: "17000000"
              - keyword: climate change
                topic: medtop:06000000
                as: secondary
              - keyword: "Hatfield"
                slug: "RAIL-"
                topic: medtop:20000106   # judiciary, under crime, law and justice
            """;

    @Test
    void slugPrefixOverridesTheWireAndTheModel() throws Exception {
        EnrichedStory s = Stories.aStory("ap:1").headline("Bank raises interest rates").build();
        s.setSlugline("spo-Finance-Club");
        s.setSubjects(List.of(new Subject("subj", "04000000", "economy")));
        StoryClassifier.Result r = classifier(RULES).classify(s);
        assertThat(r.categories()).startsWith("medtop:15000000", "medtop:04000000");
        assertThat(r.origins()).startsWith(DeskRules.RULE, StoryClassifier.WIRE);
        assertThat(r.confidence()).isEqualTo(1.0);
    }

    @Test
    void sourceAndKeywordAsSecondaryAndSecondLevelTopicsBringTheirParent() throws Exception {
        StoryClassifier c = classifier(RULES);
        EnrichedStory w = Stories.aStory("wx:1").headline("Frost tonight").build();
        w.setSource("weather-office");
        assertThat(c.classify(w).categories()).startsWith("medtop:17000000");

        EnrichedStory k = Stories.aStory("ap:2").headline("Minister speaks").body("Parliament debated Climate Change policy.").build();
        StoryClassifier.Result r = c.classify(k);
        assertThat(r.categories().get(0)).isNotEqualTo("medtop:06000000");
        assertThat(r.categories()).endsWith("medtop:06000000");

        EnrichedStory both = Stories.aStory("ap:3").headline("Hatfield trial opens").build();
        both.setSlugline("RAIL-Trial");
        assertThat(c.classify(both).categories()).startsWith("medtop:02000000", "medtop:20000106");
        EnrichedStory slugOnly = Stories.aStory("ap:4").headline("Rail fares rise").build();
        slugOnly.setSlugline("RAIL-Fares");
        assertThat(c.classify(slugOnly).categories()).doesNotContain("medtop:20000106");
    }

    @Test
    void keywordsAreWholeWords() throws Exception {
        StoryClassifier c = classifier("rules:\n  - keyword: war\n    topic: medtop:16000000\n");
        assertThat(c.classify(Stories.aStory("ap:5").headline("Software award").build()).categories())
                .doesNotContain("medtop:16000000");
        assertThat(c.classify(Stories.aStory("ap:6").headline("War looms").build()).categories())
                .startsWith("medtop:16000000");
    }

    @Test
    void aBadFileFailsWithTheRule() {
        assertThatThrownBy(() -> classifier("rules:\n  - slug: X\n    topic: medtop:99000000\n"))
                .hasMessageContaining("rule 1").hasMessageContaining("not a Media Topic");
        assertThatThrownBy(() -> classifier("rules:\n  - topic: medtop:15000000\n")).hasMessageContaining("slug, source or keyword");
        assertThatThrownBy(() -> classifier("rules:\n  - slugg: X\n    topic: medtop:15000000\n"))
                .hasMessageContaining("slugg");
    }

    @Test
    void anUnknownKeyOrBrokenYamlIsOneLineNamingTheRuleNotJacksonsMessage() {
        // Jackson's own text spans lines and names Java classes; the operator needs the rule and the keys to write
        assertThatThrownBy(() -> classifier("rules:\n  - slug: X\n    topic: medtop:15000000\n  - slugg: X\n    topic: medtop:15000000\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("rule 2: unknown key 'slugg' (known: as, keyword, slug, source, topic)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("io.wirestream"));
        assertThatThrownBy(() -> classifier("rules: [\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules.yml: not valid YAML (line 1)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> classifier("rules: sport\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a rules file");
    }

    @Test
    void aMissingFileIsAnUncheckedIoExceptionWithTheCause() {
        assertThatThrownBy(() -> DeskRules.load(dir.resolve("none.yml"), MediaTopics.bundled()))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("cannot read category rules")
                .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
