package io.wirestream.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.AlertState;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.serde.AvroSerde;
import io.wirestream.testing.Stories;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** A cluster's alert state goes a retention after its last story, and an expiry pass reads only what came due. */
class ClusterAlertExpiryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void aClustersStateExpiresARetentionAfterItsLastStoryAndNotBefore() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-expiry-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<String, io.wirestream.avro.Alert> context = new MockProcessorContext<>(p);
        KeyValueStore<String, AlertState> states = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("states"),
                Serdes.String(), AvroSerde.of(AlertState.class)).withLoggingDisabled().build();
        KeyValueStore<String, EnrichedStory> held = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("held"),
                Serdes.String(), AvroSerde.of(EnrichedStory.class)).withLoggingDisabled().build();
        states.init(context.getStateStoreContext(), states);
        held.init(context.getStateStoreContext(), held);
        context.addStateStore(states);
        context.addStateStore(held);
        AlertSettings settings = AlertSettings.defaults();
        ClusterAlertProcessor processor = new ClusterAlertProcessor("states", "held", settings);
        context.setCurrentSystemTimeMs(T0.toEpochMilli()); // the processor notes when records come (a quiet feed)
        processor.init(context);
        context.setCurrentStreamTimeMs(T0.toEpochMilli());

        processor.process(new Record<>("cl-old", Stories.aStory("urn:a").at(T0).build(), T0.toEpochMilli()));
        Instant later = T0.plus(settings.retention()).minusSeconds(3600);
        processor.process(new Record<>("cl-young", Stories.aStory("urn:b").at(later).build(), later.toEpochMilli()));
        // cl-old grows an hour before its retention ends: it must outlive the first pass past T0 + retention.
        processor.process(new Record<>("cl-old", Stories.aStory("urn:c").at(later).build(), later.toEpochMilli()));

        long afterFirstRetention = T0.plus(settings.retention()).plusSeconds(60).toEpochMilli();
        expireAt(context, afterFirstRetention);
        assertThat(states.get("cl-old")).as("seen again since").isNotNull();
        assertThat(states.get("cl-young")).isNotNull();

        long afterLastStory = later.plus(settings.retention()).plusSeconds(60).toEpochMilli();
        expireAt(context, afterLastStory);
        assertThat(states.get("cl-old")).isNull();
        assertThat(states.get("cl-young")).isNull();
        try (var all = states.all()) {
            assertThat(all.hasNext()).as("no index keys left behind").isFalse();
        }
    }

    /** Runs the processor's stream-time punctuations at a stream time (release check and expiry). */
    private static void expireAt(MockProcessorContext<String, io.wirestream.avro.Alert> context, long streamTime) {
        context.scheduledPunctuators().stream().filter(s -> s.getType() == PunctuationType.STREAM_TIME)
                .forEach(s -> s.getPunctuator().punctuate(streamTime));
    }
}
