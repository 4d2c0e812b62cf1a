package io.wirestream.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the answers of a pure function of a text (a catalogue lookup, a phrase match) for texts
 * that come back over and over, so the work is done once per text. Bounded: cleared when full, which
 * is enough for the few thousand distinct texts that repeat (names sent, headlines matched twice).
 */
public final class BoundedMemo<V> {

    private final int max;
    private final Map<String, V> known = new ConcurrentHashMap<>();

    public BoundedMemo(int max) {
        this.max = max;
    }

    /** The remembered answer for {@code text}, else {@code compute}'s, remembered. */
    public V get(String text, Function<String, V> compute) {
        V v = known.get(text);
        if (v != null) {
            return v;
        }
        if (known.size() >= max) {
            known.clear();
        }
        v = compute.apply(text);
        known.put(text, v);
        return v;
    }
}
