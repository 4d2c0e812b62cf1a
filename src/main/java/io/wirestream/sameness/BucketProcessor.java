package io.wirestream.sameness;

import io.wirestream.avro.BandEntry;
import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterEntry;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.SamenessQuery;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MeasurableStat;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The buckets of one partition answering one story's query, one answer for all of them. A band
 * bucket ("n:" key) compares the story's shingles with the stories it holds and answers the most
 * similar one at or above the near-duplicate threshold, then remembers the story (newest {@code bucketStories} by event time kept,
 * all in one record). A term
 * bucket ("t:" key) scores the story's vector against the centroids of the clusters indexed under
 * that term, decayed by how long ago each cluster last grew, and answers the best few (a cluster whose
 * score is doubtful and whose {@link EventMarks} the story's do not share is left out). Every query
 * gets exactly one answer, possibly empty, so the gather step can count them. Each entry of a term
 * bucket is its own store record ({@link BucketEntries}): a query reads the bucket by prefix (a hot
 * bucket from the task's {@link TermBucketCache}) and writes only its own entry; a band bucket is one
 * record, read by key.
 */
public final class BucketProcessor implements Processor<String, SamenessQuery, String, SamenessMessage> {

    /** Clusters one term bucket reports per query: the gather step keeps the best per cluster anyway. */
    static final int CLUSTERS_PER_ANSWER = 3;
    /** The metric group of the term cache's metrics, tagged by task. */
    static final String METRICS_GROUP = "wirestream-sameness";

    private final String storeName;
    private final SamenessSettings settings;
    /** Stream time between two expiry passes; each reads only the entries that came due. */
    static final Duration EXPIRY_EVERY = Duration.ofMinutes(1);

    private static final Comparator<BandEntry> NEWEST_STORY_FIRST =
            Comparator.comparing(BandEntry::getEventTime).reversed().thenComparing(BandEntry::getStoryKey);

    private final TermBucketCaches termCaches;
    private TermBucketCache termCache;
    private BucketEntries entries;
    /** The term cache's metrics (group {@value #METRICS_GROUP}), brought up to date at each expiry pass. */
    private Sensor cacheHits;
    private Sensor cacheMisses;
    private Sensor cacheBytes;
    private long hitsRecorded;
    private long missesRecorded;
    /** The stream time until which band entries of the per-entry layout may be in the store; null until asked. */
    private Instant legacyBandsUntil;
    private ProcessorContext<String, SamenessMessage> context;

    /**
     * @param termCaches the term bucket caches of the topology, shared with the {@link ClusterIndexProcessor}
     *                   that writes the same store
     */
    public BucketProcessor(String storeName, SamenessSettings settings, TermBucketCaches termCaches) {
        this.storeName = storeName;
        this.settings = settings;
        this.termCaches = termCaches;
    }

    @Override
    public void init(ProcessorContext<String, SamenessMessage> context) {
        this.context = context;
        this.termCache = termCaches.open(context.taskId());
        this.entries = new BucketEntries(context.getStateStore(storeName), termCache);
        String task = context.taskId().toString();
        cacheHits = sensor(task, "term-cache-hit-total", "term bucket reads answered from memory", new CumulativeSum());
        cacheMisses = sensor(task, "term-cache-miss-total", "term bucket reads that went to the store", new CumulativeSum());
        cacheBytes = sensor(task, "term-cache-bytes", "estimated heap the cached term buckets take", new Value());
        long retention = Math.max(settings.nearDupWindow().toMillis(), settings.clusterWindow().toMillis());
        // Incremental (BucketEntries.expire reads only what is due), so it can run often and never stalls.
        context.schedule(EXPIRY_EVERY, PunctuationType.STREAM_TIME, t -> {
            entries.expire(t - retention);
            recordCacheMetrics();
        });
    }

    private Sensor sensor(String task, String name, String description, MeasurableStat stat) {
        Sensor sensor = context.metrics().addSensor(METRICS_GROUP + "." + task + "." + name, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(name, METRICS_GROUP, description, Map.of("task-id", task)), stat);
        return sensor;
    }

    private void recordCacheMetrics() {
        cacheHits.record(termCache.hits() - hitsRecorded);
        cacheMisses.record(termCache.misses() - missesRecorded);
        cacheBytes.record(termCache.bytes());
        hitsRecorded = termCache.hits();
        missesRecorded = termCache.misses();
    }

    @Override
    public void close() {
        for (Sensor s : new Sensor[] {cacheHits, cacheMisses, cacheBytes}) {
            if (s != null) {
                context.metrics().removeSensor(s);
            }
        }
        termCaches.close(context.taskId());
    }

    /**
     * One expiry pass over a bucket store: deletes the entries last seen before {@code cutoff}
     * (epoch millis), reading only those (the bench times it). It goes to the store alone, past any
     * processor's term cache: only for a store no running processor reads.
     *
     * @return entries deleted
     */
    public static int expire(KeyValueStore<String, BucketState> store, long cutoff) {
        return new BucketEntries(store).expire(cutoff);
    }

    @Override
    public void process(Record<String, SamenessQuery> record) {
        SamenessQuery q = record.value();
        SamenessMessage.Builder answer = SamenessMessage.newBuilder().setStoryKey(q.getStoryKey()).setToken(q.getToken());
        Map<String, Double> scores = new HashMap<>();
        ByteBuffer packed = null;
        PackedVector vector = null;
        PackedVector marks = null;
        String own = null;
        // Each bucket answers on its own; the answers of the buckets of one query are merged as the
        // gather step merges answers (best near-duplicate by Candidates.better, best score per cluster).
        for (String bucket : q.getBuckets().isEmpty() ? List.of(record.key()) : q.getBuckets()) {
            if (bucket.startsWith(Scatter.BAND) && q.getShingles() != null) {
                answerBand(bucket, q, answer);
            } else if (bucket.startsWith(Scatter.TERM) && q.getVector() != null) {
                if (vector == null) {
                    vector = PackedVector.of(q.getVector());
                    packed = vector.packed();
                    marks = q.getMarks() == null || q.getMarks().isEmpty() ? null : PackedVector.of(q.getMarks());
                    own = GatherProcessor.newClusterId(q.getStoryKey());
                }
                List<ClusterEntry> clusters = clustersIn(bucket);
                (q.getShortText() ? clusterScores(clusters, vector, marks, q.getEventTime(), settings.sizePrior(), settings)
                        : settings.eventYears() ? fullTextScores(clusters, vector, marks, q.getLeadYears(), q.getEventTime(), settings)
                        : clusterScores(clusters, vector, marks, q.getEventTime(), 0, settings))
                        .forEach((c, x) -> scores.merge(c, x, Math::max));
                fileProvisionalCluster(bucket, clusters, q, own, packed, marks);
            }
        }
        answer.setClusterScores(scores);
        context.forward(record.withKey(q.getStoryKey()).withValue(answer.build()));
    }

    private void answerBand(String bucket, SamenessQuery q, SamenessMessage.Builder answer) {
        Shingles mine = Shingles.unpack(q.getShingles(), q.getShingleCount());
        long window = settings.nearDupWindow().toMillis();
        List<BandEntry> stories = new ArrayList<>(entries.bandStories(bucket));
        // What the record's expiry index covers: entries moving in from the per-entry layout are not in it.
        Instant oldestInRecord = BucketEntries.oldest(stories);
        List<String> perEntryKeys = new ArrayList<>();
        if (q.getEventTime().isBefore(legacyBandsUntil(q.getEventTime()))) {
            for (var kv : entries.scan(bucket)) {
                stories.addAll(kv.value.getStories());
                perEntryKeys.add(kv.key);
            }
        }
        BandEntry mineEntry = BandEntry.newBuilder().setStoryKey(q.getStoryKey()).setEventTime(q.getEventTime())
                .setShingles(q.getShingles()).setShingleCount(q.getShingleCount()).build();
        boolean refiled = stories.removeIf(e -> e.getStoryKey().equals(q.getStoryKey()));
        // The bucket keeps its newest bucketStories stories by event time (ties by key): the same
        // stories whatever order they arrived in.
        stories.sort(NEWEST_STORY_FIRST);
        BandEntry best = null;
        double bestSimilarity = 0;
        for (int i = 0; i < stories.size() && i < settings.bucketStories(); i++) {
            BandEntry e = stories.get(i);
            if (Math.abs(e.getEventTime().toEpochMilli() - q.getEventTime().toEpochMilli()) > window) {
                continue;
            }
            double c = Shingles.containment(mine, Shingles.unpack(e.getShingles(), e.getShingleCount()));
            if (c >= settings.nearDupThreshold() && (best == null || Candidates.better(c, e.getEventTime(), e.getStoryKey(),
                    bestSimilarity, best.getEventTime(), best.getStoryKey()))) {
                best = e;
                bestSimilarity = c;
            }
        }
        if (best != null && (answer.getDuplicateOf() == null || Candidates.better(bestSimilarity, best.getEventTime(),
                best.getStoryKey(), answer.getSimilarity(), answer.getDuplicateOfTime(), answer.getDuplicateOf()))) {
            answer.setDuplicateOf(best.getStoryKey()).setDuplicateOfTime(best.getEventTime()).setSimilarity(bestSimilarity);
        }
        stories.add(mineEntry);
        stories.sort(NEWEST_STORY_FIRST);
        List<BandEntry> kept = stories.subList(0, Math.min(stories.size(), settings.bucketStories()));
        // A story older than the bucket's newest bucketStories changes nothing, unless entries of the
        // per-entry layout move into the record now.
        if (kept.contains(mineEntry) || refiled || !perEntryKeys.isEmpty()) {
            entries.putBand(bucket, List.copyOf(kept), oldestInRecord);
        }
        perEntryKeys.forEach(entries::deleteBandEntry);
    }

    /** See {@link BucketEntries#legacyBandsUntil}: asked once per processor, at its first band query. */
    private Instant legacyBandsUntil(Instant now) {
        if (legacyBandsUntil == null) {
            legacyBandsUntil = entries.legacyBandsUntil(now, settings.nearDupWindow());
        }
        return legacyBandsUntil;
    }

    /**
     * The clusters filed in a term bucket, newest first, at most {@code bucketClusters}: filing is a
     * blind write of one entry ({@link ClusterIndexProcessor}), so the cap is applied here, deleting
     * the entries beyond it (the clusters that grew least recently, ties by id).
     */
    private List<ClusterEntry> clustersIn(String bucket) {
        List<ClusterEntry> clusters = new ArrayList<>();
        for (var kv : entries.scan(bucket)) {
            clusters.addAll(kv.value.getClusters());
        }
        clusters.sort(ClusterIndexProcessor.NEWEST_FIRST);
        while (clusters.size() > settings.bucketClusters()) {
            entries.delete(bucket, clusters.remove(clusters.size() - 1).getClusterId());
        }
        return clusters;
    }

    /**
     * Files the asking story here as the cluster it would found (its own vector as centroid), until
     * its cluster's real centroid replaces the entry (or, if it joined another cluster, a retraction
     * removes it). Without this, a second report of an event arriving before the first one's centroid
     * came back round the loop (two commit intervals) would found a cluster of its own.
     */
    private void fileProvisionalCluster(String bucket, List<ClusterEntry> clusters, SamenessQuery q, String own, ByteBuffer packed,
                                        PackedVector marks) {
        if (clusters.stream().noneMatch(c -> c.getClusterId().equals(own))) {
            ClusterEntry mine = ClusterEntry.newBuilder().setClusterId(own).setLastSeen(q.getEventTime())
                    .setCentroid(Map.of()).setTerms(packed).setMarks(provisionalMarks(q, marks)).setYears(q.getYears()).build();
            List<ClusterEntry> all = new ArrayList<>(clusters);
            all.add(mine);
            all.sort(ClusterIndexProcessor.NEWEST_FIRST);
            if (all.size() > settings.bucketClusters()) {
                ClusterEntry dropped = all.get(all.size() - 1);
                if (dropped == mine) {
                    return;
                }
                entries.delete(bucket, dropped.getClusterId());
            }
            entries.putCluster(bucket, mine, clusters.isEmpty() ? null : clusters.get(clusters.size() - 1).getLastSeen());
        }
    }

    /** The marks a founder's provisional entry carries: its own, cut to what a cluster's entry holds. */
    private static ByteBuffer provisionalMarks(SamenessQuery q, PackedVector marks) {
        if (marks == null) {
            return ByteBuffer.allocate(0);
        }
        return PackedVector.of(EventMarks.filed(q.getMarks())).packed();
    }

    /**
     * Decayed cosine of a vector with each cluster centroid in the bucket, times the cluster's size to the
     * power {@code sizePrior}, best {@link #CLUSTERS_PER_ANSWER}, leaving out the clusters a doubtful score
     * would join whose marks the story's do not share ({@link EventMarks#agree}).
     *
     * @param marks     the story's event marks packed, or null when it has none
     * @param sizePrior {@link SamenessSettings#sizePrior} for a short story's query, 0 for a full text's
     */
    static Map<String, Double> clusterScores(List<ClusterEntry> clusters, PackedVector vector, PackedVector marks, Instant at,
                                             double sizePrior, SamenessSettings settings) {
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (ClusterEntry c : clusters) {
            double cosine = decayedCosine(c, vector, at, settings);
            double score = cosine;
            if (sizePrior > 0 && c.getSize() > 1) {
                // Bounded: a running story of thousands of reports would otherwise take any headline sharing one
                // common word with it (at 100 the factor is 1.74 at the default prior; docs/quality.md)
                score *= Math.pow(Math.min(c.getSize(), MAX_PRIOR_SIZE), sizePrior);
            }
            // the marks check weighs what the words say, not the prior
            if (score > 0 && EventMarks.agree(cosine, marks, c.getMarks())) {
                scored.add(Map.entry(c.getClusterId(), score));
            }
        }
        return best(scored);
    }

    /**
     * The join scores of a full-text story's query: the clusters it may join, ranked as
     * {@link GatherProcessor#clusterFor} takes them (the highest at or above the threshold). A cluster is a
     * candidate when its decayed cosine {@code s} reaches the threshold, or {@link #YEAR_FLOOR} when the years
     * the story dates its event by are the cluster's too ({@link EventYears}). It is refused below
     * {@link #YEARS_SURE} when both name years and none meet (or the story's lead names years and a cluster with
     * event marks names none), and below {@link EventMarks#SURE_SCORE} when their event marks disagree.
     * Candidates reaching the threshold come first, each group ranked by {@code s + 0.5 marks cosine + 0.2 years}
     * (years +1 meeting, -1 apart): the words say two reports are of one topic, the details and the dates which of
     * its events. Measured on ECB+ (docs/quality.md, "Years as event evidence" and "Twenty-fifth session"): B-cubed
     * F1 0.901 to 0.904 in file order, 0.870 to 0.892 averaged over eight shuffled orders; with lead marks and the
     * undated-cluster doubt 0.912 and 0.901.
     * The score returned orders the candidates and is at least the threshold: {@code 1 + rank} for the first
     * group, {@code threshold + rank / 10} for the second.
     */
    static Map<String, Double> fullTextScores(List<ClusterEntry> clusters, PackedVector vector, PackedVector marks,
                                              List<Integer> leadYears, Instant at, SamenessSettings settings) {
        double threshold = settings.clusterThreshold();
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (ClusterEntry c : clusters) {
            double s = decayedCosine(c, vector, at, settings);
            if (s <= 0) {
                continue;
            }
            boolean clusterMarks = c.getMarks() != null && c.getMarks().hasRemaining();
            boolean bothMarks = marks != null && marks.size() > 0 && clusterMarks;
            // Only a cluster whose members wrote at length says something by naming no year: a short alert has a few
            // marks and no room for a date, and a story's full report must not be doubted by its own alert's cluster.
            boolean readAtLength = clusterMarks && c.getMarks().remaining() / PackedVector.BYTES_PER_TERM >= EventYears.FULL_TEXT_MARKS;
            int years = EventYears.agreement(leadYears, c.getYears(), readAtLength, at);
            boolean meet = years > 0;
            if (s < threshold && !(meet && s >= Math.min(YEAR_FLOOR, threshold))) {
                continue;
            }
            if (s < YEARS_SURE && years < 0 || !EventMarks.agree(s, marks, c.getMarks())) {
                continue;
            }
            double rank = s + MARKS_WEIGHT * (bothMarks ? marks.dot(c.getMarks()) : 0) + YEARS_WEIGHT * years;
            scored.add(Map.entry(c.getClusterId(), s >= threshold ? 1 + rank : threshold + Math.max(0, rank) / 10));
        }
        return best(scored);
    }

    /** Cosine with a cluster's centroid decayed by how long ago it last grew; 0 outside the cluster window. */
    private static double decayedCosine(ClusterEntry c, PackedVector vector, Instant at, SamenessSettings settings) {
        long age = Math.abs(at.toEpochMilli() - c.getLastSeen().toEpochMilli());
        if (age > settings.clusterWindow().toMillis()) {
            return 0;
        }
        return vector.dot(centroidOf(c)) * Math.exp(-age / (double) settings.clusterHalfLife().toMillis());
    }

    /** The best {@link #CLUSTERS_PER_ANSWER} scores, ties by cluster id: the same answer whatever the bucket's order. */
    private static Map<String, Double> best(List<Map.Entry<String, Double>> scored) {
        scored.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(e -> -e.getValue()).thenComparing(Map.Entry::getKey));
        Map<String, Double> out = new HashMap<>();
        scored.stream().limit(CLUSTERS_PER_ANSWER).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The size at which the size prior stops growing. */
    static final int MAX_PRIOR_SIZE = 100;

    /** A full text whose lead dates its event to a year the cluster names may join it from this cosine. */
    static final double YEAR_FLOOR = 0.18;
    /** Below this cosine, years that do not meet refuse a join. */
    static final double YEARS_SURE = 0.5;
    private static final double MARKS_WEIGHT = 0.5;
    private static final double YEARS_WEIGHT = 0.2;

    /** A cluster entry's packed centroid; an entry written before the packed form has only its map. */
    static ByteBuffer centroidOf(ClusterEntry c) {
        ByteBuffer terms = c.getTerms();
        if (terms != null && terms.hasRemaining()) {
            return terms;
        }
        return PackedVector.of(c.getCentroid()).packed();
    }

    static Instant max(Instant a, Instant b) {
        return BucketEntries.max(a, b);
    }
}
