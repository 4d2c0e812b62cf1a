package io.wirestream.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Breaking-news alert scores (the {@code alerts} task) of the alerts a run raised over a corpus
 * replayed in file order.
 *
 * <p>Definitions (a <em>big story</em> is a gold {@code story} value with at least
 * {@value #BIG_STORY_MIN_MEMBERS} members in the corpus):
 * <ul>
 *   <li>{@code big_story_recall} = big stories that got an alert / big stories.</li>
 *   <li>{@code early_recall} = big stories whose first alert came no later than the arrival of the
 *       story's {@value #EARLY_SOURCES}th distinct source / big stories.</li>
 *   <li>{@code alert_precision} = alerted clusters whose majority gold story has at least
 *       {@value #CORRECT_STORY_MIN_MEMBERS} members in the corpus / alerted clusters. Alerts count
 *       once per predicted cluster, so re-alerting (an upgrade from urgent to flash) neither helps
 *       nor hurts.</li>
 *   <li>{@code median_sources_at_alert} = median, over alerted big stories, of the distinct sources
 *       of the story seen up to and including its first alert (mean of the middle two when even).</li>
 * </ul>
 *
 * <p>Choices, each because the issue leaves it open:
 * <ul>
 *   <li>An alert is credited to the gold story of the story that triggered it: that arrival is
 *       when the editor was alerted, which gives the early and sources-at-alert measures a
 *       well-defined moment. (Precision instead judges the alert's whole cluster, as specified.)</li>
 *   <li>Time is corpus position (file order = arrival order); the triggering story's arrival is the
 *       alert's moment, so an alert fired by the 5th source itself is early.</li>
 *   <li>A big story that never reaches {@value #EARLY_SOURCES} distinct sources has no 5th-source
 *       deadline; any alert for it counts as early. It stays in both recall denominators.</li>
 *   <li>A story without a source adds no distinct source (it cannot be told apart from others).</li>
 *   <li>An alerted cluster's members are the stories mapped to its id at the end of the run. When
 *       none are (the cluster was merged away), the triggering story alone stands for it. A null
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
    /** Members the majority gold story of an alerted cluster needs for the alert to be correct. */
    public static final int CORRECT_STORY_MIN_MEMBERS = 10;

    private AlertMetrics() {
    }

    /**
     * One alert as the topology raised it.
     *
     * @param triggerStoryId corpus id of the story whose arrival raised it
     * @param clusterId      the predicted cluster it is about (the alerts topic's key), or null
     */
    public record PredictedAlert(String triggerStoryId, String clusterId) {
        public PredictedAlert {
            Objects.requireNonNull(triggerStoryId, "triggerStoryId");
        }
    }

    /**
     * Scores a run.
     *
     * @param corpus               the corpus stories in file (arrival) order; ids must be unique
     * @param alerts               the alerts raised, in any order
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
        int[] sourcesSoFar = new int[n];
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
            sourcesSoFar[i] = seen.size();
        }

        // First alert per gold story (by trigger) and first alert per cluster.
        Map<String, Integer> firstAlertByStory = new HashMap<>();
        Map<Object, Integer> firstAlertByCluster = new LinkedHashMap<>();
        for (PredictedAlert a : alerts) {
            Integer pos = position.get(a.triggerStoryId());
            if (pos == null) {
                throw new IllegalArgumentException("alert triggered by a story not in the corpus: " + a.triggerStoryId());
            }
            String gold = corpus.get(pos).story();
            if (gold != null) {
                firstAlertByStory.merge(gold, pos, Math::min);
            }
            // A null cluster id is a cluster of its own, keyed by the trigger position.
            Object clusterKey = a.clusterId() != null ? a.clusterId() : Integer.valueOf(pos);
            firstAlertByCluster.merge(clusterKey, pos, Math::min);
        }

        // Recall side: big stories.
        int big = 0;
        int alerted = 0;
        int early = 0;
        List<Integer> sourcesAtAlert = new ArrayList<>();
        for (Map.Entry<String, Integer> e : goldSize.entrySet()) {
            if (e.getValue() < BIG_STORY_MIN_MEMBERS) {
                continue;
            }
            big++;
            Integer first = firstAlertByStory.get(e.getKey());
            if (first == null) {
                continue;
            }
            alerted++;
            Integer deadline = earlyDeadline.get(e.getKey());
            if (deadline == null || first <= deadline) {
                early++;
            }
            sourcesAtAlert.add(sourcesSoFar[first]);
        }

        // Precision side: alerted clusters judged by their majority gold story.
        Map<String, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String c = predictedClusterById.get(corpus.get(i).id());
            if (c != null) {
                members.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
            }
        }
        int correct = 0;
        for (Map.Entry<Object, Integer> e : firstAlertByCluster.entrySet()) {
            List<Integer> m = e.getKey() instanceof String id ? members.get(id) : null;
            if (m == null || m.isEmpty()) {
                m = List.of(e.getValue());
            }
            String majority = majorityStory(corpus, m);
            if (majority != null && goldSize.getOrDefault(majority, 0) >= CORRECT_STORY_MIN_MEMBERS) {
                correct++;
            }
        }

        return new Result(n, big, alerted, early, firstAlertByCluster.size(), correct, median(sourcesAtAlert));
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
     * @param bigStoriesAlerted      big stories with at least one alert
     * @param bigStoriesAlertedEarly big stories alerted by their {@value #EARLY_SOURCES}th source
     * @param alertedClusters        distinct predicted clusters alerted
     * @param correctAlertedClusters alerted clusters whose majority story has at least
     *                               {@value #CORRECT_STORY_MIN_MEMBERS} members
     * @param medianSourcesAtAlert   median distinct sources at first alert over alerted big stories
     */
    public record Result(long n, int bigStories, int bigStoriesAlerted, int bigStoriesAlertedEarly,
                         int alertedClusters, int correctAlertedClusters, double medianSourcesAtAlert)
            implements EvalResult {

        /** Alerted big stories / big stories. */
        public double bigStoryRecall() {
            return Ratios.ratio(bigStoriesAlerted, bigStories);
        }

        /** Big stories alerted by their 5th distinct source / big stories. */
        public double earlyRecall() {
            return Ratios.ratio(bigStoriesAlertedEarly, bigStories);
        }

        /** Alerted clusters whose majority story has 10+ members / alerted clusters; 0 with no alerts. */
        public double alertPrecision() {
            return Ratios.ratio(correctAlertedClusters, alertedClusters);
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
