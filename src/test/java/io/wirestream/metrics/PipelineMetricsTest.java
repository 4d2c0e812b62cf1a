package io.wirestream.metrics;

import static org.assertj.core.api.Assertions.assertThat;

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
}
