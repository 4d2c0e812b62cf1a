package io.wirestream.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalisedTextTest {

    @Test
    void wordsLowerCasedAndSeparatedBySingleSpaces() {
        assertThat(NormalisedText.of("  UPDATE 1-Singapore's central bank,\n\tkeeps rates…  ")).isEqualTo("update 1 singapore s central bank keeps rates");
        assertThat(NormalisedText.of("")).isEmpty();
        assertThat(NormalisedText.of(null)).isEmpty();
        assertThat(NormalisedText.of("-- ... --")).isEmpty();
    }

    @Test
    void compatibilityFormsFoldToOneSpelling() {
        // NFKC: full-width letters, ligatures and superscripts become their plain forms.
        assertThat(NormalisedText.of("ＡＢＣ ﬁnal x²")).isEqualTo("abc final x2");
        assertThat(NormalisedText.of("Zürich café")).isEqualTo(NormalisedText.of("Zu\u0308rich cafe\u0301"));
    }
}
