package io.wirestream.classify;

import io.wirestream.text.BundledText;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A linear text model over {@link TextFeatures} words: score(class) = bias + Σ f(tf) · weight(word, class),
 * the headline's words counted {@link #headline()} times (2 unless the model says otherwise: it names
 * the subject more often than any body sentence; the shipped model counts it once, see
 * {@link CategoryTrainer#shipped}).
 *
 * <p>Two kinds, one format: {@link Kind#EVIDENCE} (the shipped model: lexicon and headline evidence,
 * tf damped as 1 + ln tf, confidence = the top class's share of the positive evidence) and
 * {@link Kind#NAIVE_BAYES} (trained on a newsroom's archive: log prior and log likelihoods, raw tf,
 * confidence = posterior). A model may also use adjacent word pairs ({@code ngrams 2}, see
 * {@link TextFeatures#counts(String, int)}). Stored as a small TSV so a model is diffable and reproducible;
 * the optional {@code ngrams} and {@code headline} lines come before {@code classes}.
 */
public final class CategoryModel {

    /** How scores are made and read. */
    public enum Kind { EVIDENCE, NAIVE_BAYES }

    /** A class with its score and confidence in [0, 1]. */
    public record Scored(String qcode, double score, double confidence) {
    }

    static final String RESOURCE = "/io/wirestream/classify/model.tsv";
    /** How many times a headline's words count when a model file does not say. */
    static final int HEADLINE_WEIGHT = 2;
    private static volatile CategoryModel bundled;

    private final Kind kind;
    private final int ngrams;
    private final int headline;
    private final List<String> classes;
    private final double[] bias;
    private final Map<String, double[]> weights;

    CategoryModel(Kind kind, List<String> classes, double[] bias, Map<String, double[]> weights) {
        this(kind, 1, classes, bias, weights);
    }

    CategoryModel(Kind kind, int ngrams, List<String> classes, double[] bias, Map<String, double[]> weights) {
        this(kind, ngrams, HEADLINE_WEIGHT, classes, bias, weights);
    }

    CategoryModel(Kind kind, int ngrams, int headline, List<String> classes, double[] bias, Map<String, double[]> weights) {
        if (headline < 1) {
            throw new IllegalArgumentException("headline weight must be at least 1: " + headline);
        }
        this.kind = kind;
        this.ngrams = ngrams;
        this.headline = headline;
        this.classes = List.copyOf(classes);
        this.bias = bias.clone();
        this.weights = Map.copyOf(weights);
    }

    /** The model shipped in the jar. */
    public static CategoryModel bundled() {
        CategoryModel m = bundled;
        if (m == null) {
            m = BundledText.read(RESOURCE, CategoryModel::read);
            bundled = m;
        }
        return m;
    }

    public static CategoryModel load(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read category model " + file, e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public List<String> classes() {
        return classes;
    }

    Map<String, double[]> weights() {
        return weights;
    }

    /** 1: words only; 2: words and adjacent word pairs. */
    public int ngrams() {
        return ngrams;
    }

    /** How many times the headline's words count beside the text's. */
    public int headline() {
        return headline;
    }

    /** Every class, best first, for a story's headline and text (standfirst and body). */
    public List<Scored> classify(String headline, String text) {
        Map<String, Integer> tf = terms(headline, text, ngrams, this.headline);
        double[] s = bias.clone();
        boolean any = false;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            double[] w = weights.get(e.getKey());
            if (w == null) {
                continue;
            }
            any = true;
            double f = kind == Kind.NAIVE_BAYES ? e.getValue() : 1 + Math.log(e.getValue());
            for (int c = 0; c < s.length; c++) {
                s[c] += f * w[c];
            }
        }
        double[] conf = confidences(s, any);
        List<Scored> out = new ArrayList<>(classes.size());
        for (int c = 0; c < s.length; c++) {
            out.add(new Scored(classes.get(c), s[c], conf[c]));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::qcode));
        return out;
    }

    /** Index of the best class for terms already counted (ties: the first class). */
    int best(Map<String, Integer> tf) {
        double[] s = bias.clone();
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            double[] w = weights.get(e.getKey());
            if (w != null) {
                double f = kind == Kind.NAIVE_BAYES ? e.getValue() : 1 + Math.log(e.getValue());
                for (int c = 0; c < s.length; c++) {
                    s[c] += f * w[c];
                }
            }
        }
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The terms a model sees: the headline's counted {@code weight} times, then the text's. Training uses the same. */
    static Map<String, Integer> terms(String headline, String text, int ngrams, int weight) {
        Map<String, Integer> tf = TextFeatures.counts(headline, ngrams);
        tf.replaceAll((w, k) -> weight * k);
        TextFeatures.counts(text, ngrams).forEach((w, k) -> tf.merge(w, k, Integer::sum));
        return tf;
    }

    private double[] confidences(double[] s, boolean any) {
        double[] p = new double[s.length];
        if (!any) {
            return p;
        }
        if (kind == Kind.NAIVE_BAYES) {
            double max = Arrays.stream(s).max().orElse(0);
            double sum = 0;
            for (int c = 0; c < s.length; c++) {
                p[c] = Math.exp(s[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < s.length; c++) {
                p[c] /= sum;
            }
        } else {
            double sum = 0;
            for (double v : s) {
                sum += Math.max(0, v);
            }
            for (int c = 0; c < s.length && sum > 0; c++) {
                p[c] = Math.max(0, s[c]) / sum;
            }
        }
        return p;
    }

    /** Writes the model: kind, classes, bias, then one line per word (sorted) with a weight per class. */
    public void write(Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write category model " + file, e);
        }
    }

    void write(Writer w) throws IOException {
        w.write("# wirestream category model: kind, classes, bias, then word and one weight per class\n");
        w.write("kind\t" + kind.name() + "\n");
        if (ngrams != 1) {
            w.write("ngrams\t" + ngrams + "\n");
        }
        if (headline != HEADLINE_WEIGHT) {
            w.write("headline\t" + headline + "\n");
        }
        w.write("classes\t" + String.join("\t", classes) + "\n");
        w.write("bias\t" + join(bias) + "\n");
        for (Map.Entry<String, double[]> e : new TreeMap<>(weights).entrySet()) {
            w.write(e.getKey() + "\t" + join(e.getValue()) + "\n");
        }
    }

    static CategoryModel read(BufferedReader in) throws IOException {
        Kind kind = null;
        int ngrams = 1;
        int headline = HEADLINE_WEIGHT;
        List<String> classes = null;
        double[] bias = null;
        Map<String, double[]> weights = new HashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (kind == null) {
                kind = Kind.valueOf(value(f, "kind"));
            } else if (classes == null && f[0].equals("ngrams")) {
                ngrams = Integer.parseInt(value(f, "ngrams"));
            } else if (classes == null && f[0].equals("headline")) {
                headline = Integer.parseInt(value(f, "headline"));
            } else if (classes == null) {
                if (!f[0].equals("classes")) {
                    throw new IOException("category model: expected classes, got " + f[0]);
                }
                classes = List.of(Arrays.copyOfRange(f, 1, f.length));
            } else if (bias == null) {
                bias = numbers(f, "bias", classes.size());
            } else {
                weights.put(f[0], numbers(f, null, classes.size()));
            }
        }
        if (bias == null) {
            throw new IOException("category model: incomplete (kind, classes and bias lines needed)");
        }
        return new CategoryModel(kind, ngrams, headline, classes, bias, weights);
    }

    private static String value(String[] f, String key) throws IOException {
        if (!f[0].equals(key) || f.length < 2) {
            throw new IOException("category model: expected " + key + ", got " + f[0]);
        }
        return f[1];
    }

    private static double[] numbers(String[] f, String key, int n) throws IOException {
        if (key != null && !f[0].equals(key) || f.length != n + 1) {
            throw new IOException("category model: bad line for " + f[0] + " (" + (f.length - 1) + " values, " + n + " classes)");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Double.parseDouble(f[i + 1]);
        }
        return d;
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            b.append(v[i] == 0 ? "0" : String.format(Locale.ROOT, "%.5g", v[i]));
        }
        return b.toString();
    }
}
