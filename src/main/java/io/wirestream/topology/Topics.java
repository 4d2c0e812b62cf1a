package io.wirestream.topology;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every topic name, in one value (DESIGN.md "Outputs"). Names are configurable; nothing else in the
 * code spells a topic name.
 */
public record Topics(
        String raw,
        String sources,
        String enriched,
        String duplicates,
        String alerts,
        String dlq,
        String enrichedJson,
        String alertsJson) {

    /** A topic to create: compacted ones are keyed state (the source catalogue), the rest are logs. */
    public record Spec(String name, boolean compacted) {
    }

    public static Topics defaults() {
        return new Topics("wire.raw", "wire.sources", "stories.enriched", "stories.duplicates", "alerts", "wire.dlq",
                "stories.enriched.json", "alerts.json");
    }

    /** Every name passed through a function: used for per-test prefixes and config overrides. */
    public Topics map(UnaryOperator<String> f) {
        return new Topics(f.apply(raw), f.apply(sources), f.apply(enriched), f.apply(duplicates), f.apply(alerts),
                f.apply(dlq), f.apply(enrichedJson), f.apply(alertsJson));
    }

    /** Overrides from config keys such as topics.raw=agency.raw (key = the record component name). */
    public Topics withOverrides(Map<String, String> byComponent) {
        Topics d = this;
        return new Topics(
                byComponent.getOrDefault("raw", d.raw), byComponent.getOrDefault("sources", d.sources),
                byComponent.getOrDefault("enriched", d.enriched), byComponent.getOrDefault("duplicates", d.duplicates),
                byComponent.getOrDefault("alerts", d.alerts), byComponent.getOrDefault("dlq", d.dlq),
                byComponent.getOrDefault("enrichedJson", d.enrichedJson), byComponent.getOrDefault("alertsJson", d.alertsJson));
    }

    public List<Spec> specs() {
        return List.of(new Spec(raw, false), new Spec(sources, true), new Spec(enriched, false), new Spec(duplicates, false),
                new Spec(alerts, false), new Spec(dlq, false), new Spec(enrichedJson, false), new Spec(alertsJson, false));
    }

    /** The three topics every raw story ends in exactly one of. */
    public List<String> accountingOutputs() {
        return List.of(enriched, duplicates, dlq);
    }
}
