package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawWireItem;
import io.wirestream.avro.StoryAction;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 8 classes 1 and 2 through the real topology: slug keys are not identities; embargoed alerts wait. */
class StoryIdentityAndEmbargoTest {

    private static final Instant T0 = Instant.parse("2024-01-02T15:00:00Z");

    /** An AP alert take in ANPA framing (our words): priority b, the day's "APNewsAlert" keyword. */
    private static byte[] alert(String seq, String version, String sentence, String time) {
        String s = "\u0016\u0016\u0001a" + seq + "\u001Fsel\nb a\u0013\u0011 BC-US--APNewsAlert " + version + "   01-02 0030\n"
                + "\u0002^BC-US--APNewsAlert,0030<\n^APNewsAlert<\n\t" + sentence + "\n\u0003AP-WF-01-02-24 " + time + "GMT<\n\u0004";
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A wildfire alert, then an hour later a Senate vote's, both under the day's "APNewsAlert" keyword. */
    private static void sendTheDaysTwoAlerts(TopologyHarness p) {
            p.send("ap:1", WireItems.raw("ap", "auto", alert("0001", "",
                    "DENVER (AP) _ A wildfire has forced the evacuation of 2,000 homes west of Denver.", "1500"), T0));
            p.send("ap:2", WireItems.raw("ap", "auto", alert("0002", "",
                    "WASHINGTON (AP) _ The Senate has confirmed the nominee for treasury secretary.", "1600"), T0.plusSeconds(3600)));
    }

    @Test
    void twoUnrelatedAlertsOfOneDayAreTwoNewStoriesWithTwoAlerts() {
        try (TopologyHarness p = new TopologyHarness()) {
            sendTheDaysTwoAlerts(p);
            assertThat(p.enrichedSeen).extracting(EnrichedStory::getAction).containsExactly(StoryAction.NEW, StoryAction.NEW);
            assertThat(p.enrichedSeen.get(0).getStoryKey()).isNotEqualTo(p.enrichedSeen.get(1).getStoryKey());
            assertThat(p.alertsSeen).hasSize(2).allSatisfy(a -> assertThat(a.getLevel()).isEqualTo(AlertLevel.URGENT));
            assertThat(p.alertsSeen.get(1).getHeadline()).isEqualTo("The Senate has confirmed the nominee for treasury secretary.");

            // The second alert sent again is still a redelivery, under its own key.
            p.send("ap:2", WireItems.raw("ap", "auto", alert("0002", "",
                    "WASHINGTON (AP) _ The Senate has confirmed the nominee for treasury secretary.", "1600"), T0.plusSeconds(3700)));
            assertThat(p.duplicatesSeen).singleElement().satisfies(d -> assertThat(d.getDuplicateOf()).isEqualTo(p.enrichedSeen.get(1).getStoryKey()));
        }
    }

    @Test
    void aKillThatCouldBeAboutEitherOfTheDaysAlertsIsPassedOnAndCountedNotGuessed() {
        try (TopologyHarness p = new TopologyHarness()) {
            sendTheDaysTwoAlerts(p);
            p.send("ap:4", WireItems.raw("ap", "auto", alert("0004", "Kill",
                    "Editors: this item has been withdrawn.", "1700"), T0.plusSeconds(7200)));
            assertThat(p.enrichedSeen).hasSize(3);
            EnrichedStory kill = p.enrichedSeen.get(2);
            assertThat(kill.getAction()).isEqualTo(StoryAction.KILL);
            assertThat(kill.getStoryKey()).isNotIn(p.enrichedSeen.get(0).getStoryKey(), p.enrichedSeen.get(1).getStoryKey());
            assertThat(p.metrics().total("wirestream.kills.unplaced")).as("the kill nobody can place, counted").isEqualTo(1);
            // resent, it is a redelivery of itself, not a second kill to place
            p.send("ap:4", WireItems.raw("ap", "auto", alert("0004", "Kill",
                    "Editors: this item has been withdrawn.", "1700"), T0.plusSeconds(7300)));
            assertThat(p.duplicatesSeen).singleElement().satisfies(d -> assertThat(d.getDuplicateOf()).isEqualTo(kill.getStoryKey()));
            assertThat(p.metrics().total("wirestream.kills.unplaced")).isEqualTo(1);

            // a kill that repeats the Senate story's words finds it (the resend above left it remembered), and is not counted
            p.send("ap:5", WireItems.raw("ap", "auto", alert("0005", "Kill",
                    "WASHINGTON (AP) _ Kill: The Senate has confirmed the nominee for treasury secretary.", "1710"), T0.plusSeconds(7800)));
            assertThat(p.enrichedSeen.get(3).getStoryKey()).isEqualTo(p.enrichedSeen.get(1).getStoryKey());
            assertThat(p.metrics().total("wirestream.kills.unplaced")).isEqualTo(1);
        }
    }

    @Test
    void aWritethruUnderTheSameSlugIsAnUpdate() {
        try (TopologyHarness p = new TopologyHarness()) {
            p.send("ap:1", WireItems.raw("ap", "auto", alert("0001", "",
                    "DENVER (AP) _ A wildfire has forced the evacuation of 2,000 homes west of Denver.", "1500"), T0));
            p.send("ap:3", WireItems.raw("ap", "auto", alert("0003", "1stLd-Writethru",
                    "DENVER (AP) _ The wildfire west of Denver has now forced 5,000 evacuations.", "1530"), T0.plusSeconds(1800)));
            assertThat(p.enrichedSeen).extracting(EnrichedStory::getAction).containsExactly(StoryAction.NEW, StoryAction.UPDATE);
            assertThat(p.alertsSeen).filteredOn(a -> !a.getUpdate()).hasSize(1);
        }
    }

    @Test
    void aLaterVersionOfTheDaysSecondAlertUpdatesThatStoryNotTheFirst() {
        try (TopologyHarness p = new TopologyHarness()) {
            sendTheDaysTwoAlerts(p);
            // A write-thru of the second, then a fuller take of it that marks no version: both are its versions.
            p.send("ap:3", WireItems.raw("ap", "auto", alert("0003", "1stLd-Writethru",
                    "WASHINGTON (AP) _ The Senate confirmed the nominee for treasury secretary by 62 votes to 38.", "1630"),
                    T0.plusSeconds(5400)));
            p.send("ap:4", WireItems.raw("ap", "auto", alert("0004", "",
                    "WASHINGTON (AP) _ The treasury secretary nominee won the Senate vote on Tuesday, 62 to 38.", "1700"),
                    T0.plusSeconds(7200)));
            assertThat(p.enrichedSeen).extracting(EnrichedStory::getAction)
                    .containsExactly(StoryAction.NEW, StoryAction.NEW, StoryAction.UPDATE, StoryAction.UPDATE);
            String second = p.enrichedSeen.get(1).getStoryKey();
            assertThat(p.enrichedSeen.subList(2, 4)).allSatisfy(s -> assertThat(s.getStoryKey()).isEqualTo(second));
            assertThat(p.enrichedSeen.get(0).getStoryKey()).isNotEqualTo(second);
            assertThat(p.duplicatesSeen).isEmpty();
        }
    }

    /** A plain-text item as the drop folder ({@code file:}) or the page fetcher ({@code url:}) sends it. */
    private static RawWireItem plain(String origin, String headline, String lead, Instant at) {
        RawWireItem item = WireItems.plain("stringer", "story.txt", headline + "\n\n" + lead, at);
        item.setOrigin(origin);
        return item;
    }

    @Test
    void aDropFolderReusingAFileNameSendsNewStoriesAndTheirOwnUpdates() {
        try (TopologyHarness p = new TopologyHarness()) {
            String file = "file:/srv/drop/story.txt";
            p.send("stringer:story.txt", plain(file, "Floods cut off mountain villages",
                    "Heavy rain cut off three mountain villages in the north on Monday, officials said.", T0));
            p.send("stringer:story.txt", plain(file, "Harbour strike halts container traffic",
                    "Dock workers walked out at the harbour on Monday, halting container traffic.", T0.plusSeconds(600)));
            p.send("stringer:story.txt", plain(file, "Harbour strike halts container traffic for a second day",
                    "Dock workers stayed out at the harbour on Tuesday, halting container traffic for a second day.", T0.plusSeconds(1200)));
            assertThat(p.enrichedSeen).extracting(EnrichedStory::getAction)
                    .containsExactly(StoryAction.NEW, StoryAction.NEW, StoryAction.UPDATE);
            assertThat(p.enrichedSeen.get(1).getStoryKey()).isNotEqualTo(p.enrichedSeen.get(0).getStoryKey())
                    .isEqualTo(p.enrichedSeen.get(2).getStoryKey());
            assertThat(p.duplicatesSeen).isEmpty();
        }
    }

    @Test
    void aPageRewrittenUnderItsAddressIsItsUpdateHoweverMuchItChanged() {
        try (TopologyHarness p = new TopologyHarness()) {
            String page = "url:https://news.example/live/leeds";
            p.send("stringer:leeds", plain(page, "Gunman opens fire at shopping centre in Leeds",
                    "Shots were fired at a shopping centre in Leeds on Saturday afternoon, police said.", T0));
            p.send("stringer:leeds", plain(page, "Suspect arrested after Leeds attack; three injured",
                    "A man was arrested and three people were taken to hospital, West Yorkshire Police said.", T0.plusSeconds(900)));
            assertThat(p.enrichedSeen).extracting(EnrichedStory::getAction).containsExactly(StoryAction.NEW, StoryAction.UPDATE);
            assertThat(p.enrichedSeen.get(1).getStoryKey()).isEqualTo(p.enrichedSeen.get(0).getStoryKey());
        }
    }

    @Test
    void anEmbargoedStorysAlertWaitsForTheReleaseTime() {
        try (TopologyHarness p = new TopologyHarness()) {
            p.send(WireItems.ninjs("urn:test:embargo").headline("Central bank cuts rates").urgency(1).at(T0)
                    .embargoed(T0.plusSeconds(3600)));
            assertThat(p.enrichedSeen).singleElement().satisfies(s -> assertThat(s.getEmbargoedUntil()).isEqualTo(T0.plusSeconds(3600)));
            assertThat(p.enrichedJsonSeen).singleElement().satisfies(j -> assertThat(j).contains("\"embargoed\":\"" + T0.plusSeconds(3600)));
            assertThat(p.alertsSeen).isEmpty();

            p.send(WireItems.ninjs("urn:test:later").headline("Unrelated item").at(T0.plusSeconds(1800)));
            assertThat(p.alertsSeen).isEmpty(); // stream time before the release

            p.send(WireItems.ninjs("urn:test:after").headline("Another item").at(T0.plusSeconds(3700)));
            assertThat(p.alertsSeen).filteredOn(a -> !a.getUpdate()).singleElement().satisfies(a -> {
                assertThat(a.getHeadline()).isEqualTo("Central bank cuts rates");
                assertThat(a.getAlertedAt()).isEqualTo(T0.plusSeconds(3600));
            });
        }
    }
}
