package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.ingest.DropFolderWatcher;
import io.wirestream.ingest.FeedPoller;
import io.wirestream.ingest.WireProducer;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real producers into the whole application on the real broker: a watched drop folder and an RSS
 * feed served by this test both reach stories.enriched, and the folder's files end in done/.
 */
class ProducersIT {

    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

    @TempDir
    Path tmp;

    @Test
    void aDropFolderAndAFeedBothReachStoriesEnriched() throws Exception {
        Path drop = Files.createDirectories(tmp.resolve("drop"));
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Local Feed</title><link>https://feeds.example.org/</link>
                <item><guid>urn:feed:1</guid><title>Feed story one</title><description>Tram lines reopen.</description>
                <pubDate>Sat, 28 Nov 2026 06:00:00 GMT</pubDate></item>
                <item><guid>urn:feed:2</guid><title>Feed story two</title><description>Harbour bridge closes for repairs.</description>
                <pubDate>Sat, 28 Nov 2026 06:05:00 GMT</pubDate></item>
                </channel></rss>""";
        HttpServer feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/rss", ex -> {
            try (ex) {
                if ("\"r1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] out = rss.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("ETag", "\"r1\"");
                ex.sendResponseHeaders(200, out.length);
                ex.getResponseBody().write(out);
            }
        });
        feedServer.start();
        URI feedUrl = URI.create("http://127.0.0.1:" + feedServer.getAddress().getPort() + "/rss");

        try (PipelineFixture pipeline = new PipelineFixture(1, StreamsConfig.EXACTLY_ONCE_V2);
             WireProducer producer = new WireProducer(pipeline.kafka.clientProps(), pipeline.topics.raw(),
                     pipeline.config.topology().maxItemBytes())) {
            DropFolderWatcher watcher = new DropFolderWatcher(drop, new DropFolderWatcher.Settings("ap", "auto",
                    pipeline.config.topology().maxItemBytes(), Duration.ofMillis(500), Duration.ofMillis(200)), producer);
            Thread watching = new Thread(watcher, "it-drop-folder");
            watching.start();
            try {
                Files.write(drop.resolve("quake.json"), WireItems.ninjs("urn:ap:quake").headline("Earthquake shakes the coast")
                        .body("A strong earthquake struck the coast on Saturday.").at(T0).bytes());
                Files.write(drop.resolve("rates.json"), WireItems.ninjs("urn:ap:rates").headline("Central bank holds rates")
                        .body("The central bank kept its key rate unchanged.").at(T0.plusSeconds(60)).bytes());

                FeedPoller poller = new FeedPoller(feedUrl, new FeedPoller.Settings("localfeed", "auto",
                        pipeline.config.topology().maxItemBytes(), Duration.ofMinutes(1),
                        FeedPoller.stateFileFor(pipeline.config.dataDir(), feedUrl)), producer, HttpClient.newHttpClient());
                assertThat(poller.pollOnce().published()).isEqualTo(2);
                assertThat(poller.pollOnce().status()).as("second poll is a 304").isEqualTo(304);

                AvroSerde<EnrichedStory> serde = AvroSerde.of(EnrichedStory.class);
                await("4 stories (2 files, 2 feed entries) in stories.enriched").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> pipeline.read().get(pipeline.topics.enriched()).size() >= 4);
                await("both files moved to done/").atMost(Duration.ofSeconds(10))
                        .until(() -> names(drop.resolve("done")).equals(List.of("quake.json", "rates.json")));

                List<EnrichedStory> stories = pipeline.read().get(pipeline.topics.enriched()).stream()
                        .map(r -> serde.decode(r.value())).toList();
                assertThat(stories).extracting(EnrichedStory::getHeadline).containsExactlyInAnyOrder(
                        "Earthquake shakes the coast", "Central bank holds rates", "Feed story one", "Feed story two");
                assertThat(stories).filteredOn(s -> s.getHeadline().startsWith("Feed")).extracting(EnrichedStory::getSource)
                        .containsOnly("localfeed");
                assertThat(pipeline.read().get(pipeline.topics.dlq())).isEmpty();
                assertThat(names(drop.resolve("error"))).isEmpty();
                assertThat(names(drop)).containsExactly("done", "error");
                assertThat(pipeline.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            } finally {
                watcher.close();
                watching.join(10_000);
                feedServer.stop(0);
            }
        }
    }

    static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
