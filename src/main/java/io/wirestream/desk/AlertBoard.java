package io.wirestream.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.classify.MediaTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the desk page shows: the latest alert of each cluster, as the alerts topic holds it (keyed by cluster: a later
 * story's update or an escalation replaces the row). A KILL notice is a row of its own, one per killed story, so a
 * later update of the cluster (other outlets' copy stands) does not hide it. At most {@code capacity} rows, the most
 * recently changed; an older one drops off the board, not off the topic. Listeners hear of
 * each change as the JSON row the page draws. Thread-safe: the topic reader writes, page requests read.
 */
public final class AlertBoard implements Board {

    private final int capacity;
    private final MediaTopics topics = MediaTopics.bundled();
    /** Cluster id to its row, in the order last changed. */
    private final LinkedHashMap<String, ObjectNode> rows = new LinkedHashMap<>();
    private final List<Consumer<ObjectNode>> listeners = new CopyOnWriteArrayList<>();

    public AlertBoard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the board holds at least one alert, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Puts an alert on the board, replacing its cluster's row, and tells the listeners. */
    public void accept(Alert a) {
        ObjectNode row = row(a);
        String id = row.get("id").asText();
        synchronized (rows) {
            rows.remove(id); // re-inserted last: the order is by latest change
            rows.put(id, row);
            while (rows.size() > capacity) {
                rows.remove(rows.keySet().iterator().next());
            }
        }
        listeners.forEach(l -> l.accept(row));
    }

    /** The rows, newest alert first. */
    @Override
    public List<ObjectNode> snapshot() {
        List<ObjectNode> out;
        synchronized (rows) {
            out = new ArrayList<>(rows.values());
        }
        out.sort(Comparator.comparing((ObjectNode n) -> Instant.parse(n.get("alertedAt").asText())).reversed());
        return out;
    }

    /** Calls {@code listener} with every row that changes from now on; returns what removes it. */
    @Override
    public Runnable listen(Consumer<ObjectNode> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The row the page draws: what an editor reads at a glance, and the reasons behind it. */
    ObjectNode row(Alert a) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", a.getLevel() == AlertLevel.KILL ? a.getClusterId() + "/kill/" + a.getStoryKey() : a.getClusterId());
        n.put("clusterId", a.getClusterId());
        n.put("level", a.getLevel().name());
        n.put("update", a.getUpdate());
        n.put("headline", a.getHeadline());
        n.put("sourceCount", a.getSourceCount());
        strings(n.putArray("sources"), a.getSources());
        strings(n.putArray("regions"), a.getRegions());
        if (a.getDesk() != null) {
            n.put("desk", a.getDesk());
        }
        ArrayNode categories = n.putArray("categories");
        a.getCategories().forEach(q -> categories.add(topics.label(q)));
        strings(n.putArray("reasons"), a.getReasons());
        n.put("firstSeen", a.getFirstSeen().toString());
        n.put("alertedAt", a.getAlertedAt().toString());
        n.put("latencyMs", a.getLatencyMs());
        n.put("pipelineMs", a.getLatencyFromTriggerMs());
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
