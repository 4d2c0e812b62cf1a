package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.formats.FeedParser;
import io.wirestream.formats.ParseContext;
import io.wirestream.formats.ParsedStory;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a feed served by a JDK HttpServer in the test, which honours If-None-Match like a real server. */
class FeedPollerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dataDir;

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> etag = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>("application/rss+xml; charset=utf-8");
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private URI url;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", ex -> {
            try (ex) {
                String inm = ex.getRequestHeaders().getFirst("If-None-Match");
                ifNoneMatch.add(String.valueOf(inm));
                String tag = etag.get();
                if (tag != null && tag.equals(inm)) {
                    statuses.add(304);
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] out = body.get().getBytes(StandardCharsets.UTF_8);
                if (tag != null) {
                    ex.getResponseHeaders().set("ETag", tag);
                }
                ex.getResponseHeaders().set("Content-Type", contentType.get());
                statuses.add(200);
                ex.sendResponseHeaders(200, out.length);
                ex.getResponseBody().write(out);
            }
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private FeedPoller poller() throws Exception {
        return new FeedPoller(url, new FeedPoller.Settings("nrk", "auto", 100 * 1024, Duration.ofMinutes(1),
                FeedPoller.stateFileFor(dataDir, url)), publisher, HttpClient.newHttpClient());
    }

    @Test
    void publishesEachEntryOnceAndA304CostsNothing() throws Exception {
        body.set(rss("1", "2", "3"));
        etag.set("\"v1\"");
        FeedPoller p = poller();

        FeedPoller.Poll first = p.pollOnce();
        assertThat(first).isEqualTo(new FeedPoller.Poll(200, 3, 3, 0, 0));
        assertThat(publisher.keys()).containsExactly("nrk:urn:nrk:1", "nrk:urn:nrk:2", "nrk:urn:nrk:3");
        RawItems.Captured one = publisher.published.get(0);
        assertThat(one.item().getFormat()).isEqualTo("rss");
        assertThat(one.item().getOrigin()).isEqualTo("url:" + url);
        assertThat(one.item().getContentType()).isEqualTo("application/rss+xml; charset=utf-8");

        FeedPoller.Poll second = p.pollOnce();
        assertThat(second.status()).isEqualTo(304);
        assertThat(ifNoneMatch).containsExactly("null", "\"v1\"");
        assertThat(publisher.published).hasSize(3);

        body.set(rss("4", "1", "2", "3"));
        etag.set("\"v2\"");
        assertThat(p.pollOnce()).isEqualTo(new FeedPoller.Poll(200, 4, 1, 3, 0));
        assertThat(publisher.keys()).last().isEqualTo("nrk:urn:nrk:4");
    }

    @Test
    void eachEntryIsAValidFeedThatTheParserReadsWithTheChannelTitle() throws Exception {
        body.set(rss("1", "2"));
        poller().pollOnce();
        for (RawItems.Captured c : publisher.published) {
            List<ParsedStory> stories = FeedParser.rss().parse(bytes(c), ParseContext.of("nrk", T0));
            assertThat(stories).hasSize(1);
            assertThat(stories.get(0).agency()).isEqualTo("NRK Nyheter");
            assertThat(stories.get(0).uri()).isEqualTo(c.item().getItemId());
            assertThat(stories.get(0).byline()).as("dc:creator keeps its namespace").isEqualTo("Kari Nordmann");
        }
        assertThat(stories(publisher.published.get(1)).get(0).headline()).isEqualTo("Story 2");
    }

    @Test
    void splitsAtomFeedsToo() throws Exception {
        contentType.set("application/atom+xml");
        body.set("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Agency Atom</title><id>urn:feed</id>
                <updated>2026-11-28T10:00:00Z</updated><link href="https://atom.example.org/"/>
                <entry><id>urn:a:1</id><title>First</title><updated>2026-11-28T10:00:00Z</updated><summary>One.</summary></entry>
                <entry><id>urn:a:2</id><title>Second</title><updated>2026-11-28T10:01:00Z</updated><summary>Two.</summary></entry>
                </feed>""");
        poller().pollOnce();
        assertThat(publisher.keys()).containsExactly("nrk:urn:a:1", "nrk:urn:a:2");
        RawItems.Captured second = publisher.published.get(1);
        assertThat(second.item().getFormat()).isEqualTo("atom");
        List<ParsedStory> s = FeedParser.atom().parse(bytes(second), ParseContext.of("nrk", T0));
        assertThat(s).singleElement().satisfies(story -> {
            assertThat(story.headline()).isEqualTo("Second");
            assertThat(story.agency()).isEqualTo("Agency Atom");
        });
    }

    @Test
    void aRestartDoesNotRepublishEvenWithoutConditionalGet() throws Exception {
        body.set(rss("1", "2"));
        poller().pollOnce();
        assertThat(Files.readAllLines(FeedPoller.stateFileFor(dataDir, url)))
                .extracting(l -> l.substring(0, l.indexOf('\t'))).containsExactly("urn:nrk:1", "urn:nrk:2");

        FeedPoller restarted = poller();
        assertThat(restarted.pollOnce()).isEqualTo(new FeedPoller.Poll(200, 2, 0, 2, 0));
        assertThat(publisher.published).hasSize(2);
    }

    @Test
    void anEntryTheFeedEditsInPlaceIsPublishedAgainAndOnlyThen() throws Exception {
        body.set(rss("1", "2"));
        FeedPoller p = poller();
        p.pollOnce();
        body.set(rss("1", "2").replace("<title>Story 2</title>", "<title>Story 2, corrected</title>"));
        assertThat(p.pollOnce()).isEqualTo(new FeedPoller.Poll(200, 2, 1, 1, 0));
        assertThat(publisher.keys()).containsExactly("nrk:urn:nrk:1", "nrk:urn:nrk:2", "nrk:urn:nrk:2");
        assertThat(stories(publisher.published.get(2)).get(0).headline()).isEqualTo("Story 2, corrected");
        assertThat(p.pollOnce()).isEqualTo(new FeedPoller.Poll(200, 2, 0, 2, 0)); // as published: once
        assertThat(poller().pollOnce()).isEqualTo(new FeedPoller.Poll(200, 2, 0, 2, 0)); // remembered across a restart
    }

    @Test
    void aStateFileOfIdsAloneTakesTheEntriesAsTheyAreWithoutRepublishing() throws Exception {
        Path state = FeedPoller.stateFileFor(dataDir, url);
        Files.createDirectories(state.getParent());
        Files.write(state, List.of("urn:nrk:1", "urn:nrk:2")); // written before fingerprints
        body.set(rss("1", "2"));
        FeedPoller p = poller();
        assertThat(p.pollOnce()).isEqualTo(new FeedPoller.Poll(200, 2, 0, 2, 0));
        assertThat(Files.readAllLines(state)).allMatch(l -> l.contains("\t"));
        body.set(rss("1", "2").replace("<title>Story 1</title>", "<title>Story 1, updated</title>"));
        assertThat(p.pollOnce()).isEqualTo(new FeedPoller.Poll(200, 2, 1, 1, 0));
    }

    @Test
    void anEntryThatFailedToPublishIsTriedAgainAtTheNextPoll() throws Exception {
        body.set(rss("1", "2"));
        etag.set("\"v1\"");
        publisher.failing(c -> c.key().equals("nrk:urn:nrk:2"));
        FeedPoller p = poller();
        assertThat(p.pollOnce()).isEqualTo(new FeedPoller.Poll(200, 2, 1, 0, 1));

        publisher.failing(c -> false);
        assertThat(p.pollOnce()).as("no If-None-Match after a failure: the whole feed again")
                .isEqualTo(new FeedPoller.Poll(200, 2, 1, 1, 0));
        assertThat(ifNoneMatch).containsExactly("null", "null");
        assertThat(publisher.keys()).containsExactly("nrk:urn:nrk:1", "nrk:urn:nrk:2");
    }

    @Test
    void aFeedThatCannotBeSplitIsPublishedWholeOnceSoItIsDeadLettered() throws Exception {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><item><title>x</title></item></channel></rss>";
        body.set(hostile);
        FeedPoller p = poller();
        assertThat(p.pollOnce().published()).isEqualTo(1);
        assertThat(new String(bytes(publisher.published.get(0)), StandardCharsets.UTF_8)).isEqualTo(hostile);
        assertThat(publisher.published.get(0).item().getItemId()).startsWith("feed-sha256:");
        assertThat(p.pollOnce().published()).as("the same broken body is not published again").isZero();
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void aBrokenBodyThatChangesAtEachPollIsDeadLetteredOnceWhileItLasts() throws Exception {
        FeedPoller p = poller();
        body.set("<html><body>Please log in (request 1)</body></html>");
        assertThat(p.pollOnce().published()).isEqualTo(1);
        body.set("<html><body>Please log in (request 2)</body></html>");
        assertThat(p.pollOnce().published()).as("within the hour: no second dead letter").isZero();
        body.set(rss("1"));
        assertThat(p.pollOnce().published()).isEqualTo(1); // the feed is back
        body.set("<html><body>Please log in (request 3)</body></html>");
        assertThat(p.pollOnce().published()).as("broken again: said again").isEqualTo(1);
        assertThat(publisher.published).hasSize(3);
    }

    /**
     * A feed that moved for good is polled where it went, once the move is seen: the old address is asked once, whether
     * the client follows redirects or not, and a temporary redirect is followed again at each poll.
     */
    @Test
    void aPermanentRedirectMovesThePollerToTheNewLocation() throws Exception {
        body.set(rss("1", "2"));
        List<String> asked = new CopyOnWriteArrayList<>();
        for (String[] move : new String[][] {{"/old.xml", "301", "/feed.xml"}, {"/older.xml", "308", "/old.xml"}, {"/tmp.xml", "302", "/feed.xml"}}) {
            server.createContext(move[0], ex -> {
                try (ex) {
                    asked.add(move[0]);
                    ex.getResponseHeaders().set("Location", move[2]);
                    ex.sendResponseHeaders(Integer.parseInt(move[1]), -1);
                }
            });
        }
        URI feed = url;
        for (HttpClient client : List.of(HttpClient.newHttpClient(), HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build())) {
            asked.clear();
            publisher.published.clear();
            url = feed.resolve("/older.xml");
            FeedPoller p = new FeedPoller(url, new FeedPoller.Settings("nrk", "auto", 100 * 1024, Duration.ofMinutes(1),
                    dataDir.resolve(client.followRedirects() + ".seen")), publisher, client);
            assertThat(p.pollOnce().status()).as(client.followRedirects().name()).isEqualTo(200);
            assertThat(p.pollOnce().status()).isEqualTo(200);
            assertThat(p.url()).isEqualTo(feed);
            assertThat(asked).as(client.followRedirects().name()).containsExactly("/older.xml", "/old.xml");
            assertThat(publisher.keys()).containsExactly("nrk:urn:nrk:1", "nrk:urn:nrk:2");
            assertThat(publisher.published.get(0).item().getOrigin()).isEqualTo("url:" + feed);
        }
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        FeedPoller temporary = new FeedPoller(feed.resolve("/tmp.xml"), new FeedPoller.Settings("nrk", "auto", 100 * 1024, Duration.ofMinutes(1),
                dataDir.resolve("tmp.seen")), publisher, following);
        asked.clear();
        temporary.pollOnce();
        temporary.pollOnce();
        assertThat(asked).containsExactly("/tmp.xml", "/tmp.xml");
        assertThat(temporary.url()).isEqualTo(feed.resolve("/tmp.xml"));
    }

    @Test
    void serverErrorsPublishNothingAndAreRetried() throws Exception {
        server.removeContext("/feed.xml");
        server.createContext("/feed.xml", ex -> {
            try (ex) {
                ex.sendResponseHeaders(503, -1);
            }
        });
        assertThat(poller().pollOnce().status()).isEqualTo(503);
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aGzippedFeedIsReadAsTheFeedNotPublishedAsBinary() throws Exception {
        List<String> acceptEncoding = new CopyOnWriteArrayList<>();
        server.removeContext("/feed.xml");
        server.createContext("/feed.xml", ex -> {
            try (ex) {
                acceptEncoding.add(String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding")));
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
                ex.getResponseHeaders().set("ETag", "\"g1\"");
                if ("\"g1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1); // no body, its encoding named all the same
                    return;
                }
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                    gz.write(rss("1", "2").getBytes(StandardCharsets.UTF_8));
                }
                ex.sendResponseHeaders(200, zipped.size());
                ex.getResponseBody().write(zipped.toByteArray());
            }
        });
        FeedPoller p = poller();
        assertThat(p.pollOnce()).isEqualTo(new FeedPoller.Poll(200, 2, 2, 0, 0));
        assertThat(publisher.keys()).containsExactly("nrk:urn:nrk:1", "nrk:urn:nrk:2");
        assertThat(stories(publisher.published.get(0))).hasSize(1);
        assertThat(p.pollOnce().status()).isEqualTo(304);
        assertThat(acceptEncoding).containsOnly("gzip");
    }

    @Test
    void aBodyThatStallsEndsThePollInsteadOfBlockingItForever() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.removeContext("/feed.xml");
        server.createContext("/feed.xml", ex -> {
            try (ex) {
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
                ex.sendResponseHeaders(200, 100_000); // promises a body, sends its start, then nothing
                ex.getResponseBody().write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                ex.getResponseBody().flush();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FeedPoller p = new FeedPoller(url, new FeedPoller.Settings("nrk", "auto", 100 * 1024, Duration.ofMinutes(1),
                FeedPoller.stateFileFor(dataDir, url)), publisher, HttpClient.newHttpClient(), Duration.ofMillis(500));
        try {
            long start = System.nanoTime();
            assertThat(p.pollOnce().status()).as("a failed request, tried again at the next poll").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(publisher.published).as("half a feed is not published").isEmpty();
        } finally {
            release.countDown();
        }
    }

    private static List<ParsedStory> stories(RawItems.Captured c) throws Exception {
        return FeedParser.rss().parse(bytes(c), ParseContext.of("nrk", T0));
    }

    private static byte[] bytes(RawItems.Captured c) {
        byte[] b = new byte[c.item().getPayload().remaining()];
        c.item().getPayload().duplicate().get(b);
        return b;
    }

    static String rss(String... ids) {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>NRK Nyheter</title>
                <link>https://www.nrk.no/</link><language>nb</language><description>Siste nytt</description>
                """);
        for (String id : ids) {
            b.append("<item><guid isPermaLink=\"false\">urn:nrk:").append(id).append("</guid><title>Story ").append(id)
                    .append("</title><description>Text of story ").append(id)
                    .append(".</description><dc:creator>Kari Nordmann</dc:creator><pubDate>Sat, 28 Nov 2026 10:0")
                    .append(id.length() > 1 ? "0" : id).append(":00 GMT</pubDate></item>\n");
        }
        return b.append("</channel></rss>").toString();
    }
}
