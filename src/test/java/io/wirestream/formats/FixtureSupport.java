package io.wirestream.formats;

import io.wirestream.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Reads shared fixtures in place (never copied into the repo) and parses them. */
final class FixtureSupport {

    static final ParseContext CONTEXT = ParseContext.of("test", Instant.parse("2024-01-01T00:00:00Z"));
    /** Any C0 control except TAB/LF/CR, and DEL: wire framing must never reach story text. */
    static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private FixtureSupport() {
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(SharedData.fixture(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedStory one(WireParser parser, String relative) throws WireParseException {
        List<ParsedStory> stories = parser.parse(bytes(relative), CONTEXT);
        if (stories.size() != 1) {
            throw new AssertionError(relative + ": expected one story, got " + stories.size());
        }
        return stories.get(0);
    }

    /** Every text field of a story, for the no-control-characters checks. */
    static List<String> texts(ParsedStory s) {
        List<String> out = new java.util.ArrayList<>(s.body());
        for (String t : new String[] {s.headline(), s.description(), s.byline(), s.dateline(), s.datelinePlace(), s.slugline()}) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
