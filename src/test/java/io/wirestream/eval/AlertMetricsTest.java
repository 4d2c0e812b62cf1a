package io.wirestream.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.eval.AlertMetrics.PredictedAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * A made-up corpus of 75 stories in this arrival order:
 * <pre>
 *   a0..a9    story A (big: 40 members), source "A" + (i % 8): the k-th member brings its k-th source up to 8
 *   c0..c4    story C (small: 5 members), sources C0..C4
 *   b0..b29   story B (big: 30 members), source "B" + (i % 10)
 *   a10..a39  rest of story A
 * </pre>
 * The system clusters perfectly: a* in K1, b* in K2, c* in K3.
 */
class AlertMetricsTest {

    private static final Offset<Double> EPS = within(1e-9);

    private final List<CorpusStory> corpus = new ArrayList<>();
    private final Map<String, String> clusters = new HashMap<>();

    AlertMetricsTest() {
        addStory("a", 0, 10, "A", 8, "K1");
        addStory("c", 0, 5, "C", 5, "K3");
        addStory("b", 0, 30, "B", 10, "K2");
        addStory("a", 10, 40, "A", 8, "K1");
    }

    private void addStory(String gold, int from, int to, String sourcePrefix, int sources, String cluster) {
        for (int i = from; i < to; i++) {
            String id = gold + i;
            corpus.add(new CorpusStory(corpus.size() + 1, id, sourcePrefix + (i % sources),
                    Instant.parse("2026-03-02T00:00:00Z").plusSeconds(corpus.size()),
                    "headline " + id, null, null, null, gold.toUpperCase(java.util.Locale.ROOT)));
            clusters.put(id, cluster);
        }
    }

    /*
     * Alerts, judged in the order of their moments:
     *   at a3  (K1): A's 4th member, 4 sources seen; A's 5th source arrives with a4 -> correct, early
     *   at c2  (K3): cluster whose majority story C has 5 members (< 10) -> wrong
     *   at b7  (K2): B's 8th member, 8 sources seen; B's 5th source came with b4 -> correct, late
     *   at a20 (K1): a second alert to story A -> wrong (no earlier alert may have gone to it)
     * big_story_recall = 2/2 = 1, early_recall = 1/2 (only A), alert_precision = 2/4,
     * median_sources_at_alert = median(4, 8) = 6.
     */
    @Test
    void twoBigStoriesOneSmallAndARepeat() {
        AlertMetrics.Result r = AlertMetrics.score(corpus, List.of(
                new PredictedAlert("a20", "K1"),
                new PredictedAlert("a3", "K1"),
                new PredictedAlert("b7", "K2"),
                new PredictedAlert("c2", "K3")), clusters);

        assertThat(r.n()).isEqualTo(75);
        assertThat(r.bigStories()).isEqualTo(2);
        assertThat(r.bigStoriesAlerted()).isEqualTo(2);
        assertThat(r.bigStoriesAlertedEarly()).isEqualTo(1);
        assertThat(r.alerts()).isEqualTo(4);
        assertThat(r.correctAlerts()).isEqualTo(2);
        assertThat(r.bigStoryRecall()).isCloseTo(1.0, EPS);
        assertThat(r.earlyRecall()).isCloseTo(0.5, EPS);
        assertThat(r.alertPrecision()).isCloseTo(0.5, EPS);
        assertThat(r.medianSourcesAtAlert()).isCloseTo(6.0, EPS);
        assertThat(EvalReport.of("alerts", r).toJson()).isEqualTo(
                "{\"task\":\"alerts\",\"n\":75,\"big_story_recall\":1.0,\"early_recall\":0.5,"
                        + "\"alert_precision\":0.5,\"median_sources_at_alert\":6.0}");
    }

    /*
     * Only A is alerted, at its 5th member a4 (exactly when its 5th source arrives -> early),
     * but in a cluster the system later merged away ("gone" has no members at the end),
     * so the story at the alert's moment, a4, stands for it: story A, 40 members -> correct.
     * big_story_recall = 1/2, early_recall = 1/2, alert_precision = 1/1, median = 5.
     */
    @Test
    void alertOnTheFifthSourceIsEarlyAndMergedClustersFallBackToTheMoment() {
        AlertMetrics.Result r = AlertMetrics.score(corpus, List.of(new PredictedAlert("a4", "gone")), clusters);
        assertThat(r.bigStoryRecall()).isCloseTo(0.5, EPS);
        assertThat(r.earlyRecall()).isCloseTo(0.5, EPS);
        assertThat(r.alertPrecision()).isCloseTo(1.0, EPS);
        assertThat(r.medianSourcesAtAlert()).isCloseTo(5.0, EPS);
    }

    /*
     * The system lumps C and twelve B stories into one cluster K9 and alerts on it at c0: the
     * majority of K9 is B (12 > 5), 30 members -> a correct alert, and it recalls B (the cluster's
     * majority story, not the story at the alert's moment), early: no B story had arrived yet.
     */
    @Test
    void precisionAndRecallBothFollowTheClusterMajority() {
        Map<String, String> lumped = new HashMap<>(clusters);
        for (int i = 0; i < 5; i++) {
            lumped.put("c" + i, "K9");
        }
        for (int i = 0; i < 12; i++) {
            lumped.put("b" + i, "K9");
        }
        AlertMetrics.Result r = AlertMetrics.score(corpus, List.of(new PredictedAlert("c0", "K9")), lumped);
        assertThat(r.alertPrecision()).isCloseTo(1.0, EPS);
        assertThat(r.bigStoryRecall()).isCloseTo(0.5, EPS);
        assertThat(r.earlyRecall()).isCloseTo(0.5, EPS);
        assertThat(r.medianSourcesAtAlert()).isZero();
    }

    /** Every story alerted at its arrival, in its own (perfect) cluster: two right of 75. */
    @Test
    void alertingEverythingScoresLowPrecision() {
        List<PredictedAlert> all = corpus.stream().map(s -> new PredictedAlert(s.id(), clusters.get(s.id()))).toList();
        AlertMetrics.Result r = AlertMetrics.score(corpus, all, clusters);
        assertThat(r.alertPrecision()).isCloseTo(2.0 / 75, EPS);
        assertThat(r.bigStoryRecall()).isCloseTo(1.0, EPS);

        Map<String, String> singletons = new HashMap<>();
        corpus.forEach(s -> singletons.put(s.id(), "own-" + s.id()));
        List<PredictedAlert> eachOwn = corpus.stream().map(s -> new PredictedAlert(s.id(), "own-" + s.id())).toList();
        assertThat(AlertMetrics.score(corpus, eachOwn, singletons).alertPrecision()).isCloseTo(2.0 / 75, EPS);
    }

    /** Everything in one cluster: one alert recalls only its majority story; alerting it on every arrival is 1 right of 75. */
    @Test
    void oneGiantClusterScoresLow() {
        Map<String, String> giant = new HashMap<>();
        corpus.forEach(s -> giant.put(s.id(), "ALL"));
        AlertMetrics.Result once = AlertMetrics.score(corpus, List.of(new PredictedAlert("a0", "ALL")), giant);
        assertThat(once.bigStoryRecall()).isCloseTo(0.5, EPS);
        assertThat(once.earlyRecall()).isCloseTo(0.5, EPS);

        List<PredictedAlert> every = corpus.stream().map(s -> new PredictedAlert(s.id(), "ALL")).toList();
        AlertMetrics.Result r = AlertMetrics.score(corpus, every, giant);
        assertThat(r.alertPrecision()).isCloseTo(1.0 / 75, EPS);
        assertThat(r.bigStoryRecall()).isCloseTo(0.5, EPS);
    }

    /** Five alerts for each of the two big stories (say, re-sent on every new source): one in five is right. */
    @Test
    void repeatedAlertsScoreLowPrecision() {
        List<PredictedAlert> repeated = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            repeated.add(new PredictedAlert("a" + (i + 1), "K1"));
            repeated.add(new PredictedAlert("b" + (i + 1), "K2"));
        }
        AlertMetrics.Result r = AlertMetrics.score(corpus, repeated, clusters);
        assertThat(r.alertPrecision()).isCloseTo(0.2, EPS);
        assertThat(r.bigStoryRecall()).isCloseTo(1.0, EPS);
        assertThat(r.earlyRecall()).isCloseTo(1.0, EPS);
    }

    @Test
    void noAlertsAndEmptyCorpusScoreZero() {
        AlertMetrics.Result silent = AlertMetrics.score(corpus, List.of(), clusters);
        assertThat(silent.bigStories()).isEqualTo(2);
        assertThat(silent.alertPrecision()).isZero();
        assertThat(silent.bigStoryRecall()).isZero();
        assertThat(EvalReport.of("alerts", AlertMetrics.score(List.of(), List.of(), Map.of())).toJson()).isEqualTo(
                "{\"task\":\"alerts\",\"n\":0,\"big_story_recall\":0.0,\"early_recall\":0.0,"
                        + "\"alert_precision\":0.0,\"median_sources_at_alert\":0.0}");
    }

    @Test
    void alertsOnUnknownStoriesAreRefused() {
        assertThatThrownBy(() -> AlertMetrics.score(corpus, List.of(new PredictedAlert("zz", "K1")), clusters))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zz");
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(AlertMetrics.median(List.of(3, 1, 2))).isEqualTo(2.0);
        assertThat(AlertMetrics.median(List.of(4, 1, 2, 9))).isEqualTo(3.0);
        assertThat(AlertMetrics.median(List.of())).isEqualTo(0.0);
    }
}
