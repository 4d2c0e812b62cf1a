package io.wirestream.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import io.wirestream.testing.CapturedLog;
import io.wirestream.avro.StoryAction;
import io.wirestream.testing.Stories;
import io.wirestream.avro.StoryVersionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class VersionTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String KEY = "ap:urn:quake";

    private final EnrichedStory v1 = Stories.aStory(KEY).version("1").at(T0).headline("Quake hits city").build();
    private final EnrichedStory v2 = Stories.aStory(KEY).version("2").at(T0.plusSeconds(600))
            .headline("Quake hits city, dozens hurt").build();

    @Test
    void theFirstVersionIsNewAndStartsTheState() {
        VersionTracker.Decision d = VersionTracker.decide(null, v1, T0);
        assertThat(accepted(d).getAction()).isEqualTo(StoryAction.NEW);
        assertThat(accepted(d).getPreviousVersion()).isNull();
        assertThat(d.newState().getVersion()).isEqualTo("1");
        assertThat(d.newState().getFirstSeen()).isEqualTo(T0);
        assertThat(d.newState().getLastSeen()).isEqualTo(T0);
    }

    @Test
    void theSameContentAgainIsARedeliveryThatOnlyTouchesTheState() {
        var seen = VersionTracker.decide(null, v1, T0).newState();
        EnrichedStory resent = Stories.aStory(KEY).version("1").at(T0).headline("QUAKE hits  city").build();
        VersionTracker.Decision d = VersionTracker.decide(seen, resent, T0.plusSeconds(30));
        Duplicate dup = duplicate(d);
        assertThat(dup.getReason()).isEqualTo(DuplicateReason.REDELIVERY);
        assertThat(dup.getDuplicateOf()).isEqualTo(KEY);
        assertThat(dup.getSimilarity()).isEqualTo(1.0);
        assertThat(dup.getDetail()).isEqualTo("same story key and same normalised content as version 1 of " + T0);
        assertThat(d.newState().getVersion()).isEqualTo("1");
        assertThat(d.newState().getLastSeen()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aWireThatNumbersNoVersionIsNamedByItsTimeNotNull() {
        EnrichedStory item = Stories.aStory(KEY).version(null).at(T0).headline("Feed item").build();
        var seen = VersionTracker.decide(null, item, T0).newState();
        assertThat(duplicate(VersionTracker.decide(seen, item, T0.plusSeconds(60))).getDetail())
                .isEqualTo("same story key and same normalised content as the copy of " + T0);
        var newer = VersionTracker.decide(null, Stories.aStory(KEY).version(null).at(T0.plusSeconds(60)).headline("Feed item, later").build(), T0)
                .newState();
        assertThat(duplicate(VersionTracker.decide(newer, item, T0.plusSeconds(90))).getDetail())
                .isEqualTo("the copy of " + T0 + " arrived after the copy of " + T0.plusSeconds(60) + ", which is newer");
    }

    @Test
    void aNewerVersionIsAnUpdateNamingTheOneItReplaces() {
        var seen = VersionTracker.decide(null, v1, T0).newState();
        VersionTracker.Decision d = VersionTracker.decide(seen, v2, T0.plusSeconds(600));
        assertThat(accepted(d).getAction()).isEqualTo(StoryAction.UPDATE);
        assertThat(accepted(d).getPreviousVersion()).isEqualTo("1");
        assertThat(d.newState().getVersion()).isEqualTo("2");
        assertThat(d.newState().getFirstSeen()).as("kept from the first version").isEqualTo(T0);
    }

    @Test
    void anOlderVersionArrivingLateIsSupersededAndDoesNotOverwrite() {
        var seen = VersionTracker.decide(null, v2, T0).newState();
        VersionTracker.Decision d = VersionTracker.decide(seen, v1, T0.plusSeconds(5));
        assertThat(duplicate(d).getReason()).isEqualTo(DuplicateReason.SUPERSEDED);
        assertThat(duplicate(d).getDuplicateOfVersion()).isEqualTo("2");
        assertThat(d.newState().getVersion()).isEqualTo("2");
    }

    @Test
    void aKillIsPassedOnFirstLateOrSignalled() {
        EnrichedStory kill = Stories.aStory(KEY).version("3").at(T0.plusSeconds(900)).headline("KILL Quake").canceled().build();
        // Never seen before: still a KILL.
        assertThat(accepted(VersionTracker.decide(null, kill, T0)).getAction()).isEqualTo(StoryAction.KILL);

        // Older than the newest version (arrives late): a kill is never superseded.
        var seen = VersionTracker.decide(null, v2, T0).newState();
        EnrichedStory lateKill = Stories.aStory(KEY).version("1").at(T0).headline("KILL Quake").canceled().build();
        VersionTracker.Decision late = VersionTracker.decide(seen, lateKill, T0.plusSeconds(10));
        assertThat(accepted(late).getAction()).isEqualTo(StoryAction.KILL);
        assertThat(late.newState().getPubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(late.newState().getVersion()).as("the newer version's place in the order is kept").isEqualTo("2");

        // A kill signal without a canceled status counts as canceled.
        EnrichedStory signalled = Stories.aStory(KEY).version("3").at(T0.plusSeconds(900)).headline("Quake")
                .signal(Signal.KILL).build();
        VersionTracker.Decision d = VersionTracker.decide(seen, signalled, T0.plusSeconds(900));
        assertThat(accepted(d).getAction()).isEqualTo(StoryAction.KILL);
        assertThat(d.newState().getPubStatus()).isEqualTo(PubStatus.CANCELED);
    }

    @Test
    void theSameKillAgainIsARedeliveryButTheSameTextCanceledIsNot() {
        var seen = VersionTracker.decide(null, v1, T0).newState();
        EnrichedStory sameTextCanceled = Stories.aStory(KEY).version("1").at(T0).headline("Quake hits city").canceled().build();
        VersionTracker.Decision kill = VersionTracker.decide(seen, sameTextCanceled, T0.plusSeconds(60));
        assertThat(accepted(kill).getAction()).isEqualTo(StoryAction.KILL);

        VersionTracker.Decision again = VersionTracker.decide(kill.newState(), sameTextCanceled, T0.plusSeconds(120));
        assertThat(duplicate(again).getReason()).isEqualTo(DuplicateReason.REDELIVERY);
    }

    private static final String SLUG = "ap:APNewsAlert:2026-11-28";
    private final Map<String, StoryVersionState> store = new HashMap<>();

    /** Decides a copy as VersionProcessor does, writing both states back. */
    private VersionTracker.Keyed send(EnrichedStory s) {
        VersionTracker.Keyed k = VersionTracker.decideKeyed(store::get, s, s.getReceivedAt());
        if (k.decision().newState() != null) {
            store.put(k.key(), k.decision().newState());
        }
        if (k.slugState() != null) {
            store.put(s.getStoryKey(), k.slugState());
        }
        return k;
    }

    private static Stories underTheSlug(String headline, int minute) {
        return Stories.aStory(SLUG).slugKey().at(T0.plusSeconds(60L * minute)).headline(headline).body();
    }

    @Test
    void aSlugKeyRemembersTheDifferentStoriesFoundUnderItTheLeastRecentlySeenGoingFirst() {
        send(underTheSlug("Wildfire forces evacuation of homes near Denver", 0).build());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= VersionTracker.MAX_OTHER_STORIES; i++) {
            VersionTracker.Keyed k = send(underTheSlug("Zebra" + i + " walrus" + i + " pelican" + i + " heron" + i, i + 1).build());
            assertThat(accepted(k.decision()).getAction()).isEqualTo(StoryAction.NEW);
            keys.add(k.key());
            if (i == 5) { // the fifth is written through while the others come: it stays remembered
                assertThat(send(underTheSlug("Zebra5 walrus5 pelican5 heron5 flamingo", i + 1).version("2").build()).key())
                        .isEqualTo(keys.get(5));
            }
        }
        assertThat(store.get(SLUG).getOtherStories()).hasSize(VersionTracker.MAX_OTHER_STORIES)
                .doesNotContain(keys.get(0)).contains(keys.get(5));
        // A version of the slug's own story keeps the list; a version of a remembered story is its update.
        send(underTheSlug("Wildfire forces evacuation of more homes near Denver", 200).version("2").build());
        assertThat(store.get(SLUG).getOtherStories()).hasSize(VersionTracker.MAX_OTHER_STORIES);
        VersionTracker.Keyed update = send(underTheSlug("Zebra5 walrus5 pelican5 heron5 flamingo ibis", 201).version("3").build());
        assertThat(update.key()).isEqualTo(keys.get(5));
        assertThat(accepted(update.decision()).getAction()).isEqualTo(StoryAction.UPDATE);
        assertThat(accepted(update.decision()).getStoryKey()).isEqualTo(keys.get(5));
    }

    @Test
    void aRedeliveryOfOneRememberedStoryKeepsTheOthersRemembered() {
        send(underTheSlug("Wildfire forces evacuation of homes near Denver", 0).build());
        String senate = send(underTheSlug("Senate confirms treasury nominee", 5).build()).key();
        String court = send(underTheSlug("Court rules on river water rights", 9).build()).key();
        // the newest remembered story sent again is found first and ends the search: the others were not read
        assertThat(send(underTheSlug("Court rules on river water rights", 12).build()).key()).isEqualTo(court);
        assertThat(store.get(SLUG).getOtherStories()).as("(until 2026-12-06 the redelivery made the slug forget the rest)")
                .contains(senate, court);
        VersionTracker.Keyed take = send(underTheSlug("Senate confirms treasury nominee by 52 votes", 20).version("2").build());
        assertThat(take.key()).isEqualTo(senate);
        assertThat(accepted(take.decision()).getAction()).isEqualTo(StoryAction.UPDATE);
    }

    @Test
    void aCopyGoesToTheStoryWithItsExactContentThenToTheOneItSharesMost() {
        send(underTheSlug("Senate confirms nominee after long debate", 0).build());
        String b = send(underTheSlug("Storm closes mountain passes", 5).build()).key();
        // the held story's next version happens to share three words with the second story
        assertThat(send(underTheSlug("Senate confirms nominee as storm closes passes", 7).version("2").build()).key()).isEqualTo(SLUG);
        // so the second story sent again shares enough with the held one, but it is the second exactly: its redelivery
        VersionTracker.Keyed again = send(underTheSlug("Storm closes mountain passes", 9).build());
        assertThat(duplicate(again.decision()).getReason()).isEqualTo(DuplicateReason.REDELIVERY);
        assertThat(again.key()).isEqualTo(b);
        // a later take sharing two words with the held story and three with the second is the second's
        VersionTracker.Keyed take = send(underTheSlug("Storm keeps mountain passes closed", 12).version("2").build());
        assertThat(take.key()).isEqualTo(b);
        assertThat(accepted(take.decision()).getAction()).isEqualTo(StoryAction.UPDATE);
    }

    @Test
    void aKillThatNamesNoStoryGoesToTheOnlyOneUnderTheSlugButNeverToAGuessAmongSeveral() {
        send(underTheSlug("Wildfire forces evacuation of homes near Denver", 0).build());
        VersionTracker.Keyed onlyOne;
        try (CapturedLog log = CapturedLog.of(VersionTracker.class)) {
            onlyOne = send(underTheSlug("Editors: this item has been withdrawn", 5).canceled().build());
            assertThat(log.events()).as("a kill placed on the only story says nothing").isEmpty();
        }
        assertThat(onlyOne.key()).isEqualTo(SLUG);
        assertThat(onlyOne.unplacedKill()).isFalse();
        assertThat(accepted(onlyOne.decision()).getAction()).isEqualTo(StoryAction.KILL);

        store.clear();
        send(underTheSlug("Wildfire forces evacuation of homes near Denver", 0).build());
        String senate = send(underTheSlug("Senate confirms treasury nominee", 5).build()).key();
        try (CapturedLog log = CapturedLog.of(VersionTracker.class)) {
            VersionTracker.Keyed unplaced = send(underTheSlug("Editors: this item has been withdrawn", 9).canceled().build());
            assertThat(log.events()).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
                assertThat(e.getFormattedMessage()).contains("Editors: this item has been withdrawn", "2 stories", unplaced.key(),
                        "no story is marked killed");
            });
            assertThat(unplaced.key()).isNotIn(SLUG, senate);
            assertThat(unplaced.unplacedKill()).as("told to the versions stage, which counts it").isTrue();
            assertThat(accepted(unplaced.decision()).getAction()).isEqualTo(StoryAction.KILL);
        }
        assertThat(store.get(SLUG).getPubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(store.get(senate).getPubStatus()).isEqualTo(PubStatus.USABLE);
        try (CapturedLog log = CapturedLog.of(VersionTracker.class)) {
            // a kill signalled on a copy still marked usable is told the same way
            send(underTheSlug("Disregard earlier copy for legal reasons", 10).signal(Signal.KILL).build());
            assertThat(log.events()).singleElement().extracting(e -> e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        }
        // the kill that repeats its story's words finds it
        VersionTracker.Keyed placed = send(underTheSlug("KILL - Senate confirms treasury nominee", 12).canceled().build());
        assertThat(placed.key()).isEqualTo(senate);
        assertThat(placed.unplacedKill()).isFalse();
        assertThat(accepted(placed.decision()).getAction()).isEqualTo(StoryAction.KILL);
    }

    @Test
    void oneWordInCommonDoesNotMakeAnotherStoryAVersionHoweverShortTheLeads() {
        send(underTheSlug("Senate confirms treasury nominee", 0).build());
        VersionTracker.Keyed other = send(underTheSlug("Senate rejects climate bill", 55).build());
        assertThat(other.key()).isNotEqualTo(SLUG);
        assertThat(accepted(other.decision()).getAction()).isEqualTo(StoryAction.NEW);
        VersionTracker.Keyed take = send(underTheSlug("Senate rejects climate bill after debate", 60).version("2").build());
        assertThat(take.key()).isEqualTo(other.key()); // two words and more in common: its version
        assertThat(accepted(take.decision()).getAction()).isEqualTo(StoryAction.UPDATE);
    }

    @Test
    void aBareCancelWithNothingToTellByGoesToTheHeldStory() {
        send(underTheSlug("Wildfire forces evacuation of homes near Denver", 0).build());
        send(underTheSlug("Senate confirms treasury nominee", 5).build());
        VersionTracker.Keyed nix = send(underTheSlug("Nix it", 9).canceled().build());
        assertThat(nix.key()).isEqualTo(SLUG);
        assertThat(accepted(nix.decision()).getAction()).isEqualTo(StoryAction.KILL);
    }

    private static EnrichedStory accepted(VersionTracker.Decision d) {
        assertThat(d.routed()).isInstanceOf(Routed.Accepted.class);
        return ((Routed.Accepted) d.routed()).story();
    }

    private static Duplicate duplicate(VersionTracker.Decision d) {
        assertThat(d.routed()).isInstanceOf(Routed.Duplicated.class);
        return ((Routed.Duplicated) d.routed()).duplicate();
    }
}
