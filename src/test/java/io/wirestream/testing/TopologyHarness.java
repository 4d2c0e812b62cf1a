package io.wirestream.testing;

import io.wirestream.avro.Alert;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawWireItem;
import io.wirestream.serde.AvroSerde;
import io.wirestream.serde.RawWireItemSerde;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The real topology on TopologyTestDriver, with typed access to every output. */
public final class TopologyHarness implements AutoCloseable {

    public final Topics topics = Topics.defaults();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, RawWireItem> raw;
    private final TestInputTopic<String, byte[]> rawBytes;
    private final TestOutputTopic<String, EnrichedStory> enriched;
    private final TestOutputTopic<String, Duplicate> duplicates;
    private final TestOutputTopic<String, DeadLetter> dlq;
    private final TestOutputTopic<String, Alert> alerts;
    private final TestOutputTopic<String, String> enrichedJson;

    public final List<EnrichedStory> enrichedSeen = new ArrayList<>();
    public final List<Duplicate> duplicatesSeen = new ArrayList<>();
    public final List<DeadLetter> deadLettersSeen = new ArrayList<>();
    public final List<Alert> alertsSeen = new ArrayList<>();
    public final List<String> enrichedJsonSeen = new ArrayList<>();

    public TopologyHarness() {
        this(WirestreamTopology.Settings.defaults());
    }

    public TopologyHarness(WirestreamTopology.Settings settings) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "wirestream-test-" + java.util.UUID.randomUUID());
        p.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/wirestream-ttd");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        driver = new TopologyTestDriver(WirestreamTopology.build(topics, settings, p), p);
        raw = driver.createInputTopic(topics.raw(), Serdes.String().serializer(), new RawWireItemSerde().serializer());
        rawBytes = driver.createInputTopic(topics.raw(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(topics.enriched(), Serdes.String().deserializer(),
                AvroSerde.of(EnrichedStory.class).deserializer());
        duplicates = driver.createOutputTopic(topics.duplicates(), Serdes.String().deserializer(),
                AvroSerde.of(Duplicate.class).deserializer());
        dlq = driver.createOutputTopic(topics.dlq(), Serdes.String().deserializer(), AvroSerde.of(DeadLetter.class).deserializer());
        alerts = driver.createOutputTopic(topics.alerts(), Serdes.String().deserializer(), AvroSerde.of(Alert.class).deserializer());
        enrichedJson = driver.createOutputTopic(topics.enrichedJson(), Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    public TopologyHarness send(String key, RawWireItem item) {
        raw.pipeInput(new TestRecord<>(key, item, item.getReceivedAt()));
        return drain();
    }

    public TopologyHarness send(WireItems.Ninjs n) {
        return send("ap:" + n.hashCode(), n.item());
    }

    /** Bytes written as they are (as kcat would), at a record time. */
    public TopologyHarness sendBytes(String key, byte[] value, Instant at) {
        rawBytes.pipeInput(new TestRecord<>(key, value, at));
        return drain();
    }

    private TopologyHarness drain() {
        enrichedSeen.addAll(enriched.readValuesToList());
        duplicatesSeen.addAll(duplicates.readValuesToList());
        deadLettersSeen.addAll(dlq.readValuesToList());
        alertsSeen.addAll(alerts.readValuesToList());
        enrichedJsonSeen.addAll(enrichedJson.readValuesToList());
        return this;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
