package io.wirestream.app;

import io.wirestream.avro.Source;
import io.wirestream.runtime.FileErrors;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.SourceTopic;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.sources.SourceCatalogue;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wirestream sources put|list|delete}: edits the source catalogue, the compacted topic
 * wire.sources. A running pipeline reads it as a GlobalKTable, so an edit applies to the next story
 * without a restart.
 */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "Edit the source catalogue (topic wire.sources); running pipelines pick edits up without a restart.",
        subcommands = {SourcesCommand.Put.class, SourcesCommand.List_.class, SourcesCommand.Delete.class})
final class SourcesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("say put, list or delete (wirestream sources --help)");
        return 2;
    }

    /** Opens the topic (creating and seeding it as a start would) and runs one edit. */
    interface Edit {
        int apply(SourceTopic topic) throws Exception;
    }

    static int withTopic(WirestreamCli.ConnectionOptions connection, WirestreamCli.PartitionsOption partitions, Edit edit)
            throws Exception {
        WirestreamConfig config = partitions.applyTo(connection.config());
        try (KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            kafka.ensureTopics(config.topics(), config.partitions());
            return edit.apply(new SourceTopic(kafka.clientProps(), config.topics().sources()));
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = {"Add or replace sources: from FILE (the format of the bundled sources.tsv: id, code, name,",
                    "aliases|..., country, time zone, language, kind, tier, tab-separated; # comments), or one from options."})
    static final class Put implements Callable<Integer> {
        @Mixin
        WirestreamCli.ConnectionOptions connection;
        @Mixin
        WirestreamCli.PartitionsOption partitions;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
        Path file;

        @Option(names = "--id", description = "Catalogue id (lower case), e.g. acme-wire.")
        String id;
        @Option(names = "--code", description = "Short name in story keys and the agency field.")
        String code;
        @Option(names = "--name", description = "Full name.")
        String name;
        @Option(names = "--alias", split = ",", description = "Names as seen in datelines, credits, copyright lines (comma-separated).")
        List<String> aliases = new ArrayList<>();
        @Option(names = "--country", description = "Home country, ISO 3166-1 alpha-2.")
        String country;
        @Option(names = "--time-zone", description = "Home time zone (IANA), for times sent without one.")
        String timeZone;
        @Option(names = "--language", description = "Language, ISO 639-1.")
        String language;
        @Option(names = "--kind", defaultValue = "agency", description = "agency, broadcaster, newspaper, aggregator (default agency).")
        String kind;
        @Option(names = "--tier", defaultValue = "2", description = "1 global agency, 2 national agency or major outlet, 3 other.")
        int tier;

        @Override
        public Integer call() throws Exception {
            List<Source> sources;
            try {
                sources = file != null ? read(file) : List.of(fromOptions());
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            } catch (java.io.IOException e) {
                // checked before Kafka is reached: a path mistyped is the operator's, not a crash
                System.err.println("cannot read " + file + ": " + FileErrors.reason(e));
                return 2;
            }
            return withTopic(connection, partitions, topic -> {
                topic.put(sources);
                System.err.println("put " + sources.size() + " source(s)");
                return 0;
            });
        }

        private Source fromOptions() {
            if (id == null) {
                throw new IllegalArgumentException("give FILE or --id (with --name)");
            }
            return SourceCatalogue.parseLine(String.join("\t", id, nz(code), name == null ? id : name,
                    String.join("|", aliases), nz(country), nz(timeZone), nz(language), kind, Integer.toString(tier)));
        }

        private static List<Source> read(Path file) throws java.io.IOException {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return SourceCatalogue.parse(in);
            }
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the catalogue as it stands, one source a line in the sources.tsv format.")
    static final class List_ implements Callable<Integer> {
        @Mixin
        WirestreamCli.ConnectionOptions connection;
        @Mixin
        WirestreamCli.PartitionsOption partitions;

        @Override
        public Integer call() throws Exception {
            return withTopic(connection, partitions, topic -> {
                for (Map.Entry<String, Source> e : topic.readAll().entrySet()) {
                    if (e.getValue() != null) {
                        System.out.println(SourceCatalogue.toLine(e.getValue()));
                    }
                }
                return 0;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete sources by id (a tombstone: stories from them are marked unknown; the start-up seed does not bring them back).")
    static final class Delete implements Callable<Integer> {
        @Mixin
        WirestreamCli.ConnectionOptions connection;
        @Mixin
        WirestreamCli.PartitionsOption partitions;

        @Parameters(arity = "1..*", paramLabel = "ID")
        List<String> ids;

        @Override
        public Integer call() throws Exception {
            return withTopic(connection, partitions, topic -> {
                Map<String, Source> catalogue = topic.readAll();
                List<String> known = ids.stream().filter(id -> catalogue.get(id) != null).distinct().toList();
                List<String> unknown = ids.stream().filter(id -> catalogue.get(id) == null).distinct().toList();
                known.forEach(topic::delete);
                if (!known.isEmpty()) {
                    System.err.println("deleted " + known);
                }
                if (!unknown.isEmpty()) {
                    // Nothing is written for them: a tombstone for an id never put would say nothing.
                    System.err.println("not in the catalogue, nothing deleted: " + unknown + " (wirestream sources list)");
                    return 1;
                }
                return 0;
            });
        }
    }
}
