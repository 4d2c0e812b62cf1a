package io.wirestream.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.avro.Alert;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters the topology updates as records pass, in a Micrometer registry the application owns and
 * passes in when it builds the topology ({@code WirestreamTopology.build(..., metrics)}): two
 * topologies in one JVM (bench runs two, eval and tests many) count apart. The same registry carries
 * Kafka Streams' own metrics when {@code StreamsRunner} is given it. Under exactly-once a retried
 * task may count a record twice; the topics, not these counters, are the record of what happened.
 *
 * <p>A new stage counts through a method here (one counter name, few label values), called from a
 * {@code peek} in the topology.
 */
public final class PipelineMetrics {

    private final MeterRegistry registry;
    private final SourceActivity sources;
    private final Clock clock;
    /** Sources whose gauges are registered. */
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    public PipelineMetrics(MeterRegistry registry) {
        this(registry, SourceActivity.Settings.defaults(), Clock.systemUTC());
    }

    /** With the idle-source alarm's settings and the clock its arrivals are read from. */
    public PipelineMetrics(MeterRegistry registry, SourceActivity.Settings idle, Clock clock) {
        this.registry = registry;
        this.sources = new SourceActivity(idle);
        this.clock = clock;
    }

    /** Counters in a registry of their own that nothing exports (inspect, eval, bench, tests). */
    public static PipelineMetrics inMemory() {
        return new PipelineMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void parsed(EnrichedStory s) {
        registry.counter("wirestream.stories.parsed", "format", s.getFormat(), "source", s.getSource()).increment();
        arrived(s.getSource(), s.getReceivedAt().toEpochMilli());
        // how late the agency's copy reaches us: its own version time to the moment wire.raw took it
        if (s.getVersionCreated() != null && s.getVersionCreatedFrom() != null && !"receivedAt".equals(s.getVersionCreatedFrom())) {
            Duration lag = Duration.between(s.getVersionCreated(), s.getReceivedAt());
            if (!lag.isNegative()) {
                Timer.builder("wirestream.source.lag").description("From a wire's own version time to its arrival on wire.raw")
                        .tag("source", s.getSource()).register(registry).record(lag);
            }
        }
    }

    public void deadLetter(DeadLetter d) {
        registry.counter("wirestream.dead.letters", "stage", d.getStage(), "reason", reasonClass(d.getReason())).increment();
        if (d.getSource() != null) {
            // a source sending what cannot be read is not silent
            arrived(d.getSource(), d.getReceivedAt() != null ? d.getReceivedAt().toEpochMilli() : clock.millis());
        }
    }

    /** Arrival of a wire of {@code source} now, sent to wire.raw at {@code sentMillis}; its gauges on first sight. */
    private void arrived(String source, long sentMillis) {
        sources.received(source, clock.millis(), sentMillis);
        if (watched.add(source)) {
            Gauge.builder("wirestream.source.last.received", sources,
                            a -> a.lastReceived(source).orElse(0) / 1000.0)
                    .description("When a wire of the source was last read (seconds since the epoch)")
                    .baseUnit("seconds").tag("source", source).register(registry);
            Gauge.builder("wirestream.source.idle", sources, a -> a.idle(source, clock.millis()) ? 1 : 0)
                    .description("1 while the source is silent for longer than its usual pace allows").tag("source", source)
                    .register(registry);
        }
    }

    /** Which sources are idle, and which went idle or came back since the last call: see {@link SourceActivity}. */
    public SourceActivity sources() {
        return sources;
    }

    /** The clock arrivals are read from. */
    public Clock clock() {
        return clock;
    }

    /**
     * What the sequence-gaps stage found on a source's line ({@code io.wirestream.sources.SequenceGaps}):
     * {@code outcome} is lost (messages never read, counted by message), late (one of them read after all)
     * or restarted (the line counting afresh).
     */
    public void sequence(String source, String outcome, int messages) {
        registry.counter("wirestream.source.sequence", "source", source, "outcome", outcome).increment(messages);
    }

    /**
     * A kill under a slug key that could be about several stories and names none of them clearly: passed on under a
     * key of its own, so no desk row is marked killed (docs/operations.md, "A kill nobody can place").
     */
    public void unplacedKill(EnrichedStory s) {
        registry.counter("wirestream.kills.unplaced", "source", s.getSource()).increment();
    }

    public void duplicate(Duplicate d) {
        registry.counter("wirestream.duplicates", "reason", d.getReason().name().toLowerCase(Locale.ROOT)).increment();
    }

    public void accepted(EnrichedStory s) {
        registry.counter("wirestream.stories.enriched", "action", s.getAction().name().toLowerCase(Locale.ROOT)).increment();
    }

    public void alert(Alert a) {
        if (a.getUpdate()) {
            return; // an update of an alert already sent is not another alert
        }
        registry.counter("wirestream.alerts", "level", a.getLevel().name().toLowerCase(Locale.ROOT)).increment();
    }

    /**
     * A record Kafka Streams could not write (too large, refused by the broker): {@code outcome} is
     * dead_lettered (a bounded dead letter took its place) or skipped (a JSON mirror or an alert,
     * whose story is accounted for elsewhere).
     */
    public void unwritable(String topic, String outcome) {
        registry.counter("wirestream.records.unwritable", "topic", topic, "outcome", outcome).increment();
    }

    /** Totals so far, summed over tags, for a status line: "parsed 120 | enriched 100 | ...". */
    public String summary() {
        return String.format(Locale.ROOT, "parsed %d | enriched %d | duplicates %d | dead letters %d | alerts %d",
                total("wirestream.stories.parsed"), total("wirestream.stories.enriched"), total("wirestream.duplicates"),
                total("wirestream.dead.letters"), total("wirestream.alerts"));
    }

    /** The total of one counter over all its label values. */
    public long total(String name) {
        return (long) registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** "malformed XML at line 3: ..." to "malformed XML": a label with few values, not the whole message. */
    static String reasonClass(String reason) {
        if (reason == null) {
            return "unknown";
        }
        int cut = reason.length();
        for (char c : new char[] {':', '(', ','}) {
            int i = reason.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        String head = reason.substring(0, cut).strip();
        head = head.replaceAll("\\s+at line \\d+", "").replaceAll("\\d+", "N");
        return head.length() > 60 ? head.substring(0, 60) : head;
    }
}
