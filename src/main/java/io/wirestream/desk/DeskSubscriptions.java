package io.wirestream.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.alert.SubscriptionMatcher;
import io.wirestream.avro.Alert;
import io.wirestream.avro.Subscription;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The desk subscriptions as alerts.subscriptions holds them (compacted, keyed by id; a tombstone deletes), so the page
 * can show one desk what its subscription routes to it: the same {@link SubscriptionMatcher} the webhook routing uses,
 * so the page and the desk's webhook never disagree. Thread-safe: the topic reader changes it, rows are drawn from it.
 */
public final class DeskSubscriptions {

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A subscription put ({@code value} not null) or deleted (a tombstone) under {@code id}. */
    public void accept(String id, Subscription value) {
        if (id == null) {
            return;
        }
        if (value == null) {
            byId.remove(id);
        } else {
            byId.put(id, value);
        }
        listeners.forEach(Runnable::run);
    }

    /** Calls {@code listener} after each change from now on; returns what removes it. */
    public Runnable listen(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The ids of the subscriptions the alert goes to, sorted. */
    public List<String> matching(Alert a) {
        return byId.values().stream().filter(s -> SubscriptionMatcher.matches(s, a)).map(Subscription::getId).sorted().toList();
    }

    /** Every subscription as {@code {"id", "name"}}, by name (the id where none), for the page's chooser. */
    public ArrayNode list() {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        byId.values().stream().sorted(Comparator.comparing(DeskSubscriptions::label, String.CASE_INSENSITIVE_ORDER)).forEach(s -> {
            ObjectNode n = all.addObject();
            n.put("id", s.getId());
            n.put("name", label(s));
        });
        return all;
    }

    private static String label(Subscription s) {
        return s.getName() == null || s.getName().isBlank() ? s.getId() : s.getName();
    }
}
