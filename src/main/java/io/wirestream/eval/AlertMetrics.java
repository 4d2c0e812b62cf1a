package io.wirestream.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Breaking-news alert scores (the {@code alerts} task, issue 13) of the alerts a run raised over a
 * corpus replayed in file order. The contract is built so that no degenerate system scores well:
 * alerting every story, putting everything in one cluster, or alerting one story again and again
 * each score low (AlertMetricsTest shows all three).
 *
 * <p>Definitions (a <em>big story</em> is a gold {@code story} value with at least
 * {@value #BIG_STORY_MIN_MEMBERS} members in the corpus):
 * <ul>
 *   <li>Every alert emitted at BULLETIN or above counts (the evaluator passes only those: FLASH and
 *       BULLETIN, never URGENT or KILL, and never an update of an alert already sent at its level).
 *       An escalation from BULLETIN to FLASH is a second alert.</li>
 *   <li>An alert is <em>correct</em> when its cluster's majority gold story has at least
 *       {@value #CORRECT_STORY_MIN_MEMBERS} members and no earlier alert already went to that gold
 *       story (an alert "goes to" its cluster's majority story, correct or not).</li>
 *   <li>{@code alert_precision} = correct alerts / alerts.</li>
 *   <li>{@code big_story_recall} = big stories that are the majority story of some correct alert's
 *       cluster / big stories.</li>
 *   <li>{@code early_recall} = big stories whose correct alert came no later than the arrival of the
 *       story's {@value #EARLY_SOURCES}th distinct source / big stories.</li>
 *   <li>{@code median_sources_at_alert} = median, over recalled big stories, of the distinct sources
 *       of the story that had arrived when its correct alert came (mean of the middle two when even).</li>
 * </ul>
 *
 * <p>Choices, each because the issue leaves it open:
 * <ul>
 *   <li>Time is corpus position (file order = arrival order). An alert's moment is the arrival it
 *       came out at: the corpus story being fed when the topology emitted it (an alert held for an
 *       embargo comes out later than the story that raised it). So an alert emitted on the arrival
 *       of the 5th source itself is early. Alerts are judged in that order; two at one moment keep
 *       the order they were emitted in.</li>
 *   <li>A big story that never reaches {@value #EARLY_SOURCES} distinct sources has no 5th-source
 *       deadline; its correct alert counts as early. It stays in both recall denominators.</li>
 *   <li>A story without a source adds no distinct source (it cannot be told apart from others).</li>
 *   <li>An alert's cluster members are the stories mapped to its id at the end of the run. When none
 *       are (the cluster was merged away), the story at the alert's moment stands for it. A null
 *       cluster id makes the alert a cluster of its own. Majority ties go to the gold story that
 *       appeared first among the members. Stories without gold story are each their own story of
 *       one member.</li>
 *   <li>No alerts: precision 0 (not undefined), recalls 0, median 0. No big stories: recalls 0.</li>
 * </ul>
 */
public final class AlertMetrics {

    /** Members a gold story needs in the corpus to be a big story the system must alert on. */
    public static final int BIG_STORY_MIN_MEMBERS = 30;
    /** An alert is early when it comes by the arrival of this many distinct sources of the story. */
    public static final int EARLY_SOURCES = 5;
    /** Members the majority gold story of an alert's cluster needs for the alert to be correct. */
    public static final int CORRECT_STORY_MIN_MEMBERS = 10;

    private AlertMetrics() {
    }

    /**
     * One alert (BULLETIN or above) as the topology emitted it.
     *
     * @param atStoryId corpus id of the story whose arrival the alert came out at (its moment)
     * @param clusterId the predicted cluster it is about (the alerts topic's key), or null
     */
    public record PredictedAlert(String atStoryId, String clusterId) {
        public PredictedAlert {
            Objects.requireNonNull(atStoryId, "atStoryId");
        }
    }

    /**
     * Scores a run.
     *
     * @param corpus               the corpus stories in file (arrival) order; ids must be unique
     * @param alerts               the alerts emitted, in emission order
     * @param predictedClusterById final predicted cluster id per corpus story id (absent = none)
     * @throws IllegalArgumentException when ids repeat or an alert names a story not in the corpus
     */
    public static Result score(List<CorpusStory> corpus, List<PredictedAlert> alerts, Map<String, String> predictedClusterById) {
        int n = corpus.size();
        Map<String, Integer> position = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (position.put(corpus.get(i).id(), i) != null) {
                throw new IllegalArgumentException("story id occurs twice in the corpus: " + corpus.get(i).id());
            }
        }

        // Gold story sizes, and for every position the distinct sources its story had by then.
        Map<String, Integer> goldSize = new HashMap<>();
        for (CorpusStory s : corpus) {
            if (s.story() != null) {
                goldSize.merge(s.story(), 1, Integer::sum);
            }
        }
        Map<String, Set<String>> sourcesSeen = new HashMap<>();
        Map<String, Integer> earlyDeadline = new HashMap<>(); // story -> position of its 5th distinct source
        for (int i = 0; i < n; i++) {
            CorpusStory s = corpus.get(i);
            if (s.story() == null) {
                continue;
            }
            Set<String> seen = sourcesSeen.computeIfAbsent(s.story(), k -> new HashSet<>());
            if (s.source() != null && seen.add(s.source()) && seen.size() == EARLY_SOURCES) {
                earlyDeadline.put(s.story(), i);
            }
        }

        Map<String, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String c = predictedClusterById.get(corpus.get(i).id());
            if (c != null) {
                members.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
            }
        }

        // Alerts in the order of their moments (stable: emission order within one moment).
        List<int[]> ordered = new ArrayList<>(alerts.size()); // {position, index in alerts}
        for (int k = 0; k < alerts.size(); k++) {
            Integer pos = position.get(alerts.get(k).atStoryId());
            if (pos == null) {
                throw new IllegalArgumentException("alert at a story not in the corpus: " + alerts.get(k).atStoryId());
            }
            ordered.add(new int[] {pos, k});
        }
        ordered.sort(Comparator.comparingInt((int[] a) -> a[0]).thenComparingInt(a -> a[1]));

        Set<String> alertedGold = new HashSet<>();
        Map<String, Integer> recalledAt = new HashMap<>(); // big story -> moment of its correct alert
        int correct = 0;
        for (int[] a : ordered) {
            int pos = a[0];
            String clusterId = alerts.get(a[1]).clusterId();
            List<Integer> m = clusterId != null ? members.get(clusterId) : null;
            String majority = majorityStory(corpus, m == null || m.isEmpty() ? List.of(pos) : m);
            if (majority == null || !alertedGold.add(majority)) {
                continue;
            }
            int size = goldSize.getOrDefault(majority, 0);
            if (size >= CORRECT_STORY_MIN_MEMBERS) {
                correct++;
                if (size >= BIG_STORY_MIN_MEMBERS) {
                    recalledAt.put(majority, pos);
                }
            }
        }

        // Recall side: big stories.
        int big = 0;
        int early = 0;
        List<Integer> sourcesAtAlert = new ArrayList<>();
        for (Map.Entry<String, Integer> e : goldSize.entrySet()) {
            if (e.getValue() < BIG_STORY_MIN_MEMBERS) {
                continue;
            }
            big++;
            Integer at = recalledAt.get(e.getKey());
            if (at == null) {
                continue;
            }
            Integer deadline = earlyDeadline.get(e.getKey());
            if (deadline == null || at <= deadline) {
                early++;
            }
            sourcesAtAlert.add(distinctSourcesUpTo(corpus, e.getKey(), at));
        }
        return new Result(n, big, recalledAt.size(), early, alerts.size(), correct, median(sourcesAtAlert));
    }

    /** Distinct sources of a gold story among corpus positions 0..at. */
    private static int distinctSourcesUpTo(List<CorpusStory> corpus, String story, int at) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i <= at; i++) {
            CorpusStory s = corpus.get(i);
            if (story.equals(s.story()) && s.source() != null) {
                seen.add(s.source());
            }
        }
        return seen.size();
    }

    /** The gold story most members belong to; ties to the one seen first; null when that is an unlabelled story. */
    private static String majorityStory(List<CorpusStory> corpus, List<Integer> memberPositions) {
        Map<Object, Integer> counts = new LinkedHashMap<>(); // insertion order = first appearance
        for (int pos : memberPositions) {
            String g = corpus.get(pos).story();
            counts.merge(g != null ? g : Integer.valueOf(pos), 1, Integer::sum);
        }
        Object best = null;
        int bestCount = 0;
        for (Map.Entry<Object, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best instanceof String s ? s : null;
    }

    static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return 0.0;
        }
        int[] v = values.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
    }

    /**
     * Counts and the scores derived from them.
     *
     * @param n                      corpus stories
     * @param bigStories             gold stories with at least {@value #BIG_STORY_MIN_MEMBERS} members
     * @param bigStoriesAlerted      big stories that are the majority story of a correct alert's cluster
     * @param bigStoriesAlertedEarly big stories whose correct alert came by their {@value #EARLY_SOURCES}th source
     * @param alerts                 alerts at BULLETIN or above
     * @param correctAlerts          correct alerts: majority story of {@value #CORRECT_STORY_MIN_MEMBERS}+
     *                               members that no earlier alert went to
     * @param medianSourcesAtAlert   median distinct sources at the correct alert over recalled big stories
     */
    public record Result(long n, int bigStories, int bigStoriesAlerted, int bigStoriesAlertedEarly,
                         int alerts, int correctAlerts, double medianSourcesAtAlert)
            implements EvalResult {

        /** Recalled big stories / big stories. */
        public double bigStoryRecall() {
            return Ratios.ratio(bigStoriesAlerted, bigStories);
        }

        /** Big stories alerted by their 5th distinct source / big stories. */
        public double earlyRecall() {
            return Ratios.ratio(bigStoriesAlertedEarly, bigStories);
        }

        /** Correct alerts / alerts; 0 with no alerts. */
        public double alertPrecision() {
            return Ratios.ratio(correctAlerts, alerts);
        }

        @Override
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("big_story_recall", bigStoryRecall());
            m.put("early_recall", earlyRecall());
            m.put("alert_precision", alertPrecision());
            m.put("median_sources_at_alert", medianSourcesAtAlert);
            return m;
        }
    }
}
