package io.wirestream.topology;

import io.wirestream.avro.RawWireItem;
import io.wirestream.avro.Source;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.serde.AvroSerde;
import io.wirestream.serde.RawWireItemSerde;
import io.wirestream.sources.SourceCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology run in memory on TopologyTestDriver (no broker): the engine of
 * {@code inspect} and {@code eval}. Same code path as production, one partition, records processed
 * in the order given with the timestamps given.
 */
public final class InMemoryPipeline implements AutoCloseable {

    /** One output record, value as the bytes the topology wrote. */
    public record Output(String topic, String key, byte[] value, Instant timestamp) {
    }

    private final Topics topics;
    private final PipelineMetrics metrics;
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Source> sources;
    private final TestInputTopic<String, RawWireItem> raw;
    private final TestInputTopic<String, byte[]> rawBytes;
    private final TestInputTopic<String, io.wirestream.avro.Subscription> subscriptions;
    private final Map<String, TestOutputTopic<String, byte[]>> outputs = new LinkedHashMap<>();
    private final Map<String, TestOutputTopic<String, byte[]>> mirrors = new LinkedHashMap<>();
    private List<Output> lastMirrors = List.of();
    private final Map<String, TestOutputTopic<String, byte[]>> categorised = new LinkedHashMap<>();
    private List<Output> lastCategorised = List.of();

    /** With counters of its own that nothing reads. */
    public InMemoryPipeline(Topics topics, WirestreamTopology.Settings settings) {
        this(topics, settings, PipelineMetrics.inMemory());
    }

    public InMemoryPipeline(Topics topics, WirestreamTopology.Settings settings, PipelineMetrics metrics) {
        this(topics, settings, metrics, Instant.now());
    }

    /** With the driver's wall clock starting at {@code wallClock} (tests of what the wall clock decides). */
    public InMemoryPipeline(Topics topics, WirestreamTopology.Settings settings, PipelineMetrics metrics, Instant wallClock) {
        this.topics = topics;
        this.metrics = metrics;
        try {
            stateDir = Files.createTempDirectory("wirestream-inmemory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "wirestream-inmemory");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "in-memory:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // as KafkaRuntime sets it (and Kafka 5 will by default); without it every replay warns twice
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        driver = new TopologyTestDriver(WirestreamTopology.build(topics, settings, p, metrics), p, wallClock);
        raw = driver.createInputTopic(topics.raw(), Serdes.String().serializer(), new RawWireItemSerde().serializer());
        rawBytes = driver.createInputTopic(topics.raw(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        // the source catalogue as a running application has it after start: the bundled defaults
        sources = driver.createInputTopic(topics.sources(), Serdes.String().serializer(),
                AvroSerde.of(Source.class).serializer());
        SourceCatalogue.bundled().sources().forEach(this::putSource);
        subscriptions = driver.createInputTopic(topics.subscriptions(), Serdes.String().serializer(),
                io.wirestream.serde.AvroSerde.of(io.wirestream.avro.Subscription.class).serializer());
        // Every output the topology writes is read (Topics.outputs(), mirrors apart), so a topic added
        // to Topics is read here too.
        for (String t : topics.outputs()) {
            outputs.put(t, driver.createOutputTopic(t, new StringDeserializer(), new ByteArrayDeserializer()));
        }
        for (String t : topics.categoryTopics()) {
            categorised.put(t, driver.createOutputTopic(t, new StringDeserializer(), new ByteArrayDeserializer()));
        }
        for (String t : topics.mirrors()) {
            mirrors.put(t, driver.createOutputTopic(t, new StringDeserializer(), new ByteArrayDeserializer()));
        }
    }

    /** A state store of the topology, for tests that check what a stage keeps. */
    public <K, V> org.apache.kafka.streams.state.KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    public Topics topics() {
        return topics;
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    /** Feeds one raw record and returns what it produced on every output, in the order of {@link Topics#outputs()}. */
    public List<Output> process(String key, RawWireItem item, Instant recordTime) {
        raw.pipeInput(new TestRecord<>(key, item, recordTime));
        return drain();
    }

    /**
     * Moves the driver's wall clock on by {@code by} and returns what its wall-clock punctuations produced
     * (an embargo lifting while no wire arrives). Replays never call it: their time is the records'.
     */
    public List<Output> advanceWallClock(java.time.Duration by) {
        driver.advanceWallClockTime(by);
        return drain();
    }

    /** Writes a source to the catalogue topic (null value: deletes {@code id}), as {@code wirestream sources} does. */
    public void putSource(String id, Source source) {
        sources.pipeInput(id, source, Instant.EPOCH);
    }

    private void putSource(Source source) {
        putSource(source.getId(), source);
    }

    /** Feeds bytes as a foreign producer (kcat) writes them to wire.raw, or a null value (a tombstone). */
    public List<Output> processBytes(String key, byte[] value, Instant recordTime) {
        rawBytes.pipeInput(new TestRecord<>(key, value, recordTime));
        return drain();
    }

    /** Puts (or, with null, deletes) a desk subscription, as {@code wirestream subscriptions} does. */
    public void putSubscription(String id, io.wirestream.avro.Subscription subscription, Instant at) {
        subscriptions.pipeInput(new TestRecord<>(id, subscription, at));
    }

    /** What the last record produced on the category topics (stories.politics ...). */
    public List<Output> lastCategorised() {
        return lastCategorised;
    }

    /** What the last record produced on the JSON mirror topics. */
    public List<Output> lastMirrors() {
        return lastMirrors;
    }

    private List<Output> drain() {
        // The driver keeps every record of a topic until it is read, so every output topic is read
        // each time, mirrors included; otherwise a long corpus (eval, bench) fills the heap.
        lastMirrors = read(mirrors);
        lastCategorised = read(categorised);
        return read(outputs);
    }

    private static List<Output> read(Map<String, TestOutputTopic<String, byte[]>> topics) {
        List<Output> out = new ArrayList<>();
        topics.forEach((topic, t) -> {
            for (TestRecord<String, byte[]> r : t.readRecordsToList()) {
                out.add(new Output(topic, r.key(), r.value(), r.getRecordTime()));
            }
        });
        return out;
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> walk = Files.walk(stateDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
