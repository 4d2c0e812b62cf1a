package io.wirestream.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts of items by (gold group, predicted group), the one table both pairwise scores and B-cubed
 * are computed from, in time linear in the number of items rather than quadratic in pairs.
 *
 * <p>An item without a gold group or without a predicted group is in a group of its own (a
 * singleton): a story the system did not group with anything, or that the corpus does not label,
 * is alone. Singletons get a key no real group id can collide with.
 */
final class Contingency {

    /** A group: a named one ({@code singleton < 0}) or the private group of one item. */
    record Key(String id, long singleton) {
        static Key of(String id, long itemIndex) {
            return id == null ? new Key(null, itemIndex) : new Key(id, -1);
        }
    }

    record Cell(Key gold, Key predicted) {
    }

    final Map<Cell, Long> cells = new HashMap<>();
    final Map<Key, Long> goldSizes = new HashMap<>();
    final Map<Key, Long> predictedSizes = new HashMap<>();
    long n;

    void add(String goldGroup, String predictedGroup) {
        long index = n++;
        Key g = Key.of(goldGroup, index);
        Key p = Key.of(predictedGroup, index);
        cells.merge(new Cell(g, p), 1L, Long::sum);
        goldSizes.merge(g, 1L, Long::sum);
        predictedSizes.merge(p, 1L, Long::sum);
    }
}
