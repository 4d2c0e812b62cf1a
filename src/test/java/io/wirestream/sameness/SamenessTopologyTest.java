package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.StoryAction;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sameness stage through the whole topology on TopologyTestDriver: near-duplicates and clusters. */
class SamenessTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static final String P1 = "The central bank of Singapore kept its exchange-rate based policy settings unchanged on Tuesday, "
            + "as widely expected, but warned that growth in the trade-reliant economy would slow in the second half of the year.";
    private static final String P2 = "The Monetary Authority of Singapore said core inflation was likely to ease gradually towards "
            + "two percent, while the labour market remained tight and wage growth firm across most sectors.";
    private static final String P3 = "Economists had expected no change after the authority tightened policy twice last year, and the "
            + "Singapore dollar was little changed against the US dollar after the statement was published.";
    private static final String P4 = "The authority will publish its next policy statement in October, when it will also release "
            + "revised forecasts for gross domestic product and for headline and core inflation.";
    private static final String MAS_BODY = String.join("\n\n", P1, P2, P3, P4);

    private static final String QUAKE_CHILE = "A strong earthquake of magnitude 6.8 shook northern Chile on Monday, swaying buildings "
            + "in Antofagasta and cutting power to thousands of homes, the national emergency office said. There were no immediate "
            + "reports of deaths, and the navy said the quake did not meet the conditions for a tsunami on the Chilean coast.";
    private static final String QUAKE_CHILE_OWN_WORDS = "Buildings swayed in the Chilean port city of Antofagasta on Monday when a "
            + "magnitude 6.8 earthquake struck northern Chile, knocking out electricity for thousands, emergency officials said. "
            + "Chile's navy ruled out a tsunami warning and no deaths were reported in the first hours.";
    private static final String QUAKE_JAPAN = "A magnitude 5.9 earthquake struck off the coast of Hokkaido in northern Japan on Friday, "
            + "the meteorological agency said, briefly halting bullet trains and prompting checks at a nuclear plant. Local "
            + "authorities in Sapporo reported minor damage to roads and no injuries.";

    private final TopologyHarness t = new TopologyHarness();

    @AfterEach
    void close() {
        t.close();
    }

    private static WireItems.Ninjs story(String uri, String source, String headline, String body, Instant at) {
        return WireItems.ninjs(uri).from(source).headline(headline).body(body).at(at);
    }

    private EnrichedStory enriched(String storyKey) {
        return t.enrichedSeen.stream().filter(s -> s.getStoryKey().equals(storyKey)).reduce((a, b) -> b).orElseThrow();
    }

    private Duplicate duplicate(String storyKey) {
        return t.duplicatesSeen.stream().filter(d -> d.getStoryKey().equals(storyKey)).reduce((a, b) -> b).orElseThrow();
    }

    /** A near-duplicate of {@code original}, or of one of its copies that it matches even better. */
    private void assertNearDuplicateOf(String copy, String original, String... orItsCopies) {
        Duplicate d = duplicate(copy);
        assertThat(d.getReason()).isEqualTo(DuplicateReason.NEAR_DUPLICATE);
        assertThat(d.getDuplicateOf()).isIn((Object[]) concat(original, orItsCopies));
        assertThat(d.getSimilarity()).isGreaterThanOrEqualTo(0.9);
        assertThat(d.getStory().getClusterId()).as("a copy counts for its original's cluster").isEqualTo(enriched(original).getClusterId());
        assertThat(d.getDetail()).contains(d.getDuplicateOf());
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void copiesOfOneAgencyStoryAreNearDuplicatesOfIt() {
        t.send(story("urn:reuters:mas", "reuters", "Singapore central bank keeps policy unchanged", MAS_BODY, T0));
        // A resend under a new id, a trimmed tail, a new headline with a dateline and byline, a
        // write-thru with a sentence inserted: what outlets do to agency copy.
        t.send(story("urn:ani:1", "ani", "Singapore central bank keeps policy unchanged", MAS_BODY, T0.plusSeconds(60)));
        t.send(story("urn:pti:2", "pti", "Singapore holds policy steady", String.join("\n\n", P1, P2), T0.plusSeconds(120)));
        t.send(story("urn:ians:3", "ians", "MAS stands pat, sees slower growth",
                "SINGAPORE, March 2 (Reuters) - By Anna Tan\n\n" + MAS_BODY, T0.plusSeconds(180)));
        t.send(story("urn:upi:4", "upi", "UPDATE 1-Singapore central bank keeps policy unchanged",
                String.join("\n\n", P1, P2, "Analysts at two banks said a loosening in October could not be ruled out.", P3, P4),
                T0.plusSeconds(240)));

        assertThat(t.enrichedSeen).extracting(EnrichedStory::getStoryKey).containsExactly("urn:reuters:mas");
        // Ties go to the earliest story, the original; a write-thru may match a trimmed copy (all of
        // whose text it holds) better than the original, and then names that copy: following
        // duplicateOf always leads to the original.
        for (String copy : new String[] {"urn:ani:1", "urn:pti:2", "urn:ians:3"}) {
            assertNearDuplicateOf(copy, "urn:reuters:mas");
        }
        assertNearDuplicateOf("urn:upi:4", "urn:reuters:mas", "urn:ani:1", "urn:pti:2", "urn:ians:3");
    }

    @Test
    void aClustersSizeAndTheYearsItsMembersNameReachItsTermBucketEntries() {
        // what the size prior and the years rule read at the buckets must come round the loop: gather (the member's
        // years), cluster (size, year counts), index (the entry)
        String recall = " It recalled the 2014 Iquique earthquake.";
        t.send(story("urn:ap:quake", "ap", "Strong earthquake shakes northern Chile", QUAKE_CHILE + recall, T0));
        t.send(story("urn:afp:quake", "afp", "Chile quake sways buildings in Antofagasta", QUAKE_CHILE_OWN_WORDS + recall, T0.plusSeconds(60)));
        assertThat(t.enrichedSeen).hasSize(2);
        assertThat(t.enrichedSeen.get(1).getClusterId()).isEqualTo(t.enrichedSeen.get(0).getClusterId());
        String cluster = t.enrichedSeen.get(0).getClusterId();
        org.apache.kafka.streams.state.KeyValueStore<String, io.wirestream.avro.BucketState> buckets =
                t.store(io.wirestream.topology.WirestreamTopology.BUCKETS_STORE);
        java.util.List<io.wirestream.avro.ClusterEntry> entries = new java.util.ArrayList<>();
        try (var it = buckets.all()) {
            it.forEachRemaining(kv -> kv.value.getClusters().stream().filter(e -> e.getClusterId().equals(cluster)).forEach(entries::add));
        }
        assertThat(entries).as("the grown cluster's filings").anySatisfy(e -> {
            assertThat(e.getSize()).isEqualTo(2);
            assertThat(e.getYears()).containsExactly(2014);
        });
    }

    @Test
    void everyBucketHoldingEntriesIsIndexedForExpiryAtOrBeforeItsOldestEntry() {
        // Founders, a join, near-copies (band filings, a follow) and an event time that goes back:
        // every path that files into the bucket store.
        t.send(story("urn:reuters:mas", "reuters", "Singapore central bank keeps policy unchanged", MAS_BODY, T0));
        t.send(story("urn:ap:quake", "ap", "Strong earthquake shakes northern Chile", QUAKE_CHILE, T0.plusSeconds(30)));
        t.send(story("urn:afp:quake", "afp", "Chile quake sways buildings in Antofagasta", QUAKE_CHILE_OWN_WORDS, T0.plusSeconds(90)));
        t.send(story("urn:ani:1", "ani", "Singapore central bank keeps policy unchanged", MAS_BODY, T0.plusSeconds(60)));
        t.send(story("urn:ap:quake2", "ap", "Earthquake strikes off Hokkaido, trains halted", QUAKE_JAPAN, T0.minusSeconds(600)));
        t.send(story("urn:pti:2", "pti", "Singapore holds policy steady", String.join("\n\n", P1, P2), T0.plusSeconds(120)));

        org.apache.kafka.streams.state.KeyValueStore<String, io.wirestream.avro.BucketState> buckets =
                t.store(io.wirestream.topology.WirestreamTopology.BUCKETS_STORE);
        java.util.Map<String, Long> oldestEntry = new java.util.TreeMap<>();
        java.util.Map<String, Long> earliestIndex = new java.util.HashMap<>();
        try (var it = buckets.all()) {
            it.forEachRemaining(kv -> {
                long seen = kv.value.getLastSeen().toEpochMilli();
                if (kv.key.startsWith(Scatter.BAND)) {
                    // a band bucket's record, holding its stories
                    assertThat(kv.key).doesNotContain("/");
                    kv.value.getStories().forEach(e -> oldestEntry.merge(kv.key, e.getEventTime().toEpochMilli(), Math::min));
                } else if (kv.key.startsWith(Scatter.TERM)) {
                    oldestEntry.merge(kv.key.substring(0, kv.key.indexOf('/')), seen, Math::min);
                } else if (kv.key.contains("/")) {
                    earliestIndex.merge(kv.key.substring(kv.key.indexOf('/') + 1), seen, Math::min);
                }
            });
        }
        assertThat(oldestEntry).as("band and term buckets were filed").isNotEmpty();
        assertThat(oldestEntry.keySet()).anyMatch(b -> b.startsWith(Scatter.BAND)).anyMatch(b -> b.startsWith(Scatter.TERM));
        oldestEntry.forEach((bucket, oldest) -> assertThat(earliestIndex.get(bucket))
                .as("index key of bucket %s", bucket).isNotNull().isLessThanOrEqualTo(oldest));
    }

    @Test
    void theBucketsPartitionCountChangesWhatCrossesKafkaNotTheDecisions() {
        // A story's buckets are asked one query per partition of sameness-queries: 1 partition puts
        // all 14 in one query, 7 spread them over up to 7. Every bucket answers alike either way.
        java.util.Map<Integer, java.util.List<String>> decisions = new java.util.HashMap<>();
        for (int partitions : new int[] {1, 7}) {
            SamenessSettings d = SamenessSettings.defaults();
            SamenessSettings ss = new SamenessSettings(d.nearDupThreshold(), d.nearDupWindow(), d.bands(), d.bucketStories(),
                    d.clusterThreshold(), d.shortTextThreshold(), d.clusterHalfLife(), d.clusterWindow(), d.termKeys(),
                    d.bucketClusters(), partitions, d.termCacheMb(), d.sizePrior(), d.eventYears());
            try (TopologyHarness h = new TopologyHarness(new io.wirestream.topology.WirestreamTopology.Settings(Duration.ofDays(7),
                    io.wirestream.formats.ParserRegistry.DEFAULT_MAX_ITEM_BYTES, ss))) {
                h.send(story("urn:reuters:mas", "reuters", "Singapore central bank keeps policy unchanged", MAS_BODY, T0));
                h.send(story("urn:ap:quake", "ap", "Strong earthquake shakes northern Chile", QUAKE_CHILE, T0.plusSeconds(30)));
                h.send(story("urn:pti:2", "pti", "Singapore holds policy steady", String.join("\n\n", P1, P2), T0.plusSeconds(120)));
                h.send(story("urn:afp:quake", "afp", "Chile quake sways buildings in Antofagasta", QUAKE_CHILE_OWN_WORDS,
                        T0.plusSeconds(300)));
                h.send(story("urn:ap:quake2", "ap", "Earthquake strikes off Hokkaido, trains halted", QUAKE_JAPAN, T0.plusSeconds(400)));
                java.util.List<String> seen = new java.util.ArrayList<>();
                h.enrichedSeen.forEach(s -> seen.add(s.getStoryKey() + " " + s.getClusterId()));
                h.duplicatesSeen.forEach(x -> seen.add(x.getStoryKey() + " copy of " + x.getDuplicateOf() + " " + x.getStory().getClusterId()));
                decisions.put(partitions, seen);
            }
        }
        assertThat(decisions.get(1)).hasSize(5).containsExactlyElementsOf(decisions.get(7));
    }

    @Test
    void aCopyArrivingBeforeItsOriginalIsPassedAndTheOriginalBecomesItsNearDuplicate() {
        // Outlets are sometimes faster than the agency feed: the first copy seen is what editors get;
        // the agency original, arriving later, is recorded as its near-duplicate in the same cluster.
        t.send(story("urn:ani:early", "ani", "Singapore holds policy steady", MAS_BODY, T0.plusSeconds(30)));
        t.send(story("urn:reuters:mas", "reuters", "Singapore central bank keeps policy unchanged", MAS_BODY, T0));

        assertThat(t.enrichedSeen).extracting(EnrichedStory::getStoryKey).containsExactly("urn:ani:early");
        assertNearDuplicateOf("urn:reuters:mas", "urn:ani:early");
    }

    @Test
    void theSameEventInOtherWordsJoinsTheClusterAndIsNotSuppressed() {
        t.send(story("urn:ap:quake", "ap", "Strong earthquake shakes northern Chile", QUAKE_CHILE, T0));
        t.send(story("urn:afp:quake", "afp", "Chile quake sways buildings in Antofagasta", QUAKE_CHILE_OWN_WORDS, T0.plusSeconds(300)));

        assertThat(t.duplicatesSeen).isEmpty();
        assertThat(enriched("urn:afp:quake").getClusterId()).isNotNull().isEqualTo(enriched("urn:ap:quake").getClusterId());
    }

    @Test
    void similarButDifferentEventsStayApart() {
        t.send(story("urn:ap:quake", "ap", "Strong earthquake shakes northern Chile", QUAKE_CHILE, T0));
        t.send(story("urn:ap:quake2", "ap", "Earthquake strikes off Hokkaido, trains halted", QUAKE_JAPAN, T0.plus(Duration.ofDays(3))));

        assertThat(t.duplicatesSeen).isEmpty();
        assertThat(enriched("urn:ap:quake2").getClusterId()).isNotEqualTo(enriched("urn:ap:quake").getClusterId());
    }

    /** Sends the Hale fight (EventMarksTest) as {@code uri}, then {@code headline} and {@code body} ten minutes later. */
    private void haleFightThen(String uri, String headline, java.util.List<String> body) {
        t.send(story("urn:afp:hale", "afp", EventMarksTest.HALE_HEADLINE, String.join("\n\n", EventMarksTest.HALE_BODY), T0));
        t.send(story(uri, "ap", headline, String.join("\n\n", body), T0.plusSeconds(600)));
    }

    @Test
    void twoFightsOfOneChampionStayApartOnTheirDetails() {
        // The other fight's words alone would join the first's cluster (cosine 0.34, threshold 0.25,
        // EventMarksTest); its details (opponent's age and record, year, crowd) are none of the first's.
        haleFightThen("urn:ap:santos", EventMarksTest.SANTOS_HEADLINE, EventMarksTest.SANTOS_BODY);

        assertThat(enriched("urn:ap:santos").getClusterId()).isNotEqualTo(enriched("urn:afp:hale").getClusterId());
    }

    @Test
    void aRewriteOfOneFightJoinsItOnItsDetails() {
        haleFightThen("urn:ap:hale", EventMarksTest.HALE_REWRITE_HEADLINE, EventMarksTest.HALE_REWRITE_BODY);

        assertThat(t.duplicatesSeen).isEmpty();
        assertThat(enriched("urn:ap:hale").getClusterId()).isEqualTo(enriched("urn:afp:hale").getClusterId());
    }

    @Test
    void anUpdateKeepsItsStorysCluster() {
        t.send(story("urn:ap:quake", "ap", "Strong earthquake shakes northern Chile", QUAKE_CHILE, T0));
        String cluster = enriched("urn:ap:quake").getClusterId();
        t.send(story("urn:ap:quake", "ap", "Chile quake: power cut in Antofagasta, no deaths", QUAKE_CHILE + " Schools were closed.",
                T0.plusSeconds(600)).version("2"));

        EnrichedStory update = enriched("urn:ap:quake");
        assertThat(update.getAction()).isEqualTo(StoryAction.UPDATE);
        assertThat(update.getClusterId()).isEqualTo(cluster);
    }

    @Test
    void aKillOfAStoryWhoseCopiesWereSuppressedStillReachesEveryone() {
        t.send(story("urn:reuters:mas", "reuters", "Singapore central bank keeps policy unchanged", MAS_BODY, T0));
        t.send(story("urn:ani:1", "ani", "Singapore central bank keeps policy unchanged", MAS_BODY, T0.plusSeconds(60)));
        t.send(story("urn:reuters:mas", "reuters", "KILL - Singapore central bank keeps policy unchanged", MAS_BODY,
                T0.plusSeconds(900)).version("2").canceled());

        EnrichedStory kill = enriched("urn:reuters:mas");
        assertThat(kill.getAction()).isEqualTo(StoryAction.KILL);
        assertThat(kill.getClusterId()).isEqualTo(duplicate("urn:ani:1").getStory().getClusterId());
        assertThat(t.alertsSeen).anySatisfy(a -> assertThat(a.getStoryKey()).isEqualTo("urn:reuters:mas"));
    }
}
