package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.avro.RawWireItem;
import io.wirestream.desk.DeskPage;
import io.wirestream.ingest.RawItems;
import io.wirestream.testing.PipelineFixture;
import io.wirestream.testing.WireItems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The desk page in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs), against
 * the pipeline on the real broker: a wire flash appears as a FLASH row, a second outlet's copy updates that row in
 * place (two sources, its headline, shown as text even where it looks like markup), and the kill of the story turns
 * the row into a KILL notice. Skipped, with a message, where no browser is installed.
 */
class DeskPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final String STRIKE = "The president was killed in a military strike on the capital early on Sunday, "
            + "state television said, citing officials who asked not to be named.";
    /** A headline as a careless or hostile feed might send it: the page must show it, not run it. */
    private static final String MARKUP_HEADLINE = "<img src=x onerror=\"document.title='owned'\"><b>President</b> killed in strike";

    @Test
    void aFlashItsCorroborationAndItsKillReachTheBrowserAsOneRow() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no headless browser here: install Debian's chromium and chromium-driver (.ci/run does) to test the desk page");
        try (PipelineFixture pipeline = new PipelineFixture(3, StreamsConfig.EXACTLY_ONCE_V2);
             DeskPage page = DeskPage.start(pipeline.kafka.clientProps(), pipeline.topics.alerts(), 0)) {
            WebDriver browser = browser();
            try {
                browser.get("http://127.0.0.1:" + page.port() + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
                assertThat(browser.findElement(By.id("empty")).isDisplayed()).isTrue();

                send(pipeline, WireItems.ninjs("urn:ap:strike").from("ap").urgency(1)
                        .headline("President killed in military strike").body(STRIKE).at(T0).item());
                WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article[data-level=FLASH]")));
                assertThat(row.findElement(By.className("headline")).getText()).isEqualTo("President killed in military strike");
                assertThat(row.findElement(By.className("sources")).getText()).startsWith("1 source");
                assertThat(browser.findElement(By.id("empty")).isDisplayed()).isFalse();
                assertThat(browser.getTitle()).isEqualTo("(1 FLASH) Wirestream desk");
                String cluster = row.getAttribute("data-cluster");

                // another outlet re-runs the copy: the same cluster, so the same row, now with two sources
                send(pipeline, WireItems.ninjs("urn:reuters:strike-copy").from("reuters")
                        .headline(MARKUP_HEADLINE).body(STRIKE).at(T0.plusSeconds(30)).item());
                wait.until(d -> rowOf(d, cluster).findElement(By.className("sources")).getText().startsWith("2 sources"));
                assertThat(browser.findElements(By.cssSelector("article"))).hasSize(1);
                WebElement updated = rowOf(browser, cluster);
                // the row shows the alert's latest headline as the board serves it, character for character
                assertThat(updated.findElement(By.className("headline")).getText()).isEqualTo(boardHeadline(page));
                assertThat(updated.findElements(By.tagName("img"))).isEmpty();
                assertThat(updated.findElements(By.tagName("b"))).isEmpty();
                assertThat(browser.getTitle()).doesNotContain("owned");

                // the desk's own filters, in the page
                browser.findElement(By.id("words")).sendKeys("earthquake");
                wait.until(d -> !rowOf(d, cluster).isDisplayed());
                assertThat(browser.findElement(By.id("empty")).isDisplayed()).isTrue();
                browser.findElement(By.id("words")).clear();
                browser.findElement(By.id("words")).sendKeys(" ");
                wait.until(d -> rowOf(d, cluster).isDisplayed());

                // the agency kills its story: the row becomes the KILL notice
                send(pipeline, WireItems.ninjs("urn:ap:strike").from("ap").version("2").canceled()
                        .headline("KILL - President killed in military strike").body("This story has been killed.")
                        .at(T0.plusSeconds(90)).item());
                wait.until(d -> "KILL".equals(rowOf(d, cluster).getAttribute("data-level")));
                assertThat(browser.getTitle()).isEqualTo("Wirestream desk");
            } finally {
                browser.quit();
            }
        }
    }

    private static void send(PipelineFixture pipeline, RawWireItem item) throws Exception {
        item.setItemId(item.getSource() + "-" + item.hashCode());
        pipeline.send(new RawItems.Captured(item.getSource() + ":" + item.getItemId(), item));
        pipeline.flush();
    }

    /** The one alert's headline as {@code GET /alerts} serves it. */
    private static String boardHeadline(DeskPage page) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + page.port() + "/alerts")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get(0).get("headline").asText();
    }

    private static WebElement rowOf(WebDriver browser, String cluster) {
        return browser.findElement(By.cssSelector("article[data-cluster='" + cluster + "']"));
    }

    /** Headless Chromium as this machine's network allows it: no calls home, a profile of its own. */
    private static WebDriver browser() throws java.io.IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("wirestream-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
