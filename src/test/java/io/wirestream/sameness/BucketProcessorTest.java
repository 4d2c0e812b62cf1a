package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.BandEntry;
import io.wirestream.avro.BucketState;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.SamenessQuery;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.Stories;
import io.wirestream.text.NormalisedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Band buckets as one record each, read by key, and a store written by the per-entry layout before them. */
class BucketProcessorTest {

    private static final String TEXT = "Singapore's central bank kept its monetary policy settings unchanged on Monday, "
            + "saying inflation had eased from recent highs while growth in the trade-reliant economy slowed in the first quarter.";
    private static final Shingles SHINGLES = Shingles.ofNormalised(NormalisedText.of(TEXT));
    private static final String BAND = Scatter.BAND + Integer.toHexString(SHINGLES.bandKeys(SamenessSettings.defaults().bands())[0]);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final IdfTable IDF = IdfTable.bundled();

    private KeyValueStore<String, BucketState> store;
    private MockProcessorContext<String, SamenessMessage> context;

    @BeforeEach
    void setUp() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bucket-processor-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        context = new MockProcessorContext<>(p);
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("buckets"), Serdes.String(), AvroSerde.of(BucketState.class))
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private BucketProcessor processor() {
        BucketProcessor p = new BucketProcessor("buckets", SamenessSettings.defaults(), new TermBucketCaches(SamenessSettings.defaults().termCacheMb()));
        p.init(context);
        return p;
    }

    private SamenessMessage ask(BucketProcessor p, String storyKey, Instant at) {
        context.resetForwards();
        SamenessQuery q = SamenessQuery.newBuilder().setStoryKey(storyKey).setToken("t").setEventTime(at)
                .setShingles(SHINGLES.packed()).setShingleCount(SHINGLES.count()).setBuckets(List.of(BAND)).build();
        p.process(new Record<>(BAND, q, at.toEpochMilli()));
        return context.forwarded().get(0).record().value();
    }

    @Test
    void aBandBucketIsOneRecordHoldingItsNewestStories() {
        // Term entries filed before the first band query do not make a fresh store look like an old one.
        new BucketEntries(store).putCluster("t:singapore", io.wirestream.avro.ClusterEntry.newBuilder().setClusterId("cl-1")
                .setLastSeen(T0).setCentroid(java.util.Map.of("singapore", 1f)).build(), null);
        BucketProcessor p = processor();
        assertThat(ask(p, "urn:reuters:1", T0).getDuplicateOf()).isNull();
        SamenessMessage copy = ask(p, "urn:ani:1", T0.plusSeconds(60));
        assertThat(copy.getDuplicateOf()).isEqualTo("urn:reuters:1");
        assertThat(copy.getSimilarity()).isEqualTo(1.0);

        assertThat(store.get(BAND).getStories()).extracting(BandEntry::getStoryKey).containsExactly("urn:ani:1", "urn:reuters:1");
        assertThat(keys()).noneMatch(k -> k.startsWith(BAND + "/")).contains("d:" + "%015d".formatted(T0.toEpochMilli()) + "/" + BAND);
        assertThat(store.get(BucketEntries.BAND_RECORDS_MARK).getLastSeen()).as("an empty store never held per-entry bands")
                .isEqualTo(Instant.EPOCH);

        for (int i = 0; i < 20; i++) {
            ask(p, "urn:copy:" + i, T0.plusSeconds(120 + i));
        }
        assertThat(store.get(BAND).getStories()).hasSize(SamenessSettings.defaults().bucketStories())
                .extracting(BandEntry::getStoryKey).startsWith("urn:copy:19").doesNotContain("urn:reuters:1");
    }

    @Test
    void bandEntriesOfThePerEntryLayoutAreReadAndMovedIntoTheRecord() {
        // As the version before band records left the store: one record per band entry, indexed per bucket.
        BandEntry original = BandEntry.newBuilder().setStoryKey("urn:reuters:1").setEventTime(T0)
                .setShingles(SHINGLES.packed()).setShingleCount(SHINGLES.count()).build();
        store.put(BAND + "/urn:reuters:1", BucketState.newBuilder().setStories(List.of(original)).setClusters(List.of())
                .setLastSeen(T0).build());
        store.put("b:" + "%015d".formatted(T0.toEpochMilli()) + "/" + BAND, BucketState.newBuilder().setStories(List.of())
                .setClusters(List.of()).setLastSeen(T0).build());

        BucketProcessor p = processor();
        assertThat(ask(p, "urn:ani:1", T0.plusSeconds(60)).getDuplicateOf()).isEqualTo("urn:reuters:1");
        assertThat(store.get(BucketEntries.BAND_RECORDS_MARK).getLastSeen()).as("per-entry bands read for one window")
                .isEqualTo(T0.plusSeconds(60).plus(SamenessSettings.defaults().nearDupWindow()));
        assertThat(store.get(BAND).getStories()).extracting(BandEntry::getStoryKey).containsExactly("urn:ani:1", "urn:reuters:1");
        assertThat(store.get(BAND + "/urn:reuters:1")).as("moved into the record").isNull();

        // A restart keeps reading them for the rest of the window (the mark is in the store).
        store.put(BAND + "/urn:pti:2", BucketState.newBuilder().setStories(List.of(BandEntry.newBuilder(original)
                .setStoryKey("urn:pti:2").build())).setClusters(List.of()).setLastSeen(T0).build());
        assertThat(ask(processor(), "urn:ians:3", T0.plusSeconds(120)).getDuplicateOf()).isEqualTo("urn:pti:2");
        assertThat(BucketProcessor.expire(store, T0.plusSeconds(30).toEpochMilli())).as("the original and pti's copy").isEqualTo(2);
        assertThat(store.get(BAND).getStories()).extracting(BandEntry::getStoryKey).containsExactly("urn:ians:3", "urn:ani:1");
    }

    private List<String> keys() {
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<String, BucketState> it = store.all()) {
            it.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }

    private static io.wirestream.avro.ClusterEntry cluster(String id, java.util.Map<String, Float> centroid, int size) {
        return io.wirestream.avro.ClusterEntry.newBuilder().setClusterId(id).setLastSeen(T0).setCentroid(java.util.Map.of())
                .setTerms(PackedVector.of(centroid).packed()).setMarks(java.nio.ByteBuffer.allocate(0)).setSize(size).build();
    }

    @Test
    void aShortStorysScoreGrowsWithTheClustersSize() {
        // a headline shares "bachelor" and "finale" with two clusters alike: the one with 120 reports already is
        // the likelier home of another (the size prior), and lifts a score below the short threshold over it
        java.util.Map<String, Float> headline = java.util.Map.of("bachelor", 0.6f, "finale", 0.6f, "juan", 0.529f);
        java.util.Map<String, Float> centroid = java.util.Map.of("bachelor", 0.1f, "finale", 0.1f, "rose", 0.99f);
        List<io.wirestream.avro.ClusterEntry> clusters = List.of(cluster("cl-big", centroid, 120), cluster("cl-new", centroid, 1));
        SamenessSettings d = SamenessSettings.defaults();
        PackedVector v = PackedVector.of(headline);
        var prior = BucketProcessor.clusterScores(clusters, v, null, T0, d.sizePrior(), d);
        var none = BucketProcessor.clusterScores(clusters, v, null, T0, 0, d);
        double cosine = 0.6 * 0.1 * 2;
        assertThat(none.get("cl-big")).isCloseTo(cosine, org.assertj.core.data.Offset.offset(1e-3)).isEqualTo(none.get("cl-new"));
        assertThat(none.get("cl-big")).isLessThan(d.shortTextThreshold());
        assertThat(prior.get("cl-new")).isEqualTo(none.get("cl-new"));
        assertThat(prior.get("cl-big")).isCloseTo(cosine * Math.pow(BucketProcessor.MAX_PRIOR_SIZE, d.sizePrior()),
                org.assertj.core.data.Offset.offset(1e-3)).isGreaterThanOrEqualTo(d.shortTextThreshold());
        // bounded: a story of thousands of reports draws no harder than one of MAX_PRIOR_SIZE
        var huge = BucketProcessor.clusterScores(List.of(cluster("cl-huge", centroid, 5_000)), v, null, T0, d.sizePrior(), d);
        assertThat(huge.get("cl-huge")).isEqualTo(prior.get("cl-big"));
        assertThat(GatherProcessor.clusterFor(Stories.aStory("k").headline("Bachelor finale: Juan Pablo").build(), prior, d))
                .isEqualTo("cl-big");
        assertThat(GatherProcessor.clusterFor(Stories.aStory("k").headline("Bachelor finale: Juan Pablo").build(), none, d))
                .isEqualTo(GatherProcessor.newClusterId("k"));
    }

    @Test
    void onlyAShortStorysTermQueriesAskForTheSizePrior() {
        io.wirestream.avro.EnrichedStory headline = Stories.aStory("k-short").headline("Bachelor finale: Juan Pablo picks Nikki").build();
        io.wirestream.avro.EnrichedStory full = Stories.aStory("k-full").headline("Central bank keeps policy unchanged").body(TEXT + "\n\n" + TEXT).build();
        SamenessSettings d = SamenessSettings.defaults();
        assertThat(Scatter.queries(Scatter.features(headline, IDF), d)).allSatisfy(kv ->
                assertThat(kv.value.getShortText()).isEqualTo(kv.value.getVector() != null));
        assertThat(Scatter.queries(Scatter.features(headline, IDF), d)).anySatisfy(kv -> assertThat(kv.value.getShortText()).isTrue());
        assertThat(Scatter.queries(Scatter.features(full, IDF), d)).allSatisfy(kv -> assertThat(kv.value.getShortText()).isFalse());
    }
}
