package io.wirestream.eval;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Top-level category scores (the {@code categories} task) of one predicted IPTC Media Topic per story
 * against the corpus {@code topics}, any one of which is correct.
 *
 * <ul>
 *   <li>{@code accuracy} = stories whose predicted top-level qcode is among their gold topics / n.</li>
 *   <li>{@code macro_f1} = unweighted mean over classes of per-class F1 (2·tp / (2·tp + fp + fn)).
 *       Each story has one predicted class and one <em>effective gold class</em>: the predicted
 *       class when it is among the gold topics (so a story that accepts several topics counts as
 *       correct for the class predicted), otherwise the first gold topic. The classes averaged over
 *       are those occurring as an effective gold class or as a prediction (as scikit-learn does), so
 *       predicting a class the corpus never uses costs F1 rather than being ignored.</li>
 * </ul>
 *
 * <p>Choices: a story with no prediction (null) is wrong and a false negative for its gold class,
 * but no class's false positive. A story with no gold topics has nothing to be scored against and
 * is skipped (not counted in n). The caller passes the <em>top-level</em> qcode; the hierarchy is
 * not derivable from the code digits, so no mapping happens here. Codes are compared after
 * {@link #normalize(String)}.
 */
public final class CategoryMetrics {

    private static final String MEDIATOPIC_URI = "http://cv.iptc.org/newscodes/mediatopic/";

    private long n;
    private long correct;
    private final Map<String, long[]> perClass = new HashMap<>(); // class -> {tp, fp, fn}

    /**
     * Adds one story.
     *
     * @param goldTopics     the story's gold qcodes; a story with none is skipped
     * @param predictedTopic the predicted top-level qcode, or null when the system gave none
     */
    public CategoryMetrics add(Collection<String> goldTopics, String predictedTopic) {
        Set<String> gold = new LinkedHashSet<>();
        for (String t : goldTopics) {
            String g = normalize(t);
            if (g != null) {
                gold.add(g);
            }
        }
        if (gold.isEmpty()) {
            return this;
        }
        n++;
        String predicted = normalize(predictedTopic);
        if (predicted != null && gold.contains(predicted)) {
            correct++;
            counts(predicted)[0]++;
            return this;
        }
        String effectiveGold = gold.iterator().next();
        counts(effectiveGold)[2]++;
        if (predicted != null) {
            counts(predicted)[1]++;
        }
        return this;
    }

    /** Scores the corpus: gold = {@link CorpusStory#topics()}, prediction looked up by story id (absent = none). */
    public static Result score(List<CorpusStory> corpus, Map<String, String> predictedTopicById) {
        CategoryMetrics m = new CategoryMetrics();
        for (CorpusStory s : corpus) {
            m.add(s.topics(), predictedTopicById.get(s.id()));
        }
        return m.result();
    }

    /** The scores of everything added so far; may be called more than once. */
    public Result result() {
        Map<String, Double> f1 = new TreeMap<>();
        double sum = 0;
        for (Map.Entry<String, long[]> e : perClass.entrySet()) {
            long[] c = e.getValue();
            double f = Ratios.ratio(2.0 * c[0], 2.0 * c[0] + c[1] + c[2]);
            f1.put(e.getKey(), f);
            sum += f;
        }
        return new Result(n, Ratios.ratio(correct, n), Ratios.ratio(sum, f1.size()), f1);
    }

    /**
     * A qcode in comparable form: trimmed, lower case ({@link Locale#ROOT}), a Media Topic URI
     * ({@code http://cv.iptc.org/newscodes/mediatopic/NN}) written as {@code medtop:NN}. Null or
     * blank gives null.
     */
    public static String normalize(String qcode) {
        if (qcode == null || qcode.isBlank()) {
            return null;
        }
        String q = qcode.trim().toLowerCase(Locale.ROOT);
        if (q.startsWith(MEDIATOPIC_URI)) {
            q = "medtop:" + q.substring(MEDIATOPIC_URI.length());
        }
        return q;
    }

    /**
     * Category scores.
     *
     * @param n          stories scored (those with gold topics)
     * @param accuracy   share whose prediction is among the gold topics
     * @param macroF1    mean per-class F1
     * @param f1PerClass per-class F1 by qcode, sorted, for diagnosis (not printed)
     */
    public record Result(long n, double accuracy, double macroF1, Map<String, Double> f1PerClass) implements EvalResult {

        public Result {
            f1PerClass = Collections.unmodifiableMap(new TreeMap<>(f1PerClass));
        }

        @Override
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accuracy", accuracy);
            m.put("macro_f1", macroF1);
            return m;
        }
    }

    private long[] counts(String cls) {
        return perClass.computeIfAbsent(cls, k -> new long[3]);
    }
}
