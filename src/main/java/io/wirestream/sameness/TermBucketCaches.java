package io.wirestream.sameness;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link TermBucketCache} per task, shared by the two processors that write the task's bucket
 * store ({@link BucketProcessor}, {@link ClusterIndexProcessor}): a write by either must reach the
 * cache the other reads. One instance per topology; tasks of different stream threads use different
 * caches.
 */
public final class TermBucketCaches {

    /**
     * Never more than this share of the JVM's maximum heap per task: a deployment with a small heap
     * (a container's default) gets a smaller cache rather than an out-of-memory error.
     */
    static final int HEAP_SHARE_DIVISOR = 16;
    private static final Logger LOG = LoggerFactory.getLogger(TermBucketCaches.class);

    private final long bytesPerTask;
    private final ConcurrentMap<TaskId, TermBucketCache> byTask = new ConcurrentHashMap<>();

    /** @param megabytesPerTask the heap each task's cache may take (estimated); 0 caches nothing */
    public TermBucketCaches(int megabytesPerTask) {
        this(megabytesPerTask * 1024L * 1024L, Runtime.getRuntime().maxMemory());
    }

    /** @param bytesAsked the heap each task's cache may take, before the heap's cap */
    TermBucketCaches(long bytesAsked, long maxHeapBytes) {
        if (bytesAsked < 0) {
            throw new IllegalArgumentException("term bucket cache size must not be negative: " + bytesAsked);
        }
        this.bytesPerTask = Math.min(bytesAsked, maxHeapBytes / HEAP_SHARE_DIVISOR);
        if (bytesPerTask < bytesAsked) {
            LOG.info("term bucket cache: {} MB per task (sameness.term.cache.mb {} is more than a {}th of the {} MB heap)",
                    bytesPerTask >> 20, bytesAsked >> 20, HEAP_SHARE_DIVISOR, maxHeapBytes >> 20);
        }
    }

    /** Caches of a budget in bytes, for tests that want evictions from a few buckets. */
    static TermBucketCaches ofBytes(long bytesPerTask) {
        return new TermBucketCaches(bytesPerTask, Long.MAX_VALUE);
    }

    /** The heap each task's cache may take. */
    long bytesPerTask() {
        return bytesPerTask;
    }

    /**
     * The task's cache, emptied: called by each processor's {@code init}, which Kafka Streams runs
     * after the task's stores were restored and before it processes a record, so nothing restored
     * behind the cache's back is ever read from it.
     */
    TermBucketCache open(TaskId task) {
        TermBucketCache cache = byTask.computeIfAbsent(task, t -> new TermBucketCache(bytesPerTask));
        cache.clear();
        return cache;
    }

    /** Term bucket reads answered from memory, over the caches open now. */
    public long hits() {
        return byTask.values().stream().mapToLong(TermBucketCache::hits).sum();
    }

    /** Term bucket reads that went to the store, over the caches open now. */
    public long misses() {
        return byTask.values().stream().mapToLong(TermBucketCache::misses).sum();
    }

    /** The estimated heap the caches open now take. */
    public long bytes() {
        return byTask.values().stream().mapToLong(TermBucketCache::bytes).sum();
    }

    /** Drops the task's cache (each processor's {@code close}; the second finds it gone). */
    void close(TaskId task) {
        byTask.remove(task);
    }
}
