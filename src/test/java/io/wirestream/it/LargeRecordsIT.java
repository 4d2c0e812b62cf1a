package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawRef;
import io.wirestream.ingest.RawItems;
import io.wirestream.runtime.SizePolicy;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * One large record never stalls the pipeline (issue 9): large stories and binary files at and over
 * the item limit, each followed by a small story that must get through, on the real broker under
 * exactly-once, with the accounting invariant checked read_committed.
 */
class LargeRecordsIT {

    /** Now, not a fixed date: records are timestamped with it, and a week-old record would meet the broker's 7-day retention. */
    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    private static final int MB = 1_000_000;
    private static final AvroSerde<EnrichedStory> STORIES = AvroSerde.of(EnrichedStory.class);
    private static final AvroSerde<DeadLetter> DEAD = AvroSerde.of(DeadLetter.class);

    @Test
    void largeStoriesPassAndOversizedFilesAreDeadLetteredWithTheDefaultPolicy() throws Exception {
        try (PipelineFixture pipeline = new PipelineFixture(2, StreamsConfig.EXACTLY_ONCE_V2)) {
            int limit = pipeline.config.topology().maxItemBytes();
            List<String> small = new ArrayList<>();
            int n = 0;
            for (int size : new int[] {6 * MB / 10, 15 * MB / 10, 39 * MB / 10}) {
                pipeline.send(bigStory("urn:big:" + size, size));
                small.add(sendSmall(pipeline, ++n));
            }
            pipeline.send(RawItems.of("big", null, "over.bin", "test", binary(limit + 1), T0, null));
            small.add(sendSmall(pipeline, ++n));
            pipeline.send(RawItems.of("big", null, "under.bin", "test", binary(limit - 1024), T0, null));
            small.add(sendSmall(pipeline, ++n));
            pipeline.flush();

            Map<String, List<ConsumerRecord<String, byte[]>>> out = pipeline.awaitSettled(Duration.ofSeconds(120));
            List<EnrichedStory> enriched = decode(out.get(pipeline.topics.enriched()), STORIES);
            List<DeadLetter> letters = decode(out.get(pipeline.topics.dlq()), DEAD);
            assertThat(enriched).extracting(EnrichedStory::getHeadline).containsAll(small)
                    .contains("Big story of 600000 bytes", "Big story of 1500000 bytes", "Big story of 3900000 bytes");
            assertThat(letters).extracting(DeadLetter::getReason).containsExactlyInAnyOrder(
                    "oversized item: " + (limit + 1) + " bytes exceeds the limit of " + limit,
                    "binary content: not a text wire format");
            DeadLetter over = letters.stream().filter(d -> d.getReason().startsWith("oversized")).findFirst().orElseThrow();
            assertThat(over.getPayload().remaining()).as("a preview, not the item").isEqualTo(RawItems.PREVIEW_BYTES);
            assertAccounted(pipeline, out, 10);
            assertThat(pipeline.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    /**
     * With a record limit just over the item limit, a 3.9 MB story of HTML (text and HTML: about twice
     * the raw size once parsed) cannot be written to the repartition topic: it becomes a dead letter
     * of stage write with a bounded preview, and the stories after it get through.
     */
    @Test
    void aStoryTooLargeToWriteBecomesADeadLetterAndTheStreamGoesOn() throws Exception {
        int item = 4 * 1024 * 1024;
        try (PipelineFixture pipeline = new PipelineFixture(2, StreamsConfig.EXACTLY_ONCE_V2,
                c -> c.withSizes(item, item + SizePolicy.ENVELOPE_BYTES))) {
            pipeline.send(bigStory("urn:big:too-large", 39 * MB / 10));
            String first = sendSmall(pipeline, 1);
            pipeline.send(bigStory("urn:big:fits", 15 * MB / 10));
            String second = sendSmall(pipeline, 2);
            pipeline.flush();

            Map<String, List<ConsumerRecord<String, byte[]>>> out = pipeline.awaitSettled(Duration.ofSeconds(120));
            List<EnrichedStory> enriched = decode(out.get(pipeline.topics.enriched()), STORIES);
            assertThat(enriched).extracting(EnrichedStory::getHeadline)
                    .containsExactlyInAnyOrder(first, second, "Big story of 1500000 bytes");
            List<DeadLetter> letters = decode(out.get(pipeline.topics.dlq()), DEAD);
            assertThat(letters).singleElement().satisfies(d -> {
                assertThat(d.getStage()).isEqualTo("write");
                assertThat(d.getReason()).contains("stories-by-key-repartition").contains("larger than the limit");
                assertThat(d.getRaw().getTopic()).isEqualTo(pipeline.topics.raw());
                assertThat(d.getSource()).isEqualTo("big");
                assertThat(d.getPayload().remaining()).isEqualTo(SizePolicy.PREVIEW_BYTES);
            });
            assertAccounted(pipeline, out, 4);
            assertThat(pipeline.metrics.total("wirestream.records.unwritable")).isEqualTo(1);
            assertThat(pipeline.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    /** Every raw story in exactly one of stories.enriched, stories.duplicates, wire.dlq (read_committed). */
    private static void assertAccounted(PipelineFixture pipeline, Map<String, List<ConsumerRecord<String, byte[]>>> out,
                                        int rawRecords) {
        List<RawRef> refs = new ArrayList<>();
        decode(out.get(pipeline.topics.enriched()), STORIES).forEach(s -> refs.add(s.getRaw()));
        decode(out.get(pipeline.topics.dlq()), DEAD).forEach(d -> refs.add(d.getRaw()));
        assertThat(out.get(pipeline.topics.duplicates())).isEmpty();
        Set<String> distinct = new HashSet<>();
        refs.forEach(r -> distinct.add(r.getPartition() + "/" + r.getOffset() + "/" + r.getIndex()));
        assertThat(refs).as("each raw story once").hasSize(distinct.size());
        assertThat(distinct).as("every raw story").hasSize(rawRecords);
    }

    private static String sendSmall(PipelineFixture pipeline, int n) throws Exception {
        String headline = "Small story " + n + " after a large one";
        pipeline.send(RawItems.of("small", "ninjs", "small-" + n, "test", WireItems.ninjs("urn:small:" + n).headline(headline)
                // Each small story its own text: the same text again would be a near-duplicate of the first.
                .body("Small story number " + n + " still gets through after a large one.").from("small").at(T0).bytes(), T0, null));
        return headline;
    }

    /** A ninjs story of about {@code size} bytes of HTML paragraphs. */
    private static RawItems.Captured bigStory(String uri, int size) {
        StringBuilder html = new StringBuilder(size + 100);
        Random r = new Random(size);
        while (html.length() < size - 400) {
            html.append("<p>");
            for (int w = 0; w < 40; w++) {
                html.append((char) ('a' + r.nextInt(26))).append("ord").append(r.nextInt(1000)).append(' ');
            }
            html.append("</p>\n");
        }
        byte[] bytes = WireItems.ninjs(uri).headline("Big story of " + size + " bytes").bodyHtml(html.toString())
                .from("big").at(T0).bytes();
        return RawItems.of("big", "ninjs", uri, "test", bytes, T0, null);
    }

    private static byte[] binary(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        b[0] = (byte) 0x89; // a PNG signature: binary by content
        b[1] = 'P';
        b[2] = 'N';
        b[3] = 'G';
        return b;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> decode(List<ConsumerRecord<String, byte[]>> records,
                                                                                        AvroSerde<T> serde) {
        return records.stream().map(r -> serde.decode(r.value())).toList();
    }
}
