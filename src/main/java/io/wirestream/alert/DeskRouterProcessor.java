package io.wirestream.alert;

import io.wirestream.avro.Alert;
import io.wirestream.avro.DeskAlert;
import io.wirestream.avro.Subscription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Routes each new alert (not an update: one per cluster and level, so each matching subscription
 * gets it once) to every desk subscription it matches, keyed by subscription id. Subscriptions are
 * a global store fed from the compacted alerts.subscriptions topic: every instance sees them all,
 * and there are few (desks, not readers), so a scan per alert is cheap.
 */
public final class DeskRouterProcessor implements Processor<String, Alert, String, DeskAlert> {

    private final String subscriptionsStore;
    private ReadOnlyKeyValueStore<String, Subscription> subscriptions;
    private ProcessorContext<String, DeskAlert> context;

    public DeskRouterProcessor(String subscriptionsStore) {
        this.subscriptionsStore = subscriptionsStore;
    }

    @Override
    public void init(ProcessorContext<String, DeskAlert> context) {
        this.context = context;
        this.subscriptions = context.getStateStore(subscriptionsStore);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert a = record.value();
        if (a == null || a.getUpdate()) {
            return;
        }
        try (KeyValueIterator<String, Subscription> it = subscriptions.all()) {
            while (it.hasNext()) {
                Subscription sub = it.next().value;
                if (sub != null && SubscriptionMatcher.matches(sub, a)) {
                    DeskAlert d = DeskAlert.newBuilder().setSubscriptionId(sub.getId())
                            .setIdempotencyKey(idempotencyKey(a)).setWebhook(sub.getWebhook())
                            .setWebhookFormat(sub.getWebhookFormat()).setAlert(a).build();
                    context.forward(record.withKey(sub.getId()).withValue(d));
                }
            }
        }
    }

    /** cluster:level, plus the killed story for a kill (two kills in one cluster are two notices). */
    public static String idempotencyKey(Alert a) {
        String key = a.getClusterId() + ":" + a.getLevel();
        return a.getLevel() == io.wirestream.avro.AlertLevel.KILL ? key + ":" + a.getStoryKey() : key;
    }
}
