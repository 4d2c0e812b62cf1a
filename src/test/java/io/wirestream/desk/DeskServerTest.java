package io.wirestream.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.StoryAction;
import io.wirestream.avro.Subscription;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The board and its server without a browser: the rows, the snapshot, the event stream (DeskPageIT has the page). */
@org.junit.jupiter.api.Timeout(60)
class DeskServerTest {

    private static final Instant T = Instant.parse("2026-12-05T12:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    private static Alert alert(String cluster, AlertLevel level, String headline, int sources, int minute) {
        return Alert.newBuilder().setClusterId(cluster).setStoryKey("urn:" + cluster).setLevel(level).setHeadline(headline)
                .setFirstSeen(T).setAlertedAt(T.plusSeconds(60L * minute)).setLatencyMs(60_000L * minute)
                .setLatencyFromTriggerMs(40).setSourceCount(sources).setSources(List.of("ap")).setRegions(List.of("CL"))
                .setDesk("Latin America").setCategories(List.of("medtop:03000000")).setReasons(List.of("wire flash (urgency 1)"))
                .setUpdate(minute > 0).build();
    }

    @Test
    void aClusterHasOneRowTheLatestAlertNewestFirstAndTheOldestDropOff() {
        AlertBoard board = new AlertBoard(2);
        List<ObjectNode> heard = new CopyOnWriteArrayList<>();
        Runnable stop = board.listen(heard::add);
        board.accept(alert("c1", AlertLevel.BULLETIN, "Quake hits Chile", 3, 0));
        board.accept(alert("c2", AlertLevel.URGENT, "Storm nears coast", 2, 1));
        board.accept(alert("c1", AlertLevel.FLASH, "Strong quake hits Chile", 5, 2));
        assertThat(board.snapshot()).extracting(n -> n.get("headline").asText())
                .containsExactly("Strong quake hits Chile", "Storm nears coast");
        ObjectNode row = board.snapshot().get(0);
        assertThat(row.get("level").asText()).isEqualTo("FLASH");
        assertThat(row.get("sourceCount").asInt()).isEqualTo(5);
        assertThat(row.get("categories").get(0).asText()).isEqualTo("disaster, accident and emergency incident");
        assertThat(row.get("update").asBoolean()).isTrue();

        board.accept(alert("c3", AlertLevel.BULLETIN, "Minister resigns", 3, 3));
        assertThat(board.snapshot()).extracting(n -> n.get("clusterId").asText()).containsExactly("c3", "c1"); // c2 changed least recently
        assertThat(heard).hasSize(4);
        stop.run();
        board.accept(alert("c4", AlertLevel.URGENT, "Ignored by a gone listener", 1, 4));
        assertThat(heard).hasSize(4);
        assertThatThrownBy(() -> new AlertBoard(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void servesThePageTheBoardAndAnEventStreamThatStartsWithTheBoard() throws Exception {
        AlertBoard board = new AlertBoard(10);
        board.accept(alert("c1", AlertLevel.BULLETIN, "Quake hits Chile", 3, 0));
        ClusterBoard clusters = new ClusterBoard(10);
        clusters.story(story("c1", "urn:ap:1", "ap", StoryAction.NEW, "Quake hits Chile"));
        try (DeskServer server = new DeskServer(0, board, clusters)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
            assertThat(page.body()).contains("<title>Wirestream desk</title>").contains("new EventSource(\"events\")");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/favicon.ico")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

            JsonNode all = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/alerts")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(all).hasSize(1);
            assertThat(all.get(0).get("headline").asText()).isEqualTo("Quake hits Chile");

            JsonNode developing = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/clusters")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(developing.get(0).get("sources").get(0).asText()).isEqualTo("ap");

            HttpResponse<java.io.InputStream> events = http.send(HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(events.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                assertThat(readEvent(in)).containsExactly("event: cluster",
                        "data: " + clusters.snapshot().get(0)); // the boards first: the clusters, then the alerts
                List<String> first = readEvent(in);
                assertThat(first.get(0)).isEqualTo("event: alert");
                assertThat(first.get(1)).startsWith("data: {").contains("\"headline\":\"Quake hits Chile\"");
                assertThat(readEvent(in)).containsExactly("event: ready", "data: {}");
                board.accept(alert("c1", AlertLevel.FLASH, "Strong quake hits Chile", 5, 2)); // live, after the board
                assertThat(readEvent(in).get(1)).contains("\"level\":\"FLASH\"").contains("\"sourceCount\":5");
                clusters.story(story("c1", "urn:afp:1", "afp", StoryAction.NEW, "Chile quake sends residents into streets"));
                List<String> changed = readEvent(in); // within a second: cluster changes go out together
                assertThat(changed.get(0)).isEqualTo("event: cluster");
                assertThat(changed.get(1)).contains("\"sources\":[\"ap\",\"afp\"]");
                board.subscriptions().accept("latam", Subscription.newBuilder().setId("latam").build());
                assertThat(readEvent(in)).containsExactly("event: subscriptions", "data: {}"); // the page reads them again
            }
        }
    }

    @Test
    void eachAlertRowNamesTheDeskSubscriptionsItGoesToAndThePageListsThem() throws Exception {
        DeskSubscriptions subscriptions = new DeskSubscriptions();
        subscriptions.accept("latam", Subscription.newBuilder().setId("latam").setName("Latin America desk")
                .setDesks(List.of("latin america")).build());
        subscriptions.accept("flash", Subscription.newBuilder().setId("flash").setMinLevel(AlertLevel.FLASH).build());
        subscriptions.accept("sport", Subscription.newBuilder().setId("sport").setName("Sport desk")
                .setCategories(List.of("medtop:15000000")).build());
        AlertBoard board = new AlertBoard(10, subscriptions);
        board.accept(alert("c1", AlertLevel.BULLETIN, "Quake hits Chile", 3, 0));
        assertThat(board.snapshot().get(0).get("subscriptions").toString()).isEqualTo("[\"latam\"]");

        // escalated: a new alert at FLASH, routed to the flash desk too
        board.accept(Alert.newBuilder(alert("c1", AlertLevel.FLASH, "Strong quake hits Chile", 5, 2)).setUpdate(false).build());
        assertThat(board.snapshot().get(0).get("subscriptions").toString()).isEqualTo("[\"flash\",\"latam\"]");
        // an update (more sources, a later headline, another desk) is not routed: the row keeps the desks it went to
        board.accept(Alert.newBuilder(alert("c1", AlertLevel.FLASH, "Chile counts the damage", 7, 4)).setDesk("Europe").build());
        assertThat(board.snapshot().get(0).get("headline").asText()).isEqualTo("Chile counts the damage");
        assertThat(board.snapshot().get(0).get("subscriptions").toString()).isEqualTo("[\"flash\",\"latam\"]");
        subscriptions.accept("latam", null); // a tombstone: deleted
        assertThat(board.snapshot().get(0).get("subscriptions").toString()).isEqualTo("[\"flash\"]");

        try (DeskServer server = new DeskServer(0, board, new ClusterBoard(10))) {
            JsonNode listed = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/subscriptions")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(listed.toString()).isEqualTo("[{\"id\":\"flash\",\"name\":\"flash\"},{\"id\":\"sport\",\"name\":\"Sport desk\"}]");
        }
    }

    private static EnrichedStory story(String cluster, String key, String source, StoryAction action, String headline) {
        return EnrichedStory.newBuilder().setStoryKey(key).setSlugKey(false).setAction(action).setUri(key).setVersionCreated(T)
                .setPubStatus(action == StoryAction.KILL ? PubStatus.CANCELED : PubStatus.USABLE).setHeadline(headline)
                .setBody(List.of()).setSubjects(List.of()).setPlaces(List.of()).setSignals(List.of()).setSource(source)
                .setFormat("ninjs").setReceivedAt(T).setContentHash("h" + key).setClusterId(cluster).setRegions(List.of("CL"))
                .setCountryScores(List.of()).setGeoPlaces(List.of()).setCategories(List.of("medtop:03000000"))
                .setCategoryOrigins(List.of("text")).setRaw(new RawRef("wire.raw", 0, 0L, null, 0, 1)).build();
    }

    @Test
    void aClusterCountsItsStoriesCopiesAndOutletsNotItsRedeliveries() {
        ClusterBoard board = new ClusterBoard(10);
        board.story(story("c1", "urn:ap:1", "ap", StoryAction.NEW, "Quake hits Chile"));
        board.story(story("c1", "urn:ap:1", "ap", StoryAction.UPDATE, "Strong quake hits Chile"));
        board.story(story("c1", "urn:reuters:7", "reuters", StoryAction.NEW, "Chile quake: buildings sway"));
        EnrichedStory copy = story("c1", "urn:paper:3", "paper", StoryAction.NEW, "Quake hits Chile");
        board.duplicate(Duplicate.newBuilder().setStoryKey("urn:paper:3").setDuplicateOf("urn:ap:1")
                .setReason(DuplicateReason.NEAR_DUPLICATE).setStory(copy).build());
        board.duplicate(Duplicate.newBuilder().setStoryKey("urn:ap:1").setDuplicateOf("urn:ap:1")
                .setReason(DuplicateReason.REDELIVERY).setStory(story("c1", "urn:ap:1", "ap", StoryAction.NEW, "Quake hits Chile"))
                .build());
        board.story(story(null, "urn:x:9", "x", StoryAction.KILL, "KILL")); // a kill of a story never seen: no cluster
        ObjectNode row = board.snapshot().get(0);
        assertThat(board.snapshot()).hasSize(1);
        assertThat(row.get("stories").asInt()).isEqualTo(2);
        assertThat(row.get("copies").asInt()).isEqualTo(1);
        assertThat(row.get("sources").toString()).isEqualTo("[\"ap\",\"reuters\",\"paper\"]");
        assertThat(row.get("headline").asText()).isEqualTo("Quake hits Chile");
        assertThat(row.get("latestHeadline").asText()).isEqualTo("Chile quake: buildings sway");
        assertThat(row.get("killed").asInt()).isZero();
        board.story(story("c1", "urn:ap:1", "ap", StoryAction.KILL, "KILL - Quake hits Chile"));
        assertThat(board.snapshot().get(0).get("killed").asInt()).isEqualTo(1);
        assertThat(board.snapshot().get(0).get("latestHeadline").asText()).isEqualTo("Chile quake: buildings sway");
    }

    /** The lines of one event, up to its blank line. */
    private static List<String> readEvent(BufferedReader in) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}
