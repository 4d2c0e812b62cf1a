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
 *   <li>{@link #shipped}: the model in the jar, from what may ship only (NOTICE): the team's keyword
 *       lexicon for all 17 top-level topics (each word votes 1/k for each of the k topics listing
 *       it, so shared words count less; two-word phrases make the model read word pairs) plus
 *       headline evidence from labelled open data (UCI News Aggregator headlines: a word's log
 *       likelihood in each of the four topics UCI labels, centred on their mean, scaled by
 *       {@link #HEADLINE_EVIDENCE} so it refines, not overrules, the lexicon; UCI only labels four
 *       topics, and uncentred or unscaled evidence pulls every story into them).</li>
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

    /** The shipped model: lexicon votes plus scaled headline evidence, over the 17 top-level topics. */
    public static CategoryModel shipped(Map<String, Set<String>> lexicon, List<Labelled> headlines) {
        List<String> classes = MediaTopics.TOP_LEVEL;
        Map<String, double[]> w = new HashMap<>();
        Map<String, Integer> df = new HashMap<>();
        lexicon.values().forEach(words -> words.forEach(t -> df.merge(t, 1, Integer::sum)));
        lexicon.forEach((q, words) -> {
            int c = index(classes, q);
            words.forEach(t -> w.computeIfAbsent(t, k -> new double[classes.size()])[c] += 1.0 / df.get(t));
        });

        Map<String, double[]> byWord = new HashMap<>();
        double[] total = new double[classes.size()];
        for (Labelled l : headlines) {
            int c = index(classes, l.topics().get(0));
            for (String t : TextFeatures.words(l.headline())) {
                byWord.computeIfAbsent(t, k -> new double[classes.size()])[c]++;
                total[c]++;
            }
        }
        int vocabulary = byWord.size();
        for (Map.Entry<String, double[]> e : byWord.entrySet()) {
            double[] n = e.getValue();
            double sum = 0;
            for (double v : n) {
                sum += v;
            }
            if (sum < MIN_COUNT) {
                continue;
            }
            // log-likelihood of the word in each labelled topic, centred on their mean: the evidence
            // moves a story between the labelled topics (technology or business?) and adds nothing to
            // them as a group, so UCI's four labels do not pull a politics story their way
            double[] r = new double[n.length];
            double mean = 0;
            int labelled = 0;
            for (int c = 0; c < n.length; c++) {
                if (total[c] > 0) {
                    r[c] = Math.log((n[c] + HEADLINE_SMOOTHING) / (total[c] + HEADLINE_SMOOTHING * vocabulary));
                    mean += r[c];
                    labelled++;
                }
            }
            mean /= labelled;
            double[] w2 = w.computeIfAbsent(e.getKey(), k -> new double[classes.size()]);
            for (int c = 0; c < n.length; c++) {
                if (total[c] > 0) {
                    w2[c] += HEADLINE_EVIDENCE * (r[c] - mean);
                }
            }
        }
        int ngrams = w.keySet().stream().anyMatch(t -> t.indexOf('_') >= 0) ? 2 : 1;
        return new CategoryModel(CategoryModel.Kind.EVIDENCE, ngrams, classes, new double[classes.size()], w);
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
            Map<String, Integer> tf = CategoryModel.terms(d.headline(), d.text(), NGRAMS);
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
