package io.wirestream.app;

import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.runtime.CommittedReader;
import io.wirestream.runtime.KafkaRuntime;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.serde.AvroRecords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print records of any topic as JSON lines (Avro values decoded), read_committed, from the beginning.")
final class TailCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    WirestreamCli.ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "TOPIC")
    String topic;

    @Mixin
    FollowOptions follow;

    @Override
    public Integer call() throws Exception {
        WirestreamConfig config = connection.config();
        try (KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            KafkaConsumer<String, byte[]> opened;
            try {
                opened = CommittedReader.open(kafka.clientProps(), List.of(topic));
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage() + (kafka.startedBroker() ? "; no broker was running, so tail started one"
                        + " on " + config.dataDir() + ": start `wirestream broker`, `run` or `demo` first, or give -b" : ""));
                return 2;
            }
            try (KafkaConsumer<String, byte[]> consumer = opened) {
                follow.follow(consumer, r -> {
                    System.out.println(line(r).toString());
                    return true;
                });
            }
        }
        return 0;
    }

    static ObjectNode line(ConsumerRecord<String, byte[]> r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("topic", r.topic()).put("partition", r.partition()).put("offset", r.offset())
                .put("timestamp", Instant.ofEpochMilli(r.timestamp()).toString());
        n.put("key", r.key());
        n.set("value", value(r.value()));
        if (r.headers().toArray().length > 0) {
            ObjectNode h = n.putObject("headers");
            for (Header header : r.headers()) {
                h.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return n;
    }

    /** Avro single-object values decoded, JSON values embedded, anything else as text or base64. */
    static com.fasterxml.jackson.databind.JsonNode value(byte[] v) {
        if (v == null) {
            return JSON.nullNode();
        }
        var avro = AvroRecords.toJson(v);
        if (avro.isPresent()) {
            return avro.get();
        }
        String text = AvroRecords.bytesAsText(v);
        if (text.startsWith("{")) {
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                // not JSON after all
            }
        }
        return JSON.getNodeFactory().textNode(text);
    }
}
