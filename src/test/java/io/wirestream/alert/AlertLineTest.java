package io.wirestream.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLineTest {

    private static Alert.Builder alert() {
        Instant t = Instant.parse("2026-11-28T12:02:00Z");
        return Alert.newBuilder().setClusterId("cl-1").setStoryKey("urn:bbc:1").setLevel(AlertLevel.BULLETIN)
                .setHeadline("MPs approve budget bill").setFirstSeen(t.minusSeconds(120)).setAlertedAt(t).setLatencyMs(120_000)
                .setLatencyFromTriggerMs(35).setSourceCount(3).setRegions(List.of("DE")).setDesk("europe")
                .setCategories(List.of("medtop:11000000"));
    }

    @Test
    void oneReadableLineWithLevelHeadlineSourcesRegionCategoryAndLateness() {
        assertThat(AlertLine.format(alert().build())).isEqualTo("2026-11-28 12:02:00Z BULLETIN  MPs approve budget bill | 3 sources"
                + " | DE desk europe | politics | +2m00s after first wire, 35 ms in pipeline");
    }

    @Test
    void updatesAreMarkedAndMissingFieldsShowAsDashes() {
        String line = AlertLine.format(alert().setUpdate(true).setSourceCount(1).setRegions(List.of()).setDesk(null)
                .setCategories(List.of()).build());
        assertThat(line).contains("BULLETIN~ ").contains("| 1 source |").contains("| - | - |");
        assertThat(AlertLine.human(Duration.ofMillis(850))).isEqualTo("0.850s");
        assertThat(AlertLine.human(Duration.ofMinutes(125))).isEqualTo("2h05m");
    }
}
