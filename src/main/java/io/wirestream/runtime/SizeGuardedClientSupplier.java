package io.wirestream.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Kafka Streams' clients, with one change: a record too large to be written is refused before it
 * reaches the Kafka producer.
 *
 * <p>Why: under exactly-once a {@link RecordTooLargeException} raised inside {@code KafkaProducer.send}
 * puts the whole transaction into an abortable error, whatever the production exception handler
 * answers; the task is then corrupted, its input reprocessed, and the same record fails again, for
 * ever (the stall of issue 9). Refused here, the record never enters the transaction: Kafka Streams
 * hands the error to {@link DeadLetterProductionHandler} through the send callback, the handler writes
 * a bounded dead letter, and the transaction commits. The limit is the producer's max.request.size, or
 * a smaller max.message.bytes an existing topic has ({@link #limitTopic}).
 */
public final class SizeGuardedClientSupplier implements KafkaClientSupplier {

    /** Kafka's own per-record and per-batch overhead, kept out of the limit with room to spare. */
    static final int RECORD_OVERHEAD = 1024;

    private final Map<String, Integer> topicLimits = new java.util.concurrent.ConcurrentHashMap<>();

    /** A topic that accepts less than max.request.size (an existing topic on a real cluster). */
    public void limitTopic(String topic, int maxMessageBytes) {
        topicLimits.put(topic, maxMessageBytes);
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        Object size = config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int limit = size == null ? 1024 * 1024 : Integer.parseInt(size.toString());
        return new Guarded(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()), limit, topicLimits);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }

    /** The serialized size of a record as the producer's check sees it, without the batch overhead. */
    static long size(ProducerRecord<byte[], byte[]> r) {
        long n = (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        for (Header h : r.headers()) {
            n += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return n;
    }

    /** Delegates everything; refuses an oversized record through the callback, never touching the transaction. */
    static final class Guarded implements Producer<byte[], byte[]> {
        private final Producer<byte[], byte[]> delegate;
        private final int limit;
        private final Map<String, Integer> topicLimits;

        Guarded(Producer<byte[], byte[]> delegate, int limit, Map<String, Integer> topicLimits) {
            this.delegate = delegate;
            this.limit = limit;
            this.topicLimits = topicLimits;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            int max = Math.min(limit, topicLimits.getOrDefault(record.topic(), Integer.MAX_VALUE)) - RECORD_OVERHEAD;
            long size = size(record);
            if (size > max) {
                RecordTooLargeException e = new RecordTooLargeException("record of " + size + " bytes for topic " + record.topic()
                        + " is larger than the limit of " + max + " bytes (max.record.bytes less " + RECORD_OVERHEAD
                        + " bytes of record overhead)");
                TopicPartition tp = new TopicPartition(record.topic(), record.partition() == null ? -1 : record.partition());
                if (callback != null) {
                    callback.onCompletion(new RecordMetadata(tp, -1, -1, -1, -1, -1), e);
                }
                return CompletableFuture.failedFuture(e);
            }
            return delegate.send(record, callback);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
            return send(record, null);
        }

        @Override
        public void initTransactions() {
            delegate.initTransactions();
        }

        @Override
        public void beginTransaction() {
            delegate.beginTransaction();
        }

        @Override
        public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
            delegate.sendOffsetsToTransaction(offsets, group);
        }

        @Override
        public void commitTransaction() {
            delegate.commitTransaction();
        }

        @Override
        public void abortTransaction() {
            delegate.abortTransaction();
        }

        @Override
        public void registerMetricForSubscription(KafkaMetric metric) {
            delegate.registerMetricForSubscription(metric);
        }

        @Override
        public void unregisterMetricFromSubscription(KafkaMetric metric) {
            delegate.unregisterMetricFromSubscription(metric);
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public List<PartitionInfo> partitionsFor(String topic) {
            return delegate.partitionsFor(topic);
        }

        @Override
        public Map<MetricName, ? extends Metric> metrics() {
            return delegate.metrics();
        }

        @Override
        public Uuid clientInstanceId(Duration timeout) {
            return delegate.clientInstanceId(timeout);
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public void close(Duration timeout) {
            delegate.close(timeout);
        }
    }
}
