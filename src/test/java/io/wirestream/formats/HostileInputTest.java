package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirestream.avro.Signal;
import io.wirestream.testing.TopologyHarness;
import io.wirestream.testing.WireItems;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs a hostile or broken producer can send, found by a review that built 163 of them: each must
 * become stories or one dead letter with its reason, in a bounded time, and never cost the stream
 * thread (an overflow downstream, a stack overflow, minutes of regex backtracking on one record).
 * The time limits are generous guards against the quadratic cases (seconds against the minutes
 * they took), not measurements.
 */
class HostileInputTest {

    private static final ParseContext CONTEXT = ParseContext.of("hostile", Instant.parse("2026-01-02T00:00:00Z"));
    private static final ParserRegistry REGISTRY = ParserRegistry.standard();
    private static final Duration GUARD = Duration.ofSeconds(20);

    private static List<ParsedStory> parse(String text) throws WireParseException {
        return REGISTRY.parse(text.getBytes(StandardCharsets.UTF_8), "auto", CONTEXT);
    }

    private static String ninjs(String fields) {
        return "{\"uri\":\"urn:h:1\",\"headline\":\"Storm hits coast\",\"body_text\":\"BERLIN (dpa) - A storm hit the coast.\"" + fields + "}";
    }

    @Test
    void aTimeNoNewsWasWrittenInIsNoTime() throws Exception {
        // year 999999999 parses as an ISO instant, but its milliseconds overflow every time computed downstream
        for (String t : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z")) {
            ParsedStory s = parse(ninjs(",\"versioncreated\":\"" + t + "\",\"embargoed\":\"" + t + "\"")).get(0);
            assertThat(s.versionCreated()).as(t).isNull();
            // an embargo so far ahead holds (until 2200); one so far back has lifted
            assertThat(s.embargoedUntil()).as(t).isEqualTo(t.startsWith("+") ? Instant.parse("2200-01-01T00:00:00Z") : null);
            try (TopologyHarness pipeline = new TopologyHarness()) {
                // through the topology: the story reaches stories.enriched (the overflow was in its serialisation)
                pipeline.send("h:" + t, WireItems.raw("hostile", "auto",
                        ninjs(",\"versioncreated\":\"" + t + "\"").getBytes(StandardCharsets.UTF_8), CONTEXT.receivedAt()));
                assertThat(pipeline.enrichedSeen).as(t).hasSize(1);
            }
        }
        assertThat(parse(ninjs(",\"versioncreated\":\"2026-01-02T10:00:00Z\"")).get(0).versionCreated())
                .isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
    }

    @Test
    void aHeadlineOfAMegabyteIsCutAndAnInvisibleOneIsNoHeadline() throws Exception {
        String huge = "Storm hits the coast ".repeat(50_000);
        ParsedStory s = assertTimeoutPreemptively(GUARD, () -> parse(ninjs(",\"headline\":\"" + huge + "\"").replaceFirst(
                "\"headline\":\"Storm hits coast\",", "")).get(0));
        assertThat(s.headline()).hasSizeLessThanOrEqualTo(StoryCleanup.MAX_HEADLINE + 4).startsWith("Storm hits the coast Storm").endsWith(" ...");
        // zero-width spaces and joiners only: the wire sent no headline, so one is derived from the text and marked
        for (String invisible : List.of("\u200B\u200B", "\u2060 \uFEFF", "\u200D")) {
            ParsedStory n = parse(ninjs(",\"headline\":\"" + invisible + "\"").replaceFirst("\"headline\":\"Storm hits coast\",", "")).get(0);
            assertThat(n.headline()).as(invisible).isEqualTo("A storm hit the coast.");
            assertThat(n.signals()).as(invisible).contains(Signal.NO_HEADLINE);
            ParsedStory plain = parse(invisible + "\n\nBERLIN (dpa) - A storm hit the coast. Ports closed.\n").get(0);
            assertThat(plain.headline()).as(invisible).isEqualTo("A storm hit the coast.");
        }
        // a joiner inside a real headline is text (Persian and Indic scripts need it)
        assertThat(parse(ninjs("").replace("Storm hits coast", "می\u200Cخواهد")).get(0).headline()).isEqualTo("می\u200Cخواهد");
    }

    @Test
    void anEmbargoUntilFurtherNoticeHoldsAndAPaddedFileStillParses() throws Exception {
        // 9999-12-31 is the embargo that waits for a release: it must hold, not lift at once
        assertThat(parse(ninjs(",\"embargoed\":\"9999-12-31T23:59:59Z\"")).get(0).embargoedUntil())
                .isEqualTo(Instant.parse("2200-01-01T00:00:00Z"));
        // old transports pad a file after its JSON (^Z, EOT, blank lines): padding is no second document
        assertThat(parse(ninjs("") + "\u001a\u0004\r\n\r\n")).hasSize(1);
    }

    @Test
    void oneHostileItemCostsItselfNotItsSiblings() throws Exception {
        String deep = "<div>".repeat(300) + "<p>x</p>" + "</div>".repeat(300);
        String envelope = "{\"items\":[{\"uri\":\"urn:x:good\",\"headline\":\"Storm hits coast\",\"body_text\":\"A storm hit.\"},"
                + "{\"uri\":\"urn:x:deep\",\"headline\":\"h\",\"body_html\":\"" + deep + "\"}]}";
        assertThat(parse(envelope)).extracting(ParsedStory::uri).containsExactly("urn:x:good");
    }

    @Test
    void aLongItemIdIsReadInLinearTime() {
        String id = "a".repeat(200_000);
        String nitf = "<?xml version=\"1.0\"?><nitf><head><title>t</title><docdata><doc-id id-string=\"" + id + "\"/></docdata></head>"
                + "<body><body.head><hedline><hl1>Storm hits coast</hl1></hedline></body.head><body.content><p>BERLIN (dpa) - A storm "
                + "hit the coast.</p></body.content></body></nitf>";
        assertTimeoutPreemptively(GUARD, () -> assertThat(parse(nitf)).hasSize(1));
    }

    @Test
    void manyUnclosedEscapedCommentsAreLeftAsTheyAre() {
        assertThat(StoryCleanup.withoutEscapedComments("a <!-- note --> b <!-- c --> d")).isEqualTo("a  b  d");
        assertThat(StoryCleanup.withoutEscapedComments("a <!-- open")).isEqualTo("a <!-- open");
        assertThat(StoryCleanup.withoutEscapedComments("--> a <!-- b --> c")).isEqualTo("--> a  c");
        String text = "Storm hits coast\n\nBERLIN (dpa) - " + "<!--".repeat(100_000) + " text.";
        assertTimeoutPreemptively(GUARD, () -> assertThat(parse(text)).hasSize(1));
    }

    @Test
    void aLongLastLineOfSlashesIsNoSignOffAndNoStackOverflow() throws Exception {
        String text = "Storm hits coast\n\nBERLIN (dpa) - A storm hit the coast.\n\n/ AAP" + " / ab".repeat(3_000);
        List<ParsedStory> stories = parse(text);
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).body()).hasSize(2);
    }

    @Test
    void xmlNestedHundredsDeepIsRefusedWithItsReason() {
        String nitf = "<?xml version=\"1.0\"?><nitf><head><title>t</title></head><body><body.head><hedline><hl1>x</hl1></hedline>"
                + "</body.head><body.content><p>BERLIN (dpa) - " + "<em>".repeat(5_000) + "b" + "</em>".repeat(5_000)
                + ".</p></body.content></body></nitf>";
        assertThatThrownBy(() -> parse(nitf)).isInstanceOf(WireParseException.class).hasMessageContaining("maxElementDepth");
    }

    @Test
    void htmlNestedHundredsDeepIsRefusedWithItsReason() {
        String html = "<div>".repeat(100_000) + "<p>x</p>" + "</div>".repeat(100_000);
        String item = "{\"uri\":\"urn:h:2\",\"headline\":\"h\",\"body_html\":\"" + html + "\"}";
        assertTimeoutPreemptively(GUARD, () -> assertThatThrownBy(() -> parse(item)).isInstanceOf(WireInputRefused.class)
                .hasMessageContaining("nests elements 100"));
    }

    @Test
    void anItemOfMoreStoriesThanOneRecordShouldCarryIsRefused() {
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i <= ParserRegistry.MAX_STORIES_PER_ITEM; i++) {
            items.append(i == 0 ? "" : ",").append("{\"uri\":\"urn:x:").append(i).append("\",\"headline\":\"Item ").append(i)
                    .append("\",\"body_text\":\"Text ").append(i).append(".\"}");
        }
        String envelope = items.append("]}").toString();
        assertThatThrownBy(() -> parse(envelope)).isInstanceOf(WireParseException.class)
                .hasMessageContaining("more than " + ParserRegistry.MAX_STORIES_PER_ITEM);
    }

    @Test
    void twoJsonDocumentsRunTogetherAreADeadLetterNotTheFirstAlone() {
        assertThatThrownBy(() -> parse(ninjs("") + " {\"uri\":\"urn:h:second\"} garbage")).isInstanceOf(WireParseException.class);
    }

    @Test
    void manySubjectsAreKeptOnceEach() {
        StringBuilder subjects = new StringBuilder(",\"subject\":[");
        for (int i = 0; i < 20_000; i++) {
            subjects.append(i == 0 ? "" : ",").append("{\"code\":\"medtop:").append(String.format("%08d", i % 10_000))
                    .append("\",\"name\":\"s\"}");
        }
        String item = ninjs(subjects.append("]").toString());
        assertTimeoutPreemptively(GUARD, () -> assertThat(parse(item).get(0).subjects()).hasSize(10_000));
    }

    @Test
    void signalsComeOutInOneOrderWhateverOrderTheyWereRead() {
        // Set.copyOf iterated in an order that changed from one JVM run to the next: identical input, different output
        ParsedStory s = ParsedStory.builder(WireFormat.NINJS).uri("urn:h:signals").headline("Storm hits coast")
                .body(List.of("A storm hit the coast.")).signal(io.wirestream.avro.Signal.EMBARGO)
                .signal(io.wirestream.avro.Signal.FLASH).signal(io.wirestream.avro.Signal.UPDATE).build();
        assertThat(s.signals()).containsExactly(io.wirestream.avro.Signal.UPDATE, io.wirestream.avro.Signal.EMBARGO,
                io.wirestream.avro.Signal.FLASH);
    }
}
