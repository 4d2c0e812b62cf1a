package io.wirestream.app;

import io.wirestream.classify.MediaTopics;
import io.wirestream.enrich.Gazetteer;
import io.wirestream.avro.Subscription;
import io.wirestream.runtime.CommittedReader;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.serde.AvroRecords;
import io.wirestream.serde.AvroSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Desk subscriptions on the compacted alerts.subscriptions topic: put, list, delete. */
@Command(name = "subscriptions", mixinStandardHelpOptions = true,
        description = "Edit desk subscriptions (alerts.subscriptions, compacted): which alerts go to which desk.",
        subcommands = {SubscriptionsCommand.Put.class, SubscriptionsCommand.ListAll.class, SubscriptionsCommand.Delete.class})
final class SubscriptionsCommand {

    private static final AvroSerde<Subscription> SERDE = AvroSerde.of(Subscription.class);

    /** The subscriptions now on the compacted topic, by id (their Avro bytes), read to its end. */
    static Map<String, byte[]> current(WirestreamConfig config) {
        Map<String, byte[]> current = new TreeMap<>();
        try (KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            for (ConsumerRecord<String, byte[]> r : CommittedReader.readToEnd(kafka.clientProps(), List.of(config.topics().subscriptions()))) {
                if (r.value() == null) {
                    current.remove(r.key());
                } else {
                    current.put(r.key(), r.value());
                }
            }
        }
        return current;
    }

    /** Writes one value (null: a tombstone) under an id and waits for it to be acknowledged. */
    static void write(WirestreamConfig config, String id, Subscription value) throws Exception {
        try (KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            kafka.ensureTopics(config.topics(), config.partitions());
            try (KafkaProducer<String, Subscription> p = new KafkaProducer<>(kafka.clientProps(), new StringSerializer(),
                    SERDE.serializer())) {
                p.send(new ProducerRecord<>(config.topics().subscriptions(), id, value)).get();
            }
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Create or replace a subscription. Every option given must match (any of its values); none given: every alert.")
    static final class Put implements Callable<Integer> {
        @Mixin
        WirestreamCli.ConnectionOptions connection;
        @Mixin
        WirestreamCli.PartitionsOption partitions;
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Option(names = "--name", description = "Who it is for, e.g. 'Europe desk'.")
        String name;
        @Option(names = "--desk", split = ",", description = "Desks of the desk mapping (regions.desks.file), e.g. 'South Asia'.")
        List<String> desks = new ArrayList<>();
        @Option(names = "--region", split = ",", description = "ISO country codes or UN M49 regions (Africa, Americas, Asia, Europe, Oceania).")
        List<String> regions = new ArrayList<>();
        @Option(names = "--category", split = ",", description = "IPTC Media Topic qcodes (medtop:16000000) or top-level labels (politics).")
        List<String> categories = new ArrayList<>();
        @Option(names = "--source", split = ",", description = "Sources or agencies, as alerts name them (AP, Reuters).")
        List<String> sources = new ArrayList<>();
        @Option(names = "--level", description = "Lowest level: FLASH, BULLETIN or URGENT (any case).")
        String level;
        @Option(names = "--keyword", split = ",", description = "Words or phrases, any of which in the headline.")
        List<String> keywords = new ArrayList<>();
        @Option(names = "--webhook", description = "URL the webhook sink posts to.")
        String webhook;
        @Option(names = "--format", description = "json (default) or slack.")
        String format;

        @Override
        public Integer call() throws Exception {
            WirestreamConfig config = partitions.applyTo(connection.config());
            // what an alert can never carry is refused here: a subscription that cannot fire fails silently
            Subscription s = Subscription.newBuilder().setId(id).setName(name)
                    .setDesks(Criteria.desks(desks, config.topology().regions().desks()))
                    .setRegions(Criteria.regions(regions, Gazetteer.bundled()))
                    .setCategories(Criteria.categories(categories, MediaTopics.bundled()))
                    .setSources(sources).setMinLevel(Criteria.level(level)).setKeywords(keywords)
                    .setWebhook(Criteria.webhook(webhook)).setWebhookFormat(Criteria.format(format)).build();
            write(config, id, s);
            System.out.println("put " + id);
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a subscription (a tombstone).")
    static final class Delete implements Callable<Integer> {
        @Mixin
        WirestreamCli.ConnectionOptions connection;
        @Mixin
        WirestreamCli.PartitionsOption partitions;
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            WirestreamConfig config = partitions.applyTo(connection.config());
            boolean known;
            try {
                known = current(config).containsKey(id);
            } catch (IllegalArgumentException e) {
                known = false; // no subscriptions topic yet: no subscription either
            }
            if (!known) {
                // a misspelt id was "deleted" while the real subscription went on routing alerts
                System.err.println("no subscription '" + id + "', nothing deleted (wirestream subscriptions list)");
                return 1;
            }
            write(config, id, null);
            System.out.println("deleted " + id);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the current subscriptions as JSON lines.")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        WirestreamCli.ConnectionOptions connection;

        @Override
        public Integer call() throws Exception {
            Map<String, byte[]> current;
            try {
                current = current(connection.config());
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            current.values().forEach(v -> System.out.println(AvroRecords.toJson(v).map(Object::toString).orElse("?")));
            return 0;
        }
    }
}
