package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.RawWireItem;
import io.wirestream.formats.ParseContext;
import io.wirestream.formats.ParserRegistry;
import io.wirestream.formats.WireParseException;
import io.wirestream.serde.AvroSerde;
import io.wirestream.serde.RawWireItemSerde;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import io.wirestream.topology.WirestreamTopology;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The truncation rule: producers cut items over max.item.bytes to a preview, the parse stage dead-letters them. */
class OversizedItemTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final int LIMIT = 100 * 1024;

    @Test
    void readBoundedKeepsSmallItemsWholeAndCutsLargeOnesToAPreview() throws Exception {
        byte[] atLimit = filled(LIMIT);
        RawItems.Bounded whole = RawItems.readBounded(new ByteArrayInputStream(atLimit), LIMIT);
        assertThat(whole.truncated()).isFalse();
        assertThat(whole.originalSize()).isEqualTo(-1);
        assertThat(whole.payload()).isEqualTo(atLimit);

        byte[] over = filled(LIMIT + 1);
        RawItems.Bounded cut = RawItems.readBounded(new ByteArrayInputStream(over), LIMIT);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.originalSize()).isEqualTo(LIMIT + 1);
        assertThat(cut.payload()).isEqualTo(Arrays.copyOf(over, RawItems.PREVIEW_BYTES));
    }

    @Test
    void limitedCutsCapturedItemsOnceAndLeavesSmallOnesAlone() {
        RawItems.Captured small = RawItems.of("pti", "auto", "a", "test", filled(10), T0, null);
        assertThat(RawItems.limited(small, LIMIT)).isSameAs(small);

        RawItems.Captured big = RawItems.of("pti", "nitf", "b", "test", filled(LIMIT * 3), T0, null);
        RawItems.Captured cut = RawItems.limited(big, LIMIT);
        assertThat(cut.key()).isEqualTo("pti:b");
        assertThat(cut.item().getOriginalSize()).isEqualTo(LIMIT * 3L);
        assertThat(cut.item().getPayload().remaining()).isEqualTo(RawItems.PREVIEW_BYTES);
        assertThat(cut.item().getFormat()).isEqualTo("nitf");
        assertThat(RawItems.limited(cut, LIMIT)).isSameAs(cut);
    }

    @Test
    void fromFileReadsOnlyThePreviewOfAnOversizedFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("huge.xml");
        Files.write(f, filled(LIMIT + 5000));
        RawItems.Captured c = RawItems.fromFile(f, "afp", "auto", T0, LIMIT);
        assertThat(c.item().getOriginalSize()).isEqualTo(LIMIT + 5000L);
        assertThat(c.item().getPayload().remaining()).isEqualTo(RawItems.PREVIEW_BYTES);
        assertThat(c.item().getOrigin()).startsWith("file:");
    }

    @Test
    void registryRefusesATruncatedItemWithItsRealSize() {
        byte[] preview = "{\"uri\":\"urn:x\",\"headline\":\"cut".getBytes(StandardCharsets.UTF_8);
        ParserRegistry registry = ParserRegistry.standard(LIMIT);
        assertThatThrownBy(() -> registry.parse(preview, 52_428_800L, "auto", ParseContext.of("ap", T0)))
                .isInstanceOf(WireParseException.class)
                .hasMessage("oversized item: 52428800 bytes exceeds the limit of " + LIMIT);
        // The producer had a smaller limit than this stage: still refused, and the reason says why.
        assertThatThrownBy(() -> registry.parse(preview, 2000L, "auto", ParseContext.of("ap", T0)))
                .hasMessageStartingWith("oversized item: 2000 bytes exceeded the producer's limit");
    }

    @Test
    void topologyDeadLettersATruncatedItemAndKeepsThePreview() {
        try (TopologyHarness t = new TopologyHarness(new WirestreamTopology.Settings(Duration.ofDays(7), LIMIT))) {
            RawItems.Captured big = RawItems.limited(
                    RawItems.of("ap", "ninjs", "big", "test", WireItems.ninjs("urn:big").body("x".repeat(LIMIT * 2)).bytes(), T0, null),
                    LIMIT);
            t.send(big.key(), big.item());
            assertThat(t.enrichedSeen).isEmpty();
            assertThat(t.deadLettersSeen).hasSize(1);
            DeadLetter d = t.deadLettersSeen.get(0);
            assertThat(d.getReason()).isEqualTo("oversized item: " + big.item().getOriginalSize() + " bytes exceeds the limit of " + LIMIT);
            assertThat(d.getPayload().remaining()).isEqualTo(RawItems.PREVIEW_BYTES);
        }
    }

    @Test
    void rawItemsWrittenWithTheSchemaBeforeOriginalSizeStillDecode() throws Exception {
        Schema v1 = AvroSerde.historicSchema("/avro-history/RawWireItem-v1.avsc");
        GenericRecord old = new GenericData.Record(v1);
        old.put("itemId", "old-1");
        old.put("source", "reuters");
        old.put("format", "ninjs");
        old.put("receivedAt", T0.toEpochMilli());
        old.put("origin", "stdin");
        old.put("contentType", null);
        old.put("payload", ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)));
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        RawWireItem read = new RawWireItemSerde().deserializer().deserialize("wire.raw", bytes);
        assertThat(read.getItemId()).isEqualTo("old-1");
        assertThat(read.getSource()).isEqualTo("reuters");
        assertThat(read.getOriginalSize()).isEqualTo(-1);
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'a');
        return b;
    }
}
