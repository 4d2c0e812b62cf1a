package io.wirestream.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.Subscription;
import io.wirestream.testing.SharedData;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 through the real topology (TopologyTestDriver): the alert stage keyed by cluster, fed
 * by new stories and near-duplicate copies alike. Copies of one text from several outlets are the
 * simplest way to put several sources in one cluster: each is a near-duplicate that still counts
 * for its outlet.
 */
class ClusterAlertsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final String BUDGET = "The national parliament approved the annual budget bill on Tuesday after a long debate "
            + "between the governing coalition and the opposition parties over spending on schools, roads and hospitals. "
            + "The finance minister said the plan keeps the deficit within the limits agreed with the commission last spring.";
    private static final String STRIKE = "The president was killed in a military strike on the capital early on Sunday, "
            + "state television said, citing officials who asked not to be named because they were not authorised to speak.";

    private final TopologyHarness t = new TopologyHarness();

    @AfterEach
    void close() {
        t.close();
    }

    private static WireItems.Ninjs copy(String uri, String source, String headline, String body, Instant at) {
        return WireItems.ninjs(uri).from(source).headline(headline).body(body).at(at);
    }

    /** New alerts only: what editors are rung for (updates refresh an alert in place). */
    private List<Alert> sent() {
        return t.alertsSeen.stream().filter(a -> !a.getUpdate()).toList();
    }

    @Test
    void aWireFlashAloneIsNeverAFlash() {
        t.send(copy("urn:ap:f1", "ap", "Parliament passes budget", BUDGET, T0).urgency(1));
        assertThat(sent()).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.URGENT);
            assertThat(a.getReasons()).anySatisfy(r -> assertThat(r).contains("a wire flash alone is not a flash"));
        });
    }

    @Test
    void anApFeatureAtPriorityFRaisesNothing() throws Exception {
        byte[] feature = Files.readAllBytes(SharedData.fixture("anpa/anpa-1.tst"));
        t.send("ap:anpa-1", WireItems.raw("ap", "auto", feature, T0));
        assertThat(t.alertsSeen).isEmpty();
    }

    @Test
    void aCorroboratedStoryIsAlertedOnceAndEscalatedOnce() {
        t.send(copy("urn:rtrs:1", "reuters", "Parliament passes budget", BUDGET, T0));
        t.send(copy("urn:afp:1", "afp", "Budget approved by parliament", BUDGET, T0.plusSeconds(60)));
        assertThat(t.alertsSeen).isEmpty(); // two sources: not yet corroborated

        t.send(copy("urn:bbc:1", "bbc", "MPs approve budget bill", BUDGET, T0.plusSeconds(120)));
        t.send(copy("urn:cnn:1", "cnn", "Budget passes", BUDGET, T0.plusSeconds(180)));
        assertThat(sent()).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.BULLETIN);
            assertThat(a.getStoryKey()).isEqualTo("urn:bbc:1");
            assertThat(a.getReasons()).anySatisfy(r -> assertThat(r).contains("3 distinct sources within 10 min (corroborated)"));
            assertThat(a.getLatencyMs()).isEqualTo(120_000L);
        });
        // The copies go to the alert stage ahead of their round to the original (GatherProcessor): the BULLETIN, then
        // one update (cnn's, a fourth source). GatherProcessorTest holds each copy to being counted once.
        assertThat(t.alertsSeen).hasSize(2);
        Alert update = t.alertsSeen.get(t.alertsSeen.size() - 1);
        assertThat(update.getUpdate()).isTrue();
        assertThat(update.getSourceCount()).isEqualTo(4);
        assertThat(update.getHeadline()).isEqualTo("Budget passes");

        // A wire flash on a corroborated cluster: two signals agree, one escalation.
        t.send(copy("urn:ap:1", "ap", "FLASH Parliament passes budget", BUDGET, T0.plusSeconds(240)).urgency(1));
        t.send(copy("urn:dw:1", "dw", "Budget passed", BUDGET, T0.plusSeconds(300)).urgency(1));
        assertThat(sent()).extracting(Alert::getLevel).containsExactly(AlertLevel.BULLETIN, AlertLevel.FLASH);
        assertThat(sent().get(1).getReasons()).contains("escalated from BULLETIN");
        assertThat(sent()).extracting(Alert::getClusterId).containsOnly(sent().get(0).getClusterId());
        assertThat(t.alertsSeen.get(t.alertsSeen.size() - 1).getSourceCount()).isEqualTo(6);
    }

    @Test
    void sourcesOutsideTheWindowDoNotCorroborate() {
        t.send(copy("urn:rtrs:2", "reuters", "Parliament passes budget", BUDGET, T0));
        t.send(copy("urn:afp:2", "afp", "Budget approved by parliament", BUDGET, T0.plusSeconds(900)));
        t.send(copy("urn:bbc:2", "bbc", "MPs approve budget bill", BUDGET, T0.plusSeconds(1800)));
        assertThat(t.alertsSeen).isEmpty();
    }

    @Test
    void aKillAfterAnAlertIsAKillNotice() {
        t.send(copy("urn:rtrs:3", "reuters", "Parliament passes budget", BUDGET, T0));
        t.send(copy("urn:afp:3", "afp", "Budget approved by parliament", BUDGET, T0.plusSeconds(60)));
        t.send(copy("urn:bbc:3", "bbc", "MPs approve budget bill", BUDGET, T0.plusSeconds(120)));
        t.send(copy("urn:rtrs:3", "reuters", "KILL Parliament passes budget", BUDGET, T0.plusSeconds(600)).version("2").canceled());

        assertThat(sent()).extracting(Alert::getLevel).containsExactly(AlertLevel.BULLETIN, AlertLevel.KILL);
        Alert kill = sent().get(1);
        assertThat(kill.getStoryKey()).isEqualTo("urn:rtrs:3");
        assertThat(kill.getClusterId()).isEqualTo(sent().get(0).getClusterId());
        assertThat(kill.getReasons()).anySatisfy(r -> assertThat(r).contains("its cluster was alerted at BULLETIN"));
    }

    /**
     * A kill notice goes out for every story seen here (with a version or without one) and for any kill that says what it
     * kills; a bare cancel (a uri and a status) of an item never seen here is no notice, and still reaches stories.enriched.
     */
    @Test
    void aKillNoticeSaysWhetherTheStoryWasSeenBefore() {
        t.send(copy("urn:rtrs:5", "reuters", "Parliament passes budget", BUDGET, T0));
        t.send(copy("urn:rtrs:5", "reuters", "KILL Parliament passes budget", BUDGET, T0.plusSeconds(600)).version("2").canceled());
        t.send(copy("urn:afp:9", "afp", "KILL Weather mild", "Sunshine and light winds are forecast.", T0.plusSeconds(700))
                .version("4").canceled());
        t.send(copy("urn:site:1", "site", "Council backs bridge", "The council voted for the bridge.", T0.plusSeconds(800)).without("version"));
        t.send(copy("urn:site:1", "site", "", "", T0.plusSeconds(900)).without("version").without("headline").without("body_text").canceled());
        t.send(copy("urn:ap:pic", "ap", "", "", T0.plusSeconds(1000)).without("headline").without("body_text").canceled());
        t.send(copy("urn:afp:k1", "afp", "", "", T0.plusSeconds(1100)).without("headline").without("body_text")
                .description("This story has been withdrawn: it named a minor. Do not use.").canceled());

        assertThat(sent()).extracting(Alert::getStoryKey).as("a kill whose only text is its standfirst says what it kills")
                .containsExactly("urn:rtrs:5", "urn:afp:9", "urn:site:1", "urn:afp:k1");
        assertThat(sent()).extracting(Alert::getLevel).containsOnly(AlertLevel.KILL);
        assertThat(sent().get(0).getReasons()).anySatisfy(r -> assertThat(r).endsWith("; it was delivered"));
        assertThat(sent().get(1).getReasons()).anySatisfy(r -> assertThat(r).endsWith("; no earlier version was seen here"));
        assertThat(sent().get(2).getReasons()).as("a version-less story is known by its cluster")
                .anySatisfy(r -> assertThat(r).endsWith("; it was delivered"));
        // seen first as a kill, the notice still carries what desks route by: its own source, regions and desk
        assertThat(sent().get(1).getSources()).containsExactly("afp");
        assertThat(sent().get(1).getSourceCount()).isEqualTo(1);
        assertThat(sent().get(1).getRegions()).isNotEmpty();
        assertThat(sent().get(1).getDesk()).isNotNull();
        assertThat(t.enrichedSeen).as("the bare cancel is delivered like every kill")
                .anySatisfy(e -> assertThat(e.getStoryKey()).endsWith("urn:ap:pic"));
    }

    /** A story killed while held for its embargo never comes out as an alert; the kill notice says it was embargoed. */
    @Test
    void aKillDuringTheEmbargoDropsTheHeldFlash() {
        Instant release = T0.plusSeconds(3600);
        t.send(copy("urn:ap:emk", "ap", "President killed in military strike", STRIKE, T0).urgency(1).embargoed(release));
        t.send(copy("urn:ap:emk", "ap", "KILL President killed", STRIKE, T0.plusSeconds(600)).version("2").canceled());
        t.send(copy("urn:x:3", "x", "Markets close flat", "Shares ended the day little changed.", T0.plusSeconds(3700)));

        assertThat(sent()).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.KILL);
            assertThat(a.getReasons()).anySatisfy(r -> assertThat(r).contains("under an embargo"));
        });
    }

    @Test
    void anEmbargoedFlashIsHeldUntilRelease() {
        Instant release = T0.plusSeconds(3600);
        t.send(copy("urn:ap:emb", "ap", "President killed in military strike", STRIKE, T0).urgency(1).embargoed(release));
        t.send(copy("urn:x:1", "x", "Weather mild for the weekend", "Sunshine and light winds are forecast.", T0.plusSeconds(1800)));
        assertThat(t.alertsSeen).isEmpty();

        t.send(copy("urn:x:2", "x", "Markets close flat", "Shares ended the day little changed.", T0.plusSeconds(3700)));
        assertThat(sent()).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.FLASH);
            assertThat(a.getAlertedAt()).isEqualTo(release);
            assertThat(a.getReasons()).anySatisfy(r -> assertThat(r).contains("held until the embargo lifted"));
            assertThat(a.getReasons()).anySatisfy(r -> assertThat(r).contains("head of state or government killed"));
        });
    }

    @Test
    void anEmbargoLiftsOnTheWallClockWhenNoWireArrives() {
        // a live feed: the wall clock reaches the release, but no later wire moves stream time on
        Instant release = T0.plusSeconds(3600);
        try (TopologyHarness live = TopologyHarness.atWallClock(T0)) {
            live.send(copy("urn:ap:quiet", "ap", "President killed in military strike", STRIKE, T0).urgency(1).embargoed(release));
            live.advanceWallClock(java.time.Duration.ofSeconds(2));
            assertThat(live.alertsSeen).as("the embargo has not lifted yet").isEmpty();

            live.advanceWallClock(java.time.Duration.ofSeconds(3600));
            assertThat(live.alertsSeen).singleElement().satisfies(a -> {
                assertThat(a.getLevel()).isEqualTo(AlertLevel.FLASH);
                assertThat(a.getStoryKey()).isEqualTo("urn:ap:quiet");
                assertThat(a.getAlertedAt()).isEqualTo(release);
                assertThat(a.getReasons()).anySatisfy(r -> assertThat(r).contains("held until the embargo lifted"));
            });
            assertThat(live.alertTimesSeen.get(0)).isAfterOrEqualTo(release); // the release check's wall-clock time
        }
    }

    @Test
    void whileABacklogIsWorkedThroughStreamTimeAloneReleases() {
        // a replay long after the fact: the wall clock is far past the release, records keep coming, stream time decides
        Instant release = T0.plusSeconds(3600);
        try (TopologyHarness replay = TopologyHarness.atWallClock(T0.plusSeconds(30 * 86_400))) {
            replay.send(copy("urn:ap:old", "ap", "President killed in military strike", STRIKE, T0).urgency(1).embargoed(release));
            replay.send(copy("urn:x:3", "x", "Weather mild for the weekend", "Sunshine and light winds are forecast.", T0.plusSeconds(60)));
            replay.advanceWallClock(java.time.Duration.ofSeconds(1));
            assertThat(replay.alertsSeen).as("records still coming, stream time before the release").isEmpty();
        }
    }

    @Test
    void anAlertRecordCarriesTheWiresTimeNotAFutureEventTime() {
        // versionCreated three hours ahead of arrival (a wrong clock or time zone): a broker refuses record
        // times more than an hour ahead, which under exactly-once would abort every later transaction
        Instant arrival = T0;
        WireItems.Ninjs wire = copy("urn:ap:future", "ap", "President killed in military strike", STRIKE, T0.plusSeconds(3 * 3600))
                .urgency(1);
        t.send("ap:future", WireItems.raw("ap", "ninjs", wire.bytes(), arrival));
        assertThat(sent()).singleElement().satisfies(a ->
                assertThat(a.getAlertedAt()).isEqualTo(T0.plusSeconds(3 * 3600)));
        assertThat(t.alertTimesSeen).containsOnly(arrival);
    }

    @Test
    void aWebScrapeReportingTheSupremeLeaderKilledInAStrikeIsABulletin() throws Exception {
        byte[] page = Files.readAllBytes(SharedData.fixture("plain/web-scrape-iran-larijani.txt"));
        t.send("web:larijani", WireItems.raw("web", "auto", page, T0));
        assertThat(sent()).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isIn(AlertLevel.BULLETIN, AlertLevel.FLASH);
            assertThat(a.getReasons()).anySatisfy(r -> assertThat(r)
                    .contains("head of state or government killed, dying or ousted").contains("military strike"));
        });
    }

    @Test
    void aDeskSubscriptionThatMatchesGetsEachAlertOnceAndOneThatDoesNotGetsNothing() {
        t.subscribe("parliament", Subscription.newBuilder().setId("parliament").setName("Politics desk")
                .setKeywords(List.of("budget")).setMinLevel(AlertLevel.BULLETIN).build(), T0);
        t.subscribe("sport", Subscription.newBuilder().setId("sport").setKeywords(List.of("football")).build(), T0);
        t.subscribe("gone", Subscription.newBuilder().setId("gone").build(), T0);
        t.subscribe("gone", null, T0);

        t.send(copy("urn:rtrs:4", "reuters", "Parliament passes budget", BUDGET, T0));
        t.send(copy("urn:afp:4", "afp", "Budget approved by parliament", BUDGET, T0.plusSeconds(60)));
        t.send(copy("urn:bbc:4", "bbc", "MPs approve budget bill", BUDGET, T0.plusSeconds(120)));
        t.send(copy("urn:cnn:4", "cnn", "Budget passes", BUDGET, T0.plusSeconds(180)));

        assertThat(t.deskAlertsSeen).singleElement().satisfies(d -> {
            assertThat(d.getSubscriptionId()).isEqualTo("parliament");
            assertThat(d.getAlert().getLevel()).isEqualTo(AlertLevel.BULLETIN);
            assertThat(d.getIdempotencyKey()).isEqualTo(d.getAlert().getClusterId() + ":BULLETIN");
        });
    }

    @Test
    void matchingIsGenericOverFieldsTheAlertMayNotCarry() {
        Alert a = Alert.newBuilder().setClusterId("c").setStoryKey("k").setLevel(AlertLevel.URGENT).setHeadline("Quake hits Chile")
                .setFirstSeen(T0).setAlertedAt(T0).setLatencyMs(0).setSources(List.of("ap"))
                .setCategories(List.of("medtop:03015000")).build();
        Subscription any = Subscription.newBuilder().setId("any").build();
        assertThat(SubscriptionMatcher.matches(any, a)).isTrue();
        assertThat(SubscriptionMatcher.matches(Subscription.newBuilder(any).setCategories(List.of("medtop:03000000")).build(), a)).isTrue();
        assertThat(SubscriptionMatcher.matches(Subscription.newBuilder(any).setSources(List.of("AP")).build(), a)).isTrue();
        assertThat(SubscriptionMatcher.matches(Subscription.newBuilder(any).setRegions(List.of("CL")).build(), a))
                .as("no region tagged: a region criterion does not match").isFalse();
        assertThat(SubscriptionMatcher.matches(Subscription.newBuilder(any).setMinLevel(AlertLevel.BULLETIN).build(), a)).isFalse();
        assertThat(SubscriptionMatcher.matches(Subscription.newBuilder(any).setKeywords(List.of("quake")).build(), a)).isTrue();
        assertThat(SubscriptionMatcher.matches(Subscription.newBuilder(any).setKeywords(List.of("qua")).build(), a)).isFalse();
    }
}
