package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.testing.JarProcesses;
import io.wirestream.testing.JarProcesses.Output;
import io.wirestream.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped jar, run as a user runs it (separate JVMs): the demo, broker + run + produce + tail
 * working together across processes, and inspect on the plain-text fixture.
 */
class CliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JarProcesses jars = new JarProcesses();

    @AfterEach
    void stopAll() throws InterruptedException {
        jars.close();
    }

    /**
     * The bundled feed's outcome: 14 raw records, 11 accepted, one redelivery and one near-duplicate (ANI
     * re-running PTI's metro story), one dead letter, then the alert records (the quake's FLASH, its
     * updates as AFP joins and AP writes through, the airline kill: how many updates depends on timing).
     */
    private static final String FEED_TOTALS = "[summary] stories in 14 | enriched 11 | duplicates 2 | dead letters 1 | alerts ";

    @Test
    void demoShowsEnrichedStoriesDuplicatesAlertsAndDeadLetters() throws Exception {
        Path data = Files.createTempDirectory("cli-demo");
        // The default speed (the AFP quake story 0.5 s after AP's): a story finds a cluster filed a few commit
        // intervals before it (docs/design-notes.md), and at 10x (0.2 s apart) a loaded CI machine missed it once.
        int deskPort = JarProcesses.freePort();
        Output demo = start("demo", "--data-dir", data.toString(), "--port", "0", "--desk-port", String.valueOf(deskPort));
        long t0 = System.nanoTime();
        await("first enriched story").atMost(Duration.ofSeconds(60)).until(() -> demo.stdout().contains("  NEW "));
        long firstStoryMs = (System.nanoTime() - t0) / 1_000_000;
        // The summary is printed every 2 s from the counts read so far: wait until the whole feed is through.
        await("the whole feed through the pipeline").atMost(Duration.ofSeconds(90)).until(() -> demo.stderr().contains(FEED_TOTALS));
        await("every output printed").atMost(Duration.ofSeconds(30)).until(() -> demo.stdout().contains("KILL")
                && demo.stdout().contains("DLQ") && demo.stdout().contains("ALERT  FLASH") && demo.stdout().contains("redelivery"));
        // the desk page from the jar: the page itself, and the boards it draws from
        assertThat(get(deskPort, "/")).contains("<title>Wirestream desk</title>");
        await("the desk's boards filled").atMost(Duration.ofSeconds(30))
                .until(() -> get(deskPort, "/alerts").contains("\"level\":\"FLASH\"") && get(deskPort, "/clusters").contains("\"pti\""));
        stop(demo);
        assertThat(demo.stdout()).contains("Strong earthquake shakes northern Chile", "DUP", "redelivery", "UPDATE", "KILL",
                "DLQ", "ALERT  FLASH", "near_duplicate of pti:01-pti-metro.txt");
        // AP's and AFP's own reports of the Chile earthquake are one event cluster, whichever the stream thread took
        // first (they are 0.5 s apart on different partitions; a stall on a loaded machine can reorder them).
        assertThat(clusterOfNew(demo, "Strong earthquake shakes northern Chile"))
                .isEqualTo(clusterOfNew(demo, "Chile quake sends residents"));
        assertThat(demo.stdout().lines().filter(l -> l.startsWith("  NEW") && l.contains("[cluster ")))
                .anySatisfy(l -> assertThat(l).containsPattern("\\[cluster \\w+: (ap, afp|afp, ap)\\]"));
        System.out.println("demo: first enriched story printed " + firstStoryMs + " ms after JVM start");

        // Same data dir again: the demo reads wire.raw to its end before deciding, sees the feed and
        // sends nothing; the totals are those of the first run.
        Output again = start("demo", "--data-dir", data.toString(), "--port", "0");
        await("second run's summary").atMost(Duration.ofSeconds(90)).until(() -> again.stderr().contains("[summary]"));
        stop(again);
        assertThat(again.stdout()).contains("already holds 14 records").doesNotContain("replaying", "  NEW ");
        assertThat(again.stderr().lines().filter(l -> l.startsWith("[summary]")).toList()).allMatch(l -> l.startsWith(FEED_TOTALS));
    }

    /** The short cluster id printed on the NEW line of the story with this headline. */
    private static String clusterOfNew(Output o, String headline) {
        String line = o.stdout().lines().filter(l -> l.startsWith("  NEW") && l.contains(headline)).findFirst()
                .orElseThrow(() -> new AssertionError("no NEW line for " + headline + " in\n" + o.stdout()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[cluster (\\w+):").matcher(line);
        assertThat(m.find()).as("cluster on " + line).isTrue();
        return m.group(1);
    }

    /** SIGTERM, as Ctrl-C: the shutdown hook closes Streams and the broker, so the data dir can be reused. */
    private static String get(int port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void stop(Output o) throws InterruptedException {
        o.process().destroy();
        assertThat(o.process().waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }

    @Test
    void brokerRunProduceAndTailWorkTogetherAcrossProcesses() throws Exception {
        int port = JarProcesses.freePort();
        String bootstrap = "127.0.0.1:" + port;
        Output broker = start("broker", "--port", String.valueOf(port), "--data-dir", Files.createTempDirectory("cli-broker").toString());
        await("broker ready").atMost(Duration.ofSeconds(60)).until(() -> broker.stdout().contains("Kafka broker ready at " + bootstrap));

        int metricsPort = JarProcesses.freePort();
        // settings from a file: the idle-source alarm after three silent seconds, whatever the source's pace
        Path settings = Files.createTempFile("wirestream", ".properties");
        Files.writeString(settings, "sources.idle.minimum=PT3S\nsources.idle.factor=1\n");
        Output run = start("run", "--bootstrap-servers", bootstrap, "--data-dir", Files.createTempDirectory("cli-run").toString(),
                "--metrics-port", String.valueOf(metricsPort), "--status-interval", "PT1S", "--config", settings.toString());
        await("streams running").atMost(Duration.ofSeconds(90)).until(() -> run.stderr().contains("wirestream running"));

        Path wire = Files.createTempFile("wire", ".txt");
        Files.writeString(wire, "Ferry service resumes after storm\nKOCHI, Nov 28 (PTI) - Ferry services resumed on Saturday.\n");
        Output produce = start("produce", "--bootstrap-servers", bootstrap, "--source", "pti", wire.toString());
        assertThat(produce.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(produce.stdout()).contains("published 1 item(s)");

        Output tail = start("tail", "--bootstrap-servers", bootstrap, "stories.enriched.json", "--max", "1", "--idle", "PT60S");
        assertThat(tail.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
        JsonNode line = JSON.readTree(tail.stdout().strip().split("\n")[0]);
        assertThat(line.at("/value/headline").asText()).isEqualTo("Ferry service resumes after storm");
        assertThat(line.at("/value/located").asText()).isEqualTo("Kochi");
        assertThat(line.at("/value/wirestream/source").asText()).isEqualTo("pti");

        await("status line with the totals").atMost(Duration.ofSeconds(30))
                .until(() -> run.stderr().contains("parsed 1 | enriched 1 | duplicates 0 | dead letters 0 | alerts 0"));

        String metricsUrl = "http://127.0.0.1:" + metricsPort + "/metrics";
        assertThat(scrape(metricsUrl)).contains("wirestream_stories_enriched_total{action=\"new\"} 1.0",
                "wirestream_stories_parsed_total{format=\"plain\",source=\"pti\"} 1.0", "kafka_stream");
        // Task metrics (the term cache's among them) reach the registry when Micrometer next looks for new
        // Kafka metrics, once a minute.
        await("the term cache's metrics exported").atMost(Duration.ofSeconds(120))
                .until(() -> scrape(metricsUrl).contains("kafka_wirestream_sameness_term_cache_hit_total{"));
        assertThat(scrape(metricsUrl)).contains("wirestream_source_last_received_seconds{source=\"pti\"}",
                "wirestream_source_idle{source=\"pti\"} 0.0");

        // The idle-source alarm: four more wires make the five a pace is learnt from; once pti stays silent
        // the status loop warns, /metrics and /health say so, and the next wire ends it.
        Path more = Files.createTempDirectory("wires");
        for (int i = 0; i < 4; i++) {
            Files.writeString(more.resolve("w" + i + ".txt"), "Ferry update " + i + "\nKOCHI, Nov 28 (PTI) - Ferry " + i + " sailed.\n");
        }
        Output produceMore = start("produce", "--bootstrap-servers", bootstrap, "--source", "pti", more.toString());
        assertThat(produceMore.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        await("the idle warning").atMost(Duration.ofSeconds(90)).until(() -> run.stderr().contains("source pti idle: nothing for"));
        assertThat(scrape(metricsUrl)).contains("wirestream_source_idle{source=\"pti\"} 1.0");
        assertThat(scrape("http://127.0.0.1:" + metricsPort + "/health")).contains("\"idleSources\":[\"pti\"]");
        Output oneMore = start("produce", "--bootstrap-servers", bootstrap, "--source", "pti", wire.toString());
        assertThat(oneMore.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        await("the source back").atMost(Duration.ofSeconds(60)).until(() -> run.stderr().contains("source pti delivering again after"));

        // The catalogue commands against the same broker: a value no rule reads is refused before anything is
        // written, a source is put and deleted, and deleting an id the catalogue lacks says so.
        Output badTier = start("sources", "put", "--bootstrap-servers", bootstrap, "--id", "acme-wire", "--name", "Acme Wire", "--tier", "9");
        assertThat(badTier.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(badTier.process().exitValue()).isEqualTo(2);
        assertThat(badTier.stderr()).contains("tier must be 1, 2 or 3, not 9");
        Output put = start("sources", "put", "--bootstrap-servers", bootstrap, "--id", "acme-wire", "--name", "Acme Wire", "--country", "NZ");
        assertThat(put.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(put.process().exitValue()).isZero();
        Output delete = start("sources", "delete", "--bootstrap-servers", bootstrap, "acme-wire", "no-such-wire");
        assertThat(delete.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(delete.stderr()).contains("deleted [acme-wire]", "not in the catalogue, nothing deleted: [no-such-wire]");
        assertThat(delete.process().exitValue()).isEqualTo(1);
        // A misspelt topic: one line naming the topics there are, exit 2.
        Output noTopic = start("tail", "--bootstrap-servers", bootstrap, "stories.enriched.jsn", "--idle", "5s");
        assertThat(noTopic.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(noTopic.stderr()).contains("error: no such topic: stories.enriched.jsn; topics here: ").contains("stories.enriched.json")
                .doesNotContain("-changelog");
        assertThat(noTopic.process().exitValue()).isEqualTo(2);
        // A subscription id nobody put: said so, nothing written (a misspelt id used to be "deleted").
        Output noSubscription = start("subscriptions", "delete", "--bootstrap-servers", bootstrap, "no-such-desk");
        assertThat(noSubscription.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(noSubscription.stderr()).contains("no subscription 'no-such-desk', nothing deleted");
        assertThat(noSubscription.process().exitValue()).isEqualTo(1);
    }

    private static String scrape(String url) throws java.io.IOException {
        try (var in = java.net.URI.create(url).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void inspectPrintsTheLarijaniStoryWithoutBreadcrumbs() throws Exception {
        Path file = SharedData.fixture("plain/web-scrape-iran-larijani.txt");
        Output inspect = start("inspect", "--source", "web", file.toString());
        assertThat(inspect.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : inspect.stdout().split("\n")) {
            if (!l.isBlank()) {
                lines.add(JSON.readTree(l));
            }
        }
        // Issue 13: a head of state reported killed in a military strike is a bulletin on its own.
        assertThat(lines).filteredOn(l -> l.get("topic").asText().equals("alerts")).singleElement().satisfies(l -> {
            assertThat(l.get("value").get("level").asText()).isIn("BULLETIN", "FLASH");
            assertThat(l.get("value").get("reasons").toString()).contains("head of state or government killed", "military strike");
        });
        assertThat(lines).filteredOn(l -> l.get("topic").asText().startsWith("stories.")).singleElement().satisfies(l -> {
            assertThat(l.get("topic").asText()).isEqualTo("stories.enriched");
            JsonNode story = l.get("value");
            assertThat(story.get("headline").asText()).isEqualTo("Will not negotiate with US: Top Iranian security official");
            assertThat(story.get("datelinePlace").asText()).isEqualTo("Tehran");
            assertThat(story.get("body").size()).isGreaterThan(5);
            assertThat(story.get("body").get(0).asText()).startsWith("Tehran: Ali Larijani");
            assertThat(story.toString()).doesNotContain("Home |", "|News");
        });
    }

    private Output start(String... args) throws IOException {
        return jars.start(args);
    }
}
