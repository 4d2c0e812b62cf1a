package io.wirestream.desk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Rows the desk page draws, as JSON: what the server sends and streams. Holds at most {@code capacity} entries, the
 * least recently changed leaving first (off the board, not off the topic), and tells its listeners of each row that
 * changes. Thread-safe: the topic reader changes entries, page requests read the rows.
 *
 * @param <V> what a row is drawn from
 */
abstract class Board<V> {

    private final int capacity;
    /** The JSON field of a row that orders the snapshot, newest first. */
    private final String timeField;
    /** Entries by id, the least recently changed first. */
    private final LinkedHashMap<String, V> entries = new LinkedHashMap<>();
    private final List<Consumer<ObjectNode>> listeners = new CopyOnWriteArrayList<>();

    Board(int capacity, String what, String timeField) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the board holds at least one " + what + ", not " + capacity);
        }
        this.capacity = capacity;
        this.timeField = timeField;
    }

    /** The row an entry draws. Called under the board's lock. */
    abstract ObjectNode row(V entry);

    /**
     * Changes the entry {@code id} ({@code create}d when new) with {@code change}, under the board's lock; it becomes
     * the most recently changed, and its row goes to the listeners.
     */
    final void change(String id, Function<String, V> create, UnaryOperator<V> change) {
        ObjectNode row;
        synchronized (entries) {
            V entry = entries.remove(id); // re-inserted last: the order is by latest change
            entry = change.apply(entry == null ? create.apply(id) : entry);
            entries.put(id, entry);
            while (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
            row = row(entry);
        }
        listeners.forEach(l -> l.accept(row));
    }

    /** The rows now, the newest first by their time field. */
    public final List<ObjectNode> snapshot() {
        List<ObjectNode> out = new ArrayList<>();
        synchronized (entries) {
            entries.values().forEach(e -> out.add(row(e)));
        }
        out.sort(Comparator.comparing((ObjectNode n) -> Instant.parse(n.get(timeField).asText())).reversed());
        return out;
    }

    /** Calls {@code listener} with every row that changes from now on; returns what removes it. */
    public final Runnable listen(Consumer<ObjectNode> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
