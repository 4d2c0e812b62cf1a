package io.wirestream.sameness;

import io.wirestream.avro.ClusterEntry;
import io.wirestream.avro.ClusterMember;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Files a cluster's latest centroid (and its strongest {@link EventMarks}) under the term buckets ("t:" keys) of one
 * partition the update names, replacing its older snapshot in each: one entry written per bucket ({@link BucketEntries}),
 * nothing read; and deletes the provisional entry the update names for retraction from the buckets it names for that. A bucket is capped at the
 * {@code bucketClusters} clusters that grew most recently when it is next queried. Shares the bucket
 * store with {@link BucketProcessor}, so a query sees every snapshot filed before it.
 */
public final class ClusterIndexProcessor implements Processor<String, ClusterMember, Void, Void> {

    /** The clusters a term bucket keeps first: grew most recently, then the larger id (the same everywhere). */
    static final Comparator<ClusterEntry> NEWEST_FIRST =
            Comparator.comparing(ClusterEntry::getLastSeen).thenComparing(ClusterEntry::getClusterId).reversed();

    private final String storeName;
    private final TermBucketCaches termCaches;
    private BucketEntries entries;
    private TaskId task;

    /** @param termCaches the term bucket caches of the topology, shared with the {@link BucketProcessor} */
    public ClusterIndexProcessor(String storeName, TermBucketCaches termCaches) {
        this.storeName = storeName;
        this.termCaches = termCaches;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.task = context.taskId();
        this.entries = new BucketEntries(context.getStateStore(storeName), termCaches.open(task));
    }

    @Override
    public void close() {
        termCaches.close(task);
    }

    @Override
    public void process(Record<String, ClusterMember> record) {
        ClusterMember snapshot = record.value();
        List<String> fileTo = snapshot.getBuckets();
        List<String> retractFrom = snapshot.getRetractFrom();
        if (fileTo.isEmpty() && retractFrom.isEmpty()) {
            // one bucket, the record key: how the versions before 2026-12-06 sent every filing
            fileTo = List.of(record.key());
            retractFrom = List.of(record.key());
        }
        // Each bucket's retraction before its filing, as when each bucket had a record of its own; nothing to
        // retract without a provisional id, nothing to file without a centroid.
        if (snapshot.getRetract() != null) {
            for (String bucket : retractFrom) {
                entries.delete(bucket, snapshot.getRetract());
            }
        }
        if (!snapshot.getVector().isEmpty()) {
            // hashed once for all the buckets; each entry gets buffers of its own
            PackedVector terms = PackedVector.of(snapshot.getVector());
            PackedVector marks = PackedVector.of(snapshot.getMarks());
            for (String bucket : fileTo) {
                entries.replaceCluster(bucket, ClusterEntry.newBuilder().setClusterId(snapshot.getClusterId())
                        .setLastSeen(snapshot.getEventTime()).setCentroid(Map.of()).setTerms(terms.packed()).setMarks(marks.packed())
                        .setSize(snapshot.getSize()).setYears(snapshot.getYears()).build());
            }
        }
    }
}
