package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignLexiconTest {

    private static final String POLITICS = "medtop:11000000";
    private static final String SPORT = "medtop:15000000";
    private static final String CRIME = "medtop:02000000";

    private static ForeignLexicon lexicon(String... lines) throws Exception {
        return ForeignLexicon.read(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    private static final String[] GERMAN = {
        "# test lexicon",
        POLITICS + "\tde\tregierung *wahl wahl* partei*",
        SPORT + "\tde\t*fußball* trainer tore bundesliga",
        CRIME + "\tde\tpolizei* festgenommen",
        CRIME + "\tde\ttrainer", // listed twice: half a vote each
    };

    @Test
    void wordsAndStemsAtTheStartEndOrInsideAWordVote() throws Exception {
        ForeignLexicon lex = lexicon(GERMAN);
        assertThat(top(lex.classify("de", "Grünen-Spitze tritt nach Wahlniederlagen ab", "")))
                .as("wahl* at the start of a compound, counted twice in a headline").isEqualTo(POLITICS);
        assertThat(top(lex.classify("de", "Union gewinnt Landtagswahl", ""))).as("*wahl at its end").isEqualTo(POLITICS);
        assertThat(top(lex.classify("de", "Frauenfußballteam siegt", ""))).as("*fußball* inside").isEqualTo(SPORT);
        assertThat(top(lex.classify("de", "Polizeieinsatz in Peine", ""))).isEqualTo(CRIME);
    }

    @Test
    void aWordListedUnderTwoTopicsCountsHalfForEach() throws Exception {
        List<CategoryModel.Scored> scored = lexicon(GERMAN).classify("de", "Trainer entlassen", "Der Trainer, sagt der Trainer.");
        assertThat(scored).extracting(CategoryModel.Scored::score).containsExactly(2.0, 2.0);
        assertThat(scored).extracting(CategoryModel.Scored::qcode).containsExactly(CRIME, SPORT);
        assertThat(scored.get(0).confidence()).isEqualTo(0.5);
    }

    /** One word in the text is not enough; one in the headline or two in the text is. */
    @Test
    void theBestTopicNeedsTwoVotes() throws Exception {
        ForeignLexicon lex = lexicon(GERMAN);
        assertThat(lex.classify("de", "Ein Tag in Berlin", "Die Regierung tagte.")).isEmpty();
        assertThat(top(lex.classify("de", "Ein Tag in Berlin", "Die Regierung tagte, die Partei auch."))).isEqualTo(POLITICS);
        assertThat(top(lex.classify("de", "Regierung tagt", "Ein Tag in Berlin."))).isEqualTo(POLITICS);
    }

    @Test
    void onlyTheStorysLanguageIsRead() throws Exception {
        ForeignLexicon lex = lexicon(GERMAN);
        assertThat(lex.reads("de")).isTrue();
        assertThat(lex.reads("fr")).isFalse();
        assertThat(lex.classify("fr", "Regierung Regierung", "")).isEmpty();
    }

    @Test
    void aShortWildcardStemIsRefused() {
        assertThatThrownBy(() -> lexicon(POLITICS + "\tde\twal*")).hasMessageContaining("wal*");
        assertThatThrownBy(() -> lexicon("politics\tde\twahl")).hasMessageContaining("bad lexicon line");
    }

    /** The shipped lexicon: every language it names has a line for every top-level topic, and reads as it should. */
    @Test
    void theShippedLexiconCoversItsLanguages() {
        ForeignLexicon lex = ForeignLexicon.bundled();
        for (String language : List.of("de", "nl", "fr", "es", "it", "pt", "sv", "da", "nb", "fi")) {
            assertThat(lex.reads(language)).as(language).isTrue();
        }
        assertThat(top(lex.classify("de", "Grünen-Spitze tritt nach Wahlniederlagen ab",
                "Nach den Niederlagen bei den Landtagswahlen tritt der Bundesvorstand der Partei zurück."))).isEqualTo(POLITICS);
        assertThat(top(lex.classify("fr", "Le PSG s'impose face à Lyon",
                "L'attaquant a marqué deux buts lors du match de Ligue 1 au Parc des Princes."))).isEqualTo(SPORT);
        assertThat(top(lex.classify("fi", "Poliisi otti kiinni epäillyn",
                "Poliisi pidätti miehen, jota epäillään ryöstöstä Helsingissä."))).isEqualTo(CRIME);
    }

    /** Words a review found voting for the wrong topic, each an ordinary word of the language too. */
    @Test
    void ordinaryWordsOfTheLanguageDoNotVote() {
        ForeignLexicon lex = ForeignLexicon.bundled();
        assertThat(topics(lex.classify("fi", "Suomi tuomitsee iskun", "Suomi tuomitsi iskun jyrkästi, sanoi ulkoministeri.")))
                .as("condemning is no conviction").doesNotContain(CRIME);
        assertThat(topics(lex.classify("da", "Statsministeren: Det har været en svær uge", "Det har været en svær uge for regeringen.")))
                .as("Danish 'været' is 'been'").doesNotContain("medtop:17000000");
        assertThat(topics(lex.classify("es", "El presidente habló en La Paz", "El presidente habló en La Paz ante el Congreso.")))
                .as("La Paz").doesNotContain("medtop:16000000");
        assertThat(topics(lex.classify("nl", "Formatie gestrand", "De onderhandelingen over een nieuw kabinet zijn gestrand.")))
                .as("the verb 'stranden'").doesNotContain("medtop:10000000");
    }

    private static List<String> topics(List<CategoryModel.Scored> scored) {
        return scored.stream().map(CategoryModel.Scored::qcode).toList();
    }

    private static String top(List<CategoryModel.Scored> scored) {
        return scored.isEmpty() ? null : scored.get(0).qcode();
    }
}
