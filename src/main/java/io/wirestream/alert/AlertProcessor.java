package io.wirestream.alert;

import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.EnrichedStory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Emits the alert of each annotated story, keyed by cluster id, except that the alert of an
 * embargoed story is held until its release time: an editor must not be rung for copy that may not
 * run yet. Held alerts sit in a store keyed by release time (zero-padded, so the store iterates in
 * release order) and go out, with alertedAt = the release time, once stream time reaches it; stream
 * time, never the wall clock, so replays and tests behave the same. A kill is never held.
 */
public final class AlertProcessor implements Processor<String, EnrichedStory, String, Alert> {

    /** How often stream time is checked for embargoes that have lifted. */
    static final Duration RELEASE_CHECK = Duration.ofMinutes(1);
    private static final int KEY_DIGITS = 15;

    private final String storeName;
    private KeyValueStore<String, Alert> held;
    private ProcessorContext<String, Alert> context;

    public AlertProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.held = context.getStateStore(storeName);
        context.schedule(RELEASE_CHECK, PunctuationType.STREAM_TIME, this::release);
    }

    @Override
    public void process(Record<String, EnrichedStory> record) {
        Optional<Alert> alert = AlertRules.alertFor(record.value());
        if (alert.isEmpty()) {
            return;
        }
        Instant until = record.value().getEmbargoedUntil();
        long now = Math.max(context.currentStreamTimeMs(), record.timestamp());
        if (until != null && until.toEpochMilli() > now && alert.get().getLevel() != AlertLevel.KILL) {
            held.put(heldKey(until, alert.get().getStoryKey()), alert.get());
            return;
        }
        context.forward(new Record<>(alert.get().getClusterId(), alert.get(), record.timestamp()));
    }

    /** Sends every held alert whose release time stream time has reached. */
    void release(long streamTime) {
        List<KeyValue<String, Alert>> due = new ArrayList<>();
        try (KeyValueIterator<String, Alert> it = held.range(heldKey(Instant.EPOCH, ""), heldKey(Instant.ofEpochMilli(streamTime), "\uffff"))) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, Alert> kv : due) {
            held.delete(kv.key);
            long releasedAt = Long.parseLong(kv.key.substring(0, KEY_DIGITS));
            Alert a = Alert.newBuilder(kv.value).setAlertedAt(Instant.ofEpochMilli(releasedAt))
                    .setReasons(withReason(kv.value.getReasons(), "held until the embargo lifted at " + Instant.ofEpochMilli(releasedAt)))
                    .build();
            context.forward(new Record<>(a.getClusterId(), a, releasedAt));
        }
    }

    private static List<String> withReason(List<String> reasons, String reason) {
        List<String> out = new ArrayList<>(reasons);
        out.add(reason);
        return out;
    }

    private static String heldKey(Instant releaseAt, String storyKey) {
        return String.format("%0" + KEY_DIGITS + "d|%s", releaseAt.toEpochMilli(), storyKey);
    }
}
