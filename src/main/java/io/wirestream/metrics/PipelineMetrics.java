package io.wirestream.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.avro.Alert;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import java.util.Locale;

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

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
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
    }

    public void deadLetter(DeadLetter d) {
        registry.counter("wirestream.dead.letters", "stage", d.getStage(), "reason", reasonClass(d.getReason())).increment();
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
