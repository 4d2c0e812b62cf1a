package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermVectorsTest {

    private final IdfTable idf = IdfTable.bundled();

    @Test
    void termsDropStopWordsPossessivesAndPlurals() {
        assertThat(TermVectors.terms("Iran's ministers say the talks in Vienna were 'useful' in 2014, not 12"))
                .containsExactly("iran", "minister", "talk", "vienna", "useful", "2014");
    }

    @Test
    void vectorsAreUnitLengthAndDeterministic() {
        Map<String, Float> v = TermVectors.of("Earthquake shakes northern Chile", List.of("A strong earthquake shook Antofagasta."), idf);
        double norm = v.values().stream().mapToDouble(x -> x * x).sum();
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(TermVectors.of("Earthquake shakes northern Chile", List.of("A strong earthquake shook Antofagasta."), idf))
                .isEqualTo(v);
        assertThat(TermVectors.topTerms(v, 2)).contains("earthquake");
    }

    @Test
    void sameEventScoresAboveDifferentEvent() {
        Map<String, Float> a = TermVectors.of("Strong earthquake shakes northern Chile", List.of(), idf);
        Map<String, Float> b = TermVectors.of("Chile earthquake: buildings sway in Antofagasta", List.of(), idf);
        Map<String, Float> c = TermVectors.of("Central bank holds rates as inflation eases", List.of(), idf);
        assertThat(TermVectors.cosine(a, b)).isGreaterThan(0.3);
        assertThat(TermVectors.cosine(a, c)).isZero();
    }
}
