package io.wirestream.topology;

import io.wirestream.alert.AlertProcessor;
import io.wirestream.alert.AlertRules;
import io.wirestream.avro.Alert;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.StoryVersionState;
import io.wirestream.formats.ParserRegistry;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.parse.ParseProcessor;
import io.wirestream.parse.ParseResult;
import io.wirestream.serde.AvroSerde;
import io.wirestream.serde.JsonMirror;
import io.wirestream.serde.RawWireItemSerde;
import io.wirestream.versions.Routed;
import io.wirestream.versions.VersionProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Wires the stages (DESIGN.md "The flow"):
 * <pre>
 * wire.raw → parse ─┬─ dead letters ─────────────────────────────────▶ wire.dlq
 *                   └─ stories → by story key → versions ─┬─ duplicates ▶ stories.duplicates
 *                                                         └─ accepted → alert rules ▶ stories.enriched (+ .json)
 *                                                                                  └▶ alerts (+ .json)
 * </pre>
 * Every processor, repartition and store is named, so changing the topology does not orphan state.
 * This is the only class that names topics to Kafka Streams.
 */
public final class WirestreamTopology {

    public static final String VERSIONS_STORE = "story-versions";
    /** Alerts of embargoed stories, held until the embargo lifts. */
    public static final String HELD_ALERTS_STORE = "held-alerts";

    /** Tunables of the topology; defaults are the production settings. */
    public record Settings(Duration versionRetention, int maxItemBytes) {
        public static Settings defaults() {
            return new Settings(Duration.ofDays(7), ParserRegistry.DEFAULT_MAX_ITEM_BYTES);
        }
    }

    private final Topics topics;
    private final Settings settings;
    private final AvroSerde<EnrichedStory> storySerde = AvroSerde.of(EnrichedStory.class);

    private WirestreamTopology(Topics topics, Settings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    /** The full topology. {@code streamsConfig} carries topology-level settings (naming checks, handlers). */
    public static Topology build(Topics topics, Settings settings, Properties streamsConfig) {
        return new WirestreamTopology(topics, settings).build(streamsConfig);
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
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HELD_ALERTS_STORE), Serdes.String(),
                AvroSerde.of(Alert.class)));

        Map<String, KStream<String, ParseResult>> parsed = builder
                .stream(topics.raw(), Consumed.with(Serdes.String(), new RawWireItemSerde()).withName("wire-raw"))
                .processValues(() -> new ParseProcessor(ParserRegistry.standard(settings.maxItemBytes())), Named.as("parse"))
                .split(Named.as("parse-"))
                .branch((k, v) -> v instanceof ParseResult.Failed, Branched.as("failed"))
                .defaultBranch(Branched.as("stories"));

        deadLetters(parsed.get("parse-failed"));
        KStream<String, Routed> routed = versions(parsed.get("parse-stories"));

        Map<String, KStream<String, Routed>> byOutcome = routed
                .split(Named.as("versions-"))
                .branch((k, v) -> v instanceof Routed.Duplicated, Branched.as("duplicate"))
                .defaultBranch(Branched.as("accepted"));
        duplicates(byOutcome.get("versions-duplicate"));
        accepted(byOutcome.get("versions-accepted"));
        return builder.build();
    }

    private void deadLetters(KStream<String, ParseResult> failed) {
        failed.mapValues(v -> ((ParseResult.Failed) v).deadLetter(), Named.as("dead-letter"))
                .peek((k, d) -> PipelineMetrics.deadLetter(d), Named.as("count-dead-letters"))
                .to(topics.dlq(), Produced.with(Serdes.String(), AvroSerde.of(DeadLetter.class)).withName("dlq-sink"));
    }

    /** Re-keys by story key so every version of one story meets the same state, then decides per version. */
    private KStream<String, Routed> versions(KStream<String, ParseResult> stories) {
        return stories
                .map((rawKey, v) -> {
                    EnrichedStory s = ((ParseResult.Parsed) v).story();
                    PipelineMetrics.parsed(s);
                    return KeyValue.pair(s.getStoryKey(), s);
                }, Named.as("key-by-story"))
                .repartition(Repartitioned.with(Serdes.String(), storySerde).withName("stories-by-key"))
                .process(() -> new VersionProcessor(VERSIONS_STORE, settings.versionRetention()),
                        Named.as("versions"), VERSIONS_STORE);
    }

    private void duplicates(KStream<String, Routed> dups) {
        dups.mapValues(v -> ((Routed.Duplicated) v).duplicate(), Named.as("duplicate"))
                .peek((k, d) -> PipelineMetrics.duplicate(d), Named.as("count-duplicates"))
                .to(topics.duplicates(), Produced.with(Serdes.String(), AvroSerde.of(Duplicate.class)).withName("duplicates-sink"));
    }

    private void accepted(KStream<String, Routed> accepted) {
        KStream<String, EnrichedStory> stories = accepted
                .mapValues(v -> AlertRules.annotate(((Routed.Accepted) v).story()), Named.as("alert-rules"))
                .peek((k, s) -> PipelineMetrics.accepted(s), Named.as("count-enriched"));
        stories.to(topics.enriched(), Produced.with(Serdes.String(), storySerde).withName("enriched-sink"));
        stories.mapValues(s -> JsonMirror.toString(JsonMirror.story(s)), Named.as("enriched-json"))
                .to(topics.enrichedJson(), Produced.with(Serdes.String(), Serdes.String()).withName("enriched-json-sink"));

        KStream<String, Alert> alerts = stories
                .process(() -> new AlertProcessor(HELD_ALERTS_STORE), Named.as("alerts"), HELD_ALERTS_STORE)
                .peek((k, a) -> PipelineMetrics.alert(a), Named.as("count-alerts"));
        alerts.to(topics.alerts(), Produced.with(Serdes.String(), AvroSerde.of(Alert.class)).withName("alerts-sink"));
        alerts.mapValues(a -> JsonMirror.toString(JsonMirror.alert(a)), Named.as("alerts-json"))
                .to(topics.alertsJson(), Produced.with(Serdes.String(), Serdes.String()).withName("alerts-json-sink"));
    }

    private StoreBuilder<KeyValueStore<String, StoryVersionState>> versionStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VERSIONS_STORE), Serdes.String(),
                AvroSerde.of(StoryVersionState.class));
    }

    /** Topology-level defaults every build uses, also under TopologyTestDriver. */
    private static Properties withDefaults(Properties given) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "wirestream");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        p.putAll(given);
        return p;
    }

}
