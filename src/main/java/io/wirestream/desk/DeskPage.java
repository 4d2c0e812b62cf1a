package io.wirestream.desk;

import java.io.IOException;
import java.util.Map;

/** The desk page running: the alerts topic read onto a board, and the board served on a port. */
public final class DeskPage implements AutoCloseable {

    /** How many clusters' alerts the page keeps: a busy day's worth; older ones stay on the topic. */
    public static final int BOARD_SIZE = 500;

    private final AlertFeed feed;
    private final DeskServer server;

    private DeskPage(AlertFeed feed, DeskServer server) {
        this.feed = feed;
        this.server = server;
    }

    /** Reads {@code alertsTopic} with {@code clientProps} and serves the page on {@code port} (0: any free port). */
    public static DeskPage start(Map<String, Object> clientProps, String alertsTopic, int port) throws IOException {
        AlertBoard board = new AlertBoard(BOARD_SIZE);
        DeskServer server = new DeskServer(port, board);
        try {
            return new DeskPage(new AlertFeed(clientProps, alertsTopic, board).start(), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        feed.close();
    }
}
