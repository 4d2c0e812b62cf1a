package io.wirestream.alert;

import io.wirestream.avro.Subscription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global subscriptions store in step with the compacted topic: a value puts, a tombstone deletes. */
public final class SubscriptionsUpdater implements Processor<String, Subscription, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, Subscription> store;

    public SubscriptionsUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Subscription> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
