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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk page ({@code run --desk-port}): editors open it in a browser and see the alerts as they are decided,
 * each cluster's row updated in place as more sources come in, escalated, or killed, and beside them the stories
 * developing (each cluster with its stories, copies and outlets). Serves
 * <ul>
 * <li>{@code GET /}: the page (one HTML file with its script; no build step, nothing fetched from elsewhere);</li>
 * <li>{@code GET /events}: Server-Sent Events, first every row of both boards, then each change, one JSON row per
 *     event ({@code alert} at once; {@code cluster} at most once a second per cluster, as a busy wire changes
 *     clusters many times a second), and a comment every {@value #HEARTBEAT_SECONDS} s so proxies keep the stream
 *     open; the browser's EventSource reconnects by itself and is sent both boards again;</li>
 * <li>{@code GET /alerts} and {@code GET /clusters}: each board as one JSON array, most recent first (for scripts and
 *     checks); each alert row names the desk subscriptions it goes to;</li>
 * <li>{@code GET /subscriptions}: the desk subscriptions ({@code id}, {@code name}), for the page's chooser: a desk
 *     opens {@code /?subscription=ID} to see only what its subscription routes to it. When they change, the stream
 *     says so ({@code subscriptions}, at most once a second) and the page reads them and the alert rows again.</li>
 * </ul>
 * The boards are filled by a {@link TopicFeed}; this class only serves them.
 */
public final class DeskServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);
    static final int HEARTBEAT_SECONDS = 15;
    /** How often changed cluster rows go out: a story picked up by twenty outlets in a second is one event. */
    static final long CLUSTER_EVERY_MS = 1000;
    /** Events one page may have waiting before it is dropped: both boards whole, and room to spare. */
    static final int QUEUE = 4 * DeskPage.BOARD_SIZE;

    private final HttpServer http;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> daemon(r, "desk-http"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "desk-timer"));
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> changedClusters = new ConcurrentHashMap<>();
    private final AtomicBoolean subscriptionsChanged = new AtomicBoolean();
    private final List<Runnable> unlisten = new ArrayList<>();

    public DeskServer(int port, AlertBoard alerts, ClusterBoard clusters) throws IOException {
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
        http.createContext("/alerts", exchange -> respond(exchange, 200, "application/json; charset=utf-8", json(alerts)));
        http.createContext("/clusters", exchange -> respond(exchange, 200, "application/json; charset=utf-8", json(clusters)));
        http.createContext("/subscriptions", exchange -> respond(exchange, 200, "application/json; charset=utf-8",
                alerts.subscriptions().list().toString().getBytes(StandardCharsets.UTF_8)));
        http.createContext("/events", exchange -> open(exchange, alerts, clusters));
        unlisten.add(alerts.listen(row -> broadcast(event("alert", row))));
        unlisten.add(clusters.listen(row -> changedClusters.put(row.get("clusterId").asText(), row)));
        unlisten.add(alerts.subscriptions().listen(() -> subscriptionsChanged.set(true)));
        timer.scheduleAtFixedRate(this::sendChanges, CLUSTER_EVERY_MS, CLUSTER_EVERY_MS, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n"), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * Starts an event stream: both boards as they are, oldest first so the page ends with the newest on top, then
     * "ready", then live. The client is listed before the boards are read, under its own lock, so a change that comes
     * meanwhile is queued after them (and shown twice at worst, which redraws the same row).
     */
    private void open(HttpExchange exchange, Board<?> alerts, Board<?> clusters) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no"); // nginx: pass events on as they come
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(exchange.getResponseBody());
        synchronized (client) {
            clients.add(client);
            for (var board : List.of(Map.entry("cluster", clusters), Map.entry("alert", alerts))) {
                List<ObjectNode> rows = board.getValue().snapshot();
                for (int i = rows.size() - 1; i >= 0; i--) {
                    client.offer(event(board.getKey(), rows.get(i)));
                }
            }
            client.offer("event: ready\ndata: {}\n\n"); // the boards are sent: what comes now is news
        }
    }

    private void sendChanges() {
        for (String id : List.copyOf(changedClusters.keySet())) {
            ObjectNode row = changedClusters.remove(id);
            if (row != null) {
                broadcast(event("cluster", row));
            }
        }
        if (subscriptionsChanged.getAndSet(false)) {
            broadcast("event: subscriptions\ndata: {}\n\n");
        }
    }

    private static String event(String name, ObjectNode row) {
        return "event: " + name + "\ndata: " + row + "\n\n";
    }

    private void broadcast(String text) {
        for (Client c : clients) {
            synchronized (c) {
                c.offer(text);
            }
        }
    }

    /**
     * One open page: its events wait in a queue of their own, and a thread of its own writes them, so a browser that
     * stops reading (a laptop closed, a stalled proxy) holds up nobody: the feed only queues, and a page that lets
     * {@value #QUEUE} events pile up is dropped (its EventSource reconnects and gets the boards afresh).
     */
    private final class Client implements Runnable {
        private final OutputStream out;
        private final java.util.concurrent.BlockingQueue<String> queue = new java.util.concurrent.ArrayBlockingQueue<>(QUEUE);
        private final Thread writer;

        Client(OutputStream out) {
            this.out = out;
            this.writer = daemon(this, "desk-events");
            writer.start();
        }

        void offer(String event) {
            if (!queue.offer(event)) {
                LOG.info("desk page: a browser fell {} events behind; its stream is closed (it reconnects by itself)", QUEUE);
                close();
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    String event = queue.take();
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    if (queue.isEmpty()) {
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                close(); // the browser went away, or the server is closing
            }
        }

        void close() {
            clients.remove(this);
            writer.interrupt();
            try {
                out.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private static byte[] json(Board<?> board) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        board.snapshot().forEach(all::add);
        return all.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
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
        unlisten.forEach(Runnable::run);
        timer.shutdownNow();
        List.copyOf(clients).forEach(Client::close);
        http.stop(0);
        handlers.shutdownNow();
    }
}
