package io.wirestream.versions;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.StoryVersionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies {@link VersionTracker} per story key against a key-value store, and expires keys not seen
 * for the retention period (by record time, the producer's receive time), so the store stays bounded.
 * Forwards under the story key the decision was made under: the key it came with, except for a
 * different story found under a slug key, which gets a key of its own ({@link StoryIdentity}). The
 * record key then always equals the story's storyKey, which the sameness stage relies on (its
 * answers come back keyed by storyKey). The record stays on the slug key's partition, where its
 * state is kept too, so later copies under the slug key find it.
 */
public final class VersionProcessor implements Processor<String, EnrichedStory, String, Routed> {

    private final String storeName;
    private final Duration retention;
    private KeyValueStore<String, StoryVersionState> store;
    private ProcessorContext<String, Routed> context;

    public VersionProcessor(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // Expiry scans the store; once per hour of stream time keeps that cost negligible per record.
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, EnrichedStory> record) {
        Instant recordTime = Instant.ofEpochMilli(record.timestamp());
        VersionTracker.Keyed k = VersionTracker.decideKeyed(store::get, record.value(), recordTime);
        VersionTracker.Decision d = k.decision();
        if (d.newState() != null) {
            store.put(k.key(), d.newState());
        }
        context.forward(record.withKey(k.key()).withValue(d.routed()));
    }

    private void expire(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(retention);
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, StoryVersionState> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, StoryVersionState> kv = it.next();
                if (kv.value.getLastSeen().isBefore(cutoff)) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(store::delete);
    }
}
