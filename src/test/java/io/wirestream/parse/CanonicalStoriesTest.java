package io.wirestream.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.formats.ParsedStory;
import io.wirestream.formats.WireFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical story keeps what the wire sent, and fills in the language a wire did not send when its text shows it. */
class CanonicalStoriesTest {

    private static final String FINNISH = "Tilastokeskuksen mukaan työttömyysaste nousi lokakuussa yli yhdeksään prosenttiin. "
            + "Työttömiä oli noin 250 000, mikä on 30 000 enemmän kuin vuotta aiemmin. Työttömyys on kasvanut etenkin "
            + "rakennusalalla, kertoo Tilastokeskus. Hallitus pääsi jo viime viikolla sopuun uusista toimista.";

    private static ParsedStory story(String language, String body) {
        ParsedStory.Builder b = ParsedStory.builder(WireFormat.PLAIN).uri("u:1").storyKey("u:1").headline("Työttömyys kasvaa")
                .body(List.of(body));
        if (language != null) {
            b.language(language);
        }
        return b.build();
    }

    @Test
    void aLanguageTheWireDidNotSendIsTheOneItsTextShows() {
        assertThat(CanonicalStories.languageOf(story(null, FINNISH))).isEqualTo("fi");
        assertThat(CanonicalStories.languageOf(story("und", FINNISH))).as("Drupal's 'undetermined'").isEqualTo("fi");
        assertThat(CanonicalStories.languageOf(story("sv-FI", FINNISH))).as("what was sent stays").isEqualTo("sv-FI");
        assertThat(CanonicalStories.languageOf(story(null, "Lyhyt teksti."))).as("too little text: none").isNull();
    }
}
