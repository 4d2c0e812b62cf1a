package io.wirestream.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a state restore at INFO with its size and duration: after a crash Kafka Streams rebuilds a
 * store from its changelog (under exactly-once the local copy of a task that was processing is not
 * trusted), which is expected and takes time an operator should see, not an error.
 */
final class RestoreLog implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);

    private final Map<TopicPartition, Long> started = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> restored = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
        started.put(partition, System.nanoTime());
        restored.put(partition, 0L);
        if (endOffset <= startOffset) {
            return; // nothing to restore: a fresh store or a clean local copy
        }
        LOG.info("Restoring store {} from changelog {}: up to {} records (offsets {} to {})", store, partition,
                Math.max(0, endOffset - startOffset), startOffset, endOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        restored.merge(partition, numRestored, Long::sum);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        Long t0 = started.remove(partition);
        restored.remove(partition);
        long ms = t0 == null ? 0 : (System.nanoTime() - t0) / 1_000_000;
        if (totalRestored == 0) {
            return;
        }
        LOG.info("Restored store {} from {}: {} records in {} ms", store, partition, totalRestored, ms);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        started.remove(partition);
        restored.remove(partition);
        LOG.info("Restore of store {} from {} suspended after {} records (task moved)", store, partition, totalRestored);
    }
}
