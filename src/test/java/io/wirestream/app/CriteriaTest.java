package io.wirestream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.AlertLevel;
import io.wirestream.classify.MediaTopics;
import io.wirestream.enrich.DeskMap;
import io.wirestream.enrich.Gazetteer;
import io.wirestream.runtime.WirestreamConfig.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A subscription that could never fire is refused at put, with the values that would do. */
class CriteriaTest {

    @Test
    void valuesAreWrittenInTheFormAlertsCarryThem() {
        assertThat(Criteria.categories(List.of("politics", "Conflict", "medtop:20000106", "MEDTOP:15000000"), MediaTopics.bundled()))
                .containsExactly("medtop:11000000", "medtop:16000000", "medtop:20000106", "medtop:15000000");
        assertThat(Criteria.desks(List.of("south asia"), DeskMap.defaults())).containsExactly("South Asia");
        assertThat(Criteria.regions(List.of("de", "europe"), Gazetteer.bundled())).containsExactly("DE", "Europe");
        assertThat(Criteria.level("bulletin")).isEqualTo(AlertLevel.BULLETIN);
        assertThat(Criteria.format("Slack")).isEqualTo("slack");
        assertThat(Criteria.webhook(" https://hooks.example.com/T0/B1 ")).isEqualTo("https://hooks.example.com/T0/B1");
        assertThat(Criteria.webhook("http://127.0.0.1:8080/hook")).isEqualTo("http://127.0.0.1:8080/hook");
        assertThat(Criteria.level(null)).isNull();
        assertThat(Criteria.webhook(null)).isNull();
    }

    @Test
    void whatNoAlertCarriesIsRefused() {
        assertThatThrownBy(() -> Criteria.categories(List.of("politcs"), MediaTopics.bundled())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("politics");
        assertThatThrownBy(() -> Criteria.desks(List.of("Asia"), DeskMap.defaults())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("South Asia");
        assertThatThrownBy(() -> Criteria.regions(List.of("XX"), Gazetteer.bundled())).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Criteria.level("CORROBORATED")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[FLASH, BULLETIN, URGENT]");
        assertThatThrownBy(() -> Criteria.format("xml")).isInstanceOf(ConfigException.class);
        // the webhook sink could never post to these
        for (String bad : List.of("notaurl", "ftp://example.com/x", "http://", "https:/nohost", "http://exa mple.com/")) {
            assertThatThrownBy(() -> Criteria.webhook(bad)).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("not an http or https URL");
        }
    }
}
