package io.wirestream.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link CategoryModel}s, deterministically (same inputs, same file).
 *
 * <ul>
 *   <li>{@link #shipped}: the model in the jar, from what may ship only (NOTICE), in three layers:
 *       <ol>
 *         <li>the team's keyword lexicon for all 17 top-level topics: a term votes idf/k for each of
 *             the k topics listing it, idf being its inverse document frequency in the labelled
 *             headlines scaled to [0, 1] (Spärck Jones's measure of term specificity: "company",
 *             "deal" or "win" occur in news of every kind and say less than "touchdown" or
 *             "semiconductor"); two-word phrases make the model read word pairs;</li>
 *         <li>headline evidence from labelled open data (UCI News Aggregator headlines: a word's log
 *             likelihood in each of the four topics UCI labels, centred on their mean, scaled by
 *             {@link #HEADLINE_EVIDENCE} so it refines, not overrules, the lexicon; UCI only labels four
 *             topics, and uncentred or unscaled evidence pulls every story into them);</li>
 *         <li>bootstrapped evidence (McCallum and Nigam, "Text classification by bootstrapping with
 *             keywords, EM and shrinkage", 1999): open texts without our labels (ECB+ articles, UCI
 *             headlines) are labelled by the first two layers, IPTC concept labels and definitions keep
 *             their own top-level topic, and a word's log likelihood per topic over all of them,
 *             centred, scaled by {@link #BOOTSTRAP_EVIDENCE}, is added: the lexicon names a topic's
 *             core words, the texts it labels teach the words that keep them company (team names,
 *             "points", "scored" beside "season"), which no list can foresee.</li>
 *       </ol>
 *       Country names and demonyms ("Russia", "Chinese") learn nothing in the two evidence layers: they say
 *       where a story happens, not what it is about, and what the open texts teach of them is their label set's
 *       bias (UCI labels no politics or world news, so "Russia" and "China" occur only in its business
 *       headlines and pulled a Russian police story into economy). The lexicon may still list them.
 *       Its headline counts once, as body words do: the layers above already give a headline's
 *       distinctive words their weight, and counted twice a headline's one generic word ("deal",
 *       "record") outvoted the lead's several specific ones.</li>
 *   <li>{@link #naiveBayes}: a newsroom's own labelled archive, multinomial Naive Bayes over words
 *       and word pairs, smoothing chosen by cross-validation on the archive, over the labels the
 *       archive uses (first listed topic per story).</li>
 * </ul>
 */
public final class CategoryTrainer {

    /** Weight of headline evidence beside the lexicon (a lexicon vote is 1). */
    static final double HEADLINE_EVIDENCE = 0.1;
    /** Additive smoothing of the headline word counts. */
    static final double HEADLINE_SMOOTHING = 0.5;
    /** Words seen fewer times in the labelled headlines than this give no evidence (noise). */
    static final int MIN_COUNT = 3;
    /** Weight of bootstrapped evidence beside the lexicon: the same scale as the headline evidence. */
    static final double BOOTSTRAP_EVIDENCE = 0.1;
    /** How many times the shipped model counts a headline's words. */
    static final int SHIPPED_HEADLINE = 1;

    /** A labelled text: headline, the rest of the text, and its topics (the first is its label). */
    public record Labelled(String headline, String text, List<String> topics) {
    }

    private CategoryTrainer() {
    }

    /**
     * Reads the lexicon: lines {@code qcode TAB terms...}; # comments. A term is a word or a two-word
     * phrase joined by an underscore ({@code prime_minister}, {@code box_office}), read as the model's
     * word pair: a phrase keeps "office", "open" or "world" from voting on their own.
     */
    public static Map<String, Set<String>> readLexicon(BufferedReader in) throws IOException {
        Map<String, Set<String>> lex = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException("lexicon line without a tab: " + line);
            }
            lex.computeIfAbsent(line.substring(0, tab).trim(), k -> new LinkedHashSet<>())
                    .addAll(terms(line.substring(tab + 1)));
        }
        return lex;
    }

    /** A list of names, one per line ({@code given-names.txt}); blank lines and {@code #} comments skipped. */
    public static List<String> readNames(BufferedReader in) throws IOException {
        List<String> names = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip());
            }
        }
        return names;
    }

    private static List<String> terms(String words) throws IOException {
        List<String> out = new ArrayList<>();
        for (String term : words.trim().split("\\s+")) {
            List<String> parts = TextFeatures.words(term.replace('_', ' '));
            if (term.indexOf('_') >= 0 && parts.size() != 2) {
                throw new IOException("lexicon: a phrase is two words that are not stop words: " + term);
            }
            if (!parts.isEmpty()) {
                out.add(String.join("_", parts));
            }
        }
        return out;
    }

    /** The shipped model without bootstrapping: lexicon votes and headline evidence. */
    public static CategoryModel shipped(Map<String, Set<String>> lexicon, List<Labelled> headlines) {
        return shipped(lexicon, headlines, List.of(), Set.of());
    }

    /**
     * The model's terms for names as written, of places or people ("Russia", "South Korea", "Justin": a word, or
     * a pair of two words; longer names are left out, their words are common ones).
     */
    public static Set<String> nameTerms(Iterable<String> names) {
        Set<String> terms = new java.util.TreeSet<>();
        for (String name : names) {
            List<String> words = TextFeatures.words(name);
            if (words.size() == 1 || words.size() == 2) {
                terms.add(String.join("_", words));
            }
        }
        return terms;
    }

    /**
     * The shipped model over the 17 top-level topics: lexicon votes weighted by specificity, scaled
     * headline evidence, then evidence bootstrapped from {@code texts}: a text with topics keeps its
     * first one (IPTC concepts: their top-level topic), one without is labelled by the first two layers.
     * {@code names} (model terms, {@link #nameTerms}: country names, demonyms, given names) get no evidence from
     * either layer: they say where and who, and what they learn is the label set's bias, not a topic.
     */
    public static CategoryModel shipped(Map<String, Set<String>> lexicon, List<Labelled> headlines, List<Labelled> texts,
                                        Set<String> names) {
        List<String> classes = MediaTopics.TOP_LEVEL;
        int k = classes.size();
        Map<String, double[]> w = new HashMap<>();
        Map<String, Integer> df = new HashMap<>();
        lexicon.values().forEach(words -> words.forEach(t -> df.merge(t, 1, Integer::sum)));
        Map<String, Double> idf = specificity(headlines);
        lexicon.forEach((q, words) -> {
            int c = index(classes, q);
            words.forEach(t -> w.computeIfAbsent(t, x -> new double[k])[c] += idf.getOrDefault(t, 1.0) / df.get(t));
        });

        double[] total = new double[k];
        Map<String, double[]> byWord = new HashMap<>();
        for (Labelled l : headlines) {
            int c = index(classes, l.topics().get(0));
            for (String t : TextFeatures.words(l.headline())) {
                byWord.computeIfAbsent(t, x -> new double[k])[c]++;
                total[c]++;
            }
        }
        addCentred(w, byWord, total, HEADLINE_EVIDENCE, names);
        int ngrams = w.keySet().stream().anyMatch(t -> t.indexOf('_') >= 0) ? 2 : 1;
        CategoryModel seed = new CategoryModel(CategoryModel.Kind.EVIDENCE, ngrams, SHIPPED_HEADLINE, classes, new double[k], w);
        if (texts.isEmpty()) {
            return seed;
        }

        // one round of bootstrapping: label the texts with the seed, count their words per topic
        Map<String, double[]> byTopic = new HashMap<>();
        double[] words = new double[k];
        for (Labelled d : texts) {
            int c;
            if (d.topics().isEmpty()) {
                List<CategoryModel.Scored> scored = seed.classify(d.headline(), d.text());
                if (scored.get(0).confidence() == 0) {
                    continue; // no evidence at all: nothing to learn from
                }
                c = index(classes, scored.get(0).qcode());
            } else {
                c = index(classes, d.topics().get(0));
            }
            // words only: word pairs seen in a few hundred articles are too sparse to estimate
            for (Map.Entry<String, Integer> e : CategoryModel.terms(d.headline(), d.text(), 1, SHIPPED_HEADLINE).entrySet()) {
                byTopic.computeIfAbsent(e.getKey(), x -> new double[k])[c] += e.getValue();
                words[c] += e.getValue();
            }
        }
        Map<String, double[]> boot = new HashMap<>();
        seed.weights().forEach((t, x) -> boot.put(t, x.clone()));
        addCentred(boot, byTopic, words, BOOTSTRAP_EVIDENCE, names);
        return new CategoryModel(CategoryModel.Kind.EVIDENCE, ngrams, SHIPPED_HEADLINE, classes, new double[k], boot);
    }

    /**
     * Adds to {@code w}, for each word seen at least {@link #MIN_COUNT} times, {@code scale} times its
     * smoothed log likelihood in each topic that has counts, centred on their mean: the evidence moves a
     * story between those topics and adds nothing to them as a group, so a source that labels few
     * topics does not pull every story into them. Words in {@code skip} get none.
     */
    private static void addCentred(Map<String, double[]> w, Map<String, double[]> counts, double[] total, double scale,
                                   Set<String> skip) {
        int vocabulary = counts.size();
        int k = total.length;
        for (Map.Entry<String, double[]> e : counts.entrySet()) {
            if (skip.contains(e.getKey())) {
                continue;
            }
            double[] n = e.getValue();
            double sum = 0;
            for (double v : n) {
                sum += v;
            }
            if (sum < MIN_COUNT) {
                continue;
            }
            double[] r = new double[k];
            double mean = 0;
            int labelled = 0;
            for (int c = 0; c < k; c++) {
                if (total[c] > 0) {
                    r[c] = Math.log((n[c] + HEADLINE_SMOOTHING) / (total[c] + HEADLINE_SMOOTHING * vocabulary));
                    mean += r[c];
                    labelled++;
                }
            }
            mean /= labelled;
            double[] w2 = w.computeIfAbsent(e.getKey(), x -> new double[k]);
            for (int c = 0; c < k; c++) {
                if (total[c] > 0) {
                    w2[c] += scale * (r[c] - mean);
                }
            }
        }
    }

    /**
     * Each term's inverse document frequency in the headlines (words and word pairs), scaled to
     * [0, 1]: log((N + 1) / (df + 1)) / log(N + 1). A term no headline has gets 1; no headlines, an
     * empty map (every term 1).
     */
    static Map<String, Double> specificity(List<Labelled> headlines) {
        Map<String, Integer> df = new HashMap<>();
        for (Labelled l : headlines) {
            TextFeatures.counts(l.headline(), 2).keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        Map<String, Double> idf = new HashMap<>();
        double n = headlines.size() + 1.0;
        df.forEach((t, d) -> idf.put(t, Math.log(n / (d + 1.0)) / Math.log(n)));
        return idf;
    }

    /**
     * The IPTC Media Topics table (columns qcode, parent_qcode, label_en, definition_en, retired) as
     * labelled texts: each concept not retired, its label as headline and its definition as text,
     * labelled with its top-level topic.
     */
    public static List<Labelled> iptcConcepts(List<String> rows) {
        String[] h = rows.get(0).split("\t", -1);
        List<String> header = List.of(h);
        int q = column(header, "qcode");
        int parent = column(header, "parent_qcode");
        int label = column(header, "label_en");
        int definition = column(header, "definition_en");
        int retired = column(header, "retired");
        Map<String, String> parentOf = new HashMap<>();
        List<String[]> live = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            parentOf.put(f[q], f[parent]);
            if (f[retired].isEmpty()) {
                live.add(f);
            }
        }
        List<Labelled> out = new ArrayList<>();
        for (String[] f : live) {
            String top = f[q];
            for (int depth = 0; depth < 10 && !MediaTopics.isTopLevel(top); depth++) {
                top = parentOf.getOrDefault(top, "");
            }
            if (MediaTopics.isTopLevel(top)) {
                out.add(new Labelled(f[label], f[definition], List.of(top)));
            }
        }
        return out;
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("IPTC table: no column " + name);
        }
        return i;
    }

    /**
     * Multinomial Naive Bayes on a newsroom's labelled archive, over words and adjacent word pairs;
     * classes are the first topics used. Nothing of the shipped model is mixed in: an archive speaks
     * for its own newsroom, and the shipped lexicon's 17-topic view only blurred its 4 or 5 classes.
     *
     * <p>The additive smoothing is chosen by {@link #FOLDS}-fold cross-validation on the archive itself
     * (folds by position, so deterministic) from {@link #SMOOTHING}: Laplace (1) is far too strong
     * for a vocabulary of tens of thousands of terms and a few thousand stories; it flattens the
     * distinctive words. Word pairs seen once in the whole archive are dropped (they cannot
     * generalise and would make up most of the file).
     */
    public static CategoryModel naiveBayes(List<Labelled> docs) {
        List<String> classes = new ArrayList<>(new LinkedHashSet<>(docs.stream().map(d -> d.topics().get(0)).sorted().toList()));
        int k = classes.size();
        List<Map<String, Integer>> terms = new ArrayList<>(docs.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Labelled d : docs) {
            Map<String, Integer> tf = CategoryModel.terms(d.headline(), d.text(), NGRAMS, CategoryModel.HEADLINE_WEIGHT);
            tf.forEach((t, n) -> seen.merge(t, n, Integer::sum));
            terms.add(tf);
        }
        terms.forEach(tf -> tf.keySet().removeIf(t -> t.indexOf('_') >= 0 && seen.get(t) < 2));
        int[] label = docs.stream().mapToInt(d -> classes.indexOf(d.topics().get(0))).toArray();
        double alpha = docs.size() >= 2 * FOLDS ? crossValidatedSmoothing(docs, terms, label, classes) : 1.0;

        return fit(terms, label, all(docs.size()), classes, alpha);
    }

    /** Smoothing values tried, strongest first (a tie keeps the stronger). */
    static final double[] SMOOTHING = {1.0, 0.3, 0.1, 0.03, 0.01};
    static final int FOLDS = 5;
    static final int NGRAMS = 2;

    private static double crossValidatedSmoothing(List<Labelled> docs, List<Map<String, Integer>> terms, int[] label,
            List<String> classes) {
        int[] right = new int[SMOOTHING.length];
        for (int fold = 0; fold < FOLDS; fold++) {
            boolean[] train = new boolean[docs.size()];
            for (int i = 0; i < train.length; i++) {
                train[i] = i % FOLDS != fold;
            }
            for (int a = 0; a < SMOOTHING.length; a++) {
                CategoryModel m = fit(terms, label, train, classes, SMOOTHING[a]);
                for (int i = fold; i < docs.size(); i += FOLDS) {
                    // right if the best class is any topic the story accepts (a "World" story: politics or conflict ...)
                    if (docs.get(i).topics().contains(classes.get(m.best(terms.get(i))))) {
                        right[a]++;
                    }
                }
            }
        }
        int best = 0;
        for (int a = 1; a < SMOOTHING.length; a++) {
            if (right[a] > right[best]) {
                best = a;
            }
        }
        return SMOOTHING[best];
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    private static CategoryModel fit(List<Map<String, Integer>> terms, int[] label, boolean[] use, List<String> classes, double alpha) {
        int k = classes.size();
        double[] prior = new double[k];
        double[] total = new double[k];
        Map<String, double[]> counts = new HashMap<>();
        int n = 0;
        for (int i = 0; i < terms.size(); i++) {
            if (!use[i]) {
                continue;
            }
            int c = label[i];
            prior[c]++;
            n++;
            terms.get(i).forEach((t, x) -> {
                counts.computeIfAbsent(t, y -> new double[k])[c] += x;
                total[c] += x;
            });
        }
        int v = counts.size();
        Map<String, double[]> w = new HashMap<>();
        counts.forEach((t, x) -> {
            double[] lp = new double[k];
            for (int c = 0; c < k; c++) {
                lp[c] = Math.log((x[c] + alpha) / (total[c] + alpha * v));
            }
            w.put(t, lp);
        });
        double[] bias = new double[k];
        for (int c = 0; c < k; c++) {
            // a class absent from a cross-validation fold's training part gets a tiny prior, not -infinity
            bias[c] = Math.log(Math.max(prior[c], 0.5) / n);
        }
        return new CategoryModel(CategoryModel.Kind.NAIVE_BAYES, NGRAMS, classes, bias, w);
    }

    private static int index(List<String> classes, String qcode) {
        int c = classes.indexOf(qcode);
        if (c < 0) {
            throw new IllegalArgumentException("not a top-level Media Topic: " + qcode);
        }
        return c;
    }
}
