package io.wirestream.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Category and region scores on hand-computed cases. */
class LabelMetricsTest {

    private static final Offset<Double> EPS = within(1e-9);
    private static final String ARTS = "medtop:01000000";
    private static final String ECONOMY = "medtop:04000000";
    private static final String SPORT = "medtop:15000000";

    /*
     * Three classes: arts (a), economy (e), sport (s).
     *   1. gold [a],    pred a    -> correct: tp a
     *   2. gold [a],    pred e    -> wrong:   fn a, fp e
     *   3. gold [e],    pred e    -> correct: tp e
     *   4. gold [e, s], pred s    -> correct (s is among the gold): tp s
     *   5. gold [s, a], pred e    -> wrong; effective gold = first gold = s: fn s, fp e
     *   6. gold [s],    pred none -> wrong: fn s, no false positive anywhere
     *   7. gold [],     pred a    -> skipped, nothing to score against
     * accuracy = 3/6 = 0.5
     * F1 = 2tp / (2tp + fp + fn):  a: 2/(2+0+1) = 2/3,  e: 2/(2+2+0) = 1/2,  s: 2/(2+0+2) = 1/2
     * macro_f1 = (2/3 + 1/2 + 1/2) / 3 = 5/9
     */
    @Test
    void accuracyAndMacroF1OnThreeClasses() {
        CategoryMetrics.Result r = new CategoryMetrics()
                .add(List.of(ARTS), ARTS)
                .add(List.of(ARTS), ECONOMY)
                .add(List.of(ECONOMY), " MEDTOP:04000000 ") // case and blanks do not matter
                .add(List.of(ECONOMY, SPORT), SPORT)
                .add(List.of(SPORT, ARTS), ECONOMY)
                .add(List.of(SPORT), null)
                .add(List.of(), ARTS)
                .result();
        assertThat(r.n()).isEqualTo(6);
        assertThat(r.accuracy()).isCloseTo(0.5, EPS);
        assertThat(r.f1PerClass()).containsOnlyKeys(ARTS, ECONOMY, SPORT);
        assertThat(r.f1PerClass().get(ARTS)).isCloseTo(2.0 / 3, EPS);
        assertThat(r.f1PerClass().get(ECONOMY)).isCloseTo(0.5, EPS);
        assertThat(r.f1PerClass().get(SPORT)).isCloseTo(0.5, EPS);
        assertThat(r.macroF1()).isCloseTo(5.0 / 9, EPS);
        assertThat(EvalReport.of("categories", r).toJson())
                .isEqualTo("{\"task\":\"categories\",\"n\":6,\"accuracy\":0.5,\"macro_f1\":0.5556}");
    }

    @Test
    void mediaTopicUrisCompareAsQcodes() {
        assertThat(CategoryMetrics.normalize("http://cv.iptc.org/newscodes/mediatopic/15000000")).isEqualTo(SPORT);
        CategoryMetrics.Result r = CategoryMetrics.score(
                List.of(new CorpusStory(1, "x", null, null, null, null, List.of(SPORT), null, null),
                        new CorpusStory(2, "y", null, null, null, null, List.of(ARTS), null, null)),
                Map.of("x", "http://cv.iptc.org/newscodes/mediatopic/15000000")); // y has no prediction
        assertThat(r.accuracy()).isCloseTo(0.5, EPS);
        // sport: tp 1 -> F1 1; arts: fn 1 -> F1 0; macro 0.5
        assertThat(r.macroF1()).isCloseTo(0.5, EPS);
    }

    /*
     *   1. gold {FR, DE}, pred {FR, GB}, primary FR  -> tp 1 (FR), primary right
     *   2. gold {US},     pred {us},     primary "us" -> tp 1, primary right (case folded)
     *   3. gold {},       pred {CN},     primary CN   -> a false positive; excluded from primary
     *   4. gold {JP, KR}, pred {},       primary none -> two misses; primary wrong
     * tp = 2, predicted = 2 + 1 + 1 + 0 = 4, gold = 2 + 1 + 0 + 2 = 5
     * micro P = 2/4 = 0.5, micro R = 2/5 = 0.4, F1 = 2 * 0.5 * 0.4 / 0.9 = 4/9
     * primary_accuracy = 2 right of 3 stories with gold countries = 2/3
     */
    @Test
    void microPrecisionRecallOverCountrySets() {
        RegionMetrics.Result r = new RegionMetrics()
                .add(List.of("FR", "DE"), List.of("FR", "GB"), "FR")
                .add(List.of("US"), List.of("us", " US"), "us")
                .add(List.of(), List.of("CN"), "CN")
                .add(List.of("JP", "KR"), List.of(), null)
                .result();
        assertThat(r.n()).isEqualTo(4);
        assertThat(r.truePositives()).isEqualTo(2);
        assertThat(r.predicted()).isEqualTo(4);
        assertThat(r.gold()).isEqualTo(5);
        assertThat(r.microPrecision()).isCloseTo(0.5, EPS);
        assertThat(r.microRecall()).isCloseTo(0.4, EPS);
        assertThat(r.microF1()).isCloseTo(4.0 / 9, EPS);
        assertThat(r.primaryAccuracy()).isCloseTo(2.0 / 3, EPS);
        assertThat(EvalReport.of("regions", r).toJson()).isEqualTo(
                "{\"task\":\"regions\",\"n\":4,\"micro_precision\":0.5,\"micro_recall\":0.4,"
                        + "\"micro_f1\":0.4444,\"primary_accuracy\":0.6667}");
    }

    @Test
    void regionsFromCorpusWithMissingPredictions() {
        List<CorpusStory> corpus = List.of(
                new CorpusStory(1, "a", null, null, null, null, null, List.of("IN"), null),
                new CorpusStory(2, "b", null, null, null, null, null, List.of("PK"), null));
        RegionMetrics.Result r = RegionMetrics.score(corpus,
                Map.of("a", new RegionMetrics.Prediction(List.of("IN", "PK"), "IN")));
        // tp 1 of 2 predicted, 1 of 2 gold; "b" has no prediction: its primary is wrong.
        assertThat(r.microPrecision()).isCloseTo(0.5, EPS);
        assertThat(r.microRecall()).isCloseTo(0.5, EPS);
        assertThat(r.primaryAccuracy()).isCloseTo(0.5, EPS);
    }

    @Test
    void emptyInputsScoreZeroNotNaN() {
        assertThat(EvalReport.of("categories", new CategoryMetrics().result()).toJson())
                .isEqualTo("{\"task\":\"categories\",\"n\":0,\"accuracy\":0.0,\"macro_f1\":0.0}");
        assertThat(EvalReport.of("regions", new RegionMetrics().result()).toJson()).isEqualTo(
                "{\"task\":\"regions\",\"n\":0,\"micro_precision\":0.0,\"micro_recall\":0.0,"
                        + "\"micro_f1\":0.0,\"primary_accuracy\":0.0}");
        // Gold but no predictions at all: precision is defined as 0.
        RegionMetrics.Result silent = new RegionMetrics().add(List.of("FR"), List.of(), null).result();
        assertThat(silent.microPrecision()).isZero();
        assertThat(silent.microRecall()).isZero();
    }
}
