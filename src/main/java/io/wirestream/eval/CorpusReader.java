package io.wirestream.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a story corpus: JSON Lines, one {@link CorpusStory} per non-blank line, in file order (which
 * is the arrival order the evaluation replays).
 *
 * <p>Lines are parsed one at a time, so a 10,000-story corpus is never held as text. Blank lines are
 * skipped (editors leave a trailing one). Any other bad line fails the read with a
 * {@link CorpusFormatException} naming file and line, rather than skipping it: a silently shorter
 * corpus would give plausible but wrong scores. Unknown fields are ignored, so corpora may carry
 * extra labels.
 */
public final class CorpusReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusReader() {
    }

    /** All stories of a corpus file, in file order. */
    public static List<CorpusStory> readAll(Path file) {
        try (Stream<CorpusStory> s = stream(file)) {
            return s.toList();
        }
    }

    /**
     * A lazy stream over a corpus file. The stream holds the file open: close it (try-with-resources).
     * I/O errors surface as {@link UncheckedIOException}, bad lines as {@link CorpusFormatException}.
     */
    public static Stream<CorpusStory> stream(Path file) {
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open corpus " + file, e);
        }
        return stream(reader, file.toString());
    }

    /** A lazy stream over corpus text from any reader; closing the stream closes the reader. */
    public static Stream<CorpusStory> stream(Reader in, String name) {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        Iterator<CorpusStory> it = new LineIterator(reader, name);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * Parses one corpus line.
     *
     * @param text the JSON object text
     * @param name file name for error messages
     * @param line 1-based line number for error messages, kept in {@link CorpusStory#line()}
     */
    public static CorpusStory parseLine(String text, String name, long line) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CorpusFormatException(name, line, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new CorpusFormatException(name, line, "expected a JSON object", null);
        }
        String id = text(node, "id", name, line);
        if (id == null || id.isBlank()) {
            throw new CorpusFormatException(name, line, "missing \"id\"", null);
        }
        return new CorpusStory(
                line,
                id,
                text(node, "source", name, line),
                time(node, "published", name, line),
                text(node, "headline", name, line),
                text(node, "body", name, line),
                list(node, "topics", name, line),
                list(node, "countries", name, line),
                text(node, "story", name, line));
    }

    private static String text(JsonNode node, String field, String name, long line) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        // Numbers are accepted as text: some corpora use numeric ids or story ids.
        if (!v.isValueNode() || v.isBoolean()) {
            throw new CorpusFormatException(name, line, "\"" + field + "\" must be a string, got " + v.getNodeType(), null);
        }
        return v.asText();
    }

    private static List<String> list(JsonNode node, String field, String name, long line) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new CorpusFormatException(name, line, "\"" + field + "\" must be an array of strings", null);
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new CorpusFormatException(name, line, "\"" + field + "\" must be an array of strings", null);
            }
            out.add(e.asText());
        }
        return out;
    }

    private static Instant time(JsonNode node, String field, String name, long line) {
        String s = text(node, field, name, line);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                // ISO-8601 with an offset other than Z, e.g. +00:00.
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                throw new CorpusFormatException(name, line, "\"" + field + "\" is not an ISO-8601 time: " + s, e2);
            }
        }
    }

    /** Reads ahead one story at a time, skipping blank lines, counting lines for messages. */
    private static final class LineIterator implements Iterator<CorpusStory> {
        private final BufferedReader reader;
        private final String name;
        private long lineNo;
        private CorpusStory next;
        private boolean done;

        LineIterator(BufferedReader reader, String name) {
            this.reader = reader;
            this.name = name;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                String text;
                try {
                    text = reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + name + " after line " + lineNo, e);
                }
                if (text == null) {
                    done = true;
                    break;
                }
                lineNo++;
                if (lineNo == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1); // a byte-order mark is not JSON
                }
                if (!text.isBlank()) {
                    next = parseLine(text, name, lineNo);
                }
            }
            return next != null;
        }

        @Override
        public CorpusStory next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CorpusStory s = next;
            next = null;
            return s;
        }
    }
}
