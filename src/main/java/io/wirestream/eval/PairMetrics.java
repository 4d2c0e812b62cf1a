package io.wirestream.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a grouping (the {@code neardup} task).
 *
 * <ul>
 *   <li>A <em>predicted pair</em> is two stories the system put in one duplicate group; a <em>gold
 *       pair</em> is two stories with the same gold {@code story} value.</li>
 *   <li>{@code precision} = |predicted pairs ∩ gold pairs| / |predicted pairs|; 0 when the system
 *       grouped nothing though the corpus has gold pairs, so silence is not rewarded.</li>
 *   <li>{@code recall} = |predicted pairs ∩ gold pairs| / |gold pairs|; 1 when the corpus has no
 *       gold pairs. No gold pairs and none predicted is a perfect score, not 0.</li>
 *   <li>{@code f1} = harmonic mean of the two; 0 when both are 0.</li>
 * </ul>
 *
 * <p>Pairs are counted, never listed: with n<sub>ij</sub> items in predicted group i and gold group
 * j, a<sub>i</sub> items in predicted group i and b<sub>j</sub> in gold group j, true pairs =
 * Σ C(n<sub>ij</sub>,2), predicted pairs = Σ C(a<sub>i</sub>,2), gold pairs = Σ C(b<sub>j</sub>,2).
 * One 5,000-copy group would otherwise be 12.5 million pairs.
 *
 * <p>A story with no predicted group (not marked as a duplicate of anything and nothing marked as a
 * duplicate of it) or no gold story is a singleton and forms no pairs.
 */
public final class PairMetrics {

    private final Contingency table = new Contingency();

    /**
     * Adds one story.
     *
     * @param goldGroup      its gold story id, or null
     * @param predictedGroup id of the duplicate group the system put it in (e.g. the storyKey of the
     *                       original it duplicates, or its own key when it is the original), or null
     */
    public PairMetrics add(String goldGroup, String predictedGroup) {
        table.add(goldGroup, predictedGroup);
        return this;
    }

    /** Scores the corpus: gold = {@link CorpusStory#story()}, prediction looked up by story id (absent = singleton). */
    public static Result score(List<CorpusStory> corpus, Map<String, String> predictedGroupById) {
        PairMetrics m = new PairMetrics();
        for (CorpusStory s : corpus) {
            m.add(s.story(), predictedGroupById.get(s.id()));
        }
        return m.result();
    }

    /** The scores of everything added so far; may be called more than once. */
    public Result result() {
        long truePairs = 0;
        for (long k : table.cells.values()) {
            truePairs += Ratios.pairs(k);
        }
        long predictedPairs = 0;
        for (long k : table.predictedSizes.values()) {
            predictedPairs += Ratios.pairs(k);
        }
        long goldPairs = 0;
        for (long k : table.goldSizes.values()) {
            goldPairs += Ratios.pairs(k);
        }
        return new Result(table.n, truePairs, predictedPairs, goldPairs);
    }

    /**
     * Pair counts and the scores derived from them.
     *
     * @param n              stories scored
     * @param truePairs      pairs both predicted and gold
     * @param predictedPairs pairs the system put in one group
     * @param goldPairs      pairs with the same gold story
     */
    public record Result(long n, long truePairs, long predictedPairs, long goldPairs) implements EvalResult {

        /** True pairs / predicted pairs; 0 when nothing was grouped though there was something to group, 1 when neither. */
        public double precision() {
            return predictedPairs == 0 && goldPairs == 0 ? 1.0 : Ratios.ratio(truePairs, predictedPairs);
        }

        /** True pairs / gold pairs; 1 when the corpus has no gold pairs (nothing was there to find). */
        public double recall() {
            return goldPairs == 0 ? 1.0 : Ratios.ratio(truePairs, goldPairs);
        }

        /** Harmonic mean of precision and recall. */
        public double f1() {
            return Ratios.f1(precision(), recall());
        }

        @Override
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", precision());
            m.put("recall", recall());
            m.put("f1", f1());
            m.put("true_pairs", truePairs);
            m.put("predicted_pairs", predictedPairs);
            m.put("gold_pairs", goldPairs);
            return m;
        }
    }
}
