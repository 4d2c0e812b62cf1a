package io.wirestream.classify;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.StoryAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps, per story key, the top-level categories its versions were given, so that a kill reaches
 * every category topic the story went to: a kill's own text ("story withdrawn") says nothing of its
 * subject, so the kill carries the categories of the versions it kills (its own first where it has
 * any wire codes, then every earlier version's). NEW and UPDATE pass unchanged. Keyed by story key
 * like the stream it reads (no repartition). Value: record time of the last version, then the codes,
 * comma separated; entries expire after the versions stage's retention, by record time.
 */
public final class KeptCategoriesProcessor implements FixedKeyProcessor<String, EnrichedStory, EnrichedStory> {

    private final String storeName;
    private final Duration retention;
    private KeyValueStore<String, String> store;
    private FixedKeyProcessorContext<String, EnrichedStory> context;

    public KeptCategoriesProcessor(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedStory> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // Expiry scans the store; once per hour of stream time keeps that cost negligible per record.
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedStory> record) {
        EnrichedStory s = record.value();
        String kept = store.get(record.key());
        Set<String> all = new LinkedHashSet<>(kept == null ? List.of() : codes(kept));
        EnrichedStory out = s;
        if (s.getAction() == StoryAction.KILL && !all.isEmpty()) {
            Set<String> killed = new LinkedHashSet<>();
            if (s.getCategoryOrigins().contains(StoryClassifier.WIRE)) {
                killed.addAll(s.getCategories());
            }
            killed.addAll(all);
            List<String> origins = new ArrayList<>();
            killed.forEach(c -> origins.add(s.getCategories().contains(c) ? s.getCategoryOrigins()
                    .get(s.getCategories().indexOf(c)) : "kept"));
            out = EnrichedStory.newBuilder(s).setCategories(new ArrayList<>(killed)).setCategoryOrigins(origins).build();
        }
        out.getCategories().stream().filter(MediaTopics::isTopLevel).forEach(all::add);
        store.put(record.key(), record.timestamp() + "," + String.join(",", all));
        context.forward(record.withValue(out));
    }

    private static List<String> codes(String value) {
        List<String> f = Arrays.asList(value.split(","));
        return f.subList(1, f.size()).stream().filter(c -> !c.isEmpty()).toList();
    }

    private void expire(long streamTime) {
        long cutoff = streamTime - retention.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                if (Long.parseLong(kv.value.substring(0, kv.value.indexOf(','))) < cutoff) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(store::delete);
    }
}
