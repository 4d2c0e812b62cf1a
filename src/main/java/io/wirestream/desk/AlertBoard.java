package io.wirestream.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.classify.MediaTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the desk page shows: the latest alert of each cluster, as the alerts topic holds it (keyed by cluster: a later
 * story's update or an escalation replaces the row). A KILL notice is a row of its own, one per killed story, so a
 * later update of the cluster (other outlets' copy stands) does not hide it. At most {@code capacity} rows, the most
 * recently changed ({@link Board}). Each row names the desk subscriptions its cluster's alerts were routed to: the
 * routing ({@code DeskRouterProcessor}) sends each new alert, never its updates, so a row is matched by its new alerts
 * (at most one a level), not by the latest update's headline or sources. They are matched as the subscriptions stand
 * when the row is drawn, so subscriptions read after the alerts (the page starting, a subscription added) still count.
 */
public final class AlertBoard extends Board<AlertBoard.Row> {

    /** A cluster's row: the alert it shows (the latest, updates included) and the new alerts that were routed. */
    record Row(Alert latest, List<Alert> routed) {
        Row with(Alert a) {
            if (a.getUpdate()) {
                return new Row(a, routed);
            }
            List<Alert> all = new ArrayList<>(routed);
            all.add(a);
            return new Row(a, List.copyOf(all));
        }
    }

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
        change(rowId(a), id -> new Row(a, List.of()), old -> old.with(a));
    }

    /** The desk subscriptions the rows are matched against. */
    public DeskSubscriptions subscriptions() {
        return subscriptions;
    }

    private static String rowId(Alert a) {
        return a.getLevel() == AlertLevel.KILL ? a.getClusterId() + "/kill/" + a.getStoryKey() : a.getClusterId();
    }

    @Override
    ObjectNode row(Row entry) {
        ObjectNode n = draw(entry.latest());
        Set<String> routedTo = new TreeSet<>();
        entry.routed().forEach(a -> routedTo.addAll(subscriptions.matching(a)));
        strings(n.putArray("subscriptions"), List.copyOf(routedTo));
        return n;
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
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
