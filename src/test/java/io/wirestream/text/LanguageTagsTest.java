package io.wirestream.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTagsTest {

    @Test
    void primaryLanguageAsTheWiresSendIt() {
        assertThat(LanguageTags.primary("fi-FI")).isEqualTo("fi");
        assertThat(LanguageTags.primary(" EN ")).isEqualTo("en");
        assertThat(LanguageTags.primary("English")).isEqualTo("en");
        assertThat(LanguageTags.primary("eng")).isEqualTo("en");
        assertThat(LanguageTags.primary("fra")).isEqualTo("fr");
        assertThat(LanguageTags.primary("nb_NO")).isEqualTo("nb");
        assertThat(LanguageTags.primary("no")).isEqualTo("nb");
        assertThat(LanguageTags.primary("nn")).isEqualTo("nb");
        assertThat(LanguageTags.primary("ja")).isEqualTo("ja");
        assertThat(LanguageTags.primary("und")).isEmpty();
        assertThat(LanguageTags.primary("  ")).isEmpty();
        assertThat(LanguageTags.primary(null)).isEmpty();
    }
}
