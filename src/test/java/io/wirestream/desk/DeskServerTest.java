package io.wirestream.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
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
        try (DeskServer server = new DeskServer(0, board)) {
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

            HttpResponse<java.io.InputStream> events = http.send(HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(events.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                List<String> first = readEvent(in);
                assertThat(first.get(0)).isEqualTo("event: alert");
                assertThat(first.get(1)).startsWith("data: {").contains("\"headline\":\"Quake hits Chile\"");
                board.accept(alert("c1", AlertLevel.FLASH, "Strong quake hits Chile", 5, 2)); // live, after the board
                assertThat(readEvent(in).get(1)).contains("\"level\":\"FLASH\"").contains("\"sourceCount\":5");
            }
        }
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
