package io.wirestream.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk page ({@code run --desk-port}): editors open it in a browser and see the alerts as they are decided,
 * each cluster's row updated in place as more sources come in, escalated, or killed. Serves
 * <ul>
 * <li>{@code GET /}: the page (one HTML file with its script; no build step, nothing fetched from elsewhere);</li>
 * <li>{@code GET /events}: Server-Sent Events, first every row on the board, then each change, one JSON row per
 *     event, and a comment every {@value #HEARTBEAT_SECONDS} s so proxies keep the stream open; the browser's
 *     EventSource reconnects by itself and is sent the whole board again;</li>
 * <li>{@code GET /alerts}: the board as one JSON array, newest first (for scripts and checks).</li>
 * </ul>
 * The board is filled by an {@link AlertFeed} reading the alerts topic; this class only serves it.
 */
public final class DeskServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);
    static final int HEARTBEAT_SECONDS = 15;

    private final HttpServer http;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> daemon(r, "desk-http"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "desk-heartbeat"));
    private final Set<OutputStream> streams = ConcurrentHashMap.newKeySet();
    private final Runnable unlisten;

    public DeskServer(int port, AlertBoard board) throws IOException {
        byte[] page = page();
        http = HttpServer.create(new InetSocketAddress(port), 0);
        http.setExecutor(handlers);
        http.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 200, "text/html; charset=utf-8", page);
            }
        });
        http.createContext("/alerts", exchange -> {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            board.snapshot().forEach(all::add);
            respond(exchange, 200, "application/json", all.toString().getBytes(StandardCharsets.UTF_8));
        });
        http.createContext("/events", exchange -> open(exchange, board));
        unlisten = board.listen(row -> streams.forEach(out -> send(out, event(row))));
        heartbeat.scheduleAtFixedRate(() -> streams.forEach(out -> send(out, ": keep-alive\n\n")), HEARTBEAT_SECONDS,
                HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Starts an event stream: the board as it is, oldest first so the page ends with the newest on top, then live. */
    private void open(HttpExchange exchange, AlertBoard board) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        synchronized (out) {
            var rows = board.snapshot();
            for (int i = rows.size() - 1; i >= 0; i--) {
                out.write(event(rows.get(i)).getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            streams.add(out); // under the lock: a change that comes meanwhile waits for the board to be sent
        }
    }

    private static String event(ObjectNode row) {
        return "event: alert\ndata: " + row + "\n\n";
    }

    /** Writes to one stream; a browser that went away is dropped. */
    private void send(OutputStream out, String text) {
        synchronized (out) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                streams.remove(out);
                try {
                    out.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] page() throws IOException {
        try (InputStream in = DeskServer.class.getResourceAsStream("desk.html")) {
            if (in == null) {
                throw new IOException("desk.html missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        unlisten.run();
        heartbeat.shutdownNow();
        streams.forEach(out -> {
            try {
                out.close();
            } catch (IOException e) {
                LOG.debug("closing an event stream: {}", e.toString());
            }
        });
        http.stop(0);
        handlers.shutdownNow();
    }
}
