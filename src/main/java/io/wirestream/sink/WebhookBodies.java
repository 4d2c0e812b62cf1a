package io.wirestream.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.alert.AlertLine;
import io.wirestream.avro.Alert;
import io.wirestream.avro.DeskAlert;
import java.util.Locale;

/** The two webhook bodies: a generic JSON object, and a Slack-compatible {@code {"text": ...}} message. */
public final class WebhookBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBodies() {
    }

    /** The body for the subscription's format (json unless it says slack). */
    public static String body(DeskAlert d) {
        return "slack".equals(d.getWebhookFormat() == null ? "" : d.getWebhookFormat().toLowerCase(Locale.ROOT)) ? slack(d) : json(d);
    }

    public static String json(DeskAlert d) {
        Alert a = d.getAlert();
        ObjectNode n = JSON.createObjectNode();
        n.put("idempotencyKey", d.getIdempotencyKey());
        n.put("subscription", d.getSubscriptionId());
        n.put("clusterId", a.getClusterId());
        n.put("storyKey", a.getStoryKey());
        n.put("level", a.getLevel().toString());
        n.put("headline", a.getHeadline());
        n.put("sourceCount", a.getSourceCount());
        a.getSources().forEach(n.putArray("sources")::add);
        a.getRegions().forEach(n.putArray("regions")::add);
        a.getCategories().forEach(n.putArray("categories")::add);
        a.getReasons().forEach(n.putArray("reasons")::add);
        n.put("firstSeen", a.getFirstSeen().toString());
        n.put("alertedAt", a.getAlertedAt().toString());
        n.put("latencyMs", a.getLatencyMs());
        return n.toString();
    }

    public static String slack(DeskAlert d) {
        Alert a = d.getAlert();
        ObjectNode n = JSON.createObjectNode();
        n.put("text", "*" + a.getLevel() + "* " + a.getHeadline() + "\n" + AlertLine.format(a) + "\n_" + String.join("; ", a.getReasons()) + "_");
        return n.toString();
    }
}
