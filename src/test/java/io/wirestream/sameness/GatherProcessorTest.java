package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.GatherState;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.StoryAction;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.Stories;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gather step alone, with the order of arrival in our hands: what a real broker does when copies
 * arrive within one commit interval (their queries cross in the buckets, their clusters are not yet
 * filed), which TopologyTestDriver, deciding each story before the next, never shows. The loop topic
 * (sameness-answers) is a queue here, delivered in order.
 */
class GatherProcessorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String BODY = "A strong earthquake of magnitude 6.8 shook northern Chile on Monday, swaying buildings "
            + "in Antofagasta and cutting power to thousands of homes, the national emergency office said.";

    private MockProcessorContext<String, Gathered> context;
    private GatherProcessor gather;
    private final Deque<KeyValue<String, SamenessMessage>> loop = new ArrayDeque<>();
    /** Every story that left the gather step, in order: key and outcome. */
    private final List<Gathered> out = new ArrayList<>();
    /** Every copy's story that went to the alert stage ahead of the copy, in order. */
    private final List<Gathered> ahead = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "gather-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        context = new MockProcessorContext<>(p);
        KeyValueStore<String, GatherState> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("gather"),
                Serdes.String(), AvroSerde.of(GatherState.class)).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        gather = new GatherProcessor("gather", SamenessSettings.defaults(), Duration.ofDays(7));
        gather.init(context);
    }

    private void process(String key, SamenessMessage m) {
        gather.process(new Record<>(key, m, T0.toEpochMilli()));
        for (var f : context.forwarded()) {
            Gathered g = f.record().value();
            if (g.isLoopBack()) {
                loop.add(KeyValue.pair(f.record().key(), g.loopBack()));
            } else {
                assertThat(f.record().key()).isEqualTo(g.story().getStoryKey());
                (g.isAlertAhead() ? ahead : out).add(g);
            }
        }
        context.resetForwards();
    }

    /** Delivers what the gather step sent itself, in order, until nothing is left. */
    private void deliverLoop() {
        int guard = 0;
        while (!loop.isEmpty()) {
            KeyValue<String, SamenessMessage> m = loop.poll();
            process(m.key, m.value);
            assertThat(++guard).as("loop messages").isLessThan(100);
        }
    }

    private static EnrichedStory story(String key, Instant at) {
        return Stories.aStory(key).at(at).headline("Strong earthquake shakes northern Chile").body(BODY).build();
    }

    private void newStory(String key, Instant at, int answers) {
        process(key, SamenessMessage.newBuilder().setStoryKey(key).setToken(key + "/1").setStory(story(key, at))
                .setExpectedAnswers(answers).setVector(Map.of("earthquake", 0.8f, "chile", 0.6f)).setMarks(marksOf(key)).build());
    }

    /** Each story's own event marks, so a test can see whose reach its cluster. */
    private static Map<String, Float> marksOf(String key) {
        return Map.of(key.substring(key.lastIndexOf(':') + 1) + "-" + key.length(), 1f);
    }

    private void answer(String key, String duplicateOf, Instant duplicateOfTime, Map<String, Double> clusterScores) {
        process(key, SamenessMessage.newBuilder().setStoryKey(key).setToken(key + "/1").setDuplicateOf(duplicateOf)
                .setDuplicateOfTime(duplicateOfTime).setSimilarity(duplicateOf == null ? 0 : 0.97).setClusterScores(clusterScores).build());
    }

    /**
     * AP's story, whose term answers put it in cluster cl-earlier-report, then ANI's copy of it, whose
     * own term answers came before that cluster was filed (on their own they would found a cluster).
     */
    private void anOriginalInAClusterThenACopyOfIt() {
        newStory("urn:ap:quake", T0, 1);
        answer("urn:ap:quake", null, null, Map.of("cl-earlier-report", 0.6));
        newStory("urn:ani:quake", T0.plusSeconds(1), 1);
        answer("urn:ani:quake", "urn:ap:quake", T0, Map.of());
    }

    private List<Gathered> outcomesOf(String key) {
        return out.stream().filter(g -> g.story().getStoryKey().equals(key)).toList();
    }

    private Gathered onlyOutcomeOf(String key) {
        assertThat(outcomesOf(key)).as("outcomes of " + key).hasSize(1);
        return outcomesOf(key).get(0);
    }

    @Test
    void aCopyTakesItsOriginalsClusterNotTheOneItsOwnAnswersGaveIt() {
        anOriginalInAClusterThenACopyOfIt();
        assertThat(outcomesOf("urn:ani:quake")).as("held until the original answers").isEmpty();
        deliverLoop();

        assertThat(onlyOutcomeOf("urn:ap:quake").isNearDuplicate()).isFalse();
        Gathered copy = onlyOutcomeOf("urn:ani:quake");
        assertThat(copy.isNearDuplicate()).isTrue();
        assertThat(copy.nearDuplicate().getDuplicateOf()).isEqualTo("urn:ap:quake");
        assertThat(copy.story().getClusterId()).isEqualTo("cl-earlier-report");
        assertThat(copy.member().getClusterId()).as("it still counts as a source of the cluster").isEqualTo("cl-earlier-report");
        assertThat(copy.member().getMarks()).as("its own marks, carried by its follow request").isEqualTo(marksOf("urn:ani:quake"));
        assertThat(onlyOutcomeOf("urn:ap:quake").member().getMarks()).isEqualTo(marksOf("urn:ap:quake"));
        assertThat(ahead).as("its own answers found no cluster: its alert input waits for the round").isEmpty();
        assertThat(copy.countsForAlerts()).isTrue();
    }

    @Test
    void aCopyWhoseOwnAnswersFindItsOriginalsClusterGoesToTheAlertsAheadAndOnlyOnce() {
        newStory("urn:ap:quake", T0, 1);
        answer("urn:ap:quake", null, null, Map.of("cl-earlier-report", 0.6));
        newStory("urn:ani:quake", T0.plusSeconds(1), 1);
        answer("urn:ani:quake", "urn:ap:quake", T0, Map.of("cl-earlier-report", 0.7, "cl-other", 0.3));

        assertThat(outcomesOf("urn:ani:quake")).as("the copy itself waits for its original's cluster").isEmpty();
        assertThat(ahead).singleElement().satisfies(g -> {
            assertThat(g.story().getStoryKey()).isEqualTo("urn:ani:quake");
            assertThat(g.story().getClusterId()).isEqualTo("cl-earlier-report");
            assertThat(g.isNearDuplicate()).isFalse();
            assertThat(g.member()).as("no membership: that goes when the copy settles").isNull();
            assertThat(g.countsForAlerts()).isTrue();
        });
        deliverLoop();
        Gathered copy = onlyOutcomeOf("urn:ani:quake");
        assertThat(copy.story().getClusterId()).isEqualTo("cl-earlier-report");
        assertThat(copy.member().getClusterId()).isEqualTo("cl-earlier-report");
        assertThat(copy.countsForAlerts()).as("already counted, in the same cluster").isFalse();
        assertThat(ahead).hasSize(1);
    }

    @Test
    void aCopyWhoseOriginalIsForgottenLeavesInTheClusterItWasSentAheadToOnce() {
        newStory("urn:ani:quake", T0.plusSeconds(1), 1);
        // its original, urn:ap:quake, has no gather state here (expired): the copy keeps its own cluster
        answer("urn:ani:quake", "urn:ap:quake", T0, Map.of("cl-earlier-report", 0.7));
        deliverLoop();
        assertThat(ahead).singleElement().satisfies(g -> assertThat(g.story().getClusterId()).isEqualTo("cl-earlier-report"));
        Gathered copy = onlyOutcomeOf("urn:ani:quake");
        assertThat(copy.story().getClusterId()).isEqualTo("cl-earlier-report");
        assertThat(copy.countsForAlerts()).isFalse();
    }

    /** A follow request an instance of the version before wrote (nothing sent ahead) is counted when it settles. */
    @Test
    void aFollowRequestFromBeforeTheUpgradeIsCountedWhenItSettles() {
        newStory("urn:ap:quake", T0, 1);
        answer("urn:ap:quake", null, null, Map.of("cl-earlier-report", 0.6));
        SamenessMessage old = SamenessMessage.newBuilder().setStoryKey("urn:ani:quake").setToken("urn:ani:quake/1")
                .setStory(EnrichedStory.newBuilder(story("urn:ani:quake", T0.plusSeconds(1))).setClusterId("cl-earlier-report").build())
                .setVector(Map.of("earthquake", 0.8f)).setDuplicateOf("urn:ap:quake").setDuplicateOfTime(T0).setSimilarity(0.97)
                .setFollow(true).build(); // alertSentAhead false, as the version before wrote them
        process("urn:ap:quake", old);
        Gathered copy = onlyOutcomeOf("urn:ani:quake");
        assertThat(copy.story().getClusterId()).isEqualTo("cl-earlier-report");
        assertThat(copy.countsForAlerts()).as("never sent ahead: counted now").isTrue();
    }

    @Test
    void aCopySentAheadToAnotherClusterCountsInItsOriginalsToo() {
        newStory("urn:ap:quake", T0, 1);
        answer("urn:ap:quake", null, null, Map.of("cl-earlier-report", 0.6));
        newStory("urn:ani:quake", T0.plusSeconds(1), 1);
        answer("urn:ani:quake", "urn:ap:quake", T0, Map.of("cl-other", 0.7));
        deliverLoop();

        assertThat(ahead).singleElement().satisfies(g -> assertThat(g.story().getClusterId()).isEqualTo("cl-other"));
        Gathered copy = onlyOutcomeOf("urn:ani:quake");
        assertThat(copy.story().getClusterId()).isEqualTo("cl-earlier-report");
        assertThat(copy.countsForAlerts()).as("the cluster it leaves in has not counted it").isTrue();
    }

    @Test
    void aCopyWhoseOriginalIsStillGatheringWaitsForIt() {
        newStory("urn:ap:quake", T0, 2);
        answer("urn:ap:quake", null, null, Map.of());
        newStory("urn:ani:quake", T0.plusSeconds(1), 1);
        answer("urn:ani:quake", "urn:ap:quake", T0, Map.of());
        deliverLoop();
        assertThat(out).isEmpty();

        answer("urn:ap:quake", null, null, Map.of("cl-earlier-report", 0.6));
        deliverLoop();
        assertThat(onlyOutcomeOf("urn:ani:quake").story().getClusterId()).isEqualTo("cl-earlier-report");
        assertThat(onlyOutcomeOf("urn:ap:quake").story().getClusterId()).isEqualTo("cl-earlier-report");
    }

    @Test
    void twoCopiesThatTookEachOtherForTheOriginalSettleOnTheEarlierOne() {
        // Their queries crossed in the band buckets: each found the other.
        newStory("urn:ani:quake", T0.plusSeconds(5), 1);
        newStory("urn:ap:quake", T0, 1);
        answer("urn:ani:quake", "urn:ap:quake", T0, Map.of());
        answer("urn:ap:quake", "urn:ani:quake", T0.plusSeconds(5), Map.of());
        deliverLoop();

        Gathered original = onlyOutcomeOf("urn:ap:quake");
        assertThat(original.isNearDuplicate()).as("one of them reaches editors").isFalse();
        Gathered copy = onlyOutcomeOf("urn:ani:quake");
        assertThat(copy.isNearDuplicate()).isTrue();
        assertThat(copy.story().getClusterId()).isEqualTo(original.story().getClusterId());
    }

    @Test
    void aChainOfCopiesEndsInTheFirstOnesCluster() {
        newStory("urn:ap:quake", T0, 1);
        newStory("urn:ani:quake", T0.plusSeconds(1), 1);
        newStory("urn:ians:quake", T0.plusSeconds(2), 1);
        answer("urn:ians:quake", "urn:ani:quake", T0.plusSeconds(1), Map.of());
        answer("urn:ani:quake", "urn:ap:quake", T0, Map.of());
        answer("urn:ap:quake", null, null, Map.of("cl-earlier-report", 0.6));
        deliverLoop();

        assertThat(onlyOutcomeOf("urn:ap:quake").isNearDuplicate()).isFalse();
        assertThat(onlyOutcomeOf("urn:ani:quake").story().getClusterId()).isEqualTo("cl-earlier-report");
        assertThat(onlyOutcomeOf("urn:ians:quake").story().getClusterId()).isEqualTo("cl-earlier-report");
        assertThat(onlyOutcomeOf("urn:ians:quake").nearDuplicate().getDuplicateOf()).isEqualTo("urn:ani:quake");
    }

    @Test
    void aCycleOfThreeCopiesLosesNoneAndDoublesNone() {
        newStory("urn:a", T0, 1);
        newStory("urn:b", T0, 1);
        newStory("urn:c", T0, 1);
        answer("urn:a", "urn:b", T0, Map.of());
        answer("urn:b", "urn:c", T0, Map.of());
        answer("urn:c", "urn:a", T0, Map.of());
        deliverLoop();

        for (String key : List.of("urn:a", "urn:b", "urn:c")) {
            onlyOutcomeOf(key);
        }
        assertThat(out).filteredOn(g -> !g.isNearDuplicate()).as("at least one reaches editors").isNotEmpty();
        // Which of them leaves as the story depends on how the requests overtook each other round the
        // cycle (a rare race); every copy lands in the cluster of one that left as a story.
        List<String> storyClusters = out.stream().filter(g -> !g.isNearDuplicate()).map(g -> g.story().getClusterId()).toList();
        assertThat(out).filteredOn(Gathered::isNearDuplicate).extracting(g -> g.story().getClusterId())
                .allMatch(storyClusters::contains);
    }

    @Test
    void aCopyOfAnUnknownOriginalKeepsItsOwnCluster() {
        newStory("urn:ani:quake", T0, 1);
        answer("urn:ani:quake", "urn:gone", T0.minusSeconds(60), Map.of());
        deliverLoop();

        Gathered copy = onlyOutcomeOf("urn:ani:quake");
        assertThat(copy.isNearDuplicate()).isTrue();
        assertThat(copy.story().getClusterId()).isEqualTo(GatherProcessor.newClusterId("urn:ani:quake"));
    }

    @Test
    void anUpdateOfAHeldCopyWaitsAndTakesTheClusterItSettledIn() {
        anOriginalInAClusterThenACopyOfIt();
        EnrichedStory update = Stories.aStory("urn:ani:quake").version("2").at(T0.plusSeconds(60)).build();
        update.setAction(StoryAction.UPDATE);
        process("urn:ani:quake", SamenessMessage.newBuilder().setStoryKey("urn:ani:quake").setToken("urn:ani:quake/2")
                .setStory(update).setExpectedAnswers(0).build());
        assertThat(outcomesOf("urn:ani:quake")).as("the update waits behind its held story").isEmpty();
        deliverLoop();

        assertThat(outcomesOf("urn:ani:quake")).hasSize(2)
                .extracting(g -> g.story().getVersion() + " " + g.story().getClusterId())
                .containsExactly("1 cl-earlier-report", "2 cl-earlier-report");
    }
}
