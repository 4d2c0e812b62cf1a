package io.wirestream.app;

import io.wirestream.avro.DeadLetter;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import io.wirestream.runtime.CommittedReader;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Reading and replaying wire.dlq. A dead letter keeps the raw bytes whole when the item was within
 * max.item.bytes, so once the cause is fixed (a parser bug, a missing charset, a source that resent
 * a bad file) the item can go through again: {@code replay} publishes it to wire.raw under its
 * original source, format and item id, as a new raw record (the dead letter stays where it is, so
 * the accounting of the first record still holds). Previews (oversized items, unwritable records)
 * and records Kafka Streams itself dead-lettered (not DeadLetter values) are listed, never replayed.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "List dead letters (one line each), or replay the whole ones to wire.raw after fixing their cause.")
final class DlqCommand implements Callable<Integer> {

    private static final AvroSerde<DeadLetter> LETTERS = AvroSerde.of(DeadLetter.class);

    @Mixin
    WirestreamCli.ConnectionOptions connection;

    @Option(names = "--replay", description = "Publish the matching whole dead letters to wire.raw again.")
    boolean replay;

    @Option(names = "--stage", description = "Only dead letters of this stage (parse, write ...).")
    String stage;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Only dead letters whose reason contains TEXT (case-insensitive).")
    String reason;

    @Override
    public Integer call() throws Exception {
        WirestreamConfig config = connection.config();
        try (KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            List<DeadLetter> matching = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : CommittedReader.readToEnd(kafka.clientProps(), List.of(config.topics().dlq()))) {
                DeadLetter d = decode(r);
                if (shown(d)) {
                    System.out.println(describe(r, d));
                    if (d != null) {
                        matching.add(d);
                    }
                }
            }
            if (!replay) {
                System.err.println(matching.size() + " dead letter(s) match; --replay publishes the whole ones to "
                        + config.topics().raw());
                return 0;
            }
            int replayed = 0;
            try (WireProducer producer = new WireProducer(kafka.clientProps(), config.topics().raw(),
                    config.topology().maxItemBytes())) {
                for (DeadLetter d : matching) {
                    if (whole(d)) {
                        producer.sendAndWait(RawItems.of(d.getSource(), d.getFormat(), itemId(d), "replay:" + ref(d),
                                bytes(d.getPayload()), Instant.now(), null));
                        replayed++;
                    }
                }
            }
            System.out.println("replayed " + replayed + " of " + matching.size() + " matching dead letter(s) to "
                    + config.topics().raw() + " (previews are never replayed)");
            return 0;
        }
    }

    /**
     * Whether a record is listed: every one without --stage or --reason; with them, the dead letters they
     * match (a record Kafka Streams dead-lettered itself has no stage or reason of ours to match).
     */
    boolean shown(DeadLetter d) {
        return d == null ? stage == null && reason == null : matches(d);
    }

    private boolean matches(DeadLetter d) {
        return (stage == null || stage.equalsIgnoreCase(d.getStage()))
                && (reason == null || d.getReason().toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT)));
    }

    /** A DeadLetter value, or null for a record Kafka Streams dead-lettered itself (raw bytes with error headers). */
    private static DeadLetter decode(ConsumerRecord<String, byte[]> r) {
        try {
            return LETTERS.deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whole bytes: not an oversized item's preview nor an unwritable record's. */
    static boolean whole(DeadLetter d) {
        return !d.getReason().startsWith("oversized item") && !"write".equals(d.getStage());
    }

    private static String itemId(DeadLetter d) {
        String key = d.getRaw().getKey();
        return key == null ? "dlq-" + ref(d) : key.substring(key.indexOf(':') + 1);
    }

    private static String ref(DeadLetter d) {
        return d.getRaw().getTopic() + "/" + d.getRaw().getPartition() + "/" + d.getRaw().getOffset();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static String describe(ConsumerRecord<String, byte[]> r, DeadLetter d) {
        String at = r.partition() + "/" + r.offset();
        if (d == null) {
            return at + "  (not a DeadLetter: a record Kafka Streams could not process; headers say why)";
        }
        return String.format(Locale.ROOT, "%s  %-7s %-8s %-10s %8d B %s  %s  raw %s", at, d.getStage(), d.getSource(), d.getFormat(),
                d.getPayload().remaining(), whole(d) ? "whole  " : "preview", d.getReason(), ref(d));
    }
}
