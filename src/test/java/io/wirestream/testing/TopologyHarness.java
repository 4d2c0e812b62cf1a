package io.wirestream.testing;

import io.wirestream.avro.Alert;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawWireItem;
import io.wirestream.serde.AvroSerde;
import io.wirestream.topology.InMemoryPipeline;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The real topology on TopologyTestDriver (through the production {@link InMemoryPipeline}), with
 * every output decoded and collected per topic for assertions.
 */
public final class TopologyHarness implements AutoCloseable {

    public final Topics topics = Topics.defaults();
    private final InMemoryPipeline pipeline;

    public final List<EnrichedStory> enrichedSeen = new ArrayList<>();
    public final List<Duplicate> duplicatesSeen = new ArrayList<>();
    public final List<DeadLetter> deadLettersSeen = new ArrayList<>();
    public final List<Alert> alertsSeen = new ArrayList<>();
    /** The record time of each alert in {@link #alertsSeen}, in the same order. */
    public final List<Instant> alertTimesSeen = new ArrayList<>();
    public final List<String> enrichedJsonSeen = new ArrayList<>();
    /** Every record on a category topic: topic name and story, in order. */
    public final List<java.util.Map.Entry<String, EnrichedStory>> categorisedSeen = new ArrayList<>();

    private final AvroSerde<EnrichedStory> stories = AvroSerde.of(EnrichedStory.class);
    private final AvroSerde<Duplicate> duplicates = AvroSerde.of(Duplicate.class);
    private final AvroSerde<DeadLetter> deadLetters = AvroSerde.of(DeadLetter.class);
    private final AvroSerde<Alert> alerts = AvroSerde.of(Alert.class);
    private final AvroSerde<io.wirestream.avro.DeskAlert> deskAlerts = AvroSerde.of(io.wirestream.avro.DeskAlert.class);
    public final List<io.wirestream.avro.DeskAlert> deskAlertsSeen = new ArrayList<>();

    public TopologyHarness() {
        this(WirestreamTopology.Settings.defaults());
    }

    public TopologyHarness(WirestreamTopology.Settings settings) {
        pipeline = new InMemoryPipeline(topics, settings);
    }

    private TopologyHarness(Instant wallClock) {
        pipeline = new InMemoryPipeline(topics, WirestreamTopology.Settings.defaults(), io.wirestream.metrics.PipelineMetrics.inMemory(),
                wallClock);
    }

    /** With the driver's wall clock at {@code wallClock}: it moves only by {@link #advanceWallClock}. */
    public static TopologyHarness atWallClock(Instant wallClock) {
        return new TopologyHarness(wallClock);
    }

    /** The counters the topology updates. */
    public io.wirestream.metrics.PipelineMetrics metrics() {
        return pipeline.metrics();
    }

    /** A state store of the topology (TopologyTestDriver's). */
    public <K, V> org.apache.kafka.streams.state.KeyValueStore<K, V> store(String name) {
        return pipeline.store(name);
    }

    public TopologyHarness send(String key, RawWireItem item) {
        return collect(pipeline.process(key, item, item.getReceivedAt()));
    }

    public TopologyHarness send(WireItems.Ninjs n) {
        return send("ap:" + n.hashCode(), n.item());
    }

    /** Writes (or with null, deletes) a source in the catalogue topic, as {@code wirestream sources} does. */
    public TopologyHarness putSource(String id, io.wirestream.avro.Source source) {
        pipeline.putSource(id, source);
        return this;
    }

    /** A desk subscription put on alerts.subscriptions (null deletes it). */
    public TopologyHarness subscribe(String id, io.wirestream.avro.Subscription s, Instant at) {
        pipeline.putSubscription(id, s, at);
        return this;
    }

    /** Moves the wall clock on: what the wall-clock punctuations produce with no wire arriving. */
    public TopologyHarness advanceWallClock(java.time.Duration by) {
        return collect(pipeline.advanceWallClock(by));
    }

    /** Bytes written as they are (as kcat would), at a record time. */
    public TopologyHarness sendBytes(String key, byte[] value, Instant at) {
        return collect(pipeline.processBytes(key, value, at));
    }

    private TopologyHarness collect(List<InMemoryPipeline.Output> outputs) {
        for (InMemoryPipeline.Output o : outputs) {
            if (o.topic().equals(topics.enriched())) {
                enrichedSeen.add(stories.decode(o.value()));
            } else if (o.topic().equals(topics.duplicates())) {
                duplicatesSeen.add(duplicates.decode(o.value()));
            } else if (o.topic().equals(topics.dlq())) {
                deadLettersSeen.add(deadLetters.decode(o.value()));
            } else if (o.topic().equals(topics.alerts())) {
                alertsSeen.add(alerts.decode(o.value()));
                alertTimesSeen.add(o.timestamp());
            } else if (o.topic().equals(topics.deskAlerts())) {
                deskAlertsSeen.add(deskAlerts.decode(o.value()));
            }
        }
        pipeline.lastCategorised().forEach(o -> categorisedSeen.add(java.util.Map.entry(o.topic(), stories.decode(o.value()))));
        pipeline.lastMirrors().stream().filter(o -> o.topic().equals(topics.enrichedJson()))
                .forEach(o -> enrichedJsonSeen.add(new String(o.value(), StandardCharsets.UTF_8)));
        return this;
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
