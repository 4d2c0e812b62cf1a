package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Source;
import io.wirestream.ingest.RawItems;
import io.wirestream.runtime.SourceTopic;
import io.wirestream.serde.AvroSerde;
import io.wirestream.sources.SourceCatalogue;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The source catalogue on a real broker: wire.sources seeded at start, and an edit made while the
 * pipeline runs (as {@code wirestream sources put|delete} makes it) reaching the stories that follow,
 * without a restart.
 */
class SourceCatalogueIT {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final AvroSerde<EnrichedStory> stories = AvroSerde.of(EnrichedStory.class);
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void seededAtStartAndEditedWhileRunning() throws Exception {
        try (PipelineFixture pipeline = new PipelineFixture(1, StreamsConfig.EXACTLY_ONCE_V2)) {
            SourceTopic catalogue = new SourceTopic(pipeline.kafka.clientProps(), pipeline.topics.sources());
            assertThat(catalogue.readAll()).containsKeys("ap", "reuters", "afp", "pti", "bbc");

            send(pipeline, "AP");
            send(pipeline, "Acme Wire");
            await("an AP story and an Acme story enriched").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> enriched(pipeline).size() >= 2);
            assertThat(kindOf(pipeline, "ap")).isEqualTo("agency");
            assertThat(kindOf(pipeline, "acme-wire")).isEqualTo("unknown");

            Source acme = SourceCatalogue.parseLine("acme-wire\tAcme\tAcme Wire\tAcme Wire\tNZ\tPacific/Auckland\ten\tnewspaper\t3");
            catalogue.put(List.of(acme));
            // the global table catches up on its own thread: keep filing copy until a story shows the edit
            await("an Acme story enriched with the record put while running").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        send(pipeline, "Acme Wire");
                        return "newspaper".equals(kindOf(pipeline, "acme-wire"));
                    });

            catalogue.delete("acme-wire");
            await("an Acme story marked unknown after the delete").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        send(pipeline, "Acme Wire");
                        return "unknown".equals(kindOf(pipeline, "acme-wire"));
                    });
            assertThat(catalogue.readAll()).containsEntry("acme-wire", null);
        }
    }

    private void send(PipelineFixture pipeline, String source) throws Exception {
        int n = sent.incrementAndGet();
        var item = WireItems.ninjs("urn:srcit:" + n).from(source).headline("Council story " + n)
                .body("The council met for the " + n + "th time and voted on item " + n + ".").at(T0.plusSeconds(n)).item();
        item.setItemId("srcit-" + n);
        pipeline.send(new RawItems.Captured(item.getSource() + ":srcit-" + n, item));
        pipeline.flush();
    }

    private List<EnrichedStory> enriched(PipelineFixture pipeline) {
        return pipeline.read().get(pipeline.topics.enriched()).stream().map(r -> stories.decode(r.value())).toList();
    }

    /** The kind on the latest enriched story whose source record has this id, or null. */
    private String kindOf(PipelineFixture pipeline, String id) {
        List<EnrichedStory> all = enriched(pipeline);
        for (int i = all.size() - 1; i >= 0; i--) {
            Source s = all.get(i).getSourceRecord();
            if (s != null && s.getId().equals(id)) {
                return s.getKind();
            }
        }
        return null;
    }
}
