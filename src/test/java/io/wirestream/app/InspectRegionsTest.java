package io.wirestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code wirestream inspect} on a scraped web story about Iran (shared fixture, read in place, skipped
 * when absent): primary Iran, the Middle East desk, and the other countries it names, with lower scores (the US, named
 * as often as Iran, about level with it).
 */
class InspectRegionsTest {

    @Test
    void iranStoryIsIranOnTheMiddleEastDeskWithTheOthersItNamesBelow() throws Exception {
        Path file = SharedData.fixture("plain/web-scrape-iran-larijani.txt");
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            code = WirestreamCli.execute("inspect", file.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        JsonNode story = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("\"stories.enriched\"")).findFirst().orElseThrow()).get("value");
        assertThat(story.get("primaryRegion").asText()).isEqualTo("IR");
        assertThat(story.get("desk").asText()).isEqualTo("Middle East and North Africa");
        Map<String, Double> scores = new LinkedHashMap<>();
        story.get("countryScores").forEach(c -> scores.put(c.get("country").asText(), c.get("score").asDouble()));
        assertThat(scores).containsKeys("IR", "US", "IL", "OM", "BH", "JO", "KW", "QA", "SA", "AE");
        double iran = scores.get("IR");
        // The United States, named fifteen times ("U.S.", "United States"), scores about as Iran does (the Tehran
        // dateline counts once, as a dateline does wherever it stands); the dateline makes Iran primary. The rest are below.
        assertThat(scores.get("US")).isBetween(0.9 * iran, 1.1 * iran);
        scores.forEach((country, score) -> {
            if (!country.equals("IR") && !country.equals("US")) {
                assertThat(score).as(country).isLessThan(iran);
            }
        });
        assertThat(story.get("sourceRecord").get("kind").asText()).isEqualTo("unknown");
    }
}
