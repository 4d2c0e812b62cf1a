package io.wirestream.metrics;

import io.micrometer.core.instrument.Metrics;
import io.wirestream.avro.Alert;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import java.util.Locale;

/**
 * Counters the topology updates as records pass (Micrometer's global registry: a no-op until a
 * registry is added, as {@link MetricsServer} does). Under exactly-once a retried task may count a
 * record twice; the topics, not these counters, are the record of what happened.
 */
public final class PipelineMetrics {

    private PipelineMetrics() {
    }

    public static void parsed(EnrichedStory s) {
        Metrics.counter("wirestream.stories.parsed", "format", s.getFormat(), "source", s.getSource()).increment();
    }

    public static void deadLetter(DeadLetter d) {
        Metrics.counter("wirestream.dead.letters", "stage", d.getStage(), "reason", reasonClass(d.getReason())).increment();
    }

    public static void duplicate(Duplicate d) {
        Metrics.counter("wirestream.duplicates", "reason", d.getReason().name().toLowerCase(Locale.ROOT)).increment();
    }

    public static void accepted(EnrichedStory s) {
        Metrics.counter("wirestream.stories.enriched", "action", s.getAction().name().toLowerCase(Locale.ROOT)).increment();
    }

    public static void alert(Alert a) {
        Metrics.counter("wirestream.alerts", "level", a.getLevel().name().toLowerCase(Locale.ROOT)).increment();
    }

    /** Totals so far, summed over tags, for a status line: "parsed 120 | enriched 100 | ...". */
    public static String summary() {
        return String.format(java.util.Locale.ROOT, "parsed %d | enriched %d | duplicates %d | dead letters %d | alerts %d",
                total("wirestream.stories.parsed"), total("wirestream.stories.enriched"), total("wirestream.duplicates"),
                total("wirestream.dead.letters"), total("wirestream.alerts"));
    }

    private static long total(String name) {
        return (long) Metrics.globalRegistry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
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
