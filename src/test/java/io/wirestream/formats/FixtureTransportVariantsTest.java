package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What file transfer and editors' tools do to a wire file must not change what is read from it: a UTF-8 byte-order
 * mark (Windows tools), CRLF line ends (or LF where the file has CRLF), blank lines before the content (feed scripts
 * that print a newline before their XML declaration) and after it; a JSON file minified, pretty-printed or with its
 * keys in another order. Every shared fixture that parses must give the same stories in each variant. Found by this
 * test: IPTC 7901 and ANPA copy behind a byte-order mark was read as plain text, XML with a blank line before its
 * declaration was a dead letter, AFP's UTF-8 declared as ISO-8859-1 was garbled behind a byte-order mark, and ninjs
 * whose identifying keys come after its body was not recognised.
 */
class FixtureTransportVariantsTest {

    static Stream<Path> fixtures() throws Exception {
        Path root = SharedData.fixture(".");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> all = files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList();
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyVariantReadsTheSame(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        List<ParsedStory> expected = parse(original, file);
        if (expected == null) {
            return; // a dead letter as it is (pictures, packages, fragments): WireFixturesConformanceTest pins those
        }
        for (Map.Entry<String, byte[]> v : variants(original).entrySet()) {
            List<ParsedStory> got = parse(v.getValue(), file);
            assertThat(got).as("%s with %s", file.getFileName(), v.getKey()).isNotNull();
            assertThat(comparable(got)).as("%s with %s", file.getFileName(), v.getKey()).isEqualTo(comparable(expected));
        }
    }

    private static List<ParsedStory> parse(byte[] payload, Path file) {
        try {
            return ParserRegistry.standard().parse(payload, "auto",
                    new ParseContext("test", null, FixtureSupport.CONTEXT.receivedAt(), file.getFileName().toString()));
        } catch (WireParseException e) {
            return null;
        }
    }

    /** The stories with their HTML's line ends made alike: markup keeps the file's line ends, which means nothing. */
    private static List<ParsedStory> comparable(List<ParsedStory> stories) {
        List<ParsedStory> out = new ArrayList<>();
        for (ParsedStory s : stories) {
            String html = s.bodyHtml() == null ? null : s.bodyHtml().replace("\r\n", "\n");
            out.add(new ParsedStory(s.format(), s.uri(), s.storyKey(), s.version(), s.versionCreated(), s.firstCreated(),
                    s.pubStatus(), s.urgency(), s.priority(), s.headline(), s.description(), s.body(), html, s.byline(),
                    s.dateline(), s.datelinePlace(), s.slugline(), s.subjects(), s.places(), s.language(), s.signals(),
                    s.agency(), s.provider(), s.embargoedUntil(), s.edNote(), s.versionCreatedFrom(), s.slugKey(),
                    s.providerSequence()));
        }
        return out;
    }

    private static Map<String, byte[]> variants(byte[] b) {
        Map<String, byte[]> v = new LinkedHashMap<>();
        if (Utf16.hasBom(b)) {
            return v; // already a transfer variant, read by Utf16Test
        }
        boolean bom = b.length > 2 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
        String s = new String(b, StandardCharsets.ISO_8859_1); // byte for byte
        if (!bom) {
            v.put("a UTF-8 byte-order mark", latin1("\u00EF\u00BB\u00BF" + s));
        }
        v.put(s.contains("\r\n") ? "LF line ends" : "CRLF line ends", latin1(s.contains("\r\n") ? s.replace("\r\n", "\n") : s.replace("\n", "\r\n")));
        if (!bom) {
            v.put("blank lines before", latin1("\r\n\r\n" + s));
        }
        v.put("blank lines after", latin1(s + "\r\n\r\n"));
        if (s.stripLeading().startsWith("{")) {
            try {
                JsonNode json = JSON.readTree(b);
                v.put("its JSON minified", JSON.writeValueAsBytes(json));
                v.put("its JSON pretty-printed", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
                v.put("its JSON keys in reverse order", JSON.writeValueAsBytes(reversed(json)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return v;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The same JSON with every object's keys in reverse order: JSON gives key order no meaning. */
    private static JsonNode reversed(JsonNode n) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            java.util.Collections.reverse(names);
            ObjectNode o = JSON.createObjectNode();
            names.forEach(k -> o.set(k, reversed(n.get(k))));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JSON.createArrayNode();
            n.forEach(x -> a.add(reversed(x)));
            return a;
        }
        return n;
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
