package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.metrics.SourceActivity;
import io.wirestream.sources.SequenceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WirestreamConfigTest {

    @Test
    void defaultsAreEmbeddedExactlyOnceThreePartitions() {
        WirestreamConfig c = WirestreamConfig.load(null, Map.of());
        assertThat(c.bootstrapServers()).isNull();
        assertThat(c.guarantee()).isEqualTo("exactly_once_v2");
        assertThat(c.partitions()).isEqualTo(3);
        assertThat(c.topics().raw()).isEqualTo("wire.raw");
    }

    @Test
    void environmentOverridesTheFileAndKafkaSettingsPassThrough(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wirestream.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\npartitions=6\ntopics.enrichedJson=desk.json\n"
                + "kafka.security.protocol=SASL_SSL\nversions.retention=PT12H\n");
        WirestreamConfig c = WirestreamConfig.load(file, Map.of("WIRESTREAM_BOOTSTRAP_SERVERS", "env:9092",
                "WIRESTREAM_KAFKA_SASL_MECHANISM", "PLAIN", "WIRESTREAM_TOPICS_RAW", "agency.raw", "PATH", "/bin"));
        assertThat(c.bootstrapServers()).isEqualTo("env:9092");
        assertThat(c.partitions()).isEqualTo(6);
        assertThat(c.topics().raw()).isEqualTo("agency.raw");
        assertThat(c.topics().enrichedJson()).isEqualTo("desk.json");
        assertThat(c.kafka()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
        assertThat(c.topology().versionRetention()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_PARTITIONS", "many")))
                .hasMessageContaining("partitions");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_PROCESSING_GUARANTEE", "exactly_once")))
                .hasMessageContaining("processing.guarantee");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_PARTISHUNS", "3")))
                .hasMessageStartingWith("environment variable WIRESTREAM_PARTISHUNS is no setting ('partishuns' is unknown")
                .hasMessageContaining("known: [alert.corroboration.sources, alert.corroboration.sustained.sources");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_VERSIONS_RETENTION", "7 days")))
                .hasMessageContaining("versions.retention");
    }

    /** A number out of range says the range, also past what an int holds (it said "must be a whole number" of a whole number). */
    @Test
    void aNumberOutOfRangeNamesTheRange() {
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_PARTITIONS", "5000")))
                .hasMessage("partitions must be between 1 and 1000, not 5000");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_PARTITIONS", "99999999999")))
                .hasMessage("partitions must be between 1 and 1000, not 99999999999");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_MAX_ITEM_BYTES", "-4194304000")))
                .hasMessage("max.item.bytes must be between 1024 and 67108864, not -4194304000");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_PARTITIONS", "3.5")))
                .hasMessage("partitions must be a whole number, not '3.5'");
    }

    @Test
    void theSizePriorAndTheYearsRuleAreConfigurableAndCanBeTurnedOff() {
        assertThat(WirestreamConfig.defaults().topology().sameness().sizePrior()).isEqualTo(0.12);
        assertThat(WirestreamConfig.defaults().topology().sameness().eventYears()).isTrue();
        WirestreamConfig c = WirestreamConfig.load(null, Map.of("WIRESTREAM_SAMENESS_CLUSTER_SIZE_PRIOR", "0",
                "WIRESTREAM_SAMENESS_CLUSTER_YEARS", "false"));
        assertThat(c.topology().sameness().sizePrior()).isZero();
        assertThat(c.topology().sameness().eventYears()).isFalse();
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_SAMENESS_CLUSTER_YEARS", "no")))
                .hasMessageContaining("sameness.cluster.years must be true or false");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_SAMENESS_CLUSTER_SIZE_PRIOR", "2")))
                .hasMessageContaining("sameness.cluster.size.prior must be in [0, 1]");
    }

    @Test
    void theIdleSourceAlarmIsConfigurableAndCanBeTurnedOff() {
        assertThat(WirestreamConfig.defaults().idleSources()).isEqualTo(new SourceActivity.Settings(Duration.ofMinutes(30), 10));
        WirestreamConfig c = WirestreamConfig.load(null, Map.of("WIRESTREAM_SOURCES_IDLE_MINIMUM", "PT10M",
                "WIRESTREAM_SOURCES_IDLE_FACTOR", "5"));
        assertThat(c.idleSources()).isEqualTo(new SourceActivity.Settings(Duration.ofMinutes(10), 5));
        assertThat(c.withPartitions(6).idleSources()).isEqualTo(c.idleSources());
        assertThat(WirestreamConfig.load(null, Map.of("WIRESTREAM_SOURCES_IDLE_MINIMUM", "PT0S")).idleSources().enabled()).isFalse();
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_SOURCES_IDLE_FACTOR", "0.5")))
                .hasMessageContaining("sources.idle.factor");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_SOURCES_IDLE_MINIMUM", "-PT1M")))
                .hasMessageContaining("sources.idle.minimum");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_SOURCES_IDLE_MINIMUM", "30")))
                .hasMessageContaining("sources.idle.minimum");
    }

    @Test
    void theSequenceGapCheckIsConfigurable() {
        assertThat(WirestreamConfig.defaults().topology().sequences()).isEqualTo(SequenceSettings.defaults());
        WirestreamConfig c = WirestreamConfig.load(null, Map.of("WIRESTREAM_SOURCES_SEQUENCE_GRACE", "PT30S",
                "WIRESTREAM_SOURCES_SEQUENCE_MAX_JUMP", "50"));
        assertThat(c.topology().sequences()).isEqualTo(new SequenceSettings(Duration.ofSeconds(30), 50));
        assertThat(c.withSizes(1 << 20, 0).topology().sequences()).isEqualTo(c.topology().sequences());
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_SOURCES_SEQUENCE_GRACE", "PT0S")))
                .hasMessageContaining("sources.sequence.grace");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_SOURCES_SEQUENCE_MAX_JUMP", "1")))
                .hasMessageContaining("sources.sequence.max.jump");
    }

    @Test
    void theSustainedCorroborationRuleIsConfigurableAndCanBeTurnedOff() {
        assertThat(WirestreamConfig.defaults().topology().alerts().sustainedSources()).isEqualTo(4);
        assertThat(WirestreamConfig.defaults().topology().alerts().sustainedWindow()).isEqualTo(Duration.ofMinutes(30));
        WirestreamConfig c = WirestreamConfig.load(null, Map.of("WIRESTREAM_ALERT_CORROBORATION_SUSTAINED_SOURCES", "0",
                "WIRESTREAM_ALERT_CORROBORATION_SUSTAINED_WINDOW", "PT20M"));
        assertThat(c.topology().alerts().sustainedSources()).isZero();
        assertThat(c.topology().alerts().sustainedWindow()).isEqualTo(Duration.ofMinutes(20));
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_ALERT_CORROBORATION_SUSTAINED_SOURCES", "-1")))
                .hasMessageContaining("alert.corroboration.sustained.sources");
        WirestreamConfig stricter = WirestreamConfig.load(null, Map.of("WIRESTREAM_ALERT_CORROBORATION_SOURCES", "5",
                "WIRESTREAM_ALERT_CORROBORATION_WINDOW", "PT15M"));
        assertThat(stricter.topology().alerts().sustainedSources()).as("follows the main rule").isEqualTo(6);
        assertThat(stricter.topology().alerts().sustainedWindow()).isEqualTo(Duration.ofMinutes(45));
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_ALERT_CORROBORATION_SUSTAINED_SOURCES", "2")))
                .as("a lower bar than the main rule").isInstanceOf(WirestreamConfig.ConfigException.class)
                .hasMessageContaining("alert.corroboration.sustained.sources");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_ALERT_CORROBORATION_SUSTAINED_WINDOW", "PT5M")))
                .as("a rule that could never fire").isInstanceOf(WirestreamConfig.ConfigException.class)
                .hasMessageContaining("alert.corroboration.sustained.window");
    }

    @Test
    void theLogLevelVariableIsNotASetting() {
        // README: WIRESTREAM_LOG_LEVEL=DEBUG for more logs; it made every command exit 2 (issue 9).
        WirestreamConfig c = WirestreamConfig.load(null, Map.of("WIRESTREAM_LOG_LEVEL", "DEBUG", "WIRESTREAM_PARTITIONS", "5"));
        assertThat(c.partitions()).isEqualTo(5);
    }

    @Test
    void theBrokerCommandIgnoresAConfiguredCluster() {
        WirestreamConfig c = WirestreamConfig.load(null, Map.of("WIRESTREAM_BOOTSTRAP_SERVERS", "elsewhere:9092"));
        assertThat(c.bootstrapServers()).isEqualTo("elsewhere:9092");
        assertThat(c.withEmbeddedBroker().bootstrapServers()).isNull();
        assertThat(c.withEmbeddedBroker().dataDir()).isEqualTo(c.dataDir());
    }

    @Test
    void aMistypedKafkaSettingNamesTheKey() {
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_KAFKA_SECURITY_PROTOKOL", "SSL")))
                .isInstanceOf(WirestreamConfig.ConfigException.class).hasMessageContaining("'kafka.security.protokol'");
        WirestreamConfig ok = WirestreamConfig.from(Map.of("kafka.security.protocol", "SASL_SSL", "kafka.sasl.jaas.config", "x",
                "kafka.producer.linger.ms", "5", "kafka.topic.retention.ms", "1000", "kafka.num.stream.threads", "2"));
        assertThat(ok.kafka()).containsEntry("security.protocol", "SASL_SSL").containsEntry("producer.linger.ms", "5");
    }

    @Test
    void regionDesksAndFallbackComeFromTheFileAndTheEnvironment(@TempDir Path dir) throws Exception {
        WirestreamConfig d = WirestreamConfig.load(null, Map.of());
        assertThat(d.topology().regions().fallback()).isEqualTo("US");
        assertThat(d.topology().regions().desksFile()).isNull();
        Path desks = dir.resolve("desks.tsv");
        Files.writeString(desks, "# our desks\nGulf\tAE|QA|BH|KW|OM|SA\nWorld\tAfrica|Americas|Asia|Europe|Oceania\n");
        Path file = dir.resolve("wirestream.properties");
        Files.writeString(file, "regions.desks.file=" + desks + "\nregions.fallback=gb\n");
        WirestreamConfig c = WirestreamConfig.load(file, Map.of());
        assertThat(c.topology().regions().fallback()).isEqualTo("GB");
        var tagger = c.topology().regions().enricher();
        assertThat(tagger).isNotNull();
        assertThat(c.topology().regions().desks().deskOf("QA", null)).isEqualTo("Gulf");
        WirestreamConfig env = WirestreamConfig.load(file, Map.of("WIRESTREAM_REGIONS_FALLBACK", "none"));
        assertThat(env.topology().regions().fallback()).isNull();
        assertThat(env.topology().regions().desksFile()).isEqualTo(desks);
        assertThat(d.topology().regions().fallbackLanguages()).containsExactly("en");
        WirestreamConfig german = WirestreamConfig.load(file, Map.of("WIRESTREAM_REGIONS_FALLBACK", "de",
                "WIRESTREAM_REGIONS_FALLBACK_LANGUAGES", "DE, en"));
        assertThat(german.topology().regions().fallbackLanguages()).containsExactlyInAnyOrder("de", "en");
        assertThat(WirestreamConfig.load(null, Map.of("WIRESTREAM_REGIONS_FALLBACK_LANGUAGES", "*"))
                .topology().regions().fallbackLanguages()).containsExactly("*");
        assertThat(WirestreamConfig.load(null, Map.of("WIRESTREAM_REGIONS_FALLBACK_LANGUAGES", "no en-GB ger"))
                .topology().regions().fallbackLanguages()).as("read as stories' tags are").containsExactlyInAnyOrder("nb", "en", "de");
    }

    @Test
    void badRegionSettingsNameTheKey(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_REGIONS_FALLBACK", "USA")))
                .hasMessageContaining("regions.fallback");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_REGIONS_FALLBACK_LANGUAGES", "fr3nch")))
                .hasMessageContaining("regions.fallback.languages");
        Path empty = dir.resolve("empty-languages.properties");
        Files.writeString(empty, "regions.fallback.languages=\n");
        assertThatThrownBy(() -> WirestreamConfig.load(empty, Map.of()))
                .hasMessageContaining("regions.fallback.languages").hasMessageContaining("regions.fallback=none");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_REGIONS_DESKS_FILE",
                dir.resolve("missing.tsv").toString()))).hasMessageContaining("regions.desks.file")
                .hasMessageEndingWith("missing.tsv cannot be read: no such file or folder");
        Path unknown = Files.writeString(dir.resolve("unknown.tsv"), "Europe\tXX|Narnia|FR\nAsia\tEuorpe|Western Asia\n");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_REGIONS_DESKS_FILE", unknown.toString())))
                .isInstanceOf(WirestreamConfig.ConfigException.class)
                .hasMessageStartingWith("regions.desks.file " + unknown + ": Euorpe, Narnia, XX are neither an ISO country code");
        assertThat(io.wirestream.enrich.DeskMap.defaults().unknownSelectors(io.wirestream.enrich.Gazetteer.bundled()))
                .as("the bundled desks name only what countries are").isEmpty();
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "Europe only\n");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_REGIONS_DESKS_FILE", bad.toString())))
                .hasMessageContaining("regions.desks.file").hasMessageContaining("without selectors");
    }

    @Test
    void anAlertPhrasesFileThatCannotBeReadOrParsedNamesTheKey(@TempDir Path dir) throws Exception {
        // a missing file was an UncheckedIOException with a stack trace, the key unnamed
        Path missing = dir.resolve("missing.tsv");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_ALERT_PHRASES", missing.toString())))
                .isInstanceOf(WirestreamConfig.ConfigException.class)
                .hasMessage("alert.phrases " + missing + " cannot be read: no such file or folder");
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "3\ten\tno pattern\n");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_ALERT_PHRASES", bad.toString())))
                .isInstanceOf(WirestreamConfig.ConfigException.class)
                .hasMessageStartingWith("alert.phrases: " + bad + ":1:");
    }

    @Test
    void theHttpIngestTokensComeFromTheFileOrTheEnvironmentAndAreCheckedAtStart(@TempDir Path dir) throws Exception {
        assertThat(WirestreamConfig.defaults().ingestTokens()).as("no tokens unless configured").isNull();
        Path tokens = Files.writeString(dir.resolve("tokens"), "pti pti-0123456789abcdef\n");
        Path props = Files.writeString(dir.resolve("w.properties"), "ingest.http.tokens.file=" + tokens + "\n");
        assertThat(WirestreamConfig.load(props, Map.of()).ingestTokens().sourceFor("Bearer pti-0123456789abcdef")).isEqualTo("pti");
        assertThat(WirestreamConfig.load(null, Map.of("WIRESTREAM_INGEST_HTTP_TOKENS_FILE", tokens.toString())).ingestTokens()
                .sources()).containsExactly("pti");

        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_INGEST_HTTP_TOKENS_FILE", missing.toString())))
                .isInstanceOf(WirestreamConfig.ConfigException.class)
                .hasMessage("ingest.http.tokens.file " + missing + " cannot be read: no such file or folder");
        Path weak = Files.writeString(dir.resolve("weak"), "pti secret\n");
        assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of("WIRESTREAM_INGEST_HTTP_TOKENS_FILE", weak.toString())))
                .isInstanceOf(WirestreamConfig.ConfigException.class)
                .hasMessageStartingWith("ingest.http.tokens.file: " + weak + " line 1: the token of 'pti' must be at least 16");
    }
}
