package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private final Topics topics = Topics.defaults();

    @Test
    void everyTopicIsDefinedOnceAndCreated() {
        assertThat(topics.specs()).hasSameSizeAs(Topics.DEFINITIONS);
        assertThat(topics.specs()).extracting(Topics.Spec::name).doesNotHaveDuplicates();
        assertThat(topics.specs()).filteredOn(Topics.Spec::compacted).extracting(Topics.Spec::name).containsExactly("wire.sources", "alerts.subscriptions");
    }

    @Test
    void rolesGroupTheTopicsTheTopologyWrites() {
        assertThat(topics.accountingOutputs()).containsExactly("stories.enriched", "stories.duplicates", "wire.dlq");
        assertThat(topics.outputs()).containsAll(topics.accountingOutputs()).contains("alerts").doesNotContain("wire.raw");
        assertThat(topics.mirrors()).containsExactly("stories.enriched.json", "alerts.json");
    }

    @Test
    void namesChangeByKeyAndUnknownKeysAreRefused() {
        Topics t = topics.withOverrides(Map.of(Topics.RAW, "agency.raw")).map(n -> "p." + n);
        assertThat(t.raw()).isEqualTo("p.agency.raw");
        assertThat(t.enriched()).isEqualTo("p.stories.enriched");
        assertThat(t.with(Topics.DLQ, "dead").dlq()).isEqualTo("dead");
        assertThatThrownBy(() -> topics.with("nope", "x")).hasMessageContaining("nope");
        assertThatThrownBy(() -> new Topics(Map.of("raw", "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
