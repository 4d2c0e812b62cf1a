package io.wirestream.ingest;

import io.wirestream.avro.RawWireItem;
import io.wirestream.formats.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds raw items from what producers capture, and applies the one rule every producer shares:
 * an item over max.item.bytes is not sent whole (the broker would refuse it, or it would cost memory
 * and bandwidth only to be refused by the parse stage), but cut to a {@value #PREVIEW_BYTES}-byte
 * preview with {@code originalSize} set, so it still reaches wire.dlq with its reason and nothing is
 * lost without a trace.
 */
public final class RawItems {

    /** How much of an oversized item is kept for an operator to look at. */
    public static final int PREVIEW_BYTES = 64 * 1024;

    private RawItems() {
    }

    /** Bytes read with a size limit: the whole item, or a preview and the item's real size. */
    public record Bounded(byte[] payload, long originalSize) {
        public boolean truncated() {
            return originalSize >= 0;
        }
    }

    /** A captured item: its record key (source:itemId) and value. */
    public record Captured(String key, RawWireItem item) {
    }

    public static Captured of(String source, String format, String itemId, String origin, byte[] payload, Instant receivedAt,
                              String contentType) {
        RawWireItem item = RawWireItem.newBuilder()
                .setItemId(itemId)
                .setSource(source)
                .setFormat(format == null ? WireFormat.AUTO : format)
                .setReceivedAt(receivedAt)
                .setOrigin(origin)
                .setContentType(contentType)
                .setPayload(ByteBuffer.wrap(payload))
                .build();
        return new Captured(source + ":" + itemId, item);
    }

    /**
     * A file read with the size limit: a file over {@code maxItemBytes} is not read whole, only its
     * first {@value #PREVIEW_BYTES} bytes (see the class comment).
     */
    public static Captured fromFile(Path file, String source, String format, Instant receivedAt, int maxItemBytes)
            throws IOException {
        return fromFile(file, file.getFileName().toString(), source, format, receivedAt, maxItemBytes);
    }

    /** The same under a given item id (see {@link #itemsUnder}). */
    public static Captured fromFile(Path file, String itemId, String source, String format, Instant receivedAt, int maxItemBytes)
            throws IOException {
        Bounded b;
        try (InputStream in = Files.newInputStream(file)) {
            b = readBounded(in, maxItemBytes);
        }
        Captured c = of(source, format, itemId, "file:" + file.toAbsolutePath(), b.payload(), receivedAt, null);
        c.item().setOriginalSize(b.originalSize());
        return c;
    }

    /**
     * Reads a stream to its end, keeping it whole when it is at most {@code maxItemBytes}; otherwise
     * keeping the first {@value #PREVIEW_BYTES} bytes and counting the rest (memory stays bounded
     * whatever the size).
     */
    public static Bounded readBounded(InputStream in, int maxItemBytes) throws IOException {
        byte[] head = in.readNBytes(maxItemBytes);
        int next = in.read();
        if (next < 0) {
            return new Bounded(head, -1);
        }
        long size = head.length + 1L;
        byte[] skip = new byte[64 * 1024];
        for (int n; (n = in.read(skip)) > 0; ) {
            size += n;
        }
        return new Bounded(Arrays.copyOf(head, Math.min(head.length, PREVIEW_BYTES)), size);
    }

    /**
     * The same item cut to a preview with {@code originalSize} set when its payload is over the
     * limit; the item itself when it is not (or was cut already).
     */
    public static Captured limited(Captured c, int maxItemBytes) {
        RawWireItem item = c.item();
        int size = item.getPayload().remaining();
        if (size <= maxItemBytes || item.getOriginalSize() >= 0) {
            return c;
        }
        ByteBuffer preview = item.getPayload().duplicate();
        preview.limit(preview.position() + Math.min(size, PREVIEW_BYTES));
        byte[] bytes = new byte[preview.remaining()];
        preview.get(bytes);
        RawWireItem cut = RawWireItem.newBuilder(item).setPayload(ByteBuffer.wrap(bytes)).setOriginalSize(size).build();
        return new Captured(c.key(), cut);
    }

    public static Captured fromFile(Path file, String source, String format, Instant receivedAt) throws IOException {
        return fromFile(file, file.getFileName().toString(), source, format, receivedAt);
    }

    public static Captured fromFile(Path file, String itemId, String source, String format, Instant receivedAt) throws IOException {
        return of(source, format, itemId, "file:" + file.toAbsolutePath(), Files.readAllBytes(file), receivedAt, null);
    }

    /**
     * The regular, non-hidden files of a path (a file itself, or a folder walked recursively), in name
     * order. Nothing under a hidden folder either: a folder of wire files may be a git checkout or an
     * editor's, and .git/objects is no copy.
     */
    public static List<Path> filesUnder(Path path) throws IOException {
        return itemsUnder(path).stream().map(FileItem::file).toList();
    }

    /** A file found under a path and the item id it is published under. */
    public record FileItem(Path file, String itemId) {
    }

    /**
     * The files of {@link #filesUnder} with their item ids: a file given itself is its name; a file
     * found in a folder is its path below that folder ("a/story.txt"). Two files of one name in two
     * subfolders are two items: under the name alone they shared a key, and where the story key comes
     * from the item id (plain text) the second story became an UPDATE replacing the first.
     */
    public static List<FileItem> itemsUnder(Path path) throws IOException {
        List<FileItem> out = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            out.add(new FileItem(path, path.getFileName().toString()));
            return out;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !hiddenBelow(path, p))
                    .sorted()
                    .forEach(p -> out.add(new FileItem(p, itemId(path.relativize(p)))));
        }
        return out;
    }

    private static boolean hiddenBelow(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String itemId(Path relative) {
        StringBuilder b = new StringBuilder();
        for (Path part : relative) {
            b.append(b.length() == 0 ? "" : "/").append(part);
        }
        return b.toString();
    }
}
