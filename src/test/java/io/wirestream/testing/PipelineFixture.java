package io.wirestream.testing;

import static org.awaitility.Awaitility.await;

import io.wirestream.runtime.CommittedReader;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import io.wirestream.metrics.PipelineMetrics;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The full application on the shared real broker, with topics and application id unique to one test:
 * the production code path (KafkaRuntime, StreamsRunner, WireProducer), exactly-once by default.
 */
public final class PipelineFixture implements AutoCloseable {

    public final Topics topics;
    public final WirestreamConfig config;
    public final KafkaRuntime kafka;
    public final PipelineMetrics metrics = PipelineMetrics.inMemory();
    private final StreamsRunner streams;
    private final WireProducer producer;
    private final KafkaConsumer<String, byte[]> reader;
    private final Map<String, List<ConsumerRecord<String, byte[]>>> seen = new HashMap<>();

    public PipelineFixture(int partitions, String guarantee) throws Exception {
        this(partitions, guarantee, c -> c);
    }

    /** With settings changed from the defaults (a smaller size limit, ...). */
    public PipelineFixture(int partitions, String guarantee, java.util.function.UnaryOperator<WirestreamConfig> settings)
            throws Exception {
        String id = "t" + UUID.randomUUID().toString().substring(0, 8);
        topics = Topics.defaults().map(n -> id + "." + n);
        Path dataDir = Files.createTempDirectory("wirestream-it-" + id);
        WirestreamConfig config = WirestreamConfig.defaults()
                .withBootstrapServers(TestBroker.bootstrapServers())
                .withDataDir(dataDir)
                .withPartitions(partitions)
                .withGuarantee(guarantee)
                .withTopics(topics)
                .withApplicationId("wirestream-" + id);
        this.config = settings.apply(config);
        kafka = KafkaRuntime.connect(this.config);
        kafka.ensureTopics(topics, partitions);
        streams = new StreamsRunner(WirestreamTopology.build(topics, this.config.topology(), kafka.streamsProps(), metrics),
                kafka.streamsProps(), metrics.registry()).start();
        if (!streams.awaitRunning(Duration.ofSeconds(60))) {
            throw new IllegalStateException("streams not RUNNING: " + streams.state());
        }
        producer = new WireProducer(kafka.clientProps(), topics.raw(), this.config.topology().maxItemBytes());
        List<String> outputs = new ArrayList<>(topics.outputs());
        outputs.add(topics.enrichedJson());
        outputs.forEach(t -> seen.put(t, new ArrayList<>()));
        reader = CommittedReader.open(kafka.clientProps(), outputs);
    }

    public void send(RawItems.Captured c) throws Exception {
        producer.send(c);
    }

    /** Writes bytes as they are, as a non-Java tool would. */
    public void sendBytes(String key, byte[] value) throws Exception {
        Map<String, Object> p = new HashMap<>(kafka.clientProps());
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.raw(), key, value)).get();
        }
    }

    public void flush() {
        producer.flush();
    }

    /** Reads committed output records that arrived since the last call; returns everything seen so far per topic. */
    public synchronized Map<String, List<ConsumerRecord<String, byte[]>>> read() {
        for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
            seen.get(r.topic()).add(r);
        }
        return seen;
    }

    /**
     * Waits until the application has committed past every input record and every committed output
     * has been read, then returns everything seen per topic: after it nothing more can arrive for
     * what was sent, so counts are final (an output emitted twice would be among them).
     */
    public Map<String, List<ConsumerRecord<String, byte[]>>> awaitSettled(Duration atMost) {
        await("application " + config.applicationId() + " committed past every input record").atMost(atMost)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> CaughtUp.caughtUp(kafka.clientProps(), config.applicationId(), topics.raw()));
        Map<TopicPartition, Long> end;
        synchronized (this) {
            end = reader.endOffsets(reader.assignment());
        }
        await("every committed output read").atMost(atMost).until(() -> {
            read();
            return positionsReached(end);
        });
        return seen;
    }

    private synchronized boolean positionsReached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    public StreamsRunner streams() {
        return streams;
    }

    @Override
    public void close() {
        producer.close();
        reader.close();
        streams.close();
        kafka.close();
    }
}
