package io.wirestream.runtime;

import io.wirestream.formats.ParserRegistry;
import io.wirestream.sameness.SamenessSettings;
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
        Map<String, String> kafka) {

    private static final Set<String> KNOWN = Set.of("bootstrap.servers", "data.dir", "broker.port", "partitions",
            "processing.guarantee", "application.id", "versions.retention", "max.item.bytes",
            "sameness.neardup.threshold", "sameness.neardup.window", "sameness.bands", "sameness.bucket.stories",
            "sameness.cluster.threshold", "sameness.cluster.short.threshold", "sameness.cluster.half.life",
            "sameness.cluster.window", "sameness.term.keys", "sameness.bucket.clusters");

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home", "."), ".wirestream");
    }

    public static WirestreamConfig defaults() {
        return new WirestreamConfig(null, defaultDataDir(), 9092, 3, StreamsConfig.EXACTLY_ONCE_V2, "wirestream",
                Topics.defaults(), WirestreamTopology.Settings.defaults(), Map.of());
    }

    /** Loads file (may be null) and environment over the defaults. */
    public static WirestreamConfig load(Path file, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
            }
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).strip()));
        }
        env.forEach((k, v) -> {
            if (k.startsWith("WIRESTREAM_") && !k.equals("WIRESTREAM_CONFIG")) {
                values.put(envToKey(k.substring("WIRESTREAM_".length())), v.strip());
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
                kafka.put(k.substring("kafka.".length()), e.getValue());
            } else if (k.startsWith("topics.")) {
                String component = k.substring("topics.".length());
                if (!Topics.keys().contains(component)) {
                    throw new ConfigException("unknown topic key '" + k + "'; known: topics." + String.join(", topics.",
                            new java.util.TreeSet<>(Topics.keys())));
                }
                topicNames.put(component, e.getValue());
            } else if (!KNOWN.contains(k)) {
                throw new ConfigException("unknown setting '" + k + "'; known: " + KNOWN + ", topics.*, kafka.*");
            }
        }
        String guarantee = values.getOrDefault("processing.guarantee", d.guarantee());
        if (!Set.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE).contains(guarantee)) {
            throw new ConfigException("processing.guarantee must be exactly_once_v2 or at_least_once, not '" + guarantee + "'");
        }
        String bootstrap = values.get("bootstrap.servers");
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
                        intValue(values, "max.item.bytes", ParserRegistry.DEFAULT_MAX_ITEM_BYTES, 1024, 64 * 1024 * 1024),
                        sameness(values, d.topology().sameness())),
                Map.copyOf(kafka));
    }

    public WirestreamConfig withBootstrapServers(String servers) {
        return servers == null ? this : new WirestreamConfig(servers, dataDir, brokerPort, partitions, guarantee, applicationId,
                topics, topology, kafka);
    }

    public WirestreamConfig withDataDir(Path dir) {
        return dir == null ? this : new WirestreamConfig(bootstrapServers, dir, brokerPort, partitions, guarantee, applicationId,
                topics, topology, kafka);
    }

    public WirestreamConfig withBrokerPort(Integer port) {
        return port == null ? this : new WirestreamConfig(bootstrapServers, dataDir, port, partitions, guarantee, applicationId,
                topics, topology, kafka);
    }

    public WirestreamConfig withPartitions(Integer n) {
        return n == null ? this : new WirestreamConfig(bootstrapServers, dataDir, brokerPort, n, guarantee, applicationId,
                topics, topology, kafka);
    }

    public WirestreamConfig withGuarantee(String g) {
        if (g == null) {
            return this;
        }
        from(Map.of("processing.guarantee", g)); // validates, naming the key
        return new WirestreamConfig(bootstrapServers, dataDir, brokerPort, partitions, g, applicationId, topics, topology, kafka);
    }

    public WirestreamConfig withTopics(Topics t) {
        return new WirestreamConfig(bootstrapServers, dataDir, brokerPort, partitions, guarantee, applicationId, t, topology, kafka);
    }

    public WirestreamConfig withApplicationId(String id) {
        return new WirestreamConfig(bootstrapServers, dataDir, brokerPort, partitions, guarantee, id, topics, topology, kafka);
    }

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
            throw new ConfigException(key + " must be a whole number, not '" + s + "'");
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
                intValue(v, "sameness.bucket.clusters", d.bucketClusters(), 1, 1000));
    }

    private static double doubleValue(Map<String, String> v, String key, double dflt) {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        try {
            double x = Double.parseDouble(s);
            if (!(x > 0 && x <= 1)) {
                throw new ConfigException(key + " must be in (0, 1], not " + s);
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
