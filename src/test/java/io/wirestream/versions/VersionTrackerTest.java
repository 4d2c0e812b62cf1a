package io.wirestream.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
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

    @Test
    void aSlugKeyRemembersTheLatestDifferentStoriesFoundUnderIt() {
        Map<String, StoryVersionState> store = new HashMap<>();
        Function<EnrichedStory, VersionTracker.Keyed> send = s -> {
            VersionTracker.Keyed k = VersionTracker.decideKeyed(store::get, s, s.getReceivedAt());
            if (k.decision().newState() != null) {
                store.put(k.key(), k.decision().newState());
            }
            if (k.slugState() != null) {
                store.put(s.getStoryKey(), k.slugState());
            }
            return k;
        };
        String slug = "ap:APNewsAlert:2026-11-28";
        send.apply(Stories.aStory(slug).slugKey().at(T0).headline("Wildfire forces evacuation of homes near Denver").body().build());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= VersionTracker.MAX_OTHER_STORIES; i++) {
            VersionTracker.Keyed k = send.apply(Stories.aStory(slug).slugKey().at(T0.plusSeconds(60L * (i + 1)))
                    .headline("Zebra" + i + " walrus" + i + " pelican" + i + " heron" + i).body().build());
            assertThat(accepted(k.decision()).getAction()).isEqualTo(StoryAction.NEW);
            keys.add(k.key());
        }
        assertThat(store.get(slug).getOtherStories()).hasSize(VersionTracker.MAX_OTHER_STORIES)
                .containsExactlyElementsOf(keys.subList(1, keys.size()));
        // A version of the slug's own story keeps the list; a version of a remembered story is its update.
        send.apply(Stories.aStory(slug).slugKey().version("2").at(T0.plusSeconds(7200))
                .headline("Wildfire forces evacuation of more homes near Denver").body().build());
        assertThat(store.get(slug).getOtherStories()).hasSize(VersionTracker.MAX_OTHER_STORIES);
        VersionTracker.Keyed update = send.apply(Stories.aStory(slug).slugKey().version("2").at(T0.plusSeconds(7300))
                .headline("Zebra5 walrus5 pelican5 heron5 flamingo").body().build());
        assertThat(update.key()).isEqualTo(keys.get(5));
        assertThat(accepted(update.decision()).getAction()).isEqualTo(StoryAction.UPDATE);
        assertThat(accepted(update.decision()).getStoryKey()).isEqualTo(keys.get(5));
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
