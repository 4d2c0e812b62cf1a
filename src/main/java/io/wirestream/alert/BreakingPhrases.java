package io.wirestream.alert;

import io.wirestream.text.BoundedMemo;
import io.wirestream.text.LanguageGuess;
import io.wirestream.text.RequiredLiterals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The weighted, multi-language list of breaking-news phrases (deaths, attacks, explosions,
 * earthquakes with a magnitude, resignations, coups, declarations of war, states of emergency, a
 * head of state or government killed, dying or ousted), read from a tab-separated resource
 * ({@code breaking-phrases.tsv}: weight, language, reason, regular expression) or a file given by
 * {@code alert.phrases}. A text's weight is the sum over the distinct rules it matches, each rule
 * once, so "strikes that killed the supreme leader" scores the head-of-state rule, the military
 * strike and the death together, while a headline repeating "killed" counts it once.
 */
public final class BreakingPhrases {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BreakingPhrases.class);

    /**
     * One rule: its weight, language, the reason written into an alert, and its pattern; {@code
     * triggers} are literals (folded, {@link RequiredLiterals}) of which every match contains one, or
     * empty when the pattern's source does not tell.
     */
    public record Rule(double weight, String language, String reason, Pattern pattern, Optional<Set<String>> triggers) {

        public Rule(double weight, String language, String reason, Pattern pattern) {
            this(weight, language, reason, pattern, triggersOf(pattern));
        }

        /** The pattern's literals, unless a flag changes what its source means (COMMENTS, LITERAL, CANON_EQ ...). */
        private static Optional<Set<String>> triggersOf(Pattern pattern) {
            int known = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
            return (pattern.flags() & ~known) == 0 ? RequiredLiterals.of(pattern.pattern(), true) : Optional.empty();
        }

        /** Whether the pattern matches somewhere in {@code text}, given the same text {@code folded}. */
        public boolean matches(String text, String folded) {
            if (triggers.isEmpty()) {
                return pattern.matcher(text).find();
            }
            for (String t : triggers.get()) {
                if (folded.contains(t)) {
                    return pattern.matcher(text).find();
                }
            }
            return false; // cannot match: the regex engine would have tried every position for nothing
        }
    }

    /** What a text matched: the summed weight and the reasons, in rule order. */
    public record Match(double weight, List<String> reasons) {
        public static final Match NONE = new Match(0, List.of());
    }

    private static final String RESOURCE = "breaking-phrases.tsv";
    private final List<Rule> rules;
    /**
     * The texts matched lately: every story's headline and lead is matched twice, by the alert rules
     * and again by its cluster's alert state one repartition later, and each match runs every rule's
     * pattern over the text (a JFR profile of bench: 19% of the stream thread, half of it the second
     * time). The rules never change, so neither does a text's match.
     */
    private final BoundedMemo<Match> matched = new BoundedMemo<>(4_096);

    /** The languages some rule is written for. */
    private final Set<String> languages;

    private BreakingPhrases(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.languages = rules.stream().map(Rule::language).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The bundled list. */
    public static BreakingPhrases bundled() {
        try (InputStream in = BreakingPhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list from a file in the same format. */
    public static BreakingPhrases fromFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read breaking phrases " + file, e);
        }
    }

    /**
     * Parses the tab-separated format; blank lines and lines starting with # are skipped.
     *
     * @throws IllegalArgumentException naming the line of a malformed rule
     */
    public static BreakingPhrases parse(String text, String origin) {
        List<Rule> rules = new ArrayList<>();
        int n = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                if (f.length != 4) {
                    throw new IllegalArgumentException(origin + ":" + n + ": expected weight, language, reason and pattern separated by tabs");
                }
                if (f[3].trim().startsWith("(?<")) {
                    LOG.warn("{}:{}: rule '{}' opens with a look-behind, which is tried at every position of every lead: put a"
                            + " look-ahead for what it guards first, \\b(?=(?:title|...)\\b)(?<!...)(title|...), as the bundled"
                            + " rules do (the same matches, tried only where a title starts)", origin, n, f[2].trim());
                }
                try {
                    rules.add(new Rule(Double.parseDouble(f[0].trim()), f[1].trim().toLowerCase(Locale.ROOT), f[2].trim(),
                            Pattern.compile(f[3].trim(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS)));
                } catch (NumberFormatException | PatternSyntaxException e) {
                    throw new IllegalArgumentException(origin + ":" + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BreakingPhrases(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The weight and reasons of a text (headline and lead) by every rule, whatever its language. */
    public Match match(String text) {
        if (text == null || text.isBlank()) {
            return Match.NONE;
        }
        return matched.get(EVERY_RULE + text, key -> find(text, ""));
    }

    /** The memo's key prefix for a text read by every rule (a language tag holds no control character). */
    private static final String EVERY_RULE = "\u0001\u0000";

    /**
     * The weight and reasons of a story's headline and lead, sent in {@code sentLanguage} (a tag, or null); rules sharing
     * a reason count once. A rule reads the language it is written for only, the text's reading language
     * ({@link LanguageGuess#reading}: as sent unless its function words say otherwise): English "die" and "dies" are
     * German's article and "this" ("am 29.06.2017 die beste ...", "Chinas Premier ... dass dies keine Chance hat" raised
     * alerts on dpa's market tables and press reviews). A language no rule is written for (none told; Italian, which
     * ANSA's English service declares) is read by every rule, as before: no rule of its own could speak for it.
     */
    public Match match(String text, String sentLanguage) {
        if (text == null || text.isBlank()) {
            return Match.NONE;
        }
        // the reading language is worked out inside the memo: a story is matched twice, one hop apart
        return matched.get((sentLanguage == null ? "" : sentLanguage) + '\u0000' + text, key -> find(text, readBy(sentLanguage, text)));
    }

    /** The language whose rules read the text, or "" for every rule. */
    private String readBy(String sentLanguage, String text) {
        String reading = LanguageGuess.reading(sentLanguage, null, text, "");
        return languages.contains(reading) ? reading : "";
    }

    private Match find(String text, String language) {
        double weight = 0;
        Set<String> reasons = new LinkedHashSet<>();
        // A rule runs its regex only on a text holding one of its literals: a JFR profile of bench put
        // the patterns (36 of them, each tried at every position of a 400-character lead) at 28% of the
        // stream thread's samples; most texts hold the literals of a few rules only.
        String folded = RequiredLiterals.fold(text);
        for (Rule rule : rules) {
            if (!language.isEmpty() && !rule.language().equals(language)) {
                continue;
            }
            if (!reasons.contains(rule.reason()) && rule.matches(text, folded)) {
                reasons.add(rule.reason());
                weight += rule.weight();
            }
        }
        return reasons.isEmpty() ? Match.NONE : new Match(weight, List.copyOf(reasons));
    }
}
