package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Items saved as UTF-16 with a byte-order mark parse as the UTF-8 they mean; without the mark they stay binary. */
class Utf16Test {

    private static final ParserRegistry REGISTRY = ParserRegistry.standard();
    private static final ParseContext CONTEXT = ParseContext.of("acme", Instant.parse("2026-01-02T00:00:00Z"));

    private static final String NITF = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><nitf><head><docdata><doc-id id-string=\"acme-1\"/>"
            + "</docdata></head><body><body.head><hedline><hl1>Zürich trams run again after the storm</hl1></hedline></body.head>"
            + "<body.content><p>ZÜRICH (Acme) - Trams ran again on Tuesday, the city’s transport office said.</p></body.content></body></nitf>";
    private static final String NINJS = "{\"uri\":\"urn:acme:1\",\"headline\":\"Zürich trams run again after the storm\","
            + "\"body_text\":\"ZÜRICH (Acme) - Trams ran again on Tuesday, the city’s transport office said.\"}";
    private static final String PLAIN = "Zürich trams run again after the storm\n\n"
            + "ZÜRICH (Acme) - Trams ran again on Tuesday, the city’s transport office said.\n";

    private static byte[] withBom(String text, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bom = cs == StandardCharsets.UTF_16BE ? new byte[] {(byte) 0xFE, (byte) 0xFF} : new byte[] {(byte) 0xFF, (byte) 0xFE};
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(cs));
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void nitfNinjsAndPlainTextInUtf16ParseAsTheirUtf8(String charset) throws Exception {
        Charset cs = Charset.forName(charset);
        for (String item : List.of(NITF, NINJS, PLAIN)) {
            List<ParsedStory> stories = REGISTRY.parse(withBom(item, cs), "auto", CONTEXT);
            assertThat(stories).as(item.substring(0, 12)).singleElement().satisfies(s -> {
                assertThat(s.headline()).isEqualTo("Zürich trams run again after the storm");
                assertThat(String.join(" ", s.body())).contains("the city’s transport office said.");
            });
            List<ParsedStory> same = REGISTRY.parse(item.replace("UTF-16", "UTF-8").getBytes(StandardCharsets.UTF_8), "auto", CONTEXT);
            assertThat(stories.get(0).headline()).isEqualTo(same.get(0).headline());
            assertThat(stories.get(0).body()).isEqualTo(same.get(0).body());
        }
    }

    @Test
    void aDeclaredUtf16CharsetFollowsTheBytes() throws Exception {
        // the byte-order mark outranks any label: a feed that says windows-1252 or UTF-16 sent UTF-16 all the same
        for (String type : List.of("text/plain; charset=UTF-16", "text/plain; charset=windows-1252")) {
            ParseContext declared = new ParseContext("acme", type, CONTEXT.receivedAt(), null);
            assertThat(REGISTRY.parse(withBom(PLAIN, StandardCharsets.UTF_16LE), "auto", declared)).as(type)
                    .singleElement().satisfies(s -> assertThat(s.headline()).isEqualTo("Zürich trams run again after the storm"));
        }
        String latin1Declared = NITF.replace("encoding=\"UTF-16\"", "encoding=\"ISO-8859-1\"");
        assertThat(REGISTRY.parse(withBom(latin1Declared, StandardCharsets.UTF_16LE), "auto", CONTEXT))
                .singleElement().satisfies(s -> assertThat(s.headline()).isEqualTo("Zürich trams run again after the storm"));
    }

    @Test
    void withoutAMarkOrWithABrokenTailUtf16IsADeadLetterWithItsReason() {
        assertThatThrownBy(() -> REGISTRY.parse(NINJS.getBytes(StandardCharsets.UTF_16LE), "auto", CONTEXT))
                .isInstanceOf(WireParseException.class).hasMessageContaining("binary");
        byte[] odd = withBom(NINJS, StandardCharsets.UTF_16LE);
        byte[] cut = Arrays.copyOf(odd, odd.length - 1);
        assertThatThrownBy(() -> REGISTRY.parse(cut, "auto", CONTEXT))
                .isInstanceOf(WireParseException.class).hasMessageContaining("invalid UTF-16");
    }
}
