package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.avro.ClusterEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackedVectorTest {

    private final IdfTable idf = IdfTable.bundled();

    @Test
    void packedDotIsTheCosineOfTheMaps() {
        Map<String, Float> a = TermVectors.of("Strong earthquake shakes northern Chile",
                List.of("A magnitude 7.1 earthquake shook Antofagasta on Tuesday, officials said."), idf);
        Map<String, Float> b = TermVectors.of("Chile earthquake: buildings sway in Antofagasta",
                List.of("Buildings swayed in Antofagasta and Santiago as a strong earthquake struck."), idf);
        double packed = PackedVector.of(a).dot(PackedVector.of(b).packed());
        assertThat(packed).isCloseTo(TermVectors.cosine(a, b), within(1e-6)).isGreaterThan(0.1);
        assertThat(PackedVector.of(a).dot(PackedVector.of(a).packed())).isCloseTo(1.0, within(1e-5));
        assertThat(PackedVector.of(a).dot(PackedVector.of(Map.of("unrelated", 1f)).packed())).isZero();
        assertThat(PackedVector.of(a).packed().remaining()).isEqualTo(a.size() * PackedVector.BYTES_PER_TERM);
    }

    @Test
    void anEntryWrittenBeforeThePackedFormIsReadFromItsMap() {
        Map<String, Float> centroid = Map.of("quake", 0.8f, "chile", 0.6f);
        ClusterEntry old = ClusterEntry.newBuilder().setClusterId("cl-1").setLastSeen(Instant.EPOCH).setCentroid(centroid).build();
        assertThat(PackedVector.of(Map.of("quake", 1f)).dot(BucketProcessor.centroidOf(old))).isCloseTo(0.8, within(1e-6));
    }
}
