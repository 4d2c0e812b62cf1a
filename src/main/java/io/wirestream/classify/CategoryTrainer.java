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
 *       it, so shared words count less) plus headline evidence from labelled open data (UCI News
 *       Aggregator headlines: the positive log-likelihood ratio of a word in a topic against all
 *       headlines, scaled down by {@link #HEADLINE_EVIDENCE} so it refines, not overrules, the lexicon;
 *       UCI only labels four topics, and unscaled it pulls every story into them).</li>
 *   <li>{@link #naiveBayes}: a newsroom's own labelled archive, multinomial Naive Bayes with
 *       Laplace smoothing over the labels the archive uses (first listed topic per story).</li>
 * </ul>
 */
public final class CategoryTrainer {

    /** Weight of headline evidence beside the lexicon (a lexicon vote is 1). */
    static final double HEADLINE_EVIDENCE = 0.1;
    /** Words seen fewer times in the labelled headlines than this give no evidence (noise). */
    static final int MIN_COUNT = 3;

    /** A labelled text: headline, the rest of the text, and its topics (the first is its label). */
    public record Labelled(String headline, String text, List<String> topics) {
    }

    private CategoryTrainer() {
    }

    /** Reads the lexicon: lines {@code qcode TAB words...}; # comments. */
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
                    .addAll(TextFeatures.words(line.substring(tab + 1)));
        }
        return lex;
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
        double all = 0;
        for (double v : total) {
            all += v;
        }
        for (Map.Entry<String, double[]> e : byWord.entrySet()) {
            double[] n = e.getValue();
            double sum = 0;
            for (double v : n) {
                sum += v;
            }
            if (sum < MIN_COUNT) {
                continue;
            }
            for (int c = 0; c < n.length; c++) {
                if (total[c] == 0) {
                    continue;
                }
                // small additive constants keep a word unseen in a topic from a -infinity and a
                // once-seen word from a huge ratio
                double ratio = Math.log(((n[c] + 0.1) / total[c]) / ((sum + 0.4) / all));
                if (ratio > 0) {
                    w.computeIfAbsent(e.getKey(), k -> new double[classes.size()])[c] += HEADLINE_EVIDENCE * ratio;
                }
            }
        }
        return new CategoryModel(CategoryModel.Kind.EVIDENCE, classes, new double[classes.size()], w);
    }

    /** Multinomial Naive Bayes (Laplace smoothing) on a labelled archive; classes are the first topics used. */
    public static CategoryModel naiveBayes(List<Labelled> docs) {
        List<String> classes = new ArrayList<>(new LinkedHashSet<>(docs.stream().map(d -> d.topics().get(0)).sorted().toList()));
        int k = classes.size();
        double[] prior = new double[k];
        double[] total = new double[k];
        Map<String, double[]> counts = new HashMap<>();
        for (Labelled d : docs) {
            int c = classes.indexOf(d.topics().get(0));
            prior[c]++;
            Map<String, Integer> tf = TextFeatures.counts(d.headline());
            tf.replaceAll((t, n) -> 2 * n);
            TextFeatures.counts(d.text()).forEach((t, n) -> tf.merge(t, n, Integer::sum));
            tf.forEach((t, n) -> {
                counts.computeIfAbsent(t, x -> new double[k])[c] += n;
                total[c] += n;
            });
        }
        int v = counts.size();
        Map<String, double[]> w = new HashMap<>();
        counts.forEach((t, n) -> {
            double[] lp = new double[k];
            for (int c = 0; c < k; c++) {
                lp[c] = Math.log((n[c] + 1) / (total[c] + v));
            }
            w.put(t, lp);
        });
        double[] bias = new double[k];
        for (int c = 0; c < k; c++) {
            bias[c] = Math.log(prior[c] / docs.size());
        }
        return new CategoryModel(CategoryModel.Kind.NAIVE_BAYES, classes, bias, w);
    }

    private static int index(List<String> classes, String qcode) {
        int c = classes.indexOf(qcode);
        if (c < 0) {
            throw new IllegalArgumentException("not a top-level Media Topic: " + qcode);
        }
        return c;
    }
}
