package io.wirestream.sources;

import io.wirestream.avro.SequenceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches each source's transmission numbers for messages the line lost ({@link SequenceGaps}). Records
 * come keyed by {@link #key source and channel}, valued by the number as sent, through a repartition of
 * their own, so one task reads every number of a channel whatever partition of wire.raw carried it and
 * however many instances run. Each finding is a log line (a lost range or a restart WARN, a late number
 * INFO) and is forwarded, keyed by source, for the topology to count; nothing is written to a topic.
 *
 * <p>Missing numbers are judged on the wall clock, a grace after a later number showed them missing: a line
 * that goes quiet right after a gap still has it reported. The check runs only while some channel holds a
 * range (missing, or lost and remembered), as the alert stage's embargo check runs only while it holds a
 * story, so a feed without gaps schedules nothing. The log line and the count come before the transaction
 * commits: a task that aborts and retries may report a range twice (the counters' caveat, docs/operations.md).
 */
public final class SequenceGapProcessor implements Processor<String, String, String, SequenceGaps.Finding> {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceGapProcessor.class);
    private static final char SEPARATOR = '/';
    private static final Duration CHECK_AT_MOST_EVERY = Duration.ofSeconds(10);

    private final String storeName;
    private final SequenceSettings settings;
    private ProcessorContext<String, SequenceGaps.Finding> context;
    private KeyValueStore<String, SequenceState> store;
    private Cancellable scheduled;
    /** When this task started (wall clock): no number counts as missing from before it. */
    private long startedAt;

    public SequenceGapProcessor(String storeName, SequenceSettings settings) {
        this.storeName = storeName;
        this.settings = settings;
    }

    /** The record key of a story's number: its source and channel ("ap/a"); channels are letters only. */
    public static Optional<KeyValue<String, String>> key(String source, String providerSequence) {
        return ProviderSequence.parse(providerSequence)
                .map(p -> KeyValue.pair(source + SEPARATOR + p.channel(), providerSequence));
    }

    @Override
    public void init(ProcessorContext<String, SequenceGaps.Finding> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // After a restart, a rebalance or a restore the stage may be far behind wire.raw: numbers still missing wait a
        // whole grace again, from now, so the backlog that may hold them is read before they count as lost (nothing is
        // written here: the checks count from this moment).
        startedAt = context.currentSystemTimeMs();
        try (KeyValueIterator<String, SequenceState> all = store.all()) {
            while (all.hasNext()) {
                if (SequenceGaps.holdsRanges(all.next().value)) {
                    schedule();
                    return;
                }
            }
        }
    }

    @Override
    public void process(Record<String, String> record) {
        Optional<ProviderSequence> seq = ProviderSequence.parse(record.value());
        if (record.key() == null || seq.isEmpty()) {
            return;
        }
        SequenceGaps.Read read = SequenceGaps.read(store.get(record.key()), seq.get(), context.currentSystemTimeMs(), settings);
        store.put(record.key(), read.state());
        read.finding().ifPresent(f -> found(source(record.key()), f, record.timestamp()));
        if (SequenceGaps.holdsRanges(read.state())) {
            schedule();
        }
    }

    private void schedule() {
        if (scheduled == null) {
            // a quarter of the grace (at least PT1S), so a range is reported at most a quarter late, and no more often
            Duration quarter = settings.grace().dividedBy(4);
            Duration every = quarter.compareTo(CHECK_AT_MOST_EVERY) < 0 ? quarter : CHECK_AT_MOST_EVERY;
            scheduled = context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::check);
        }
    }

    /** Counts what has been missing for the grace as lost, forgets old lost ranges; stops once no channel holds any. */
    private void check(long now) {
        List<KeyValue<String, SequenceState>> changed = new ArrayList<>();
        boolean holding = false;
        try (KeyValueIterator<String, SequenceState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SequenceState> e = all.next();
                String channel = e.key.substring(e.key.lastIndexOf(SEPARATOR) + 1);
                SequenceGaps.Check c = SequenceGaps.check(e.value, channel, now, startedAt, settings);
                c.lost().forEach(lost -> found(source(e.key), lost, now));
                if (!c.state().equals(e.value)) {
                    changed.add(KeyValue.pair(e.key, c.state()));
                }
                holding |= SequenceGaps.holdsRanges(c.state());
            }
        }
        changed.forEach(kv -> store.put(kv.key, kv.value));
        if (!holding) {
            scheduled.cancel();
            scheduled = null;
        }
    }

    private void found(String source, SequenceGaps.Finding f, long timestamp) {
        if (f instanceof SequenceGaps.Late) {
            LOG.info(f.describe(source));
        } else {
            LOG.warn(f.describe(source));
        }
        context.forward(new Record<>(source, f, timestamp));
    }

    private static String source(String key) {
        return key.substring(0, key.lastIndexOf(SEPARATOR));
    }
}
