package io.wirestream.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B-cubed precision, recall and F1 of a clustering (the {@code clusters} task; Bagga and Baldwin
 * 1998, recommended by Amigó et al. 2009 because it satisfies all four of their formal constraints).
 *
 * <p>For each item e with predicted cluster C(e) and gold story L(e):
 * <ul>
 *   <li>precision(e) = |C(e) ∩ L(e)| / |C(e)|: how much of its cluster is really its story;</li>
 *   <li>recall(e) = |C(e) ∩ L(e)| / |L(e)|: how much of its story is in its cluster.</li>
 * </ul>
 * {@code bcubed_precision} and {@code bcubed_recall} are the averages over all items, and
 * {@code bcubed_f1} their harmonic mean (Amigó's F with α = 0.5). Computed from the contingency of
 * predicted cluster × gold story: a cell of n items in a cluster of a and a story of b adds
 * n·n/a to the precision sum and n·n/b to the recall sum, so no pairs are listed.
 *
 * <p>An item with no predicted cluster or no gold story is a singleton of its own (precision 1 for
 * an unclustered story: putting nothing together makes no precision error). An empty input scores
 * 0 throughout.
 */
public final class BCubed {

    private final Contingency table = new Contingency();

    /** Adds one item with its gold story id and predicted cluster id (either may be null). */
    public BCubed add(String goldStory, String predictedCluster) {
        table.add(goldStory, predictedCluster);
        return this;
    }

    /** Scores the corpus: gold = {@link CorpusStory#story()}, prediction looked up by story id (absent = singleton). */
    public static Result score(List<CorpusStory> corpus, Map<String, String> predictedClusterById) {
        BCubed b = new BCubed();
        for (CorpusStory s : corpus) {
            b.add(s.story(), predictedClusterById.get(s.id()));
        }
        return b.result();
    }

    /** The scores of everything added so far; may be called more than once. */
    public Result result() {
        double precisionSum = 0;
        double recallSum = 0;
        for (Map.Entry<Contingency.Cell, Long> e : table.cells.entrySet()) {
            double k = e.getValue();
            precisionSum += k * k / table.predictedSizes.get(e.getKey().predicted());
            recallSum += k * k / table.goldSizes.get(e.getKey().gold());
        }
        double p = Ratios.ratio(precisionSum, table.n);
        double r = Ratios.ratio(recallSum, table.n);
        return new Result(table.n, p, r);
    }

    /** Averaged B-cubed scores over {@code n} items. */
    public record Result(long n, double precision, double recall) implements EvalResult {

        /** Harmonic mean of B-cubed precision and recall. */
        public double f1() {
            return Ratios.f1(precision, recall);
        }

        @Override
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bcubed_precision", precision);
            m.put("bcubed_recall", recall);
            m.put("bcubed_f1", f1());
            return m;
        }
    }
}
