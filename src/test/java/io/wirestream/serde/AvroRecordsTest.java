package io.wirestream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.Subscription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What `tail` and `subscriptions list` decode: every value the application writes to a topic people read. */
class AvroRecordsTest {

    @Test
    void aSubscriptionIsReadBack() {
        Subscription s = Subscription.newBuilder().setId("southasia").setName("South Asia desk").setDesks(List.of("South Asia"))
                .setMinLevel(AlertLevel.BULLETIN).build();
        byte[] bytes = AvroSerde.of(Subscription.class).serializer().serialize("alerts.subscriptions", s);
        assertThat(AvroRecords.toJson(bytes)).hasValueSatisfying(json -> {
            assertThat(json.get("id").asText()).isEqualTo("southasia");
            assertThat(json.get("minLevel").asText()).isEqualTo("BULLETIN");
        });
    }
}
