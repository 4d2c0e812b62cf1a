package io.wirestream.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Top-level Media Topics for copy in the languages of Europe's agencies (German, Dutch, French, Spanish, Italian,
 * Portuguese, Swedish, Danish, Norwegian, Finnish), from a team-written keyword list ({@code lexicon-intl.tsv}). The
 * shipped model is trained on English text and cannot read them, and dpa's, AFP's or STT's copy often comes with no
 * code a table maps; without this such a story had no category at all and reached no category topic.
 *
 * <p>Each word of the headline (counted twice) and of the first {@link #BODY_WORDS} words of the text votes for the
 * topics whose list holds it, 1/k each when k topics list it. An entry may be a stem with a wildcard, for compounds
 * and inflections: {@code wahl*} (Wahlkampf), {@code *wahl} (Bundestagswahl), {@code *krieg*}. The best topic
 * needs {@link #MIN_SCORE}: one headline word, or two in the text, so a lone word in a long story decides nothing.
 * Confidence is its share of all votes, and a runner-up within {@link StoryClassifier#SECONDARY_SHARE} of it applies
 * too, as with the English model.
 */
public final class ForeignLexicon {

    static final String RESOURCE = "/io/wirestream/classify/lexicon-intl.tsv";
    /** Words of the text (after the headline) read: a story's topic is in its lead. */
    static final int BODY_WORDS = 250;
    /** Votes the best topic needs. */
    static final double MIN_SCORE = 2.0;
    /** A wildcard stem shorter than this would hit unrelated words. */
    static final int MIN_STEM = 4;
    private static final int HEADLINE_WEIGHT = 2;
    /**
     * Danish and Norwegian (Bokmål) share most of their written words, and Ritzau's copy reaches NTB's feed marked
     * Norwegian: each reads the other's list too.
     */
    private static final Map<String, List<String>> SAME_WORDS = Map.of("da", List.of("da", "nb"), "nb", List.of("nb", "da"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** One language's entries: exact words, and stems matched at a word's start, end or anywhere. */
    private static final class Language {
        final Map<String, List<String>> exact = new HashMap<>();
        final Map<String, List<String>> prefix = new HashMap<>();
        final Map<String, List<String>> suffix = new HashMap<>();
        final Map<String, List<String>> infix = new HashMap<>();
        int longestStem;
    }

    private final Map<String, Language> languages;

    private ForeignLexicon(Map<String, Language> languages) {
        this.languages = languages;
    }

    private static final class Holder {
        static final ForeignLexicon BUNDLED = load();
    }

    /** The lexicon shipped in the jar. */
    public static ForeignLexicon bundled() {
        return Holder.BUNDLED;
    }

    private static ForeignLexicon load() {
        try (InputStream in = ForeignLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads lines of qcode, TAB, language code, TAB, entries separated by spaces; '#' starts a comment line. */
    static ForeignLexicon read(BufferedReader reader) throws IOException {
        Map<String, Language> languages = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3 || !f[0].startsWith("medtop:")) {
                throw new IllegalArgumentException("bad lexicon line: " + line);
            }
            String code = f[1].strip();
            for (String readsIt : SAME_WORDS.getOrDefault(code, List.of(code))) {
                Language lang = languages.computeIfAbsent(readsIt, l -> new Language());
                for (String entry : f[2].strip().split("\\s+")) {
                    add(lang, entry.toLowerCase(Locale.ROOT), f[0]);
                }
            }
        }
        return new ForeignLexicon(Map.copyOf(languages));
    }

    private static void add(Language lang, String entry, String topic) {
        boolean head = entry.startsWith("*");
        boolean tail = entry.endsWith("*") && entry.length() > 1;
        String stem = entry.substring(head ? 1 : 0, entry.length() - (tail ? 1 : 0));
        if ((head || tail) && stem.length() < MIN_STEM) {
            throw new IllegalArgumentException("wildcard stem shorter than " + MIN_STEM + " letters: " + entry);
        }
        Map<String, List<String>> into = head && tail ? lang.infix : head ? lang.suffix : tail ? lang.prefix : lang.exact;
        List<String> topics = into.computeIfAbsent(stem, s -> new ArrayList<>(1));
        if (!topics.contains(topic)) {
            topics.add(topic);
        }
        lang.longestStem = Math.max(lang.longestStem, head || tail ? stem.length() : 0);
    }

    /** Whether the lexicon has words for this language (a primary subtag: "de", "fi"). */
    public boolean reads(String language) {
        return languages.containsKey(language);
    }

    /**
     * The topics the text's words vote for, best first, or none when the best has fewer than {@link #MIN_SCORE}
     * votes or the language has no list.
     */
    public List<CategoryModel.Scored> classify(String language, String headline, String text) {
        Language lang = languages.get(language);
        if (lang == null) {
            return List.of();
        }
        Map<String, Double> inHeadline = new HashMap<>();
        vote(lang, headline, HEADLINE_WEIGHT, Integer.MAX_VALUE, inHeadline);
        Map<String, Double> votes = new HashMap<>(inHeadline);
        vote(lang, text, 1, BODY_WORDS, votes);
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        Optional<Double> best = votes.values().stream().max(Double::compare);
        if (best.isEmpty() || best.get() < MIN_SCORE) {
            return List.of();
        }
        // a tie goes to the topic the headline names
        Comparator<CategoryModel.Scored> order = Comparator.comparingDouble(CategoryModel.Scored::score)
                .thenComparingDouble(scored -> inHeadline.getOrDefault(scored.qcode(), 0.0)).reversed()
                .thenComparing(CategoryModel.Scored::qcode);
        return votes.entrySet().stream()
                .map(e -> new CategoryModel.Scored(e.getKey(), e.getValue(), e.getValue() / total))
                .sorted(order)
                .toList();
    }

    private static void vote(Language lang, String text, double weight, int maxWords, Map<String, Double> votes) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher m = WORD.matcher(text);
        int words = 0;
        List<String> hit = new ArrayList<>(4);
        while (words < maxWords && m.find()) {
            words++;
            String w = m.group().toLowerCase(Locale.ROOT);
            hit.clear();
            topicsOf(lang, w, hit);
            for (String topic : hit) {
                votes.merge(topic, weight / hit.size(), Double::sum);
            }
        }
    }

    /** The distinct topics any entry matching the word lists. */
    private static void topicsOf(Language lang, String w, List<String> hit) {
        addAll(lang.exact.get(w), hit);
        int n = w.length();
        if (n < MIN_STEM) {
            return;
        }
        int longest = Math.min(n, lang.longestStem);
        for (int k = MIN_STEM; k <= longest; k++) {
            addAll(lang.prefix.get(w.substring(0, k)), hit);
            addAll(lang.suffix.get(w.substring(n - k)), hit);
        }
        if (!lang.infix.isEmpty()) {
            for (int i = 0; i + MIN_STEM <= n; i++) {
                for (int k = MIN_STEM; k <= Math.min(n - i, longest); k++) {
                    addAll(lang.infix.get(w.substring(i, i + k)), hit);
                }
            }
        }
    }

    private static void addAll(List<String> topics, List<String> hit) {
        if (topics != null) {
            for (String t : topics) {
                if (!hit.contains(t)) {
                    hit.add(t);
                }
            }
        }
    }
}
