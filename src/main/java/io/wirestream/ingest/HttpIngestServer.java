package io.wirestream.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.formats.WireFormat;
import io.wirestream.formats.WireText;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP endpoint for agencies that push: {@code POST /ingest?source=pti&format=nitf} (or headers
 * {@code X-Wirestream-Source}, {@code X-Wirestream-Format}, optional {@code X-Wirestream-Id} /
 * {@code ?id=} for the item id) with the wire file as the body. {@code GET /health} answers 200, or 503 with
 * the reason while items could not be stored (Kafka unreachable): a load balancer or monitor that sees
 * 200 then sends agencies to an endpoint that can only answer 503.
 *
 * <p>Answers, in the order they are checked:
 * <ul>
 * <li>405 for another method, 404 for another path;</li>
 * <li>with tokens ({@link IngestTokens}, {@code ingest.http.tokens.file}): 401 without a known token
 *     ({@code Authorization: Bearer TOKEN}, or Basic with the source as user and the token as password),
 *     403 when the request names a source other than its token's; a request that names none publishes as
 *     its token's source. Checked before anything else is read, so an unknown client learns nothing more;</li>
 * <li>400 without a source (or with one that is not a plain id), for an unknown format, or an empty body;</li>
 * <li>415 for a Content-Type that is clearly not a wire format (pictures, sound, fonts, PDF, office
 *     documents, archives, a gzip file as the type rather than the Content-Encoding, a multipart form)
 *     or that names a charset Java does not know (it was read as UTF-8 and the item dead-lettered);
 *     anything else, or none, is accepted and detection is the parse stage's job. That includes
 *     application/octet-stream: ANPA and IPTC 7901 have no media type of their own, so a push client
 *     sends them as bytes, and the parse stage reads them by content;</li>
 * <li>413 for a body over max.item.bytes (from Content-Length before reading, else while reading; a gzipped
 *     body, Content-Encoding gzip, is taken unzipped and the limit is the unzipped size's); 415 for another
 *     Content-Encoding, 400 for a gzip body that is not gzip;</li>
 * <li>202 with {@code {"key": "source:id"}} once the broker has acknowledged the item (acks=all);</li>
 * <li>503 when it could not be published; the client should retry.</li>
 * </ul>
 *
 * <p>Unlike a drop folder or a feed, an HTTP client is there to be told. So what the endpoint refuses
 * (400, 413, 415) is not published and not dead-lettered: the refusal is the client's signal, and a
 * dead letter too would count one failure twice. The oversized-item preview rule of the other
 * producers exists for items that have no one to tell.
 *
 * <p>A request whose body does not arrive within {@link #REQUEST_TIMEOUT} (a client that stalls, a
 * half-open connection) has its connection closed: the endpoint has four worker threads, and four
 * such clients held them all forever, so that no agency could deliver and even /health went unanswered.
 *
 * <p>One log line per refusal or failure at WARN; accepted items only at DEBUG, because an agency may
 * push thousands an hour.
 */
public final class HttpIngestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpIngestServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A source or item id as pushes name them (and as the tokens file names its sources). */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    /** Types no parser reads; anything not named here or in {@link #NOT_WIRE_FAMILIES} goes to detection. */
    private static final Set<String> NOT_WIRE = Set.of("application/pdf", "application/postscript", "application/rtf",
            "application/msword", "application/zip", "application/gzip", "application/x-gzip", "application/x-bzip2",
            "application/x-xz", "application/zstd", "application/x-tar", "application/x-7z-compressed", "application/vnd.rar",
            "application/x-rar-compressed", "application/java-archive");
    /** Whole families: media, and office documents (Word, Excel, OpenDocument), which are zip archives. */
    private static final List<String> NOT_WIRE_FAMILIES = List.of("image/", "video/", "audio/", "font/", "model/", "multipart/",
            "application/vnd.openxmlformats-officedocument.", "application/vnd.ms-", "application/vnd.oasis.opendocument.");
    /** What the refusal tells the client to send instead. */
    static final String WIRE_TYPES = "send the wire file as text/* (plain, xml), application/xml or */*+xml, application/json or "
            + "*/*+json, application/octet-stream, or no Content-Type";
    private static final long PUBLISH_TIMEOUT_SECONDS = 60;
    private static final long DRAIN_LIMIT = 128L * 1024 * 1024;
    /** How long a request's body may take to arrive: 4 MiB at 40 KB/s, a slow agency link. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    static {
        // The request line and headers are read by the JDK server on a worker thread before any handler
        // runs, so a client that stalls in its headers is out of the Deadline's reach; the JDK's own
        // limit covers that phase. A JVM-wide setting, read when the first server starts: set it only
        // when the operator has not (-Dsun.net.httpserver.maxReqTime=SECONDS).
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_TIMEOUT.toSeconds()));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Duration requestTimeout;
    private final ItemPublisher publisher;
    private final Supplier<String> unhealthy;
    private final IngestTokens tokens;
    private final int maxItemBytes;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /**
     * Starts listening.
     *
     * @param address where to listen; port 0 takes a free port (see {@link #port()})
     */
    public HttpIngestServer(InetSocketAddress address, ItemPublisher publisher, int maxItemBytes) throws IOException {
        this(address, publisher, maxItemBytes, () -> null);
    }

    /**
     * @param unhealthy why items cannot be stored now (one line, "Kafka at ... unreachable for 12 s"), or null when
     *                  they can; asked at each /health, so it must answer at once (read a watch's last result, not
     *                  the broker)
     */
    public HttpIngestServer(InetSocketAddress address, ItemPublisher publisher, int maxItemBytes, Supplier<String> unhealthy)
            throws IOException {
        this(address, publisher, maxItemBytes, unhealthy, null, REQUEST_TIMEOUT);
    }

    /** @param tokens who may push, as which source; null takes every push (and says so at WARN) */
    public HttpIngestServer(InetSocketAddress address, ItemPublisher publisher, int maxItemBytes, Supplier<String> unhealthy,
                            IngestTokens tokens) throws IOException {
        this(address, publisher, maxItemBytes, unhealthy, tokens, REQUEST_TIMEOUT);
    }

    /** @param requestTimeout how long a request's body may take to arrive (tests shorten it) */
    HttpIngestServer(InetSocketAddress address, ItemPublisher publisher, int maxItemBytes, Supplier<String> unhealthy,
                     IngestTokens tokens, Duration requestTimeout) throws IOException {
        this.publisher = publisher;
        this.unhealthy = unhealthy;
        this.tokens = tokens;
        this.requestTimeout = requestTimeout;
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wirestream-http-ingest-deadline");
            t.setDaemon(true);
            return t;
        });
        deadlines.setRemoveOnCancelPolicy(true);
        this.maxItemBytes = maxItemBytes;
        this.server = HttpServer.create(address, 64);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "wirestream-http-ingest");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/ingest", this::ingest);
        server.createContext("/health", this::health);
        server.start();
        LOG.info("Accepting wire items on http://{}:{}/ingest (limit {} bytes)", address.getHostString(), port(), maxItemBytes);
        if (tokens == null) {
            LOG.warn("HTTP ingest takes pushes without a token: anyone who reaches port {} can publish as any source; "
                    + "set ingest.http.tokens.file (README, Configuration)", port());
        } else {
            LOG.info("HTTP ingest takes pushes with a token only, for sources {}", tokens.sources());
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    private void health(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestURI().getPath().equals("/health")) {
                reply(ex, 404, Map.of("error", "not found"));
            } else if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                reply(ex, 405, Map.of("error", "use GET"));
            } else {
                String why = unhealthy.get();
                reply(ex, why == null ? 200 : 503, why == null ? Map.of("status", "ok") : Map.of("error", why));
            }
        }
    }

    private void ingest(HttpExchange ex) throws IOException {
        Deadline deadline = new Deadline(ex);
        try (ex) {
            handle(ex, deadline);
        } catch (IOException | RuntimeException e) {
            if (deadline.expired()) {
                refused.incrementAndGet();
                LOG.warn("HTTP ingest from {}: request not received within {}; connection closed", ex.getRemoteAddress(), requestTimeout);
                return;
            }
            LOG.warn("HTTP ingest from {} failed: {}", ex.getRemoteAddress(), e.toString());
            throw e;
        } finally {
            deadline.disarm();
        }
    }

    /**
     * Closes the exchange, and so its connection, when the request has not been read by then: the
     * JDK server has no read timeout, and closing is what ends a read blocked on a stalled client.
     */
    private final class Deadline {
        private final AtomicInteger state = new AtomicInteger(); // 0 armed, 1 disarmed, 2 expired
        private final ScheduledFuture<?> task;

        Deadline(HttpExchange ex) {
            task = deadlines.schedule(() -> {
                if (state.compareAndSet(0, 2)) {
                    ex.close();
                }
            }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The request is read: from here the publish timeout applies. False when the deadline came first. */
        boolean disarm() {
            task.cancel(false);
            return state.compareAndSet(0, 1) || state.get() == 1;
        }

        boolean expired() {
            return state.get() == 2;
        }
    }

    private void handle(HttpExchange ex, Deadline deadline) throws IOException {
        if (!ex.getRequestURI().getPath().equals("/ingest")) {
            refuse(ex, 404, "not found: POST wire items to /ingest");
            return;
        }
        if (!ex.getRequestMethod().equals("POST")) {
            ex.getResponseHeaders().set("Allow", "POST");
            refuse(ex, 405, "use POST");
            return;
        }
        String entitled = null;
        if (tokens != null) {
            entitled = tokens.sourceFor(ex.getRequestHeaders().getFirst("Authorization"));
            if (entitled == null) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"wirestream-ingest\"");
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"wirestream-ingest\", charset=\"UTF-8\"");
                refuse(ex, 401, ex.getRequestHeaders().containsKey("Authorization")
                        ? "unknown token: send your agency's token as Authorization: Bearer TOKEN (or Basic, source:token)"
                        : "missing token: this endpoint takes pushes with Authorization: Bearer TOKEN (or Basic, source:token) only");
                return;
            }
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        String source = param(ex, query, "source", "X-Wirestream-Source");
        if (source == null) {
            source = entitled;
        }
        String format = param(ex, query, "format", "X-Wirestream-Format");
        String id = param(ex, query, "id", "X-Wirestream-Id");
        if (source == null) {
            refuse(ex, 400, "missing source: give ?source=ID or the X-Wirestream-Source header");
            return;
        }
        if (!ID.matcher(source).matches()) {
            refuse(ex, 400, "source must be a plain id (letters, digits, . _ - : @), not '" + source + "'");
            return;
        }
        if (entitled != null && !entitled.equals(source)) {
            refuse(ex, 403, "this token publishes as '" + entitled + "', not '" + source + "'");
            return;
        }
        if (format == null) {
            format = WireFormat.AUTO;
        } else if (!format.equalsIgnoreCase(WireFormat.AUTO) && WireFormat.fromId(format).isEmpty()) {
            refuse(ex, 400, "unknown format '" + format + "'");
            return;
        }
        if (id != null && !ID.matcher(id).matches()) {
            refuse(ex, 400, "id must be a plain id (letters, digits, . _ - : @), not '" + id + "'");
            return;
        }
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (notAWireFormat(contentType)) {
            // a gzipped file sent as such is readable once the client says so (see Content-Encoding below)
            String type = mediaType(contentType);
            refuse(ex, 415, "Content-Type " + contentType + " is not a wire format: " + (type.endsWith("gzip")
                    ? "send the file itself, or gzipped with Content-Encoding: gzip and its own type" : WIRE_TYPES));
            return;
        }
        String charset = WireText.unknownCharset(contentType);
        if (charset != null) {
            refuse(ex, 415, "unknown charset '" + charset + "' in Content-Type " + contentType);
            return;
        }
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        boolean gzip = encoding != null && List.of("gzip", "x-gzip").contains(encoding.strip().toLowerCase(Locale.ROOT));
        if (encoding != null && !gzip && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            refuse(ex, 415, "Content-Encoding " + encoding + " is not accepted: send gzip or none");
            return;
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (!gzip && length != null && parseLong(length) > maxItemBytes) {
            refuse(ex, 413, "item of " + length + " bytes exceeds the limit of " + maxItemBytes);
            return;
        }
        byte[] body;
        boolean over;
        try {
            // An agency that compresses its push (Content-Encoding: gzip) sends the wire file gzipped: the
            // JDK server does not undo it, and the compressed bytes were accepted with 202 and then
            // dead-lettered as binary. The limit applies to the file, not to what went over the wire.
            InputStream in = gzip ? new GZIPInputStream(ex.getRequestBody(), 64 * 1024) : ex.getRequestBody();
            body = in.readNBytes(maxItemBytes);
            over = in.read() >= 0; // chunked, or a Content-Length that lied
        } catch (ZipException | EOFException e) {
            if (!gzip) {
                throw e;
            }
            refuse(ex, 400, "Content-Encoding gzip but the body is not gzip: " + e.getMessage());
            return;
        }
        if (over) {
            refuse(ex, 413, "item exceeds the limit of " + maxItemBytes + " bytes");
            return;
        }
        if (body.length == 0) {
            refuse(ex, 400, "empty body: nothing to ingest");
            return;
        }
        if (!deadline.disarm()) {
            throw new IOException("request not received in time");
        }
        Instant now = Instant.now();
        String itemId = id != null ? id : "http-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        RawItems.Captured c = RawItems.of(source, format.toLowerCase(Locale.ROOT), itemId, "http:" + ex.getRemoteAddress(), body, now,
                contentType);
        try {
            publisher.publish(c).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("HTTP ingest of {} from {}: publishing failed: {}", c.key(), ex.getRemoteAddress(), cause.toString());
            refused.incrementAndGet();
            reply(ex, 503, Map.of("error", "not stored, retry: " + cause.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(ex, 503, Map.of("error", "shutting down, retry"));
            return;
        }
        accepted.incrementAndGet();
        LOG.debug("HTTP ingest: {} ({} bytes) from {}", c.key(), body.length, ex.getRemoteAddress());
        reply(ex, 202, Map.of("key", c.key()));
    }

    /**
     * Media types that are never wire text: accepted, each became a dead letter that the client, told 202, never
     * heard of. The parameters (charset) and case do not matter.
     */
    static boolean notAWireFormat(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = mediaType(contentType);
        return NOT_WIRE.contains(type) || NOT_WIRE_FAMILIES.stream().anyMatch(type::startsWith);
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private void refuse(HttpExchange ex, int status, String why) throws IOException {
        refused.incrementAndGet();
        LOG.warn("HTTP ingest from {} refused with {}: {}", ex.getRemoteAddress(), status, why);
        drain(ex);
        reply(ex, status, Map.of("error", why));
    }

    /**
     * Reads and drops what is left of the request body (up to {@value #DRAIN_LIMIT} bytes) before a
     * refusal: a client still sending when the server answers and closes gets a broken connection
     * instead of the status that tells it why.
     */
    private static void drain(HttpExchange ex) {
        try {
            InputStream in = ex.getRequestBody();
            long left = DRAIN_LIMIT;
            byte[] buf = new byte[64 * 1024];
            for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            LOG.debug("draining a refused request", e);
        }
    }

    private static void reply(HttpExchange ex, int status, Map<String, String> json) throws IOException {
        byte[] out = JSON.writeValueAsBytes(json);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
    }

    private static String param(HttpExchange ex, Map<String, String> query, String name, String header) {
        String v = query.get(name);
        if (v == null || v.isBlank()) {
            v = ex.getRequestHeaders().getFirst(header);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Stops accepting; requests in flight may finish publishing (up to the publish timeout) before the producer closes. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        deadlines.shutdownNow();
        try {
            if (!executor.awaitTermination(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("HTTP ingest: requests still running after {} s at shutdown", PUBLISH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("HTTP ingest stopped: {} accepted, {} refused", accepted.get(), refused.get());
    }
}
