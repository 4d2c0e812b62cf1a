package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to make regular expressions backtrack (found in review): each must be refused or
 * parsed promptly. The generous timeout is a guard against a thread stalled for hours on one record
 * (which under exactly-once would block its partition for good), not a speed figure.
 */
class HostileTextTest {

    private static final Duration GUARD = Duration.ofSeconds(20);
    private static final ParseContext CONTEXT = ParseContext.of("hostile", Instant.parse("2026-11-28T00:00:00Z"));

    @Test
    void anpaHeaderWithAHugeRunOfSpacesIsRefusedPromptly() {
        String wire = "\u0016\u0016\u0001a0001\u001Fsel\nu a\u0013\u0011 BC-X" + " ".repeat(200_000) + "y\n\u0002^h<\n\tbody\n\u0003\n\u0004";
        assertTimeoutPreemptively(GUARD, () -> assertThatThrownBy(() -> parse(wire, "anpa"))
                .isInstanceOf(WireParseException.class).hasMessageContaining("too long to be a real one"));
    }

    @Test
    void iptc7901HeaderWithAHugeRunOfSpacesIsRefusedPromptly() {
        String wire = "\u0001" + " ".repeat(400_000) + "!\u0002text\u0003\u0004";
        assertTimeoutPreemptively(GUARD, () -> assertThatThrownBy(() -> parse(wire, "iptc7901"))
                .isInstanceOf(WireParseException.class));
    }

    @Test
    void datelineOfParenthesesOrSpacesIsNotSearched() {
        assertTimeoutPreemptively(GUARD, () -> {
            assertThat(StoryFields.placeOfDateline("(".repeat(2_000_000))).isNull();
            assertThat(StoryFields.placeOfDateline("(x)" + " ".repeat(2_000_000))).isNull();
            assertThat(StoryFields.placeOfDateline("DAMASCUS (Reuters) -")).isEqualTo("Damascus");
        });
    }

    @Test
    void longPlainTextParagraphsParsePromptly() {
        String wire = "Headline\n" + "A".repeat(2_000_000) + "\n" + "Aaaa Bbbb Cccc Dddd ".repeat(100_000) + "(AP) _ x\n";
        assertTimeoutPreemptively(GUARD, () -> assertThat(parse(wire, "plain")).hasSize(1));
    }

    @Test
    void anpaLineWithALongRunOfEqualsSignsInsideParsesPromptly() {
        // "=" and "<" end ANPA lines; trimming them with "\\s*[<=]+\\s*$" was quadratic in a run that text follows
        String wire = "\u0016\u0016\u0001a0001\u001Fsel\nu a\u0013\u0011 BC-Table   01-02 0031\n\u0002^Baseball Standings<\n"
                + "\tNEW YORK (AP) _ The standings:\n\t" + "=".repeat(100_000) + " East\n\u0003AP-WF-01-02-24 1530GMT<\n\u0004";
        assertTimeoutPreemptively(GUARD, () -> assertThat(parse(wire, "anpa")).singleElement()
                .satisfies(s -> assertThat(String.join(" ", s.body())).contains("The standings:").endsWith("East")));
    }

    @Test
    void xmlParagraphWithFiftyThousandBlankLinesParses() {
        // a repeated group per blank line ("\\R(?:[ \\t]*\\R)+") overflowed the stack: a dead letter for good copy
        String wire = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><head><title>Ferry</title></head><body><body.head><hedline>"
                + "<hl1>Ferry service resumes</hl1></hedline></body.head><body.content><p>Ferry services resumed on Friday."
                + "\n \n".repeat(50_000) + "More boats will run next week.</p></body.content></body></nitf>";
        assertTimeoutPreemptively(GUARD, () -> assertThat(parse(wire, "nitf")).singleElement()
                .satisfies(s -> assertThat(s.body()).containsExactly("Ferry services resumed on Friday.", "More boats will run next week.")));
    }

    private static java.util.List<ParsedStory> parse(String text, String format) throws WireParseException {
        return ParserRegistry.standard(8 * 1024 * 1024)
                .parse(text.getBytes(StandardCharsets.ISO_8859_1), format, CONTEXT);
    }
}
