package io.wirestream.sameness;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.SamenessQuery;
import io.wirestream.avro.StoryAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;

/**
 * The scatter half: what one accepted story version sends to the buckets and to the gather step.
 * A NEW story asks its band buckets (near-duplicates) and term buckets (clusters), one query per
 * partition of the buckets' topic; an UPDATE or a
 * KILL asks nothing (it keeps its story's cluster) and goes straight to the gather step, which keeps
 * it behind any earlier version still waiting for answers, so versions leave in order.
 */
public final class Scatter {

    static final String BAND = "n:";
    static final String TERM = "t:";

    /**
     * A story with the features the buckets score on, computed once; {@code marks} its {@link EventMarks},
     * {@code leadYears} and {@code years} its {@link EventYears} (none for a short text): the lead's go to its term
     * queries, all of them to its provisional entries and, through the story message, to its cluster.
     */
    public record Featured(EnrichedStory story, Shingles shingles, Map<String, Float> vector, Map<String, Float> marks,
                           List<Integer> leadYears, List<Integer> years, boolean asks) {

        public Featured(EnrichedStory story, Shingles shingles, Map<String, Float> vector, Map<String, Float> marks, boolean asks) {
            this(story, shingles, vector, marks, leadYearsOf(story), yearsOf(story), asks);
        }

        public Featured(EnrichedStory story, Shingles shingles, Map<String, Float> vector, boolean asks) {
            this(story, shingles, vector, Map.of(), List.of(), List.of(), asks);
        }
    }

    private static List<Integer> leadYearsOf(EnrichedStory s) {
        return TermVectors.isShort(s.getBody()) ? List.of() : EventYears.lead(s.getHeadline(), s.getBody(), s.getVersionCreated());
    }

    private static List<Integer> yearsOf(EnrichedStory s) {
        return TermVectors.isShort(s.getBody()) ? List.of() : EventYears.all(s.getHeadline(), s.getBody(), s.getVersionCreated());
    }

    private Scatter() {
    }

    public static Featured features(EnrichedStory s, IdfTable idf) {
        boolean asks = s.getAction() == StoryAction.NEW;
        if (!asks) {
            return new Featured(s, null, Map.of(), false);
        }
        Set<String> names = TermVectors.names(s.getBody());
        Map<String, Float> vector = TermVectors.of(s.getHeadline(), s.getBody(), names, idf);
        return new Featured(s, Shingles.of(s), vector, EventMarks.of(s.getHeadline(), s.getBody(), vector, names, idf), true);
    }

    /** Identifies one story version across the scatter and the gather: where it was read from wire.raw. */
    public static String token(EnrichedStory s) {
        var raw = s.getRaw();
        return raw == null ? s.getUri() : raw.getTopic() + "/" + raw.getPartition() + "/" + raw.getOffset() + "/" + raw.getIndex();
    }

    /**
     * The story's band and term queries: its bucket keys (band keys, then its strongest terms) grouped
     * by the partition of {@code sameness-queries} each lands in, one query per partition, keyed by
     * its first bucket key (so {@link #partitions(String, String, Object, int)} sends it to that partition). The sketch and
     * the vector so cross Kafka once per partition asked, and one answer comes back per query; each
     * bucket still answers on its own, so the result does not depend on the partition count.
     */
    public static List<KeyValue<String, SamenessQuery>> queries(Featured f, SamenessSettings settings) {
        if (!f.asks()) {
            return List.of();
        }
        EnrichedStory s = f.story();
        String token = token(s);
        boolean shortText = TermVectors.isShort(s.getBody());
        List<KeyValue<String, SamenessQuery>> out = new ArrayList<>();
        for (List<String> group : bucketsByPartition(f, settings).values()) {
            boolean bands = group.stream().anyMatch(b -> b.startsWith(BAND));
            boolean terms = group.stream().anyMatch(b -> b.startsWith(TERM));
            out.add(KeyValue.pair(group.get(0), SamenessQuery.newBuilder().setStoryKey(s.getStoryKey()).setToken(token)
                    .setEventTime(s.getVersionCreated()).setBuckets(group)
                    .setShingles(bands ? f.shingles().packed() : null).setShingleCount(bands ? f.shingles().count() : 0)
                    .setVector(terms ? f.vector() : null).setMarks(terms && !f.marks().isEmpty() ? f.marks() : null)
                    .setShortText(terms && shortText).setLeadYears(terms ? f.leadYears() : List.of()).setYears(terms ? f.years() : List.of())
                    .build()));
        }
        return out;
    }

    /** A NEW story's bucket keys (band keys, then its strongest terms) grouped by partition, in order of first appearance. */
    private static Map<Integer, List<String>> bucketsByPartition(Featured f, SamenessSettings settings) {
        List<String> buckets = new ArrayList<>();
        if (f.shingles().count() > 0) {
            for (int band : f.shingles().bandKeys(settings.bands())) {
                buckets.add(BAND + Integer.toHexString(band));
            }
        }
        for (String term : TermVectors.topTerms(f.vector(), settings.termKeys())) {
            buckets.add(TERM + term);
        }
        return byPartition(buckets, settings.partitions());
    }

    /**
     * Bucket keys grouped by the partition of the buckets' topics each lands in, groups and keys in order of first
     * appearance: a record for a group, keyed by its first key, goes to that partition ({@link #partitions}).
     */
    static Map<Integer, List<String>> byPartition(List<String> buckets, int partitions) {
        Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
        for (String b : buckets) {
            byPartition.computeIfAbsent(partition(b, partitions), p -> new ArrayList<>()).add(b);
        }
        return byPartition;
    }

    /** The partition of a bucket key among {@code partitions}: the hash Kafka's default partitioner uses. */
    static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The partitioner of the buckets' topics (sameness-queries and cluster-terms, which share the bucket
     * store): a query, or a cluster's update ({@link ClusterProcessor}), goes where its first bucket key
     * does, and every key of its group is of that partition by construction.
     */
    public static Optional<Set<Integer>> partitions(String topic, String key, Object value, int partitions) {
        return Optional.of(Set.of(partition(key, partitions)));
    }

    /** The story itself for the gather step, with the number of answers it must wait for. */
    public static SamenessMessage storyMessage(Featured f, SamenessSettings settings) {
        return SamenessMessage.newBuilder().setStoryKey(f.story().getStoryKey()).setToken(token(f.story()))
                .setStory(f.story()).setExpectedAnswers(f.asks() ? bucketsByPartition(f, settings).size() : 0)
                .setVector(f.asks() ? f.vector() : null).setMarks(f.asks() && !f.marks().isEmpty() ? f.marks() : null)
                .setYears(f.asks() ? f.years() : List.of()).build();
    }
}
