package io.wirestream.ingest;

import io.wirestream.avro.RawWireItem;
import io.wirestream.formats.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds raw items from what producers capture. */
public final class RawItems {

    private RawItems() {
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

    public static Captured fromFile(Path file, String source, String format, Instant receivedAt) throws IOException {
        return of(source, format, file.getFileName().toString(), "file:" + file.toAbsolutePath(), Files.readAllBytes(file),
                receivedAt, null);
    }

    /** The regular, non-hidden files of a path (a file itself, or a folder walked recursively), in name order. */
    public static List<Path> filesUnder(Path path) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            out.add(path);
            return out;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }
}
