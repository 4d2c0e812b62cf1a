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

    @Test
    void namesAreWordsCapitalisedInsideSentencesAndNeverInLowerCase() {
        List<String> body = List.of("Police said \u201cLohan checked into the Betty Ford Center\u201d on Monday. The police in Rancho Mirage "
                + "confirmed it.", "Lohan's lawyer, Shawn Holley, declined to comment.");
        // "Police" and "The" open sentences, and "police" is also written in lower case; "Lohan" is a name
        // inside the quote even where a paragraph opens with it.
        assertThat(TermVectors.names(body)).containsExactlyInAnyOrder("lohan", "betty", "ford", "center", "monday", "rancho", "mirage",
                "shawn", "holley");
    }

    @Test
    void aFullTextStoryWeighsItsNamesTwiceAndAHeadlineOnlyStoryDoesNot() {
        IdfTable flat = new IdfTable(Map.of(), 100);
        String body = "The actress entered a rehab clinic run by Promises in Malibu, where the clinic said the actress "
                + "would stay for a month of treatment away from the cameras and the press, her representative told reporters "
                + "outside the gates on the coast.";
        Map<String, Float> full = TermVectors.of("Actress enters rehab", List.of(body), flat);
        // Every term has the same idf here, and "malibu" and "treatment" occur once each: only the name weight differs.
        assertThat(full.get("malibu") / full.get("treatment")).isCloseTo(TermVectors.NAME_WEIGHT, org.assertj.core.data.Offset.offset(1e-4f));
        Map<String, Float> headline = TermVectors.of("Actress enters rehab in Malibu", List.of(), flat);
        assertThat(headline.get("malibu")).isEqualTo(headline.get("rehab"));
    }
}
