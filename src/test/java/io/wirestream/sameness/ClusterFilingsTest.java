package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.ClusterState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which term buckets a cluster's new centroid is filed in (ClusterProcessor.filings). */
class ClusterFilingsTest {

    private final ClusterProcessor clusters = new ClusterProcessor("clusters", SamenessSettings.defaults());
    private static final Map<String, Float> QUAKE = Map.of("quake", 0.8f, "chile", 0.5f, "antofagasta", 0.33f);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static ClusterState state(int size, Map<String, Float> filed, Instant filedAt) {
        return ClusterState.newBuilder().setCentroid(QUAKE).setFirstSeen(T0).setLastSeen(T0).setSize(size)
                .setSources(new ArrayList<>(List.of("ap"))).setIndexedTerms(new ArrayList<>()).setFiledCentroid(filed)
                .setFiledAt(filedAt).build();
    }

    @Test
    void aFounderIsNotFiledAgainItsProvisionalEntriesAreItsSnapshot() {
        ClusterState founded = state(1, Map.of(), Instant.EPOCH);
        assertThat(clusters.filings(founded, QUAKE, QUAKE, true)).isEmpty();
        assertThat(founded.getFiledCentroid()).as("remembered as filed").isEqualTo(QUAKE);
        assertThat(founded.getIndexedTerms()).containsExactlyInAnyOrder("quake", "chile", "antofagasta");
    }

    @Test
    void aClusterNeverFiledIsFiledUnderEveryWantedTerm() {
        ClusterState joined = state(2, Map.of(), Instant.EPOCH);
        assertThat(clusters.filings(joined, QUAKE, QUAKE, false)).containsExactlyInAnyOrder("quake", "chile", "antofagasta");
    }

    @Test
    void aCentroidThatBarelyMovedIsFiledOnlyWhereItIsNotYet() {
        ClusterState grown = state(3, QUAKE, T0);
        grown.setIndexedTerms(new ArrayList<>(List.of("quake", "chile")));
        assertThat(clusters.filings(grown, QUAKE, QUAKE, false)).containsExactly("antofagasta");
    }
}
