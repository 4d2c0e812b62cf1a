package io.wirestream.desk;

import io.wirestream.avro.Alert;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Subscription;
import io.wirestream.serde.AvroSerde;
import io.wirestream.topology.Topics;
import java.io.IOException;
import java.util.Map;

/** The desk page running: the alerts and story topics read onto two boards, and the boards served on a port. */
public final class DeskPage implements AutoCloseable {

    /** How many clusters each board keeps: a busy day's alerts, a few hours of stories; older ones stay on the topics. */
    public static final int BOARD_SIZE = 500;

    private final TopicFeed feed;
    private final DeskServer server;

    private DeskPage(TopicFeed feed, DeskServer server) {
        this.feed = feed;
        this.server = server;
    }

    /** Reads the topics with {@code clientProps} and serves the page on {@code port} (0: any free port). */
    public static DeskPage start(Map<String, Object> clientProps, Topics topics, int port) throws IOException {
        DeskSubscriptions subscriptions = new DeskSubscriptions();
        AlertBoard alerts = new AlertBoard(BOARD_SIZE, subscriptions);
        ClusterBoard clusters = new ClusterBoard(BOARD_SIZE);
        AvroSerde<Alert> alertSerde = AvroSerde.of(Alert.class);
        AvroSerde<EnrichedStory> storySerde = AvroSerde.of(EnrichedStory.class);
        AvroSerde<Duplicate> duplicateSerde = AvroSerde.of(Duplicate.class);
        AvroSerde<Subscription> subscriptionSerde = AvroSerde.of(Subscription.class);
        DeskServer server = new DeskServer(port, alerts, clusters);
        try {
            return new DeskPage(new TopicFeed(clientProps, Map.of(
                    topics.alerts(), TopicFeed.values(v -> alerts.accept(alertSerde.decode(v))),
                    topics.enriched(), TopicFeed.values(v -> clusters.story(storySerde.decode(v))),
                    topics.duplicates(), TopicFeed.values(v -> clusters.duplicate(duplicateSerde.decode(v))),
                    topics.subscriptions(), (id, v) -> subscriptions.accept(id, v == null ? null : subscriptionSerde.decode(v))))
                    .start(), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        feed.close();
    }
}
