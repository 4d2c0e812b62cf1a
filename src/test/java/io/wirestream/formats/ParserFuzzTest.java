package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import io.wirestream.avro.RawRef;
import io.wirestream.parse.CanonicalStories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based fuzzing of every wire parser (issue 9): a valid item of each format, damaged the
 * ways wires and scrapers damage copy (cut short, bytes flipped, a slice repeated or removed,
 * hostile or foreign fragments spliced in), must either become stories or be refused with a
 * {@link WireParseException} (a dead letter with a reason), and every story it gives must build
 * a canonical record. A {@link RuntimeException} would still be caught by the parse stage, but it
 * is a parser bug: this test finds it first.
 *
 * <p>The seeds are written here, one per format; the shared fixtures are added as seeds when
 * ../shared is present (they are never committed). A bounded number of tries per run keeps the build
 * fast; QuickTheories shrinks a failing input and prints its seed so it can be replayed.
 */
class ParserFuzzTest {

    private static final ParseContext CONTEXT = ParseContext.of("fuzz", Instant.parse("2026-01-02T00:00:00Z"));
    private static final ParserRegistry REGISTRY = ParserRegistry.standard();

    private static final List<String> SEEDS = List.of(
            // ANPA-1312
            "\u0016\u0016\u0001a0002\u001Fsel\nb a\u0013\u0011 BC-US--Storm   01-02 0031\n\u0002^BC-US--Storm,0031<\n^Storm hits coast<\n"
                    + "\tMIAMI (AP) _ A storm hit the coast on Friday, officials said.\n\u0003AP-WF-01-02-24 1530GMT<\n\u0004",
            // IPTC 7901
            "\u0001eca062 4 i 211 ccccb dpa 061\n\u0002Germany-politics/\nCoalition talks could fail\n"
                    + "Berlin (dpa) - Negotiations between the parties stalled on Friday.\nThe talks resume next week.\n\u0003131137 GMT Nov 13\n\u0004",
            // NITF
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><head><title>Ferry</title><docdata><doc-id id-string=\"pti-1\"/>"
                    + "<date.issue norm=\"20260102T101500+0530\"/></docdata></head><body><body.head><hedline><hl1>Ferry service resumes</hl1>"
                    + "</hedline><dateline>KOCHI, Jan 2 (PTI)</dateline></body.head><body.content><p>Ferry services resumed on <chron>Friday</chron>."
                    + "</p><p>Officials said <a href=\"http://x\">more</a> boats will run.</p></body.content></body></nitf>",
            // NewsML-G2
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:fuzz:g2:1\""
                    + " version=\"2\" standard=\"NewsML-G2\"><itemMeta><itemClass qcode=\"ninat:text\"/><versionCreated>2026-01-02T10:00:00Z"
                    + "</versionCreated><pubStatus qcode=\"stat:usable\"/></itemMeta><contentMeta><urgency>3</urgency><headline>Quake hits"
                    + "</headline><subject qcode=\"subj:16000000\"/></contentMeta><contentSet><inlineXML contenttype=\"application/nitf+xml\">"
                    + "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content><p>A quake hit the city.</p></body.content>"
                    + "</body></nitf></inlineXML></contentSet></newsItem>",
            // NewsML 1.2
            "<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><NewsItemId>X-1</NewsItemId>"
                    + "<RevisionId PreviousRevision=\"0\" Update=\"N\">1</RevisionId></NewsIdentifier></Identification>"
                    + "<NewsManagement><Status FormalName=\"Usable\"/></NewsManagement><NewsComponent><NewsLines><HeadLine>Vote count begins"
                    + "</HeadLine></NewsLines><ContentItem><MediaType FormalName=\"Text\"/><DataContent><p>Counting began.</p></DataContent>"
                    + "</ContentItem></NewsComponent></NewsItem></NewsML>",
            // ninjs
            "{\"uri\":\"urn:fuzz:ninjs:1\",\"version\":\"1\",\"versioncreated\":\"2026-01-02T10:00:00Z\",\"type\":\"text\",\"urgency\":2,"
                    + "\"headline\":\"Bridge closed after barge strike\",\"body_html\":\"<p>A barge struck the bridge.</p><p>It is closed.</p>\","
                    + "\"subject\":[{\"code\":\"medtop:03000000\",\"name\":\"disaster\"}],\"embargoed\":\"2026-01-02T12:00:00Z\"}",
            // RSS
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title><item><title>Markets rally</title><link>http://x/1</link>"
                    + "<guid>http://x/1</guid><pubDate>Fri, 02 Jan 2026 10:00:00 GMT</pubDate><description>&lt;p&gt;Shares rose.&lt;/p&gt;"
                    + "</description></item></channel></rss>",
            // Atom
            "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Feed</title><entry><id>urn:fuzz:atom:1</id>"
                    + "<title>Star wins award</title><updated>2026-01-02T10:00:00Z</updated><content type=\"html\">&lt;p&gt;She won.&lt;/p&gt;"
                    + "</content></entry></feed>",
            // plain text
            "Will not negotiate, official says\nTehran: The official said on Friday that talks would not resume.\nMore follows.\n");

    /** What gets spliced into copy: markup, entities, DTDs, control and invalid bytes, other formats' framing. */
    private static final List<String> FRAGMENTS = List.of("<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&bogus;", "]]>", "<![CDATA[",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "<!ENTITY a \"aaaaaaaaaa\">", "<?xml version=\"1.0\"?>",
            "</p>", "<p>", "<script>alert(1)</script>", "<a href=\"javascript:x\">", "\u0000", "\u0001", "\u0002", "\u0003", "\u0004",
            "\u001F", "\uFEFF", "\"", "{", "}", "[", "]", ":", ",", "null", "\\u0000", "\\", "\r\n", "\t", "^", "<\n", "BC-", " (AP) _ ",
            "1530GMT", "2026-13-45T99:99:99Z", "Fri, 32 Foo 2026", "9999999999999999999999", "-1", "NaN", "\uD83D\uDCA5", "ü", "é");

    /** Characters copy may hold thousands of in a row: table rules, blank lines, indentation, dashes, dots. */
    private static final List<String> RUNS = List.of("=", "\n", " ", "\n \n", "\t", "-", "_", ".", "<", "(", "'", "A", "\r\n");

    /** Tries per run: bounded so the build stays fast; QuickTheories prints the seed of a failure to replay it. */
    private static final int TRIES = 1000;

    @Test
    void damagedCopyBecomesStoriesOrAReasonedRefusal() {
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger parsed = new AtomicInteger();
        // a guard against a parse stalled on one record, not a speed figure: a thousand tries take seconds
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> qt().withExamples(TRIES).forAll(damaged()).checkAssert(payload -> {
            List<ParsedStory> stories;
            try {
                stories = REGISTRY.parse(payload, null, CONTEXT);
            } catch (WireParseException e) {
                assertThat(e.getMessage()).as("a dead letter needs a reason").isNotBlank();
                refused.incrementAndGet();
                return;
            }
            RawRef ref = RawRef.newBuilder().setTopic("wire.raw").setPartition(0).setOffset(0).build();
            for (ParsedStory story : stories) {
                assertThat(CanonicalStories.from(story, "fuzz", CONTEXT.receivedAt(), ref)).isNotNull();
            }
            parsed.incrementAndGet();
        }));
        // Both outcomes must be common, or the damage is too mild or too harsh to test anything.
        int tries = refused.get() + parsed.get();
        assertThat(refused.get()).as("refused of " + tries).isGreaterThan(tries / 20);
        assertThat(parsed.get()).as("parsed of " + tries).isGreaterThan(tries / 10);
    }

    private static Gen<byte[]> damaged() {
        return Generate.pick(seeds()).zip(damage(), damage(), (s, first, second) -> second.apply(first.apply(s)));
    }

    /** One way of damaging bytes; applied twice, so damage combines. Positions are fractions of the length. */
    private static Gen<UnaryOperator<byte[]>> damage() {
        Gen<Double> at = Generate.range(0, 1000).map(i -> i / 1000.0);
        Gen<UnaryOperator<byte[]>> cut = at.map(f -> b -> Arrays.copyOf(b, (int) (b.length * f)));
        Gen<UnaryOperator<byte[]>> flip = at.zip(Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0), (f, x) -> b -> {
            byte[] c = b.clone();
            if (c.length > 0) {
                c[Math.min(c.length - 1, (int) (c.length * f))] = x;
            }
            return c;
        });
        Gen<UnaryOperator<byte[]>> splice = at.zip(Generate.pick(FRAGMENTS), Generate.range(1, 40), (f, fragment, times) -> b ->
                insert(b, (int) (b.length * f), fragment.repeat(times).getBytes(StandardCharsets.UTF_8)));
        // a long run of one character inside the copy: regular expressions that backtrack over it, or recurse once per
        // repeat of a group, stall or overflow the stack on it (ANPA's "=" trim, blank lines in an XML paragraph)
        Gen<UnaryOperator<byte[]>> run = at.zip(Generate.pick(RUNS), Generate.range(1_000, 30_000), (f, fill, times) -> b ->
                insert(b, (int) (b.length * f), fill.repeat(times).getBytes(StandardCharsets.UTF_8)));
        Gen<UnaryOperator<byte[]>> repeat = at.zip(at, (f, g) -> b -> {
            int from = (int) (b.length * Math.min(f, g));
            int to = (int) (b.length * Math.max(f, g));
            return insert(b, to, Arrays.copyOfRange(b, from, to));
        });
        Gen<UnaryOperator<byte[]>> remove = at.zip(at, (f, g) -> b -> {
            int from = (int) (b.length * Math.min(f, g));
            int to = (int) (b.length * Math.max(f, g));
            byte[] c = new byte[b.length - (to - from)];
            System.arraycopy(b, 0, c, 0, from);
            System.arraycopy(b, to, c, from, b.length - to);
            return c;
        });
        Gen<UnaryOperator<byte[]>> latin1 = Generate.constant(b -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1));
        Gen<UnaryOperator<byte[]>> none = Generate.constant(b -> b);
        return Generate.frequency(Pair.of(3, cut), Pair.of(3, flip), Pair.of(4, splice), Pair.of(2, run), Pair.of(2, repeat),
                Pair.of(2, remove), Pair.of(1, latin1), Pair.of(1, none));
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }

    /** The written seeds, plus the shared agency fixtures when ../shared is present (read in place). */
    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>(SEEDS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
        Path fixtures = Path.of(System.getProperty("wirestream.shared", "../shared")).resolve("fixtures");
        if (Files.isDirectory(fixtures)) {
            try (Stream<Path> files = Files.walk(fixtures)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                    if (Files.size(f) <= 256 * 1024) {
                        seeds.add(Files.readAllBytes(f));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }
}
