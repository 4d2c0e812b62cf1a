package io.wirestream.runtime;

import io.wirestream.alert.AlertSettings;
import io.wirestream.alert.BreakingPhrases;
import io.wirestream.enrich.RegionSettings;
import io.wirestream.formats.ParserRegistry;
import io.wirestream.ingest.IngestTokens;
import io.wirestream.metrics.SourceActivity;
import io.wirestream.sameness.SamenessSettings;
import io.wirestream.sources.SequenceSettings;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings, read once at start-up and validated, failing with the name of the bad key.
 *
 * <p>Precedence, lowest first: defaults, the properties file ({@code --config}), environment
 * variables ({@code WIRESTREAM_BOOTSTRAP_SERVERS}, {@code WIRESTREAM_DATA_DIR}, ...: the key upper-cased
 * with dots as underscores), then command-line options. Any Kafka client setting passes through as
 * {@code kafka.<setting>} (env {@code WIRESTREAM_KAFKA_SECURITY_PROTOCOL}), security included.
 *
 * @param bootstrapServers an existing cluster, or null to start the embedded broker
 * @param dataDir          embedded broker log and Streams state
 * @param brokerPort       client port of the embedded broker (0 = any free port)
 * @param partitions       partitions of the topics we create
 * @param guarantee        exactly_once_v2 (default) or at_least_once
 * @param applicationId    Kafka Streams application id (consumer group)
 * @param kafka            Kafka client settings passed through to every client
 * @param maxRecordBytes   largest record written to any topic ({@link SizePolicy})
 * @param idleSources      the idle-source alarm of {@code run}
 * @param ingestTokens     who may push to the HTTP ingest, as which source ({@code ingest.http.tokens.file}); null: anyone
 */
public record WirestreamConfig(
        String bootstrapServers,
        Path dataDir,
        int brokerPort,
        int partitions,
        String guarantee,
        String applicationId,
        Topics topics,
        WirestreamTopology.Settings topology,
        Map<String, String> kafka,
        int maxRecordBytes,
        SourceActivity.Settings idleSources,
        IngestTokens ingestTokens) {

    private static final Set<String> KNOWN = Set.of("bootstrap.servers", "data.dir", "broker.port", "partitions",
            "processing.guarantee", "application.id", "versions.retention", "max.item.bytes", "max.record.bytes",
            "sameness.neardup.threshold", "sameness.neardup.window", "sameness.bands", "sameness.bucket.stories",
            "sameness.cluster.threshold", "sameness.cluster.short.threshold", "sameness.cluster.half.life",
            "sameness.cluster.window", "sameness.term.keys", "sameness.bucket.clusters", "sameness.partitions", "sameness.term.cache.mb",
            "sameness.cluster.size.prior", "sameness.cluster.years",
            "alert.corroboration.sources", "alert.corroboration.window", "alert.corroboration.sustained.sources",
            "alert.corroboration.sustained.window", "alert.flash.sources", "alert.language.strong",
            "alert.language.bulletin", "alert.language.urgent", "alert.retention", "alert.phrases",
            "regions.desks.file", "regions.fallback", "regions.fallback.languages", "sources.idle.minimum", "sources.idle.factor",
            "sources.sequence.grace", "sources.sequence.max.jump", "ingest.http.tokens.file");

    public WirestreamConfig {
        new SizePolicy(topology.maxItemBytes(), maxRecordBytes); // validates, naming the key
    }

    /**
     * Environment variables that are not settings: the config file's path, and the log level, which
     * logback reads (logback.xml) before any command runs.
     */
    static final Set<String> NOT_SETTINGS = Set.of("WIRESTREAM_CONFIG", "WIRESTREAM_LOG_LEVEL");

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home", "."), ".wirestream");
    }

    public static WirestreamConfig defaults() {
        return new WirestreamConfig(null, defaultDataDir(), 9092, 3, StreamsConfig.EXACTLY_ONCE_V2, "wirestream",
                Topics.defaults(), WirestreamTopology.Settings.defaults(), Map.of(),
                SizePolicy.defaultRecordBytes(ParserRegistry.DEFAULT_MAX_ITEM_BYTES), SourceActivity.Settings.defaults(), null);
    }

    /** Loads file (may be null) and environment over the defaults. */
    public static WirestreamConfig load(Path file, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("config file " + file + " cannot be read: " + FileErrors.reason(e));
            }
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).strip()));
        }
        env.forEach((k, v) -> {
            if (k.startsWith("WIRESTREAM_") && !NOT_SETTINGS.contains(k)) {
                String key = envToKey(k.substring("WIRESTREAM_".length()));
                if (!KNOWN.contains(key) && !key.startsWith("kafka.") && !key.startsWith("topics.")) {
                    // name the variable: the operator never wrote the key it maps to
                    throw new ConfigException("environment variable " + k + " is no setting ('" + key + "' is unknown; the log level is "
                            + "WIRESTREAM_LOG_LEVEL, the config file WIRESTREAM_CONFIG); known: " + new java.util.TreeSet<>(KNOWN));
                }
                values.put(key, v.strip());
            }
        });
        return from(values);
    }

    /** "KAFKA_SECURITY_PROTOCOL" to "kafka.security.protocol", "TOPICS_RAW" to "topics.raw". */
    static String envToKey(String env) {
        String lower = env.toLowerCase(Locale.ROOT);
        if (lower.startsWith("topics_")) {
            // Topic components are camelCase (enrichedJson): TOPICS_ENRICHED_JSON.
            String[] parts = lower.substring("topics_".length()).split("_");
            StringBuilder b = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return "topics." + b;
        }
        return lower.replace('_', '.');
    }

    static WirestreamConfig from(Map<String, String> values) {
        WirestreamConfig d = defaults();
        Map<String, String> kafka = new HashMap<>();
        Map<String, String> topicNames = new HashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("kafka.")) {
                String setting = k.substring("kafka.".length());
                if (!KafkaSettings.known(setting)) {
                    throw new ConfigException("unknown Kafka client setting '" + k + "': '" + setting + "' is not a producer, "
                            + "consumer, admin, Kafka Streams or topic setting (prefixes producer., consumer., main.consumer., "
                            + "restore.consumer., global.consumer., admin., topic. are allowed)");
                }
                kafka.put(setting, e.getValue());
            } else if (k.startsWith("topics.")) {
                String component = k.substring("topics.".length());
                if (!Topics.keys().contains(component)) {
                    throw new ConfigException("unknown topic key '" + k + "'; known: topics." + String.join(", topics.",
                            new java.util.TreeSet<>(Topics.keys())));
                }
                topicNames.put(component, e.getValue());
            } else if (!KNOWN.contains(k)) {
                throw new ConfigException("unknown setting '" + k + "'; known: " + new java.util.TreeSet<>(KNOWN) + ", topics.*, kafka.*");
            }
        }
        String guarantee = values.getOrDefault("processing.guarantee", d.guarantee());
        if (!Set.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE).contains(guarantee)) {
            throw new ConfigException("processing.guarantee must be exactly_once_v2 or at_least_once, not '" + guarantee + "'");
        }
        String bootstrap = values.get("bootstrap.servers");
        int maxItemBytes = intValue(values, "max.item.bytes", ParserRegistry.DEFAULT_MAX_ITEM_BYTES, 1024, 64 * 1024 * 1024);
        return new WirestreamConfig(
                bootstrap == null || bootstrap.isBlank() ? null : bootstrap,
                values.containsKey("data.dir") ? Path.of(values.get("data.dir")) : d.dataDir(),
                intValue(values, "broker.port", d.brokerPort(), 0, 65535),
                intValue(values, "partitions", d.partitions(), 1, 1000),
                guarantee,
                values.getOrDefault("application.id", d.applicationId()),
                d.topics().withOverrides(topicNames),
                new WirestreamTopology.Settings(
                        durationValue(values, "versions.retention", d.topology().versionRetention()),
                        maxItemBytes,
                        sameness(values, d.topology().sameness()), d.topology().categories(),
                        alerts(values, d.topology().alerts()), regions(values, d.topology().regions()),
                        sequences(values, d.topology().sequences())),
                Map.copyOf(kafka),
                intValue(values, "max.record.bytes", SizePolicy.defaultRecordBytes(maxItemBytes), 1024, Integer.MAX_VALUE - 1024 * 1024),
                idleSources(values, d.idleSources()), ingestTokens(values));
    }

    /**
     * {@code ingest.http.tokens.file}: the agencies' tokens for the HTTP ingest (null: pushes need none). Read at
     * start, so a file that is missing or wrong fails then, naming the key and the line.
     */
    private static IngestTokens ingestTokens(Map<String, String> v) {
        String file = v.get("ingest.http.tokens.file");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return IngestTokens.load(Path.of(file));
        } catch (IOException e) {
            throw new ConfigException("ingest.http.tokens.file " + file + " cannot be read: " + FileErrors.reason(e));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ingest.http.tokens.file: " + e.getMessage());
        }
    }

    /** The idle-source alarm: {@code sources.idle.minimum} (PT0S: off) and {@code sources.idle.factor}. */
    private static SourceActivity.Settings idleSources(Map<String, String> v, SourceActivity.Settings d) {
        Duration minimum = durationValue(v, "sources.idle.minimum", d.minimum());
        if (minimum.isNegative()) {
            throw new ConfigException("sources.idle.minimum must be PT0S (off) or positive, not " + v.get("sources.idle.minimum"));
        }
        double factor = doubleValue(v, "sources.idle.factor", d.factor(), 10_000);
        if (factor < 1) {
            throw new ConfigException("sources.idle.factor must be at least 1, not " + v.get("sources.idle.factor"));
        }
        return new SourceActivity.Settings(minimum, factor);
    }

    /** The sequence-gaps stage: {@code sources.sequence.grace} and {@code sources.sequence.max.jump}. */
    private static SequenceSettings sequences(Map<String, String> v, SequenceSettings d) {
        Duration grace = durationValue(v, "sources.sequence.grace", d.grace());
        if (grace.compareTo(SequenceSettings.MIN_GRACE) < 0) {
            throw new ConfigException("sources.sequence.grace must be at least PT1S, not " + v.get("sources.sequence.grace"));
        }
        return new SequenceSettings(grace, intValue(v, "sources.sequence.max.jump", d.maxJump(), 2, 25_000));
    }

    public WirestreamConfig withBootstrapServers(String servers) {
        return servers == null ? this : new WirestreamConfig(servers, dataDir, brokerPort, partitions, guarantee, applicationId,
                topics, topology, kafka, maxRecordBytes, idleSources, ingestTokens);
    }

    /** The same settings with no cluster: the embedded broker (the {@code broker} command). */
    public WirestreamConfig withEmbeddedBroker() {
        return new WirestreamConfig(null, dataDir, brokerPort, partitions, guarantee, applicationId, topics, topology, kafka,
                maxRecordBytes, idleSources, ingestTokens);
    }

    public WirestreamConfig withDataDir(Path dir) {
        return dir == null ? this : new WirestreamConfig(bootstrapServers, dir, brokerPort, partitions, guarantee, applicationId,
                topics, topology, kafka, maxRecordBytes, idleSources, ingestTokens);
    }

    public WirestreamConfig withBrokerPort(Integer port) {
        return port == null ? this : new WirestreamConfig(bootstrapServers, dataDir, port, partitions, guarantee, applicationId,
                topics, topology, kafka, maxRecordBytes, idleSources, ingestTokens);
    }

    public WirestreamConfig withPartitions(Integer n) {
        if (n != null && (n < 1 || n > 1000)) {
            // the same range as the setting's in a file or the environment (--partitions 0 failed deep in topic creation)
            throw new ConfigException("partitions must be between 1 and 1000, not " + n);
        }
        return n == null ? this : new WirestreamConfig(bootstrapServers, dataDir, brokerPort, n, guarantee, applicationId,
                topics, topology, kafka, maxRecordBytes, idleSources, ingestTokens);
    }

    public WirestreamConfig withGuarantee(String g) {
        if (g == null) {
            return this;
        }
        from(Map.of("processing.guarantee", g)); // validates, naming the key
        return new WirestreamConfig(bootstrapServers, dataDir, brokerPort, partitions, g, applicationId, topics, topology, kafka, maxRecordBytes, idleSources, ingestTokens);
    }

    /** The size policy: max.item.bytes and max.record.bytes. */
    public SizePolicy sizes() {
        return new SizePolicy(topology.maxItemBytes(), maxRecordBytes);
    }

    /** Another item and record limit (tests); record limit 0 = the default for that item limit. */
    public WirestreamConfig withSizes(int maxItemBytes, int recordBytes) {
        return new WirestreamConfig(bootstrapServers, dataDir, brokerPort, partitions, guarantee, applicationId, topics,
                new WirestreamTopology.Settings(topology.versionRetention(), maxItemBytes, topology.sameness(), topology.categories(),
                        topology.alerts(), topology.regions(), topology.sequences()), kafka,
                recordBytes == 0 ? SizePolicy.defaultRecordBytes(maxItemBytes) : recordBytes, idleSources, ingestTokens);
    }

    /** Other topology settings (tests). */
    public WirestreamConfig withTopology(WirestreamTopology.Settings t) {
        return new WirestreamConfig(bootstrapServers, dataDir, brokerPort, partitions, guarantee, applicationId, topics, t, kafka,
                maxRecordBytes, idleSources, ingestTokens);
    }

    public WirestreamConfig withTopics(Topics t) {
        return new WirestreamConfig(bootstrapServers, dataDir, brokerPort, partitions, guarantee, applicationId, t, topology, kafka, maxRecordBytes, idleSources, ingestTokens);
    }

    public WirestreamConfig withApplicationId(String id) {
        return new WirestreamConfig(bootstrapServers, dataDir, brokerPort, partitions, guarantee, id, topics, topology, kafka, maxRecordBytes, idleSources, ingestTokens);
    }

    private static final java.util.regex.Pattern WHOLE_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+");

    private static int intValue(Map<String, String> v, String key, int dflt, int min, int max) {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(s);
            if (n < min || n > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            // digits beyond an int ("partitions=99999999999", max.item.bytes in bytes with three zeros too many) are a
            // whole number all the same: the range is what is wrong, and what the operator needs to read
            throw new ConfigException(key + (WHOLE_NUMBER.matcher(s).matches() ? " must be between " + min + " and " + max + ", not " + s
                    : " must be a whole number, not '" + s + "'"));
        }
    }

    /** The sameness stage's thresholds and windows (docs/design-notes.md "Sameness" says how the defaults were chosen). */
    private static SamenessSettings sameness(Map<String, String> v, SamenessSettings d) {
        return new SamenessSettings(
                doubleValue(v, "sameness.neardup.threshold", d.nearDupThreshold()),
                durationValue(v, "sameness.neardup.window", d.nearDupWindow()),
                intValue(v, "sameness.bands", d.bands(), 1, 64),
                intValue(v, "sameness.bucket.stories", d.bucketStories(), 1, 1000),
                doubleValue(v, "sameness.cluster.threshold", d.clusterThreshold()),
                doubleValue(v, "sameness.cluster.short.threshold", d.shortTextThreshold()),
                durationValue(v, "sameness.cluster.half.life", d.clusterHalfLife()),
                durationValue(v, "sameness.cluster.window", d.clusterWindow()),
                intValue(v, "sameness.term.keys", d.termKeys(), 1, 40),
                intValue(v, "sameness.bucket.clusters", d.bucketClusters(), 1, 1000),
                intValue(v, "sameness.partitions", d.partitions(), 1, 1000),
                intValue(v, "sameness.term.cache.mb", d.termCacheMb(), 0, 65_536),
                shareValue(v, "sameness.cluster.size.prior", d.sizePrior()),
                booleanValue(v, "sameness.cluster.years", d.eventYears()));
    }

    private static AlertSettings alerts(Map<String, String> v, AlertSettings d) {
        int sources = intValue(v, "alert.corroboration.sources", d.corroborationSources(), 1, 1000);
        Duration window = durationValue(v, "alert.corroboration.window", d.corroborationWindow());
        // The sustained rule follows the main one unless set: one source more, three times the window.
        int sustainedDefault = d.sustainedSources() == 0 ? 0 : AlertSettings.sustainedSourcesFor(sources);
        try {
            return new AlertSettings(
                    sources,
                    window,
                    intValue(v, "alert.corroboration.sustained.sources", sustainedDefault, 0, 1000),
                    durationValue(v, "alert.corroboration.sustained.window", AlertSettings.sustainedWindowFor(window)),
                    intValue(v, "alert.flash.sources", Math.max(d.flashSources(), sources), sources, 1000),
                    weightValue(v, "alert.language.strong", d.strongLanguage()),
                    weightValue(v, "alert.language.bulletin", d.bulletinLanguage()),
                    weightValue(v, "alert.language.urgent", d.urgentLanguage()),
                    durationValue(v, "alert.retention", d.retention()),
                    v.containsKey("alert.phrases") ? phrases(Path.of(v.get("alert.phrases"))) : d.phrases());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** {@code alert.phrases}: a file that cannot be read or parsed fails at start-up, naming the key, as regions.desks.file does. */
    private static BreakingPhrases phrases(Path file) {
        try {
            return BreakingPhrases.fromFile(file);
        } catch (java.io.UncheckedIOException e) {
            throw new ConfigException("alert.phrases " + file + " cannot be read: " + FileErrors.reason(e.getCause()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("alert.phrases: " + e.getMessage());
        }
    }

    /**
     * The enrich stage's desk mapping ({@code regions.desks.file}, format of the bundled desks.tsv,
     * read and checked here), fallback country ({@code regions.fallback}: an ISO code, or none) and the languages
     * whose copy it is assumed for ({@code regions.fallback.languages}: codes, or *).
     */
    private static RegionSettings regions(Map<String, String> v, RegionSettings d) {
        Path desks = v.containsKey("regions.desks.file") ? Path.of(v.get("regions.desks.file")) : d.desksFile();
        String fallback = v.containsKey("regions.fallback") ? RegionSettings.parseFallback(v.get("regions.fallback")) : d.fallback();
        java.util.Set<String> languages = v.containsKey("regions.fallback.languages")
                ? RegionSettings.parseLanguages(v.get("regions.fallback.languages")) : d.fallbackLanguages();
        try {
            RegionSettings r = new RegionSettings(desks, fallback, languages);
            // a file that cannot be read or parsed fails at start-up, naming the key; so does one naming what no country is
            // (checked against the gazetteer only for a newsroom's own file: every command reads the settings)
            java.util.List<String> unknown = desks == null ? java.util.List.of()
                    : r.desks().unknownSelectors(io.wirestream.enrich.Gazetteer.bundled());
            if (!unknown.isEmpty()) {
                throw new ConfigException("regions.desks.file " + desks + ": " + String.join(", ", unknown) + (unknown.size() == 1
                        ? " is" : " are") + " neither an ISO country code nor a UN M49 region, subregion or intermediate region"
                        + " (as in the bundled desks.tsv: \"Europe\", \"Western Asia\", \"IL\")");
            }
            return r;
        } catch (java.io.UncheckedIOException e) {
            // NoSuchFileException's message is the path alone: say what is wrong with it
            throw new ConfigException(desks == null ? e.getMessage()
                    : "regions.desks.file " + desks + " cannot be read: " + FileErrors.reason(e.getCause()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static double doubleValue(Map<String, String> v, String key, double dflt) {
        return doubleValue(v, key, dflt, 1);
    }

    /** A number in [0, 1]: 0 turns the thing it weighs off. */
    private static double shareValue(Map<String, String> v, String key, double dflt) {
        return numberValue(v, key, dflt, true, 1);
    }

    /** true or false, nothing else: a typo must not switch a rule off silently. */
    private static boolean booleanValue(Map<String, String> v, String key, boolean dflt) {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key + " must be true or false, not '" + s + "'");
        };
    }

    /** A breaking-language weight: a positive number. */
    private static double weightValue(Map<String, String> v, String key, double dflt) {
        return doubleValue(v, key, dflt, 1000);
    }

    /** A number in (0, max]. */
    private static double doubleValue(Map<String, String> v, String key, double dflt, double max) {
        return numberValue(v, key, dflt, false, max);
    }

    /** A number up to max, above 0 or (when {@code zero}) from 0. */
    private static double numberValue(Map<String, String> v, String key, double dflt, boolean zero, double max) {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        try {
            double x = Double.parseDouble(s);
            if (!((zero ? x >= 0 : x > 0) && x <= max)) {
                throw new ConfigException(key + " must be in " + (zero ? "[0, " : "(0, ") + (max == 1 ? "1" : String.valueOf(max)) + "], not " + s);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a number such as 0.25, not '" + s + "'");
        }
    }

    private static Duration durationValue(Map<String, String> v, String key, Duration dflt) {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + " must be an ISO-8601 duration such as P7D or PT12H, not '" + s + "'");
        }
    }

    /** A configuration error, reported to the user by its message alone. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
