package io.wirestream.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a UTF-8 text resource shipped in the jar (a table, a model); a missing one is a build error. */
public final class BundledText {

    /** How a table is read from its lines. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(BufferedReader in) throws IOException;
    }

    private BundledText() {
    }

    public static <T> T read(String resource, Reader<T> reader) {
        try (InputStream in = BundledText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return reader.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
