package io.wirestream.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

    private static final String HEADLINE = "Strong earthquake shakes northern Chile";
    private static final List<String> BODY = List.of("Buildings swayed in Antofagasta.", "No damage was reported.");

    @Test
    void aResendWithOtherWrappingQuotesCaseAndSpacesHasTheSameFingerprint() {
        String original = ContentFingerprint.of(HEADLINE, BODY);
        assertThat(ContentFingerprint.of("  STRONG earthquake shakes\nnorthern Chile ",
                List.of("Buildings  swayed in\r\nAntofagasta…", "No damage was reported!"))).isEqualTo(original);
        assertThat(ContentFingerprint.of("Strong earthquake shakes “northern” Chile", BODY)).isEqualTo(original);
    }

    @Test
    void otherWordsOrOtherParagraphsGiveAnotherFingerprint() {
        String original = ContentFingerprint.of(HEADLINE, BODY);
        assertThat(ContentFingerprint.of(HEADLINE, List.of("Buildings swayed in Antofagasta.", "Two people were hurt.")))
                .isNotEqualTo(original);
        assertThat(ContentFingerprint.of("Strong earthquake shakes southern Chile", BODY)).isNotEqualTo(original);
        // The paragraph break is part of the content: two paragraphs are not their concatenation.
        assertThat(ContentFingerprint.of(HEADLINE, List.of("Buildings swayed in Antofagasta. No damage was reported.")))
                .isNotEqualTo(original);
    }

    @Test
    void isAHexSha256() {
        assertThat(ContentFingerprint.of(HEADLINE, BODY)).hasSize(64).matches("[0-9a-f]+");
        assertThat(ContentFingerprint.of(null, List.of())).hasSize(64);
    }
}
