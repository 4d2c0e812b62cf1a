package io.wirestream.sameness;

import java.time.Duration;

/**
 * Thresholds and windows of the sameness stage. Defaults were measured on the dev corpora
 * (docs/quality.md, docs/design-notes.md "Sameness").
 *
 * @param nearDupThreshold   containment of the shorter text's shingles in the longer one's at or above
 *                           which a story is a near-duplicate (0.92: on neardup-wire.dev copies measure
 *                           0.94-1.0, different articles sharing whole paragraphs 0.6-0.91; 0.92 sits
 *                           between the two, docs/design-notes.md)
 * @param nearDupWindow      how far apart in event time a copy and its original may be
 * @param bands              band keys per story: its smallest shingle hashes and its lead key ({@link Shingles}; more bands, more recall, more records)
 * @param bucketStories      stories a band bucket keeps (newest win; bounds work per query)
 * @param clusterThreshold   time-decayed cosine with a cluster's centroid needed to join it, for full-text stories
 * @param shortTextThreshold the same for headline-only or very short stories, whose cosines run lower; it applies
 *                           to their score with the size prior
 * @param clusterHalfLife    e-folding time of the recency decay applied to a cluster's score
 * @param clusterWindow      a cluster takes no new story this long after its last one (48 h of event time)
 * @param termKeys           term buckets each story asks and each cluster is indexed under
 * @param bucketClusters     clusters a term bucket keeps
 * @param partitions         partitions of the buckets' topics (sameness-queries, cluster-terms): a story sends
 *                           one query per partition its buckets fall in, and a cluster one update per partition
 *                           its term buckets fall in, so fewer partitions, fewer records
 * @param termCacheMb        megabytes of heap each task of the bucket store may spend on the term buckets it
 *                           read last ({@link TermBucketCache}; 0: none; at most a sixteenth of the heap)
 * @param sizePrior          for headline-only or very short stories, a cluster's score is its decayed cosine times
 *                           its size to this power: the bigger a story already is, the likelier a new headline is
 *                           another report of it (the prior of a Chinese-restaurant-process clusterer; 0: none).
 *                           A headline shares two or three words with its story's others, too few for the cosine
 *                           alone to tell a fragment of a big story from a new one (docs/quality.md)
 * @param eventYears         whether a full text's lead years count for or against a cluster ({@link EventYears},
 *                           {@code BucketProcessor.fullTextScores}); false: the decayed cosine and the marks check alone
 */
public record SamenessSettings(double nearDupThreshold, Duration nearDupWindow, int bands, int bucketStories,
                               double clusterThreshold, double shortTextThreshold, Duration clusterHalfLife,
                               Duration clusterWindow, int termKeys, int bucketClusters, int partitions,
                               int termCacheMb, double sizePrior, boolean eventYears) {

    /** See {@link TermBucketCache}; the size is explained in docs/design-notes.md ("Hot term buckets are read from memory"). */
    static final int TERM_CACHE_MB = 64;

    public static SamenessSettings defaults() {
        // 8 clusters a term bucket (30, 20, then 12 before): 20, 12, 8, 6 and 4 gave the same B-cubed F1 on
        // both dev corpora to the fourth decimal (UCI 0.8108, 0.8113 at 4; ECB+ 0.9012); 2 costs ECB 0.004. A
        // query at 100,000 retained reads full buckets, so the cap is its per-story ceiling; 8 keeps twice the
        // 4 that measured the same, as headroom for busier feeds than the dev corpora.
        // Short texts: threshold 0.14 with size prior 0.12 (0.12 without one before), the middle of a plateau of
        // UCI B-cubed F1 >= 0.834 for priors 0.10-0.15 and thresholds 0.13-0.16 (docs/quality.md, Dec 4).
        return new SamenessSettings(0.92, Duration.ofHours(48), 6, 12, 0.25, 0.14, Duration.ofHours(6),
                Duration.ofHours(48), 8, 8, 3, TERM_CACHE_MB, 0.12, true);
    }

    public SamenessSettings {
        if (nearDupThreshold <= 0 || nearDupThreshold > 1) {
            throw new IllegalArgumentException("near-duplicate threshold must be in (0, 1]: " + nearDupThreshold);
        }
        if (clusterThreshold <= 0 || clusterThreshold > 1 || shortTextThreshold <= 0 || shortTextThreshold > 1) {
            throw new IllegalArgumentException("cluster thresholds must be in (0, 1]");
        }
        if (sizePrior < 0 || sizePrior > 1) {
            throw new IllegalArgumentException("the cluster size prior must be in [0, 1]: " + sizePrior);
        }
        if (termCacheMb < 0) {
            throw new IllegalArgumentException("the term bucket cache size must not be negative: " + termCacheMb);
        }
        if (bands < 1 || termKeys < 1 || bucketStories < 1 || bucketClusters < 1 || partitions < 1) {
            throw new IllegalArgumentException("bands, term keys, bucket sizes and partitions must be at least 1");
        }
    }
}
