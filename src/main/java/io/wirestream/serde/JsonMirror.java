package io.wirestream.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Alert;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Subject;
import java.util.List;
import java.util.Locale;

/**
 * ninjs-style JSON for tools that do not speak Avro (the *.json mirror topics). Standard ninjs 1.x
 * field names where ninjs has the field (uri, version, versioncreated, pubstatus, urgency, headline,
 * body_text, body_html, byline, located, slugline, subject, place, language); everything the pipeline
 * adds sits under "wirestream" so a plain ninjs reader can ignore it.
 */
public final class JsonMirror {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonMirror() {
    }

    public static ObjectNode story(EnrichedStory s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("uri", s.getUri());
        putIfSet(n, "version", s.getVersion());
        n.put("versioncreated", s.getVersionCreated().toString());
        if (s.getFirstCreated() != null) {
            n.put("firstcreated", s.getFirstCreated().toString());
        }
        if (s.getEmbargoedUntil() != null) {
            n.put("embargoed", s.getEmbargoedUntil().toString());
        }
        putIfSet(n, "ednote", s.getEdNote());
        n.put("type", "text");
        n.put("pubstatus", s.getPubStatus().name().toLowerCase(Locale.ROOT));
        if (s.getUrgency() != null) {
            n.put("urgency", s.getUrgency());
        }
        n.put("headline", s.getHeadline());
        putIfSet(n, "description_text", s.getDescription());
        n.put("body_text", String.join("\n\n", s.getBody()));
        putIfSet(n, "body_html", s.getBodyHtml());
        putIfSet(n, "byline", s.getByline());
        putIfSet(n, "located", s.getDatelinePlace());
        putIfSet(n, "slugline", s.getSlugline());
        putIfSet(n, "language", s.getLanguage());
        putIfSet(n, "copyrightholder", s.getAgency());
        ArrayNode subjects = n.putArray("subject");
        for (Subject sub : s.getSubjects()) {
            ObjectNode o = subjects.addObject().put("scheme", sub.getScheme()).put("code", sub.getCode());
            putIfSet(o, "name", sub.getName());
        }
        for (String c : s.getCategories()) {
            subjects.addObject().put("scheme", "medtop").put("code", c.replace("medtop:", "")).put("rel", "wirestream:category");
        }
        ArrayNode places = n.putArray("place");
        s.getPlaces().forEach(p -> places.addObject().put("name", p));
        s.getRegions().forEach(r -> places.addObject().put("code", r).put("scheme", "iso3166-1a2"));

        ObjectNode w = n.putObject("wirestream");
        w.put("storyKey", s.getStoryKey());
        w.put("action", s.getAction().name().toLowerCase(Locale.ROOT));
        putIfSet(w, "previousVersion", s.getPreviousVersion());
        w.put("source", s.getSource());
        w.put("format", s.getFormat());
        putIfSet(w, "provider", s.getProvider());
        putIfSet(w, "providerSequence", s.getProviderSequence());
        putIfSet(w, "priority", s.getPriority());
        putIfSet(w, "dateline", s.getDateline());
        putIfSet(w, "versionCreatedFrom", s.getVersionCreatedFrom());
        if (s.getEmbargoedUntil() != null) {
            w.put("embargoedUntil", s.getEmbargoedUntil().toString());
        }
        strings(w.putArray("signals"), s.getSignals().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList());
        putIfSet(w, "clusterId", s.getClusterId());
        strings(w.putArray("categories"), s.getCategories());
        strings(w.putArray("regions"), s.getRegions());
        if (s.getAlertLevel() != null) {
            w.put("alert", s.getAlertLevel().name().toLowerCase(Locale.ROOT));
        }
        w.put("receivedAt", s.getReceivedAt().toString());
        w.put("contentHash", s.getContentHash());
        return n;
    }

    public static ObjectNode alert(Alert a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("clusterId", a.getClusterId());
        n.put("storyKey", a.getStoryKey());
        n.put("level", a.getLevel().name().toLowerCase(Locale.ROOT));
        n.put("headline", a.getHeadline());
        strings(n.putArray("reasons"), a.getReasons());
        strings(n.putArray("evidence"), a.getEvidence());
        strings(n.putArray("sources"), a.getSources());
        strings(n.putArray("regions"), a.getRegions());
        n.put("firstSeen", a.getFirstSeen().toString());
        n.put("alertedAt", a.getAlertedAt().toString());
        n.put("latencyMs", a.getLatencyMs());
        return n;
    }

    public static String toString(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void putIfSet(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

}
