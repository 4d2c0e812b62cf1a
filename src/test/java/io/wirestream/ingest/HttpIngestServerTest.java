package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpIngestServerTest {

    private static final int LIMIT = 4096;
    private static final String NITF = "<?xml version=\"1.0\"?><nitf><head><title>Metro</title></head><body/></nitf>";

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpIngestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HttpIngestServer(new InetSocketAddress("127.0.0.1", 0), publisher, LIMIT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void acceptsAnItemWith202AndItsKeyAfterItIsStored() throws Exception {
        HttpResponse<String> r = post("/ingest?source=pti&format=nitf&id=pti-0001", "application/xml; charset=utf-8", NITF.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{\"key\":\"pti:pti-0001\"}");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        RawItems.Captured c = publisher.published.get(0);
        assertThat(c.item().getSource()).isEqualTo("pti");
        assertThat(c.item().getFormat()).isEqualTo("nitf");
        assertThat(c.item().getContentType()).isEqualTo("application/xml; charset=utf-8");
        assertThat(c.item().getOrigin()).startsWith("http:");
        byte[] b = new byte[c.item().getPayload().remaining()];
        c.item().getPayload().duplicate().get(b);
        assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(NITF);
    }

    @Test
    void sourceAndFormatMayComeInHeadersAndTheIdIsGenerated() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri("/ingest")).header("X-Wirestream-Source", "ians")
                .header("X-Wirestream-Format", "PLAIN").POST(HttpRequest.BodyPublishers.ofString("NEW DELHI: text")).build();
        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).matches("\\{\"key\":\"ians:http-\\d+-[0-9a-f]{8}\"}");
        assertThat(publisher.published.get(0).item().getFormat()).isEqualTo("plain");
    }

    @Test
    void refusesAMissingSourceWith400() throws Exception {
        assertThat(post("/ingest?format=nitf", "text/xml", NITF.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(post("/ingest?source=bad%20id", "text/xml", NITF.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(post("/ingest?source=pti&format=docx", "text/xml", NITF.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(post("/ingest?source=pti", "text/plain", new byte[0]).statusCode()).isEqualTo(400);
        assertThat(publisher.published).isEmpty();
        assertThat(server.refused()).isEqualTo(4);
    }

    @Test
    void refusesAnItemOverTheLimitWith413AndPublishesNothing() throws Exception {
        HttpResponse<String> r = post("/ingest?source=pti", "text/plain", new byte[LIMIT + 1]);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("exceeds the limit of " + LIMIT);
        assertThat(post("/ingest?source=pti", "text/plain", "x".repeat(LIMIT).getBytes(StandardCharsets.UTF_8)).statusCode())
                .as("exactly at the limit").isEqualTo(202);
        // Chunked: no Content-Length, the limit is found while reading.
        HttpRequest chunked = HttpRequest.newBuilder(uri("/ingest?source=pti"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[LIMIT * 3]))).build();
        assertThat(client.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        assertThat(publisher.published).hasSize(1);
    }

    /** ANPA and IPTC 7901 have no media type: a push client sends them as bytes, and the parse stage reads them by content. */
    @Test
    void acceptsWireFilesSentAsOctetStream() throws Exception {
        byte[] anpa = "\u0016\u0016\u0001a0123 r f BC-Storm 04-16 0123\u0002^BC-Storm<\n   Rain fell.\n\u0003".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(post("/ingest?source=ap&id=a0123", "application/octet-stream", anpa).statusCode()).isEqualTo(202);
        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void refusesMediaTypesThatAreClearlyNotWireWith415() throws Exception {
        for (String type : new String[] {"image/jpeg", "VIDEO/mp4", "audio/mpeg", "application/zip", "application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> r = post("/ingest?source=pti", type, new byte[] {1, 2, 3});
            assertThat(r.statusCode()).as(type).isEqualTo(415);
            assertThat(r.body()).as(type).contains("is not a wire format: send the wire file as text/*");
        }
        // a gzip file as the type, not the encoding: no parser reads it, and the client can say Content-Encoding instead
        HttpResponse<String> gz = post("/ingest?source=pti", "application/gzip", gzip(NITF.getBytes(StandardCharsets.UTF_8)));
        assertThat(gz.statusCode()).isEqualTo(415);
        assertThat(gz.body()).contains("Content-Encoding: gzip");
        assertThat(post("/ingest?source=pti", "application/x-gzip", new byte[] {1}).statusCode()).isEqualTo(415);
        // what the parsers read: XML and JSON types, text, and bytes (ANPA and 7901 have no media type of their own)
        for (String type : new String[] {"text/plain; charset=ISO-8859-1", "application/json", "application/vnd.iptc.g2.newsitem+xml",
                "application/nitf+xml", "text/xml", "application/rss+xml", "application/ninjs+json", "application/octet-stream; x=y",
                "application/x-www-form-urlencoded", "text/vnd.IPTC.NITF", "text/html"}) {
            assertThat(HttpIngestServer.notAWireFormat(type)).as(type).isFalse();
        }
        assertThat(post("/ingest?source=pti", "text/plain; charset=latin-l", new byte[] {'a'}).body())
                .as("a charset Java does not know").contains("unknown charset 'latin-l'");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void answers503WhenTheItemCouldNotBeStored() throws Exception {
        publisher.failing(c -> true);
        HttpResponse<String> r = post("/ingest?source=pti", "text/plain", "text".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("retry");
    }

    @Test
    void healthAndWrongMethodsAndPaths() throws Exception {
        assertThat(client.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(client.send(HttpRequest.newBuilder(uri("/ingest?source=pti")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);
        assertThat(post("/ingest/more?source=pti", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
    }

    /** A monitor or load balancer must not send agencies to an endpoint that can only answer 503. */
    @Test
    void healthIs503WithTheReasonWhileItemsCannotBeStored() throws Exception {
        server.close();
        java.util.concurrent.atomic.AtomicReference<String> down = new java.util.concurrent.atomic.AtomicReference<>("Kafka at k1:9092 unreachable for 12 s");
        server = new HttpIngestServer(new InetSocketAddress("127.0.0.1", 0), publisher, LIMIT, down::get);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("{\"error\":\"Kafka at k1:9092 unreachable for 12 s\"}");
        assertThat(client.send(HttpRequest.newBuilder(uri("/health")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        down.set(null);
        assertThat(client.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aGzippedBodyIsTakenUnzippedAndOtherEncodingsAreRefused() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri("/ingest?source=pti&id=gz")).header("Content-Type", "application/xml")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gzip(NITF.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertThat(client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        RawItems.Captured c = publisher.published.get(0);
        byte[] b = new byte[c.item().getPayload().remaining()];
        c.item().getPayload().duplicate().get(b);
        assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(NITF);

        HttpRequest brotli = HttpRequest.newBuilder(uri("/ingest?source=pti")).header("Content-Encoding", "br")
                .POST(HttpRequest.BodyPublishers.ofString(NITF)).build();
        assertThat(client.send(brotli, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
        HttpRequest notGzip = HttpRequest.newBuilder(uri("/ingest?source=pti")).header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(NITF)).build();
        assertThat(client.send(notGzip, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        HttpRequest bomb = HttpRequest.newBuilder(uri("/ingest?source=pti")).header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(new byte[LIMIT * 10]))).build();
        assertThat(client.send(bomb, HttpResponse.BodyHandlers.ofString()).statusCode()).as("the limit is the unzipped size's")
                .isEqualTo(413);
        assertThat(publisher.published).hasSize(1);
    }

    private static byte[] gzip(byte[] b) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void clientsThatStallMidBodyAreCutOffAndDoNotBlockTheOthers() throws Exception {
        server.close();
        server = new HttpIngestServer(new InetSocketAddress("127.0.0.1", 0), publisher, LIMIT, () -> null, null, Duration.ofMillis(500));
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) { // more than the endpoint's worker threads
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write(("POST /ingest?source=pti HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            HttpRequest req = HttpRequest.newBuilder(uri("/ingest?source=pti&id=after")).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(NITF)).build();
            assertThat(client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
            Socket first = stalled.get(0);
            first.setSoTimeout(20_000);
            assertThat(first.getInputStream().read()).as("the stalled connection is closed").isEqualTo(-1);
            assertThat(publisher.keys()).containsExactly("pti:after");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void withTokensOnlyAKnownTokenPublishesAndOnlyAsItsOwnSource() throws Exception {
        server.close();
        IngestTokens tokens = IngestTokens.parse(List.of("pti  pti-0123456789abcdef", "reuters " + REUTERS_TOKEN), "tokens");
        server = new HttpIngestServer(new InetSocketAddress("127.0.0.1", 0), publisher, LIMIT, () -> null, tokens);
        byte[] nitf = NITF.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> none = post("/ingest?source=reuters&id=r1", "application/xml", nitf);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("missing token");
        assertThat(none.headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Bearer "))
                .anyMatch(v -> v.startsWith("Basic "));
        HttpResponse<String> wrong = postWith("/ingest?source=reuters&id=r2", "Bearer not-the-reuters-token-at-all", nitf);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("unknown token").doesNotContain("not-the-reuters-token");
        HttpResponse<String> spoofed = postWith("/ingest?source=reuters&id=r3", "Bearer pti-0123456789abcdef", nitf);
        assertThat(spoofed.statusCode()).isEqualTo(403);
        assertThat(spoofed.body()).contains("publishes as 'pti', not 'reuters'");
        HttpResponse<String> basicOfAnother = postWith("/ingest?id=r4", basic("pti", REUTERS_TOKEN), nitf);
        assertThat(basicOfAnother.statusCode()).as("Basic's user must be the token's source").isEqualTo(401);
        assertThat(publisher.published).as("nothing refused is published").isEmpty();

        assertThat(postWith("/ingest?source=reuters&id=r5", "Bearer " + REUTERS_TOKEN, nitf).statusCode()).isEqualTo(202);
        HttpResponse<String> implied = postWith("/ingest?id=r6", "Bearer " + REUTERS_TOKEN, nitf);
        assertThat(implied.statusCode()).isEqualTo(202);
        assertThat(implied.body()).as("a push that names no source publishes as its token's").isEqualTo("{\"key\":\"reuters:r6\"}");
        assertThat(postWith("/ingest?id=r7", basic("reuters", REUTERS_TOKEN), nitf).statusCode()).isEqualTo(202);
        assertThat(publisher.keys()).containsExactly("reuters:r5", "reuters:r6", "reuters:r7");
        assertThat(client.send(HttpRequest.newBuilder(uri("/health")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("/health needs no token: load balancers ask it").isEqualTo(200);
    }

    private static final String REUTERS_TOKEN = "rtrs-9f8e7d6c5b4a3210";

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A POST with an Authorization header (the body as NITF XML). */
    private HttpResponse<String> postWith(String path, String authorization, byte[] body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/xml")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
