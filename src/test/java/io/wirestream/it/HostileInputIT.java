package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.ingest.DropFolderWatcher;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input through the real producers (files in a watched drop folder, and items sent
 * with WireProducer) into the whole application on the real broker: each becomes exactly one dead
 * letter with its specific reason, nothing is lost, no entity is ever resolved, the stream stays
 * RUNNING, and a good story sent afterwards still gets through.
 */
class HostileInputIT {

    private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");
    private static final int FIFTY_MB = 50 * 1024 * 1024;
    /** Our prefix; what follows is the XML parser's own message, which is not ours to pin (wording, language). */
    private static final String MALFORMED_XML = "malformed XML at line 1: ";
    private static final String DOCTYPE_REFUSED = "XML DOCTYPE refused: DTDs and entities are not accepted (XXE, entity expansion)";

    @TempDir
    Path tmp;

    @Test
    void everyHostileItemIsDeadLetteredWithItsReasonAndTheStreamGoesOn() throws Exception {
        Path drop = Files.createDirectories(tmp.resolve("drop"));
        try (PipelineFixture pipeline = new PipelineFixture(1, StreamsConfig.EXACTLY_ONCE_V2);
             WireProducer producer = new WireProducer(pipeline.kafka.clientProps(), pipeline.topics.raw(),
                     pipeline.config.topology().maxItemBytes())) {
            int limit = pipeline.config.topology().maxItemBytes();
            Files.writeString(drop.resolve("xxe.xml"), """
                    <?xml version="1.0"?>
                    <!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <nitf><head><title>&xxe;</title></head><body><body.content><p>&xxe;</p></body.content></body></nitf>""");
            Files.writeString(drop.resolve("lol.xml"), billionLaughs());
            try (OutputStream out = Files.newOutputStream(drop.resolve("huge.xml"))) {
                byte[] para = "<p>A paragraph of a wire story that goes on and on.</p>\n".getBytes(StandardCharsets.UTF_8);
                out.write("<?xml version=\"1.0\"?><nitf><body><body.content>".getBytes(StandardCharsets.UTF_8));
                for (long written = 0; written < FIFTY_MB; written += para.length) {
                    out.write(para);
                }
            }
            long hugeSize = Files.size(drop.resolve("huge.xml"));
            byte[] binary = new byte[4096];
            new Random(7).nextBytes(binary);
            binary[0] = 0;
            binary[100] = 0;
            Files.write(drop.resolve("photo.bin"), binary);
            Files.writeString(drop.resolve("truncated.xml"),
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><head><title>Cut off</title></head><body><body.content><p>The minister said");
            Files.write(drop.resolve("empty.txt"), new byte[0]);

            DropFolderWatcher watcher = new DropFolderWatcher(drop,
                    new DropFolderWatcher.Settings("hostile", "auto", limit, Duration.ofMillis(500), Duration.ofMillis(200)), producer);
            Thread watching = new Thread(watcher, "it-hostile-drop-folder");
            watching.start();
            try {
                // Items sent by a producer directly (as stdin or HTTP capture them): invalid UTF-8 declared as ninjs,
                // and a 50 MB item in memory, which WireProducer must cut rather than let the broker refuse it.
                byte[] badUtf8 = "{\"uri\":\"urn:bad\",\"type\":\"text\",\"headline\":\"caf\u00e9 \u00ff\",\"body_text\":\"x\"}"
                        .getBytes(StandardCharsets.ISO_8859_1);
                producer.publish(RawItems.of("hostile", "ninjs", "bad-utf8.json", "stdin", badUtf8, T0, null)).get();
                byte[] big = new byte[FIFTY_MB];
                java.util.Arrays.fill(big, (byte) 'a');
                producer.publish(RawItems.of("hostile", "plain", "big-in-memory.txt", "stdin", big, T0, null)).get();

                Map<String, String> expected = Map.of(
                        "hostile:xxe.xml", DOCTYPE_REFUSED,
                        "hostile:lol.xml", DOCTYPE_REFUSED,
                        "hostile:huge.xml", "oversized item: " + hugeSize + " bytes exceeds the limit of " + limit,
                        "hostile:photo.bin", "binary content: not a text wire format",
                        "hostile:truncated.xml", MALFORMED_XML,
                        "hostile:empty.txt", "empty item: no bytes to parse",
                        "hostile:bad-utf8.json", "invalid UTF-8 text (declare the charset, e.g. charset=ISO-8859-1)",
                        "hostile:big-in-memory.txt", "oversized item: " + FIFTY_MB + " bytes exceeds the limit of " + limit);

                AvroSerde<DeadLetter> dead = AvroSerde.of(DeadLetter.class);
                await("all " + expected.size() + " hostile items in wire.dlq").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> pipeline.read().get(pipeline.topics.dlq()).size() >= expected.size());
                await("the six hostile files moved to done/").atMost(Duration.ofSeconds(10))
                        .until(() -> ProducersIT.names(drop.resolve("done")).size() == 6);

                // A good story after all that.
                Files.write(drop.resolve("good.json"), WireItems.ninjs("urn:hostile:good").headline("Calm after the storm")
                        .body("The harbour reopened on Saturday.").from("hostile").at(T0).bytes());
                await("the good story in stories.enriched").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !pipeline.read().get(pipeline.topics.enriched()).isEmpty());
                // Then until the application has committed past every input: anything emitted twice or late is here now.
                Map<String, List<ConsumerRecord<String, byte[]>>> out = pipeline.awaitSettled(Duration.ofSeconds(60));

                List<DeadLetter> letters = out.get(pipeline.topics.dlq()).stream().map(r -> dead.decode(r.value())).toList();
                Map<String, String> reasons = letters.stream().collect(Collectors.toMap(d -> d.getRaw().getKey(), DeadLetter::getReason));
                assertThat(letters).hasSize(expected.size());
                assertThat(reasons).containsOnlyKeys(expected.keySet());
                expected.forEach((key, reason) -> {
                    if (reason.equals(MALFORMED_XML)) {
                        assertThat(reasons.get(key)).as(key).startsWith(MALFORMED_XML).hasSizeGreaterThan(MALFORMED_XML.length());
                    } else {
                        assertThat(reasons.get(key)).as(key).isEqualTo(reason);
                    }
                });
                assertThat(letters).allSatisfy(d -> assertThat(d.getStage()).isEqualTo("parse"));
                DeadLetter huge = letters.stream().filter(d -> d.getRaw().getKey().equals("hostile:huge.xml")).findFirst().orElseThrow();
                assertThat(huge.getPayload().remaining()).as("the preview for an operator").isEqualTo(RawItems.PREVIEW_BYTES);

                // Accounting: 9 raw records, 9 outputs, each raw record once.
                List<EnrichedStory> enriched = out.get(pipeline.topics.enriched()).stream()
                        .map(r -> AvroSerde.of(EnrichedStory.class).decode(r.value())).toList();
                assertThat(enriched).extracting(EnrichedStory::getHeadline).containsExactly("Calm after the storm");
                assertThat(out.get(pipeline.topics.duplicates())).isEmpty();
                Set<String> rawRefs = new HashSet<>();
                letters.forEach(d -> rawRefs.add(d.getRaw().getPartition() + "/" + d.getRaw().getOffset()));
                enriched.forEach(s -> rawRefs.add(s.getRaw().getPartition() + "/" + s.getRaw().getOffset()));
                assertThat(rawRefs).hasSize(expected.size() + 1);

                // No entity was resolved anywhere.
                for (List<ConsumerRecord<String, byte[]>> records : out.values()) {
                    assertThat(records).noneMatch(r -> new String(r.value(), StandardCharsets.ISO_8859_1).contains("root:x:0:0"));
                }
                assertThat(ProducersIT.names(drop.resolve("error"))).isEmpty();
                await("good.json moved to done/").atMost(Duration.ofSeconds(10))
                        .until(() -> Files.exists(drop.resolve("done/good.json")));
                assertThat(pipeline.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            } finally {
                watcher.close();
                watching.join(10_000);
            }
        }
    }

    private static String billionLaughs() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        String prev = "lol";
        for (int i = 1; i <= 9; i++) {
            String name = "lol" + i;
            b.append(" <!ENTITY ").append(name).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">\n");
            prev = name;
        }
        return b.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>")
                .toString();
    }
}
