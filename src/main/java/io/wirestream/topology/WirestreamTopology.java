package io.wirestream.topology;

import io.wirestream.alert.AlertRules;
import io.wirestream.alert.AlertSettings;
import io.wirestream.alert.ClusterAlertProcessor;
import io.wirestream.alert.DeskRouterProcessor;
import io.wirestream.alert.SubscriptionsUpdater;
import io.wirestream.avro.DeskAlert;
import io.wirestream.avro.Subscription;
import io.wirestream.classify.CategoryModel;
import io.wirestream.classify.DeskRules;
import io.wirestream.classify.KeptCategoriesProcessor;
import io.wirestream.classify.MediaTopics;
import io.wirestream.classify.StoryClassifier;
import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertState;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawWireItem;
import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.ClusterState;
import io.wirestream.avro.GatherState;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.SamenessQuery;
import io.wirestream.avro.SequenceState;
import io.wirestream.avro.Source;
import io.wirestream.avro.StoryVersionState;
import io.wirestream.sameness.BucketProcessor;
import io.wirestream.sameness.ClusterIndexProcessor;
import io.wirestream.sameness.ClusterProcessor;
import io.wirestream.sameness.GatherProcessor;
import io.wirestream.sameness.Gathered;
import io.wirestream.sameness.IdfTable;
import io.wirestream.sameness.SamenessSettings;
import io.wirestream.sameness.Scatter;
import io.wirestream.sameness.TermBucketCaches;
import io.wirestream.state.ExpiryIndex;
import io.wirestream.enrich.RegionEnricher;
import io.wirestream.enrich.RegionSettings;
import io.wirestream.sources.SequenceGapProcessor;
import io.wirestream.sources.SequenceSettings;
import io.wirestream.sources.SourceEnricher;
import io.wirestream.formats.ParserRegistry;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.parse.ParseProcessor;
import io.wirestream.parse.ParseResult;
import io.wirestream.serde.AvroSerde;
import io.wirestream.serde.JsonMirror;
import io.wirestream.serde.RawWireItemSerde;
import io.wirestream.versions.Routed;
import io.wirestream.versions.VersionProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Wires the stages (DESIGN.md "The flow"):
 * <pre>
 * wire.raw → parse ─┬─ dead letters ──────────────────────────────────────────────┐
 *                   └─ stories → by story key → versions ─┬─ duplicates ──────────┤
 *                                                         └─ accepted → sameness → enrich → classify → alert rules ┼─ enriched ─┐
 *                                                                                   └─ alerts ───┴→ route → topics
 * </pre>
 * Each stage is a short method from a stream to a stream; stages name no topic. {@code route}, the
 * last step, writes every output to its topic (DESIGN.md's flow), so a new stage (near-duplicates,
 * clusters after versions) is one more method between versions and route. Every processor,
 * repartition and store is named, so changing the topology does not orphan state;
 * TopologyDescriptionTest pins the shape. This is the only class that names topics to Kafka Streams.
 */
public final class WirestreamTopology {

    public static final String VERSIONS_STORE = "story-versions";
    public static final String BUCKETS_STORE = "sameness-buckets";
    public static final String GATHER_STORE = "sameness-gather";
    public static final String CLUSTERS_STORE = "clusters";
    /** Each cluster's alert state (sources, signals, level sent). */
    public static final String CLUSTER_ALERTS_STORE = "cluster-alerts";
    /** Embargoed stories, held out of the alert stage until the embargo lifts. */
    public static final String HELD_STORIES_STORE = "held-stories";
    public static final String CATEGORIES_STORE = "story-categories";
    /** The source catalogue (wire.sources), a global store on every instance. */
    public static final String SOURCES_STORE = "sources-catalogue";
    /** Each source's transmission numbers, per channel: the sequence-gaps stage. */
    public static final String SEQUENCES_STORE = "provider-sequences";
    /** Desk subscriptions, a global store from the compacted alerts.subscriptions topic. */
    public static final String SUBSCRIPTIONS_STORE = "subscriptions";

    /**
     * Tunables of the topology; defaults are the production settings. {@code categories}: a model file
     * from {@code wirestream train} (null: the model shipped in the jar) and a desk rules file (null: none).
     * {@code regions}: the desk-region mapping and the fallback country of the enrich stage.
     */
    public record Settings(Duration versionRetention, int maxItemBytes, SamenessSettings sameness, CategoryFiles categories,
                           AlertSettings alerts, RegionSettings regions, SequenceSettings sequences) {
        public static Settings defaults() {
            return new Settings(Duration.ofDays(7), ParserRegistry.DEFAULT_MAX_ITEM_BYTES, SamenessSettings.defaults(),
                    CategoryFiles.SHIPPED, AlertSettings.defaults(), RegionSettings.defaults(), SequenceSettings.defaults());
        }

        /** The default sequence-gap settings. */
        public Settings(Duration versionRetention, int maxItemBytes, SamenessSettings sameness, CategoryFiles categories,
                        AlertSettings alerts, RegionSettings regions) {
            this(versionRetention, maxItemBytes, sameness, categories, alerts, regions, SequenceSettings.defaults());
        }

        /** The default region settings. */
        public Settings(Duration versionRetention, int maxItemBytes, SamenessSettings sameness, CategoryFiles categories,
                        AlertSettings alerts) {
            this(versionRetention, maxItemBytes, sameness, categories, alerts, RegionSettings.defaults());
        }

        /** Production sameness and alert settings with the given retention and item limit. */
        public Settings(Duration versionRetention, int maxItemBytes) {
            this(versionRetention, maxItemBytes, SamenessSettings.defaults());
        }

        /** The shipped category model, production alert settings. */
        public Settings(Duration versionRetention, int maxItemBytes, SamenessSettings sameness) {
            this(versionRetention, maxItemBytes, sameness, CategoryFiles.SHIPPED, AlertSettings.defaults());
        }

        /** The same settings with a category model file (null: the shipped one). */
        public Settings withCategoryModel(Path model) {
            return new Settings(versionRetention, maxItemBytes, sameness, new CategoryFiles(model, categories.rules()), alerts,
                    regions, sequences);
        }

        /** The same settings with other alert settings. */
        public Settings withAlerts(AlertSettings a) {
            return new Settings(versionRetention, maxItemBytes, sameness, categories, a, regions, sequences);
        }

        /** The same settings with other region settings. */
        public Settings withRegions(RegionSettings r) {
            return new Settings(versionRetention, maxItemBytes, sameness, categories, alerts, r, sequences);
        }

        /** The same settings with other sequence-gap settings. */
        public Settings withSequences(SequenceSettings s) {
            return new Settings(versionRetention, maxItemBytes, sameness, categories, alerts, regions, s);
        }

        /** The same settings with a desk rules file (null: none). */
        public Settings withCategoryRules(Path rules) {
            return new Settings(versionRetention, maxItemBytes, sameness, new CategoryFiles(categories.model(), rules), alerts,
                    regions, sequences);
        }

        /** The classifier these settings name; the files are read here, once per topology. */
        public StoryClassifier classifier() {
            return categories.classifier();
        }
    }

    /** Category model and desk rules files; null for the shipped model and no rules. */
    public record CategoryFiles(Path model, Path rules) {
        public static final CategoryFiles SHIPPED = new CategoryFiles(null, null);

        StoryClassifier classifier() {
            MediaTopics topics = MediaTopics.bundled();
            return new StoryClassifier(model == null ? CategoryModel.bundled() : CategoryModel.load(model), topics,
                    rules == null ? DeskRules.NONE : DeskRules.load(rules, topics));
        }
    }

    private final Topics topics;
    private final Settings settings;
    private final PipelineMetrics metrics;
    private final AvroSerde<EnrichedStory> storySerde = AvroSerde.of(EnrichedStory.class);

    private WirestreamTopology(Topics topics, Settings settings, PipelineMetrics metrics) {
        this.topics = topics;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * The full topology. {@code streamsConfig} carries topology-level settings (naming checks,
     * handlers); {@code metrics} is the application's own registry the stages count into.
     */
    public static Topology build(Topics topics, Settings settings, Properties streamsConfig, PipelineMetrics metrics) {
        return new WirestreamTopology(topics, settings, metrics).build(streamsConfig);
    }

    /** The bench baseline: read wire.raw and write it unchanged, nothing else. */
    public static Topology passThrough(String from, String to) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(from, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("passthrough-source"))
                .to(to, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("passthrough-sink"));
        return b.build();
    }

    private Topology build(Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(withDefaults(streamsConfig))));
        builder.addStateStore(versionStore());
        builder.addStateStore(ExpiryIndex.storeFor(VERSIONS_STORE));
        builder.addStateStore(store(BUCKETS_STORE, BucketState.class));
        builder.addStateStore(store(GATHER_STORE, GatherState.class));
        builder.addStateStore(store(CLUSTERS_STORE, ClusterState.class));
        builder.addStateStore(store(CLUSTER_ALERTS_STORE, AlertState.class));
        builder.addStateStore(store(HELD_STORIES_STORE, EnrichedStory.class));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CATEGORIES_STORE), Serdes.String(),
                Serdes.String()));
        builder.addStateStore(ExpiryIndex.storeFor(CATEGORIES_STORE));
        builder.addStateStore(store(SEQUENCES_STORE, SequenceState.class));
        builder.addGlobalStore(store(SUBSCRIPTIONS_STORE, Subscription.class).withLoggingDisabled(), topics.subscriptions(),
                Consumed.with(Serdes.String(), AvroSerde.of(Subscription.class)).withName("subscriptions-source"),
                () -> new SubscriptionsUpdater(SUBSCRIPTIONS_STORE));

        Map<String, KStream<String, ParseResult>> parsed = parse(builder
                .stream(topics.raw(), Consumed.with(Serdes.String(), new RawWireItemSerde()).withName("wire-raw")));
        KStream<String, DeadLetter> deadLetters = deadLetters(parsed.get("parse-failed"));
        Map<String, KStream<String, Routed>> versioned = versions(parsed.get("parse-stories"));
        Map<String, KStream<String, Gathered>> same = sameness(versioned.get("versions-accepted"),
                withDefaults(streamsConfig).getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
        GlobalKTable<String, Source> sources = sources(builder);
        KStream<String, Duplicate> duplicates = enrichDuplicates(sources,
                duplicates(versioned.get("versions-duplicate"), same.get("sameness-near-duplicate")));
        KStream<String, EnrichedStory> enriched = alertRules(classify(enrich(sources, same.get("sameness-distinct"))));
        KStream<String, Alert> alerts = alerts(enriched, same.get("sameness-near-duplicate"), same.get("sameness-alert-ahead"));
        route(new Outputs(enriched, duplicates, alerts, deadLetters));
        // Built last, so its sub-topology comes after the others and their task ids (and state directories) stay as they were.
        sequenceGaps(parsed.get("parse-stories"));
        return builder.build();
    }

    /**
     * What the stages end in, one stream per kind of output; {@link #route} writes each where it
     * belongs. A new stage takes a stream from the one before and hands its own on (keyed by story
     * key from versions on; the key of a different story under a slug key differs from the key it
     * was partitioned by, so state keyed by story repartitions explicitly, as sameness does).
     */
    private record Outputs(KStream<String, EnrichedStory> enriched, KStream<String, Duplicate> duplicates,
                           KStream<String, Alert> alerts, KStream<String, DeadLetter> deadLetters) {
    }

    /** Raw record to stories or a dead letter. */
    private Map<String, KStream<String, ParseResult>> parse(KStream<String, RawWireItem> raw) {
        return raw
                .processValues(() -> new ParseProcessor(ParserRegistry.standard(settings.maxItemBytes())), Named.as("parse"))
                .split(Named.as("parse-"))
                .branch((k, v) -> v instanceof ParseResult.Failed, Branched.as("failed"))
                .defaultBranch(Branched.as("stories"));
    }

    /**
     * Messages a line lost, from the gaps in each source's transmission numbers (package {@code sources},
     * {@link SequenceGapProcessor}). Off the story's path: only wires that carry a number (ANPA, IPTC 7901)
     * cross one repartition, keyed by source and channel, so one task sees all of a channel's numbers.
     * What it finds is logged there and counted here; nothing is written to a topic.
     */
    private void sequenceGaps(KStream<String, ParseResult> stories) {
        stories
                .flatMap((rawKey, v) -> {
                    EnrichedStory s = ((ParseResult.Parsed) v).story();
                    return SequenceGapProcessor.key(s.getSource(), s.getProviderSequence()).stream().toList();
                }, Named.as("sequence-by-channel"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("provider-sequences"))
                .process(() -> new SequenceGapProcessor(SEQUENCES_STORE, settings.sequences()), Named.as("sequence-gaps"),
                        SEQUENCES_STORE)
                .peek((source, finding) -> metrics.sequence(source, finding.outcome(), finding.messages()),
                        Named.as("count-sequence-findings"));
    }

    private KStream<String, DeadLetter> deadLetters(KStream<String, ParseResult> failed) {
        return failed.mapValues(v -> ((ParseResult.Failed) v).deadLetter(), Named.as("dead-letter"))
                .peek((k, d) -> metrics.deadLetter(d), Named.as("count-dead-letters"));
    }

    /**
     * Re-keys by story key so every version of one story meets the same state, then decides per
     * version. The decision keeps the key, except that a different story found under a slug key is
     * forwarded under a key of its own (StoryIdentity), so the record key is always the story's
     * storyKey. The sameness stage repartitions explicitly by that key; a later stage with state
     * keyed by story must do the same (process, not processValues: the key may change).
     */
    private Map<String, KStream<String, Routed>> versions(KStream<String, ParseResult> stories) {
        return stories
                .map((rawKey, v) -> {
                    EnrichedStory s = ((ParseResult.Parsed) v).story();
                    metrics.parsed(s);
                    return KeyValue.pair(s.getStoryKey(), s);
                }, Named.as("key-by-story"))
                .repartition(Repartitioned.with(Serdes.String(), storySerde).withName("stories-by-key"))
                .process(() -> new VersionProcessor(VERSIONS_STORE, settings.versionRetention(), metrics::unplacedKill),
                        Named.as("versions"), VERSIONS_STORE, ExpiryIndex.indexName(VERSIONS_STORE))
                .split(Named.as("versions-"))
                .branch((k, v) -> v instanceof Routed.Duplicated, Branched.as("duplicate"))
                .defaultBranch(Branched.as("accepted"));
    }

    /**
     * Near-duplicates and event clusters (package {@code sameness}): a scatter-gather over band and
     * term buckets. Three hops: the queries to their buckets, the answers (and the story itself) back
     * by story key, and, off the story's path, each new member to its cluster, whose centroid goes
     * back to the term buckets. A near-duplicate takes one more, round sameness-answers again to its
     * original's gather step, to leave in the original's cluster. The buckets' topics (sameness-queries, cluster-terms, sharing the bucket
     * store) have {@code sameness.partitions} partitions: the scatter groups a story's buckets by that
     * partition count, one query per partition. The other loop topics follow wire.raw's count.
     */
    private Map<String, KStream<String, Gathered>> sameness(KStream<String, Routed> accepted, String applicationId) {
        SamenessSettings ss = settings.sameness();
        IdfTable idf = IdfTable.bundled();
        AvroSerde<ClusterMember> memberSerde = AvroSerde.of(ClusterMember.class);
        TermBucketCaches termCaches = new TermBucketCaches(ss.termCacheMb());
        KStream<String, Scatter.Featured> featured = accepted
                .mapValues(v -> Scatter.features(((Routed.Accepted) v).story(), idf), Named.as("sameness-features"));
        KStream<String, SamenessMessage> answers = featured
                .flatMap((k, f) -> Scatter.queries(f, ss), Named.as("sameness-scatter"))
                .repartition(Repartitioned.with(Serdes.String(), AvroSerde.of(SamenessQuery.class)).withName("sameness-queries")
                        .withNumberOfPartitions(ss.partitions()).withStreamPartitioner(Scatter::partitions))
                .process(() -> new BucketProcessor(BUCKETS_STORE, ss, termCaches), Named.as("sameness-buckets"), BUCKETS_STORE);
        KStream<String, Gathered> gathered = featured
                .mapValues(f -> Scatter.storyMessage(f, ss), Named.as("sameness-story"))
                .merge(answers, Named.as("sameness-merge"))
                .repartition(Repartitioned.with(Serdes.String(), AvroSerde.of(SamenessMessage.class)).withName("sameness-answers"))
                .process(() -> new GatherProcessor(GATHER_STORE, ss, settings.versionRetention()), Named.as("sameness-gather"),
                        GATHER_STORE);
        gathered
                .flatMap((k, g) -> g.member() == null ? List.<KeyValue<String, ClusterMember>>of()
                        : List.of(KeyValue.pair(g.member().getClusterId(), g.member())), Named.as("cluster-membership"))
                .repartition(Repartitioned.with(Serdes.String(), memberSerde).withName("cluster-members"))
                .process(() -> new ClusterProcessor(CLUSTERS_STORE, ss), Named.as("clusters"), CLUSTERS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), memberSerde).withName("cluster-terms")
                        .withNumberOfPartitions(ss.partitions()).withStreamPartitioner(Scatter::partitions))
                .process(() -> new ClusterIndexProcessor(BUCKETS_STORE, termCaches), Named.as("cluster-index"), BUCKETS_STORE);
        Map<String, KStream<String, Gathered>> outcomes = gathered
                .split(Named.as("sameness-"))
                .branch((k, g) -> g.isLoopBack(), Branched.as("loop"))
                .branch((k, g) -> g.isAlertAhead(), Branched.as("alert-ahead"))
                .branch((k, g) -> g.isNearDuplicate(), Branched.as("near-duplicate"))
                .defaultBranch(Branched.as("distinct"));
        // A near-duplicate's follow request to its original's gather step, and the settlement back, go
        // round through sameness-answers itself (a loop the DSL cannot draw, so written by topic name).
        outcomes.remove("sameness-loop")
                .mapValues(Gathered::loopBack, Named.as("sameness-loop-message"))
                .to(applicationId + "-sameness-answers-repartition",
                        Produced.with(Serdes.String(), AvroSerde.of(SamenessMessage.class)).withName("sameness-loop-to-answers"));
        return outcomes;
    }

    private KStream<String, Duplicate> duplicates(KStream<String, Routed> dups, KStream<String, Gathered> nearDups) {
        return dups.mapValues(v -> ((Routed.Duplicated) v).duplicate(), Named.as("duplicate"))
                .merge(nearDups.mapValues(Gathered::nearDuplicate, Named.as("near-duplicate")), Named.as("all-duplicates"))
                .peek((k, d) -> metrics.duplicate(d), Named.as("count-duplicates"));
    }

    /**
     * Source and region metadata (packages {@code sources}, {@code enrich}): the source catalogue is a
     * GlobalKTable (every instance holds all of wire.sources), so the two lookups (who delivered, who
     * wrote) are stream-table joins with no repartition and add no hop to the alert path; catalogue
     * edits apply to the next story. Regions are stateless.
     */
    private GlobalKTable<String, Source> sources(StreamsBuilder builder) {
        return builder.globalTable(topics.sources(),
                Consumed.with(Serdes.String(), AvroSerde.of(Source.class)).withName("wire-sources"),
                Materialized.<String, Source, KeyValueStore<Bytes, byte[]>>as(SOURCES_STORE));
    }

    private KStream<String, EnrichedStory> enrich(GlobalKTable<String, Source> sources, KStream<String, Gathered> distinct) {
        return withMetadata(sources, distinct.mapValues(Gathered::story, Named.as("enrich-story")), "enrich",
                settings.regions().enricher());
    }

    /**
     * Duplicates carry their own story's source and regions too: a copy re-run by another outlet
     * is that outlet's story (the desk's "N sources" view), and every raw story is accounted with its
     * metadata whichever output it ends in. Off the alert path.
     */
    private KStream<String, Duplicate> enrichDuplicates(GlobalKTable<String, Source> sources, KStream<String, Duplicate> dups) {
        SourceEnricher catalogue = SourceEnricher.standard();
        RegionEnricher regions = settings.regions().enricher();
        return dups
                .leftJoin(sources, (k, d) -> catalogue.deliveredBy(d.getStory()),
                        (d, s) -> Duplicate.newBuilder(d).setStory(catalogue.withSource(d.getStory(), s)).build(),
                        Named.as("duplicate-source"))
                .leftJoin(sources, (k, d) -> catalogue.writtenBy(d.getStory()),
                        (d, s) -> Duplicate.newBuilder(d).setStory(catalogue.withOriginal(d.getStory(), s)).build(),
                        Named.as("duplicate-original-source"))
                .mapValues(d -> Duplicate.newBuilder(d).setStory(regions.enrich(d.getStory())).build(),
                        Named.as("duplicate-regions"));
    }

    private static KStream<String, EnrichedStory> withMetadata(GlobalKTable<String, Source> sources,
                                                               KStream<String, EnrichedStory> stories, String prefix,
                                                               RegionEnricher regions) {
        SourceEnricher catalogue = SourceEnricher.standard();
        return stories
                .leftJoin(sources, (k, s) -> catalogue.deliveredBy(s), catalogue::withSource, Named.as(prefix + "-source"))
                .leftJoin(sources, (k, s) -> catalogue.writtenBy(s), catalogue::withOriginal, Named.as(prefix + "-original-source"))
                .mapValues(regions::enrich, Named.as(prefix + "-regions"));
    }

    /**
     * IPTC Media Topics for every accepted version (stateless: wire codes first, then the text model);
     * then a kill takes the categories of the versions it kills, so it reaches their category topics.
     */
    private KStream<String, EnrichedStory> classify(KStream<String, EnrichedStory> accepted) {
        StoryClassifier classifier = settings.classifier();
        return accepted.mapValues(story -> {
            StoryClassifier.Result r = classifier.classify(story);
            return EnrichedStory.newBuilder(story).setCategories(r.categories()).setCategoryOrigins(r.origins())
                    .setCategoryConfidence(r.confidence()).build();
        }, Named.as("classify")).processValues(() -> new KeptCategoriesProcessor(CATEGORIES_STORE, settings.versionRetention()),
                Named.as("kept-categories"), CATEGORIES_STORE, ExpiryIndex.indexName(CATEGORIES_STORE));
    }

    private KStream<String, EnrichedStory> alertRules(KStream<String, EnrichedStory> accepted) {
        return accepted
                .mapValues(s -> AlertRules.annotate(s, settings.alerts()), Named.as("alert-rules"))
                .peek((k, s) -> metrics.accepted(s), Named.as("count-enriched"));
    }

    /**
     * Alerts keyed by the cluster they are about (package {@code alert}): every accepted version and
     * every near-duplicate copy (which counts as a source of its original's cluster) is re-keyed by
     * its cluster id and crosses one repartition, {@code alerts-by-cluster}, to the cluster's alert
     * state. That is the one hop this stage adds to the alert path (docs/benchmarks.md "Hops on the
     * alert path"); deciding in the gather step instead would need every source of a cluster in the
     * term answers. Embargoed stories are held until release ({@link ClusterAlertProcessor}). A near-duplicate
     * whose own answers put it in an existing cluster is sent ahead from its gather step, before its round to
     * its original's, and not again when it settles in that cluster ({@code GatherProcessor}).
     */
    private KStream<String, Alert> alerts(KStream<String, EnrichedStory> accepted, KStream<String, Gathered> nearDuplicates,
                                          KStream<String, Gathered> sentAhead) {
        return accepted
                .merge(nearDuplicates.filter((k, g) -> g.countsForAlerts(), Named.as("alert-near-duplicates-not-ahead"))
                        .mapValues(Gathered::story, Named.as("alert-near-duplicates")), Named.as("alert-inputs"))
                .merge(sentAhead.mapValues(Gathered::story, Named.as("alert-ahead-stories")), Named.as("alert-inputs-ahead"))
                .mapValues(AlertRules::alertInput, Named.as("alert-input-lead"))
                .selectKey((k, s) -> s.getClusterId() != null ? s.getClusterId() : s.getStoryKey(), Named.as("key-by-cluster"))
                .repartition(Repartitioned.with(Serdes.String(), storySerde).withName("alerts-by-cluster"))
                .process(() -> new ClusterAlertProcessor(CLUSTER_ALERTS_STORE, HELD_STORIES_STORE, settings.alerts()),
                        Named.as("alerts"), CLUSTER_ALERTS_STORE, HELD_STORIES_STORE)
                .peek((k, a) -> metrics.alert(a), Named.as("count-alerts"));
    }

    /** The last step: every output to its topic, with its JSON mirror where it has one. */
    private void route(Outputs out) {
        out.enriched().to(topics.enriched(), Produced.with(Serdes.String(), storySerde).withName("enriched-sink"));
        out.enriched()
                .flatMapValues(s -> s.getCategories().stream().map(topics::categoryTopic).flatMap(java.util.Optional::stream)
                        .distinct().map(t -> KeyValue.pair(t, s)).toList(), Named.as("by-category"))
                .to(new CategoryTopic(), Produced.with(Serdes.String(), new CategoryRouted()).withName("category-sinks"));
        out.enriched().mapValues(s -> JsonMirror.toString(JsonMirror.story(s)), Named.as("enriched-json"))
                .to(topics.enrichedJson(), Produced.with(Serdes.String(), Serdes.String()).withName("enriched-json-sink"));
        out.alerts().to(topics.alerts(), Produced.with(Serdes.String(), AvroSerde.of(Alert.class)).withName("alerts-sink"));
        out.alerts().process(() -> new DeskRouterProcessor(SUBSCRIPTIONS_STORE), Named.as("desk-router"))
                .to(topics.deskAlerts(), Produced.with(Serdes.String(), AvroSerde.of(DeskAlert.class)).withName("desk-alerts-sink"));
        out.alerts().mapValues(a -> JsonMirror.toString(JsonMirror.alert(a)), Named.as("alerts-json"))
                .to(topics.alertsJson(), Produced.with(Serdes.String(), Serdes.String()).withName("alerts-json-sink"));
        out.duplicates().to(topics.duplicates(),
                Produced.with(Serdes.String(), AvroSerde.of(Duplicate.class)).withName("duplicates-sink"));
        out.deadLetters().to(topics.dlq(), Produced.with(Serdes.String(), AvroSerde.of(DeadLetter.class)).withName("dlq-sink"));
    }

    private StoreBuilder<KeyValueStore<String, StoryVersionState>> versionStore() {
        // v1 of the state had a clusterId nobody could fill (it would need data flowing back from the
        // cluster stage); v2 dropped it; v3 adds leadTerms (slug identity). State written by v1 or v2
        // still decodes (a missing leadTerms reads as empty: the held story is then never split off);
        // the serde reads every version kept in avro-history.
        return store(VERSIONS_STORE, StoryVersionState.class);
    }

    /** The production builder of a named store (persistent RocksDB, String keys, the Avro serde with its history): bench uses it. */
    public static <V extends org.apache.avro.specific.SpecificRecord> StoreBuilder<KeyValueStore<String, V>> store(
            String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), AvroSerde.of(type));
    }

    /** Topology-level defaults every build uses, also under TopologyTestDriver. */
    static Properties withDefaults(Properties given) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "wirestream");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        // A stack overflow in any stage becomes the record's exception (a dead letter), not a dead thread.
        p.put(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, StageGuard.class);
        p.putAll(given);
        return p;
    }


    /** A story on its way to one category topic: the topic name rides along, the story is written. */
    private final class CategoryRouted implements org.apache.kafka.common.serialization.Serde<KeyValue<String, EnrichedStory>> {
        @Override
        public org.apache.kafka.common.serialization.Serializer<KeyValue<String, EnrichedStory>> serializer() {
            return (topic, kv) -> storySerde.serializer().serialize(topic, kv.value);
        }

        @Override
        public org.apache.kafka.common.serialization.Deserializer<KeyValue<String, EnrichedStory>> deserializer() {
            return (topic, bytes) -> KeyValue.pair(topic, storySerde.deserializer().deserialize(topic, bytes));
        }
    }

    /** The topic a categorised record goes to; named (not a lambda) so the pinned description is stable. */
    private static final class CategoryTopic
            implements org.apache.kafka.streams.processor.TopicNameExtractor<String, KeyValue<String, EnrichedStory>> {
        @Override
        public String extract(String key, KeyValue<String, EnrichedStory> value,
                              org.apache.kafka.streams.processor.RecordContext context) {
            return value.key;
        }

        @Override
        public String toString() {
            return "CategoryTopic";
        }
    }
}
