package io.wirestream.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka client settings a {@code kafka.<setting>} key may name: any producer, consumer, admin or
 * Kafka Streams setting (security included), optionally with a Kafka Streams client prefix, and topic
 * settings under {@code topic.}. A typo fails at start naming the key, instead of being ignored.
 */
final class KafkaSettings {

    private static final Set<String> CLIENT = new HashSet<>();
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.PRODUCER_PREFIX, StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX,
            StreamsConfig.ADMIN_CLIENT_PREFIX);

    static {
        CLIENT.addAll(ProducerConfig.configNames());
        CLIENT.addAll(ConsumerConfig.configNames());
        CLIENT.addAll(AdminClientConfig.configNames());
        CLIENT.addAll(StreamsConfig.configDef().names());
    }

    private KafkaSettings() {
    }

    static boolean known(String setting) {
        if (CLIENT.contains(setting)) {
            return true;
        }
        if (setting.startsWith(StreamsConfig.TOPIC_PREFIX)) {
            return !setting.substring(StreamsConfig.TOPIC_PREFIX.length()).isEmpty(); // the broker validates topic settings
        }
        return CLIENT_PREFIXES.stream().anyMatch(p -> setting.startsWith(p) && CLIENT.contains(setting.substring(p.length())));
    }
}
