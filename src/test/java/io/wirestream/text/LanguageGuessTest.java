package io.wirestream.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The language a text shows by its function words, or none when it says too little. */
class LanguageGuessTest {

    private static final String DANISH = "Hollandske forskere har i årevis lavet forsøg på både mennesker og dyr, hvor de har testet "
            + "effekten af at indånde udstødningsgas fra dieselbiler. Det fortæller forskerne selv til nyhedsbureauet. Historien "
            + "kommer frem på et tidspunkt, hvor tyske bilfabrikanter er udsat for massiv kritik.";
    private static final String ENGLISH = "Italian Foreign Minister Angelino Alfano said on Wednesday that the declaration of "
            + "independence was not acceptable and that he had faith in the Spanish government, which has the support of the "
            + "European Union in the crisis.";

    @Test
    void clearTextShowsItsLanguage() {
        assertThat(LanguageGuess.of("Forsøg", DANISH)).contains("da");
        assertThat(LanguageGuess.of("Alfano", ENGLISH)).contains("en");
        assertThat(LanguageGuess.evidence("Forsøg", DANISH).notEnglish()).isTrue();
        assertThat(LanguageGuess.evidence("Forsøg", DANISH).has("nb")).as("Danish and Norwegian share words").isTrue();
    }

    @Test
    void tooLittleOrAnUnlistedLanguageShowsNone() {
        assertThat(LanguageGuess.of("Quake", "A strong earthquake struck.")).as("under 30 words").isEmpty();
        assertThat(LanguageGuess.of("Global Weather", "Amsterdam 42 50 rn Athens 60 69 rn Atlanta 30 62 clr ".repeat(6)))
                .as("a table").isEmpty();
        assertThat(LanguageGuess.of("Землетрясение", "Сильное землетрясение произошло у побережья Японии, сообщили власти. ".repeat(5)))
                .as("a language with no list").isEmpty();
        assertThat(LanguageGuess.of(null, null)).isEmpty();
        String golf = "Leaderboard after the second round: 1. Rasmus Hojgaard (DEN) 134, 2. Min Woo Lee (AUS) 135, 3. Adam Scott (AUS) "
                + "136, 4. Thorbjorn Olesen (DEN) 137, 5. Cameron Smith (AUS) 137, 6. Nicolai Hojgaard (DEN) 138, 7. Jason Day (AUS) 139, "
                + "8. Lucas Bjerregaard (DEN) 139, 9. Marc Leishman (AUS) 140, 10. Cam Davis (AUS) 140.";
        assertThat(LanguageGuess.of("Golf results", golf)).as("codes in capitals are no German 'aus', 'den'").isNotEqualTo(java.util.Optional.of("de"));
    }
}
