package io.wirestream.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** B-cubed and pairwise scores on hand-computed cases, and against brute force on random ones. */
class ClusterMetricsTest {

    private static final Offset<Double> EPS = within(1e-9);

    /*
     * Five items. Gold: A = {1,2,3}, B = {4,5}. Predicted: X = {1,2}, Y = {3}, Z = {4,5}.
     * Precision per item: every predicted cluster is pure -> 1,1,1,1,1 -> 1.
     * Recall per item: 1: |X∩A|/|A| = 2/3, 2: 2/3, 3: |Y∩A|/|A| = 1/3, 4: 2/2 = 1, 5: 1
     *   -> (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = (11/3) / 5 = 11/15.
     * F1 = 2 * 1 * 11/15 / (1 + 11/15) = (22/15) / (26/15) = 11/13.
     */
    @Test
    void bcubedOnFiveItems() {
        BCubed.Result r = new BCubed()
                .add("A", "X").add("A", "X").add("A", "Y")
                .add("B", "Z").add("B", "Z")
                .result();
        assertThat(r.n()).isEqualTo(5);
        assertThat(r.precision()).isCloseTo(1.0, EPS);
        assertThat(r.recall()).isCloseTo(11.0 / 15, EPS);
        assertThat(r.f1()).isCloseTo(11.0 / 13, EPS);
        assertThat(r.metrics()).containsOnlyKeys("bcubed_precision", "bcubed_recall", "bcubed_f1");
    }

    /*
     * Same gold, everything in one predicted cluster W = {1..5}.
     * Precision: items of A have 3 of 5 right, items of B 2 of 5 -> (3*3/5 + 2*2/5) / 5 = 13/25.
     * Recall: each item's whole story is in W -> 1. F1 = 2 * 0.52 / 1.52 = 13/19.
     */
    @Test
    void bcubedOneBigCluster() {
        BCubed.Result r = new BCubed()
                .add("A", "W").add("A", "W").add("A", "W").add("B", "W").add("B", "W")
                .result();
        assertThat(r.precision()).isCloseTo(13.0 / 25, EPS);
        assertThat(r.recall()).isCloseTo(1.0, EPS);
        assertThat(r.f1()).isCloseTo(13.0 / 19, EPS);
    }

    /*
     * Unclustered (null predicted) and unlabelled (null gold) items are singletons, and a null
     * group never joins another null group: gold A = {1,2}, both unclustered ->
     * precision 1, 1; recall 1/2, 1/2. Item 3 unlabelled, unclustered -> 1, 1.
     * P = 1, R = (1/2 + 1/2 + 1) / 3 = 2/3.
     */
    @Test
    void bcubedNullsAreSingletons() {
        BCubed.Result r = new BCubed().add("A", null).add("A", null).add(null, null).result();
        assertThat(r.precision()).isCloseTo(1.0, EPS);
        assertThat(r.recall()).isCloseTo(2.0 / 3, EPS);
    }

    /*
     * Gold: A = {a1,a2,a3}, B = {b1,b2,b3}, C = {c1}.
     * Predicted: G1 = {a1,a2,a3}, G2 = {b1,b2}, G3 = {b3,c1}.
     * Predicted pairs: 3 (G1) + 1 (G2) + 1 (G3) = 5; true: 3 + 1 = 4; the one false pair is (b3,c1).
     * Gold pairs: 3 (A) + 3 (B) = 6.
     * P = 4/5, R = 4/6 = 2/3, F1 = 2*(4/5)*(2/3) / (4/5 + 2/3) = (16/15) / (22/15) = 8/11.
     */
    @Test
    void pairwiseWithExactlyOneFalsePair() {
        PairMetrics.Result r = new PairMetrics()
                .add("A", "G1").add("A", "G1").add("A", "G1")
                .add("B", "G2").add("B", "G2").add("B", "G3")
                .add("C", "G3")
                .result();
        assertThat(r.truePairs()).isEqualTo(4);
        assertThat(r.predictedPairs()).isEqualTo(5);
        assertThat(r.goldPairs()).isEqualTo(6);
        assertThat(r.precision()).isCloseTo(0.8, EPS);
        assertThat(r.recall()).isCloseTo(2.0 / 3, EPS);
        assertThat(r.f1()).isCloseTo(8.0 / 11, EPS);
        assertThat(r.metrics()).containsOnlyKeys("precision", "recall", "f1", "true_pairs", "predicted_pairs", "gold_pairs");
    }

    @Test
    void pairwiseFromCorpusAndPredictionMap() {
        List<CorpusStory> corpus = List.of(story("1", "S"), story("2", "S"), story("3", "T"), story("4", null));
        // 1 and 2 grouped (true), 3 and 4 grouped (false: 4 is unlabelled so a story of its own).
        PairMetrics.Result r = PairMetrics.score(corpus, Map.of("1", "g", "2", "g", "3", "h", "4", "h"));
        assertThat(r.truePairs()).isEqualTo(1);
        assertThat(r.predictedPairs()).isEqualTo(2);
        assertThat(r.goldPairs()).isEqualTo(1);
    }

    @Test
    void noPredictionsGiveZeroPrecisionNotNaN() {
        PairMetrics.Result r = new PairMetrics().add("A", null).add("A", null).result();
        assertThat(r.precision()).isZero();
        assertThat(r.recall()).isZero();
        assertThat(r.f1()).isZero();
    }

    @Test
    void noGoldPairsAndNonePredictedIsPerfectAndPrintsItsCounts() {
        PairMetrics.Result none = new PairMetrics().add("A", null).add("B", "x").result();
        assertThat(none.precision()).isEqualTo(1.0);
        assertThat(none.recall()).isEqualTo(1.0);
        assertThat(none.f1()).isEqualTo(1.0);
        PairMetrics.Result wrong = new PairMetrics().add("A", "x").add("B", "x").result();
        assertThat(wrong.precision()).isZero();
        assertThat(wrong.recall()).isEqualTo(1.0);
        PairMetrics.Result empty = new PairMetrics().result();
        assertThat(EvalReport.of("neardup", empty).toJson()).isEqualTo("{\"task\":\"neardup\",\"n\":0,\"precision\":1.0,"
                + "\"recall\":1.0,\"f1\":1.0,\"true_pairs\":0,\"predicted_pairs\":0,\"gold_pairs\":0}");
        assertThat(EvalReport.of("clusters", new BCubed().result()).toJson())
                .isEqualTo("{\"task\":\"clusters\",\"n\":0,\"bcubed_precision\":0.0,\"bcubed_recall\":0.0,\"bcubed_f1\":0.0}");
    }

    /** The counting shortcuts agree with listing every pair and every item on random groupings. */
    @Test
    void countingAgreesWithBruteForce() {
        Random rnd = new Random(7);
        for (int round = 0; round < 50; round++) {
            int n = 1 + rnd.nextInt(60);
            List<String> gold = new ArrayList<>();
            List<String> pred = new ArrayList<>();
            PairMetrics pm = new PairMetrics();
            BCubed bc = new BCubed();
            for (int i = 0; i < n; i++) {
                String g = rnd.nextInt(10) == 0 ? null : "g" + rnd.nextInt(6);
                String p = rnd.nextInt(5) == 0 ? null : "p" + rnd.nextInt(8);
                gold.add(g);
                pred.add(p);
                pm.add(g, p);
                bc.add(g, p);
            }
            long tp = 0;
            long pp = 0;
            long gp = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    boolean sameP = pred.get(i) != null && pred.get(i).equals(pred.get(j));
                    boolean sameG = gold.get(i) != null && gold.get(i).equals(gold.get(j));
                    pp += sameP ? 1 : 0;
                    gp += sameG ? 1 : 0;
                    tp += sameP && sameG ? 1 : 0;
                }
            }
            PairMetrics.Result r = pm.result();
            assertThat(new long[] {r.truePairs(), r.predictedPairs(), r.goldPairs()}).containsExactly(tp, pp, gp);

            double ps = 0;
            double rs = 0;
            for (int i = 0; i < n; i++) {
                int both = 0;
                int inCluster = 0;
                int inStory = 0;
                for (int j = 0; j < n; j++) {
                    boolean sameP = i == j || pred.get(i) != null && pred.get(i).equals(pred.get(j));
                    boolean sameG = i == j || gold.get(i) != null && gold.get(i).equals(gold.get(j));
                    inCluster += sameP ? 1 : 0;
                    inStory += sameG ? 1 : 0;
                    both += sameP && sameG ? 1 : 0;
                }
                ps += (double) both / inCluster;
                rs += (double) both / inStory;
            }
            BCubed.Result b = bc.result();
            assertThat(b.precision()).isCloseTo(ps / n, EPS);
            assertThat(b.recall()).isCloseTo(rs / n, EPS);
        }
    }

    static CorpusStory story(String id, String gold) {
        return new CorpusStory(0, id, null, null, null, null, null, null, gold);
    }
}
