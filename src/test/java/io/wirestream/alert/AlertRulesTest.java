package io.wirestream.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Signal;
import io.wirestream.avro.StoryAction;
import io.wirestream.testing.Stories;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    @Test
    void aFlashOrUrgentFirstVersionAlerts() {
        assertThat(AlertRules.levelOf(Stories.aStory("k").urgency(1).build())).contains(AlertLevel.FLASH);
        assertThat(AlertRules.levelOf(Stories.aStory("k").signal(Signal.FLASH).build())).contains(AlertLevel.FLASH);
        assertThat(AlertRules.levelOf(Stories.aStory("k").urgency(2).build())).contains(AlertLevel.URGENT);
    }

    @Test
    void routineCopyAndLaterVersionsDoNotRingAgain() {
        assertThat(AlertRules.levelOf(Stories.aStory("k").urgency(3).build())).isEmpty();
        assertThat(AlertRules.levelOf(Stories.aStory("k").urgency(null).build())).isEmpty();
        assertThat(AlertRules.levelOf(Stories.aStory("k").urgency(1).action(StoryAction.UPDATE).build())).isEmpty();
    }

    @Test
    void everyKillAlertsWhateverItsUrgency() {
        assertThat(AlertRules.levelOf(Stories.aStory("k").urgency(5).canceled().action(StoryAction.KILL).build()))
                .contains(AlertLevel.KILL);
    }

    @Test
    void anAnpaPriorityFWithoutAFlashLikeTakeIsAFalseFlash() {
        EnrichedStory feature = Stories.aStory("k").format("anpa").urgency(1).build();
        assertThat(AlertRules.levelOf(feature)).isEmpty();
        assertThat(AlertRules.levelOf(Stories.aStory("k").format("anpa").urgency(1).signal(Signal.FLASH).build()))
                .contains(AlertLevel.FLASH);
    }

    @Test
    void anAnnotatedStoryYieldsOneAlertWithItsReasonAndSource() {
        EnrichedStory flash = AlertRules.annotate(Stories.aStory("ap:urn:quake").urgency(1).headline("Quake").build());
        assertThat(flash.getAlertLevel()).isEqualTo(AlertLevel.FLASH);
        Alert a = AlertRules.alertFor(flash).orElseThrow();
        assertThat(a.getLevel()).isEqualTo(AlertLevel.FLASH);
        assertThat(a.getStoryKey()).isEqualTo("ap:urn:quake");
        assertThat(a.getClusterId()).isNotBlank();
        assertThat(a.getHeadline()).isEqualTo("Quake");
        assertThat(a.getSources()).containsExactly("AP");
        assertThat(a.getReasons()).singleElement().asString().contains("flash");

        EnrichedStory routine = AlertRules.annotate(Stories.aStory("k").urgency(4).build());
        assertThat(routine.getAlertLevel()).isNull();
        assertThat(AlertRules.alertFor(routine)).isEmpty();
    }
}
