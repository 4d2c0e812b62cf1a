package io.wirestream.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.classify.MediaTopics;
import java.util.List;

/**
 * What the desk page shows: the latest alert of each cluster, as the alerts topic holds it (keyed by cluster: a later
 * story's update or an escalation replaces the row). A KILL notice is a row of its own, one per killed story, so a
 * later update of the cluster (other outlets' copy stands) does not hide it. At most {@code capacity} rows, the most
 * recently changed ({@link Board}). Each row names the desk subscriptions its alert goes to as they stand when it
 * is drawn, so the page can show one desk its own alerts.
 */
public final class AlertBoard extends Board<Alert> {

    private final MediaTopics topics = MediaTopics.bundled();
    private final DeskSubscriptions subscriptions;

    public AlertBoard(int capacity) {
        this(capacity, new DeskSubscriptions());
    }

    public AlertBoard(int capacity, DeskSubscriptions subscriptions) {
        super(capacity, "alert", "alertedAt");
        this.subscriptions = subscriptions;
    }

    /** Puts an alert on the board, replacing its cluster's row (a KILL notice: its own row), and tells the listeners. */
    public void accept(Alert a) {
        change(rowId(a), id -> a, old -> a);
    }

    /** The desk subscriptions the rows are matched against. */
    public DeskSubscriptions subscriptions() {
        return subscriptions;
    }

    private static String rowId(Alert a) {
        return a.getLevel() == AlertLevel.KILL ? a.getClusterId() + "/kill/" + a.getStoryKey() : a.getClusterId();
    }

    @Override
    ObjectNode row(Alert entry) {
        return draw(entry);
    }

    /** The row the page draws: what an editor reads at a glance, and the reasons behind it. */
    private ObjectNode draw(Alert a) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", rowId(a));
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
        strings(n.putArray("subscriptions"), subscriptions.matching(a));
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
