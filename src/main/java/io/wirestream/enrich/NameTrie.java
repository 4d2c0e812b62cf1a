package io.wirestream.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A token trie of gazetteer names: one pass over a text's tokens finds every name, longest first
 * at each position ("New South Wales" before "New", "Papua New Guinea" before "Guinea"), instead
 * of one regular expression per place.
 *
 * @param <E> what a name stands for
 */
final class NameTrie<E> {

    private static final class Node<E> {
        final Map<String, Node<E>> next = new HashMap<>(4);
        List<E> values;
    }

    private final Node<E> root = new Node<>();
    private int names;

    void add(List<String> keys, E value) {
        if (keys.isEmpty()) {
            return;
        }
        Node<E> n = root;
        for (String k : keys) {
            n = n.next.computeIfAbsent(k, x -> new Node<>());
        }
        if (n.values == null) {
            n.values = new ArrayList<>(1);
            names++;
        }
        n.values.add(value);
    }

    int size() {
        return names;
    }

    /** A match: tokens [from, to) name the values. */
    record Match<E>(int from, int to, List<E> values) {
    }

    /** Longest match starting at token {@code from}, or null. */
    Match<E> longestAt(List<Tokens.Token> tokens, int from) {
        Node<E> n = root;
        Match<E> best = null;
        for (int i = from; i < tokens.size(); i++) {
            n = n.next.get(tokens.get(i).key());
            if (n == null) {
                break;
            }
            if (n.values != null) {
                best = new Match<>(from, i + 1, n.values);
            }
        }
        return best;
    }

    /** Every longest, non-overlapping match, left to right. */
    List<Match<E>> scan(List<Tokens.Token> tokens) {
        List<Match<E>> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match<E> m = longestAt(tokens, i);
            if (m == null) {
                i++;
            } else {
                out.add(m);
                i = m.to();
            }
        }
        return out;
    }
}
