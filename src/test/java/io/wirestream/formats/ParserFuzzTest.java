package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.RawRef;
import io.wirestream.parse.CanonicalStories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Histogram;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

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
 * fast; jqwik prints the seed of a failing run so it can be replayed.
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

    @Property(tries = 1000)
    @StatisticsReport(format = Histogram.class)
    void damagedCopyBecomesStoriesOrAReasonedRefusal(@ForAll("damaged") byte[] payload) {
        List<ParsedStory> stories;
        try {
            stories = REGISTRY.parse(payload, null, CONTEXT);
        } catch (WireParseException refused) {
            assertThat(refused.getMessage()).as("a dead letter needs a reason").isNotBlank();
            Statistics.collect("refused");
            return;
        } finally {
            // Both outcomes must be common, or the damage is too mild or too harsh to test anything.
            Statistics.coverage(c -> {
                c.check("refused").percentage(p -> p > 5);
                c.check("stories").percentage(p -> p > 10);
            });
        }
        Statistics.collect("stories");
        RawRef ref = RawRef.newBuilder().setTopic("wire.raw").setPartition(0).setOffset(0).build();
        for (ParsedStory story : stories) {
            assertThat(CanonicalStories.from(story, "fuzz", CONTEXT.receivedAt(), ref)).isNotNull();
        }
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<byte[]> seed = Arbitraries.of(seeds());
        return Combinators.combine(seed, damage(), damage()).as((s, first, second) -> second.apply(first.apply(s)));
    }

    /** One way of damaging bytes; applied twice, so damage combines. */
    private Arbitrary<Damage> damage() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Damage> cut = at.map(f -> b -> java.util.Arrays.copyOf(b, (int) (b.length * f)));
        Arbitrary<Damage> flip = Combinators.combine(at, Arbitraries.bytes()).as((f, x) -> b -> {
            byte[] c = b.clone();
            if (c.length > 0) {
                c[Math.min(c.length - 1, (int) (c.length * f))] = x;
            }
            return c;
        });
        Arbitrary<Damage> splice = Combinators.combine(at, Arbitraries.of(FRAGMENTS), Arbitraries.integers().between(1, 40))
                .as((f, fragment, times) -> b -> insert(b, (int) (b.length * f), fragment.repeat(times).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Damage> repeat = Combinators.combine(at, at).as((f, g) -> b -> {
            int from = (int) (b.length * Math.min(f, g));
            int to = (int) (b.length * Math.max(f, g));
            return insert(b, to, java.util.Arrays.copyOfRange(b, from, to));
        });
        Arbitrary<Damage> remove = Combinators.combine(at, at).as((f, g) -> b -> {
            int from = (int) (b.length * Math.min(f, g));
            int to = (int) (b.length * Math.max(f, g));
            byte[] c = new byte[b.length - (to - from)];
            System.arraycopy(b, 0, c, 0, from);
            System.arraycopy(b, to, c, from, b.length - to);
            return c;
        });
        Arbitrary<Damage> latin1 = Arbitraries.just(b -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<Damage> none = Arbitraries.just(b -> b);
        return Arbitraries.frequencyOf(Tuple.of(3, cut), Tuple.of(3, flip), Tuple.of(4, splice), Tuple.of(2, repeat),
                Tuple.of(2, remove), Tuple.of(1, latin1), Tuple.of(1, none));
    }

    private interface Damage extends java.util.function.UnaryOperator<byte[]> {
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
