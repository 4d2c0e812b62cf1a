package io.wirestream.formats;

import io.wirestream.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/** Reads shared fixtures in place (never copied into the repo) and runs them through one parser. */
final class XmlTestSupport {

    static final ParseContext CONTEXT = new ParseContext("test-source", null, Instant.parse("2024-01-01T00:00:00Z"), null);

    private XmlTestSupport() {
    }

    static byte[] fixture(String relative) {
        try {
            return Files.readAllBytes(SharedData.fixture(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ParsedStory> parse(WireParser parser, String fixture) throws WireParseException {
        return parser.parse(fixture(fixture), CONTEXT);
    }

    static ParsedStory only(WireParser parser, String fixture) throws WireParseException {
        List<ParsedStory> stories = parse(parser, fixture);
        if (stories.size() != 1) {
            throw new AssertionError(fixture + ": expected one story, got " + stories.size());
        }
        return stories.get(0);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A fixture with some text replaced, for versions the fixture set lacks (built at test time, not stored). */
    static byte[] edited(String fixture, String... fromTo) {
        String s = new String(fixture(fixture), StandardCharsets.UTF_8);
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!s.contains(fromTo[i])) {
                throw new AssertionError(fixture + " no longer contains " + fromTo[i]);
            }
            s = s.replace(fromTo[i], fromTo[i + 1]);
        }
        return utf8(s);
    }
}
