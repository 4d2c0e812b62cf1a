package io.wirestream.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Country scores (the {@code regions} task) of a predicted country set and primary country per story
 * against the corpus {@code countries} (ISO 3166-1 alpha-2).
 *
 * <ul>
 *   <li>{@code micro_precision} = Σ|predicted ∩ gold| / Σ|predicted| over all stories;</li>
 *   <li>{@code micro_recall} = Σ|predicted ∩ gold| / Σ|gold|;</li>
 *   <li>{@code micro_f1} = harmonic mean of the two;</li>
 *   <li>{@code primary_accuracy} = stories whose predicted primary country is among their gold
 *       countries / stories that have gold countries.</li>
 * </ul>
 *
 * <p>Choices: micro averages (pooled counts) so a story with ten countries weighs more than one with
 * one, as each country is a separate decision. Stories with no gold countries stay in the micro
 * counts (anything predicted for them is a false positive) but are excluded from
 * {@code primary_accuracy}, where no primary can be right. A missing primary on a story with gold
 * countries is wrong. No predictions at all gives precision 0 (not undefined). Codes are compared
 * trimmed and upper-cased with {@link Locale#ROOT}; duplicates within a set count once.
 */
public final class RegionMetrics {

    private long n;
    private long truePositives;
    private long predictedCount;
    private long goldCount;
    private long primaryScored;
    private long primaryCorrect;

    /**
     * One story's prediction.
     *
     * @param countries predicted countries (may be empty)
     * @param primary   the predicted main country, or null
     */
    public record Prediction(Collection<String> countries, String primary) {
        public static final Prediction NONE = new Prediction(List.of(), null);

        public Prediction {
            // a copy that tolerates null entries (they are ignored when scoring)
            countries = countries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(countries));
        }
    }

    /** Adds one story: its gold countries, predicted countries and predicted primary (may be null). */
    public RegionMetrics add(Collection<String> goldCountries, Collection<String> predictedCountries, String predictedPrimary) {
        Set<String> gold = normalize(goldCountries);
        Set<String> predicted = normalize(predictedCountries);
        n++;
        goldCount += gold.size();
        predictedCount += predicted.size();
        for (String c : predicted) {
            if (gold.contains(c)) {
                truePositives++;
            }
        }
        if (!gold.isEmpty()) {
            primaryScored++;
            String p = normalize(predictedPrimary);
            if (p != null && gold.contains(p)) {
                primaryCorrect++;
            }
        }
        return this;
    }

    /** Scores the corpus: gold = {@link CorpusStory#countries()}, prediction looked up by story id (absent = none). */
    public static Result score(List<CorpusStory> corpus, Map<String, Prediction> predictedById) {
        RegionMetrics m = new RegionMetrics();
        for (CorpusStory s : corpus) {
            Prediction p = predictedById.getOrDefault(s.id(), Prediction.NONE);
            m.add(s.countries(), p.countries(), p.primary());
        }
        return m.result();
    }

    /** The scores of everything added so far; may be called more than once. */
    public Result result() {
        return new Result(n, truePositives, predictedCount, goldCount, primaryCorrect, primaryScored);
    }

    /** An ISO alpha-2 code in comparable form: trimmed, upper case; null or blank gives null. */
    public static String normalize(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    private static Set<String> normalize(Collection<String> codes) {
        Set<String> out = new HashSet<>();
        if (codes != null) {
            for (String c : codes) {
                String k = normalize(c);
                if (k != null) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /**
     * Pooled counts and the scores derived from them.
     *
     * @param n              stories scored
     * @param truePositives  predicted countries that are gold, summed over stories
     * @param predicted      predicted countries, summed
     * @param gold           gold countries, summed
     * @param primaryCorrect stories whose primary is a gold country
     * @param primaryScored  stories with at least one gold country
     */
    public record Result(long n, long truePositives, long predicted, long gold, long primaryCorrect, long primaryScored)
            implements EvalResult {

        /** Pooled true positives / pooled predicted countries; 0 with no predictions. */
        public double microPrecision() {
            return Ratios.ratio(truePositives, predicted);
        }

        /** Pooled true positives / pooled gold countries. */
        public double microRecall() {
            return Ratios.ratio(truePositives, gold);
        }

        /** Harmonic mean of micro precision and recall. */
        public double microF1() {
            return Ratios.f1(microPrecision(), microRecall());
        }

        /** Right primaries / stories with gold countries. */
        public double primaryAccuracy() {
            return Ratios.ratio(primaryCorrect, primaryScored);
        }

        @Override
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("micro_precision", microPrecision());
            m.put("micro_recall", microRecall());
            m.put("micro_f1", microF1());
            m.put("primary_accuracy", primaryAccuracy());
            return m;
        }
    }
}
