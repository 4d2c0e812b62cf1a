package io.wirestream.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.testing.Stories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

    @Test
    void deadLetterReasonsBecomeFewLabelValues() {
        assertThat(PipelineMetrics.reasonClass("malformed XML at line 3: element not closed")).isEqualTo("malformed XML");
        assertThat(PipelineMetrics.reasonClass("oversized item: 52428800 bytes exceeds the limit of 4194304")).isEqualTo("oversized item");
        assertThat(PipelineMetrics.reasonClass("binary content: not a text wire format")).isEqualTo("binary content");
        assertThat(PipelineMetrics.reasonClass("XML DOCTYPE refused: DTDs and entities are not accepted (XXE, entity expansion)"))
                .isEqualTo("XML DOCTYPE refused");
        assertThat(PipelineMetrics.reasonClass(null)).isEqualTo("unknown");
    }

    @Test
    void eachSourceHasItsLastArrivalIdleStateAndLag() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        PipelineMetrics metrics = new PipelineMetrics(registry,
                new SourceActivity.Settings(Duration.ofMinutes(30), 10), Clock.fixed(now, ZoneOffset.UTC));
        EnrichedStory story = Stories.aStory("ap:1").at(now.minusSeconds(90)).build();
        story.setSource("ap");
        story.setVersionCreatedFrom("versionCreated");
        story.setReceivedAt(now.minusSeconds(30)); // sent by the agency 60 s before it reached wire.raw
        metrics.parsed(story);

        assertThat(registry.get("wirestream.source.last.received").tag("source", "ap").gauge().value())
                .isEqualTo(now.getEpochSecond());
        assertThat(registry.get("wirestream.source.idle").tag("source", "ap").gauge().value()).isZero();
        var lag = registry.get("wirestream.source.lag").tag("source", "ap").timer();
        assertThat(lag.count()).isEqualTo(1);
        assertThat(lag.totalTime(TimeUnit.SECONDS)).isEqualTo(60.0);

        // a wire without a time of its own (versionCreated is its receive time) says nothing of lag
        EnrichedStory timeless = Stories.aStory("ap:2").at(now).build();
        timeless.setSource("ap");
        timeless.setVersionCreatedFrom("receivedAt");
        metrics.parsed(timeless);
        assertThat(lag.count()).isEqualTo(1);
        assertThat(metrics.sources().lastReceived("ap")).hasValue(now.toEpochMilli());
    }
}
