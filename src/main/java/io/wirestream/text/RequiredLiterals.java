package io.wirestream.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a regular expression cannot match without: a set of literal strings of which every match
 * contains at least one, read from the expression's source. Used to skip a pattern cheaply: a text
 * that contains none of them cannot match, so the regex engine (which would try every position of the
 * text) need not run. For a case-insensitive pattern the literals are {@linkplain #fold folded}, and
 * the text must be folded the same way before it is searched.
 *
 * <p>The reading is conservative: it understands literal characters, escaped metacharacters, groups,
 * alternation and quantifiers, and treats everything else (classes, {@code .}, escapes such as
 * {@code \d} or {@code \b}, look-arounds, back-references) as "some character or none", which only
 * makes a literal shorter. Where it cannot be sure (inline flags such as {@code (?x)}, which change
 * what a literal is, an alternative with no literal at all, characters outside the BMP) it answers
 * empty, and the pattern is always run.
 */
public final class RequiredLiterals {

    private final String src;
    private int pos;

    private RequiredLiterals(String src) {
        this.src = src;
    }

    /**
     * The literals of {@code regex}, folded with {@link #fold} (pass {@code caseInsensitive} when the
     * pattern is compiled with {@code CASE_INSENSITIVE | UNICODE_CASE}); empty when it cannot tell.
     */
    public static Optional<Set<String>> of(String regex, boolean caseInsensitive) {
        for (int i = 0; i < regex.length(); i++) {
            if (Character.isSurrogate(regex.charAt(i))) {
                return Optional.empty();
            }
        }
        RequiredLiterals r = new RequiredLiterals(regex);
        try {
            Set<String> found = r.alternation();
            if (found == null || r.pos != regex.length()) {
                return Optional.empty();
            }
            Set<String> out = new LinkedHashSet<>();
            for (String s : found) {
                out.add(caseInsensitive ? fold(s) : s);
            }
            return Optional.of(Set.copyOf(out));
        } catch (Unsure e) {
            return Optional.empty();
        }
    }

    /**
     * Java's Unicode case folding for case-insensitive matching, a character at a time ({@code
     * Pattern}'s {@code CASE_INSENSITIVE | UNICODE_CASE} compares {@code toLowerCase(toUpperCase(c))});
     * unlike {@link String#toLowerCase} it never changes a text's length ("İ" stays one character).
     */
    public static String fold(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        }
        return new String(out);
    }

    /** Thrown where the reading stops being sure; the pattern then has no literals. */
    private static final class Unsure extends RuntimeException {
        Unsure() {
            super(null, null, false, false);
        }
    }

    /** alternatives up to ')' or the end: the union of each one's literals, or null if one has none. */
    private Set<String> alternation() {
        Set<String> union = new LinkedHashSet<>();
        boolean unsure = false;
        while (true) {
            Set<String> alt = sequence();
            if (alt == null) {
                unsure = true;
            } else {
                union.addAll(alt);
            }
            if (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                continue;
            }
            return unsure ? null : union;
        }
    }

    /**
     * One alternative: the most telling of its required parts (runs of literal characters, groups
     * that must match), the one whose shortest literal is longest; null if none is required.
     */
    private Set<String> sequence() {
        List<Set<String>> candidates = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '|' || c == ')') {
                break;
            }
            Set<String> group = null;
            Character literal = null;
            if (c == '(') {
                group = group();
            } else if (c == '\\') {
                literal = escape();
            } else if (c == '[') {
                skipClass();
            } else if ("*+?{".indexOf(c) >= 0) {
                throw new Unsure(); // a quantifier with nothing before it: not ours to read
            } else {
                pos++;
                literal = ".^$".indexOf(c) >= 0 ? null : c;
            }
            int min = quantifier();
            if (literal != null && min >= 1) {
                run.append(literal);
                if (min != 1 || lastQuantifierRepeats) {
                    flush(run, candidates);
                }
            } else {
                flush(run, candidates);
                if (group != null && min >= 1) {
                    candidates.add(group);
                }
            }
        }
        flush(run, candidates);
        Set<String> best = null;
        int bestMin = 0;
        for (Set<String> s : candidates) {
            int m = s.stream().mapToInt(String::length).min().orElse(0);
            if (m > bestMin) {
                best = s;
                bestMin = m;
            }
        }
        return best;
    }

    /** Whether the atom before the quantifier just read may match more than once. */
    private boolean lastQuantifierRepeats;

    private static void flush(StringBuilder run, List<Set<String>> candidates) {
        if (run.length() > 0) {
            candidates.add(Set.of(run.toString()));
            run.setLength(0);
        }
    }

    /** A group at '(': its literals if it is a plain or capturing group, null for look-arounds. */
    private Set<String> group() {
        pos++; // (
        boolean lookaround = false;
        if (src.startsWith("?", pos)) {
            if (src.startsWith("?:", pos)) {
                pos += 2;
            } else if (src.startsWith("?=", pos) || src.startsWith("?!", pos)) {
                pos += 2;
                lookaround = true;
            } else if (src.startsWith("?<=", pos) || src.startsWith("?<!", pos)) {
                pos += 3;
                lookaround = true;
            } else if (src.startsWith("?<", pos)) {
                int end = src.indexOf('>', pos);
                if (end < 0) {
                    throw new Unsure();
                }
                pos = end + 1;
            } else {
                throw new Unsure(); // inline flags, atomic groups: they change what follows
            }
        }
        Set<String> inner = alternation();
        if (pos >= src.length() || src.charAt(pos) != ')') {
            throw new Unsure();
        }
        pos++;
        return lookaround ? null : inner;
    }

    /** An escape at '\': the character it stands for if it is an escaped metacharacter, else null. */
    private Character escape() {
        if (pos + 1 >= src.length()) {
            throw new Unsure();
        }
        char e = src.charAt(pos + 1);
        pos += 2;
        if (!Character.isLetterOrDigit(e)) {
            return e;
        }
        if (Character.isDigit(e)) {
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++; // a back-reference or an octal escape, all its digits
            }
            return null;
        }
        switch (e) {
            case 'p', 'P', 'x', 'N', 'k' -> {
                // \p{..}, \x{..}, \N{..}, \k<..>: skip the braces or brackets if there are any
                if (pos < src.length() && (src.charAt(pos) == '{' || src.charAt(pos) == '<')) {
                    int end = src.indexOf(src.charAt(pos) == '{' ? '}' : '>', pos);
                    if (end < 0) {
                        throw new Unsure();
                    }
                    pos = end + 1;
                } else if (e == 'p' || e == 'P') {
                    pos++; // \pL
                } else if (e == 'x') {
                    pos += 2; // \xhh
                }
                return null;
            }
            case 'Q' -> throw new Unsure(); // quoted text: rare in a phrase list, not worth reading
            case 'u' -> {
                pos += 4;
                return null;
            }
            case 'c' -> {
                pos++;
                return null;
            }
            default -> {
                return null; // \d \w \s \b \B \A \z \t \n, back-references: not a literal we can use
            }
        }
    }

    /** Skips a character class at '[', nested classes and escapes included. */
    private void skipClass() {
        int depth = 0;
        boolean first = true;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                char e = pos + 1 < src.length() ? src.charAt(pos + 1) : ' ';
                if (e == 'Q') {
                    throw new Unsure(); // Java unquotes \Q...\E inside a class too: "[\Q]a\E]" holds "]"
                }
                pos += e == 'c' ? 3 : 2; // \c takes the next character whatever it is, "]" included
                first = false;
                continue;
            }
            if (c == '[') {
                depth++;
                pos++;
                if (src.startsWith("^", pos)) {
                    pos++;
                }
                first = true;
                continue;
            }
            if (c == ']' && !first) {
                depth--;
                pos++;
                if (depth == 0) {
                    return;
                }
                continue;
            }
            first = false;
            pos++;
        }
        throw new Unsure();
    }

    /**
     * A quantifier after an atom, if any: the least number of times the atom must match (1 without
     * one). Sets {@link #lastQuantifierRepeats} when the atom may repeat.
     */
    private int quantifier() {
        lastQuantifierRepeats = false;
        if (pos >= src.length()) {
            return 1;
        }
        char c = src.charAt(pos);
        int min;
        if (c == '?' || c == '*' || c == '+') {
            pos++;
            min = c == '+' ? 1 : 0;
            lastQuantifierRepeats = c != '?';
        } else if (c == '{') {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw new Unsure();
            }
            String[] bounds = src.substring(pos + 1, end).split(",", -1);
            try {
                min = Integer.parseInt(bounds[0].trim());
                lastQuantifierRepeats = bounds.length > 1 || min > 1;
            } catch (NumberFormatException e) {
                throw new Unsure();
            }
            pos = end + 1;
        } else {
            return 1;
        }
        if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
            pos++; // lazy or possessive: the same least count
        }
        return min;
    }
}
