package io.wirestream.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Every topic name, in one value (DESIGN.md "Outputs"). The list {@link #DEFINITIONS} is the one
 * place a topic is defined: its key (the config key {@code topics.<key>}), default name and role.
 * Configuration, topic creation, the in-memory pipeline (which reads every output) and the
 * docker-compose check all derive from it; nothing else in the code spells a topic name.
 *
 * <p>A new topic (a per-category output such as {@code stories.politics}, an internal output of a
 * new stage) is one more {@link Definition} line, plus an accessor if code names it often.
 */
public record Topics(Map<String, String> names) {

    /** What a topic is for: decides how it is created and who reads it. */
    public enum Role {
        /** What producers write and the topology reads (wire.raw). */
        INPUT,
        /** Keyed reference data, compacted (the source catalogue). */
        REFERENCE,
        /** Every raw story ends in exactly one of these (the accounting invariant). */
        ACCOUNTED,
        /** Other Avro outputs of the topology (alerts; per-category topics). */
        OUTPUT,
        /** JSON mirrors of outputs, for tools that do not speak Avro. */
        MIRROR,
        /** One per top-level Media Topic: copies of stories.enriched records in that category. */
        CATEGORY
    }

    /**
     * One topic: its config key, default name and role; a category topic also names the top-level
     * IPTC Media Topic whose stories it carries.
     */
    public record Definition(String key, String defaultName, Role role, String qcode) {
        public Definition(String key, String defaultName, Role role) {
            this(key, defaultName, role, null);
        }
    }

    /** A topic to create: compacted ones are keyed state (the source catalogue), the rest are logs. */
    public record Spec(String name, boolean compacted) {
    }

    public static final String RAW = "raw";
    public static final String SOURCES = "sources";
    public static final String ENRICHED = "enriched";
    public static final String DUPLICATES = "duplicates";
    public static final String ALERTS = "alerts";
    public static final String DLQ = "dlq";
    public static final String ENRICHED_JSON = "enrichedJson";
    public static final String ALERTS_JSON = "alertsJson";
    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String DESK_ALERTS = "deskAlerts";

    /** Every topic of the application, in the order they are created and outputs are read. */
    public static final List<Definition> DEFINITIONS = List.of(
            new Definition(RAW, "wire.raw", Role.INPUT),
            new Definition(SOURCES, "wire.sources", Role.REFERENCE),
            new Definition(ENRICHED, "stories.enriched", Role.ACCOUNTED),
            new Definition(DUPLICATES, "stories.duplicates", Role.ACCOUNTED),
            new Definition(ALERTS, "alerts", Role.OUTPUT),
            new Definition(SUBSCRIPTIONS, "alerts.subscriptions", Role.REFERENCE),
            new Definition(DESK_ALERTS, "alerts.desk", Role.OUTPUT),
            new Definition(DLQ, "wire.dlq", Role.ACCOUNTED),
            new Definition(ENRICHED_JSON, "stories.enriched.json", Role.MIRROR),
            new Definition(ALERTS_JSON, "alerts.json", Role.MIRROR),
            // one topic per top-level Media Topic: every NEW, UPDATE and KILL of its stories
            new Definition("arts", "stories.arts", Role.CATEGORY, "medtop:01000000"),
            new Definition("crime", "stories.crime", Role.CATEGORY, "medtop:02000000"),
            new Definition("disaster", "stories.disaster", Role.CATEGORY, "medtop:03000000"),
            new Definition("economy", "stories.economy", Role.CATEGORY, "medtop:04000000"),
            new Definition("education", "stories.education", Role.CATEGORY, "medtop:05000000"),
            new Definition("environment", "stories.environment", Role.CATEGORY, "medtop:06000000"),
            new Definition("health", "stories.health", Role.CATEGORY, "medtop:07000000"),
            new Definition("humanInterest", "stories.human-interest", Role.CATEGORY, "medtop:08000000"),
            new Definition("labour", "stories.labour", Role.CATEGORY, "medtop:09000000"),
            new Definition("lifestyle", "stories.lifestyle", Role.CATEGORY, "medtop:10000000"),
            new Definition("politics", "stories.politics", Role.CATEGORY, "medtop:11000000"),
            new Definition("religion", "stories.religion", Role.CATEGORY, "medtop:12000000"),
            new Definition("science", "stories.science", Role.CATEGORY, "medtop:13000000"),
            new Definition("society", "stories.society", Role.CATEGORY, "medtop:14000000"),
            new Definition("sport", "stories.sport", Role.CATEGORY, "medtop:15000000"),
            new Definition("conflict", "stories.conflict", Role.CATEGORY, "medtop:16000000"),
            new Definition("weather", "stories.weather", Role.CATEGORY, "medtop:17000000"));

    public Topics {
        if (!names.keySet().equals(keys())) {
            throw new IllegalArgumentException("topic names must be given for exactly " + keys() + ", not " + names.keySet());
        }
        Map<String, String> given = names;
        Map<String, String> ordered = new LinkedHashMap<>();
        DEFINITIONS.forEach(d -> ordered.put(d.key(), given.get(d.key())));
        names = java.util.Collections.unmodifiableMap(ordered);
    }

    public static Topics defaults() {
        return new Topics(DEFINITIONS.stream().collect(Collectors.toMap(Definition::key, Definition::defaultName)));
    }

    /** The keys of every topic ({@code topics.<key>} in configuration). */
    public static Set<String> keys() {
        return DEFINITIONS.stream().map(Definition::key).collect(Collectors.toUnmodifiableSet());
    }

    /** The name of a topic by its key. */
    public String name(String key) {
        String n = names.get(key);
        if (n == null) {
            throw new IllegalArgumentException("no topic '" + key + "'; topics: " + keys());
        }
        return n;
    }

    public String raw() {
        return name(RAW);
    }

    public String sources() {
        return name(SOURCES);
    }

    public String enriched() {
        return name(ENRICHED);
    }

    public String duplicates() {
        return name(DUPLICATES);
    }

    public String alerts() {
        return name(ALERTS);
    }

    public String subscriptions() {
        return name(SUBSCRIPTIONS);
    }

    public String deskAlerts() {
        return name(DESK_ALERTS);
    }

    public String dlq() {
        return name(DLQ);
    }

    public String enrichedJson() {
        return name(ENRICHED_JSON);
    }

    public String alertsJson() {
        return name(ALERTS_JSON);
    }

    /** The name of the topic carrying a top-level Media Topic's stories, if there is one. */
    public java.util.Optional<String> categoryTopic(String qcode) {
        return DEFINITIONS.stream().filter(d -> qcode.equals(d.qcode())).findFirst().map(d -> name(d.key()));
    }

    /** Every name passed through a function: used for per-test prefixes. */
    public Topics map(UnaryOperator<String> f) {
        Map<String, String> m = new LinkedHashMap<>();
        names.forEach((k, v) -> m.put(k, f.apply(v)));
        return new Topics(m);
    }

    /** One topic renamed. */
    public Topics with(String key, String name) {
        return withOverrides(Map.of(key, name));
    }

    /** Overrides from config keys such as topics.raw=agency.raw (key = the definition's key). */
    public Topics withOverrides(Map<String, String> byKey) {
        Map<String, String> m = new LinkedHashMap<>(names);
        byKey.forEach((k, v) -> {
            name(k); // refuses an unknown key
            m.put(k, v);
        });
        return new Topics(m);
    }

    /** Every topic to create. */
    public List<Spec> specs() {
        return DEFINITIONS.stream().map(d -> new Spec(name(d.key()), d.role() == Role.REFERENCE)).toList();
    }

    /** The Avro topics the topology writes (accounted outputs and the others), in definition order. */
    public List<String> outputs() {
        return named(Set.of(Role.ACCOUNTED, Role.OUTPUT));
    }

    /** The JSON mirror topics the topology writes. */
    public List<String> mirrors() {
        return named(Set.of(Role.MIRROR));
    }

    /** The category topics (stories.politics ...), in definition order. */
    public List<String> categoryTopics() {
        return named(Set.of(Role.CATEGORY));
    }

    /** The topics every raw story ends in exactly one of. */
    public List<String> accountingOutputs() {
        return named(Set.of(Role.ACCOUNTED));
    }

    private List<String> named(Set<Role> roles) {
        return DEFINITIONS.stream().filter(d -> roles.contains(d.role())).map(d -> name(d.key())).toList();
    }
}
