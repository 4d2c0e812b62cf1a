package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Signal;
import io.wirestream.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The issue 8 rules over every real fixture in ../shared (read in place, skipped when absent): what
 * no story may carry whatever the agency, and the fixtures that show a class.
 */
class WireFidelityFixturesTest {

    private static final Pattern UNSAFE_HTML = Pattern.compile("(?i)<(?:script|style|iframe|object|embed)\\b|\\son[a-z]+\\s*=");
    private static final Pattern NITF_INLINE = Pattern.compile("(?i)<(?:chron|location|money|person|org|num|classifier)\\b");
    private static final Pattern FORMAT_CODES = Pattern.compile("\\*\\d{3,5}<|\\^|<$");
    private static final Pattern SIGN_OFF = Pattern.compile("(?i)^(?:AAP [a-z]{2,4}(?:/[a-z]{2,4})*|\\(?ends?\\)?)$");

    @Test
    void noFixtureStoryCarriesUnsafeHtmlCodesOrSignOffs() throws Exception {
        Path root = SharedData.fixture(".");
        List<String> problems = new ArrayList<>();
        int stories = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("taxonomy"))
                    .filter(f -> !f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                List<ParsedStory> parsed;
                try {
                    parsed = ParserRegistry.standard().parse(Files.readAllBytes(p), "auto",
                            ParseContext.of("fixture", Instant.parse("2024-01-01T00:00:00Z")));
                } catch (WireParseException e) {
                    continue; // accounted for by the conformance tests
                }
                for (ParsedStory s : parsed) {
                    stories++;
                    String name = root.relativize(p) + ": ";
                    if (s.bodyHtml() != null && (UNSAFE_HTML.matcher(s.bodyHtml()).find() || NITF_INLINE.matcher(s.bodyHtml()).find())) {
                        problems.add(name + "bodyHtml not sanitised");
                    }
                    if (FORMAT_CODES.matcher(s.headline()).find() || s.headline().startsWith("EXTRA")) {
                        problems.add(name + "headline carries codes: " + s.headline());
                    }
                    if (!s.body().isEmpty() && SIGN_OFF.matcher(s.body().get(s.body().size() - 1)).matches()) {
                        problems.add(name + "sign-off left in: " + s.body().get(s.body().size() - 1));
                    }
                    if (s.datelinePlace() != null && s.datelinePlace().matches("(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d.*")) {
                        problems.add(name + "a date as dateline place: " + s.datelinePlace());
                    }
                }
            }
        }
        assertThat(stories).as("stories from ../shared/fixtures").isGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    /** STT sends an item without a headline (stt_newsml_test_no_hl.xml): the headline is derived, and says so. */
    @Test
    void sttItemWithoutHeadlineIsMarked() throws Exception {
        ParsedStory s = FixtureSupport.one(new NewsmlG2Parser(), "newsml-g2/stt_newsml_test_no_hl.xml");
        assertThat(s.signals()).contains(Signal.NO_HEADLINE);
        assertThat(s.headline()).isNotBlank();
    }
}
