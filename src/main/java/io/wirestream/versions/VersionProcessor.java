package io.wirestream.versions;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.StoryVersionState;
import io.wirestream.state.ExpiryIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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

    /** How often expiry runs (stream time), and the width of a time-index bucket. */
    static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

    private final String storeName;
    private final Duration retention;
    /** Told of each kill nobody can place ({@link VersionTracker.Keyed#unplacedKill()}): a metric. */
    private final Consumer<EnrichedStory> onUnplacedKill;
    private KeyValueStore<String, StoryVersionState> store;
    private ExpiryIndex byTime;
    private ProcessorContext<String, Routed> context;

    public VersionProcessor(String storeName, Duration retention, Consumer<EnrichedStory> onUnplacedKill) {
        this.storeName = storeName;
        this.retention = retention;
        this.onUnplacedKill = onUnplacedKill;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.byTime = new ExpiryIndex(context.getStateStore(ExpiryIndex.indexName(storeName)), EXPIRY_INTERVAL);
        // Expiry reads only the index buckets that ended before the cutoff: cost in what expires.
        context.schedule(EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, EnrichedStory> record) {
        Instant recordTime = Instant.ofEpochMilli(record.timestamp());
        VersionTracker.Keyed k = VersionTracker.decideKeyed(store::get, record.value(), recordTime);
        VersionTracker.Decision d = k.decision();
        if (d.newState() != null) {
            put(k.key(), d.newState());
        }
        if (k.slugState() != null) {
            put(record.value().getStoryKey(), k.slugState());
        }
        if (k.unplacedKill()) {
            onUnplacedKill.accept(record.value());
        }
        context.forward(record.withKey(k.key()).withValue(d.routed()));
    }

    private void put(String key, StoryVersionState state) {
        StoryVersionState before = store.get(key);
        store.put(key, state);
        byTime.touch(key, before == null ? null : before.getLastSeen().toEpochMilli(), state.getLastSeen().toEpochMilli());
    }

    private void expire(long streamTime) {
        long cutoff = streamTime - retention.toMillis();
        byTime.expire(store, cutoff, v -> v.getLastSeen().toEpochMilli(), (key, v) -> store.delete(key));
    }
}
