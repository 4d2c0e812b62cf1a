package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Subject;
import io.wirestream.testing.Stories;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryClassifierTest {

    private final StoryClassifier classifier = StoryClassifier.bundled();

    private static EnrichedStory withSubjects(Subject... subjects) {
        EnrichedStory s = Stories.aStory("ap:1").headline("Council meets on Tuesday").build();
        s.setSubjects(List.of(subjects));
        return s;
    }

    @Test
    void subjectCodeMapsToItsMediaTopicThenTopLevelFirst() {
        StoryClassifier.Result r = classifier.classify(withSubjects(new Subject("subj", "15054000", "soccer")));
        assertThat(r.categories().get(0)).isEqualTo("medtop:15000000");
        assertThat(r.origins()).containsOnly("wire");
        assertThat(r.confidence()).isEqualTo(1.0);
    }

    @Test
    void unknownSubjectCodeFallsBackToItsParentCode() {
        StoryClassifier.Result r = classifier.classify(withSubjects(new Subject("subj", "04999999", null)));
        assertThat(r.categories().get(0)).isEqualTo("medtop:04000000");
    }

    @Test
    void mediaTopicAsSentAndAnpaLetter() {
        assertThat(classifier.classify(withSubjects(new Subject("medtop", "20000106", "judiciary"))).categories())
                .startsWith("medtop:02000000", "medtop:20000106");
        assertThat(classifier.classify(withSubjects(new Subject("anpa-category", "s", "Sports"))).categories())
                .containsExactly("medtop:15000000");
    }

    @Test
    void aapLettersAreAapsAndEveryLetterComesAfterTheCodes() {
        // AAP's "t" is domestic sport (AP's is TV), "o" state parliaments, "q" the Stockset
        assertThat(classifier.classify(withSubjects(new Subject("aap-category", "t", null))).categories()).containsExactly("medtop:15000000");
        assertThat(classifier.classify(withSubjects(new Subject("aap-category", "o", null))).categories()).containsExactly("medtop:11000000");
        assertThat(classifier.classify(withSubjects(new Subject("aap-category", "q", null))).categories()).containsExactly("medtop:04000000");
        // dpa's G2 Ressort is its 7901 category
        assertThat(classifier.classify(withSubjects(new Subject("dpacat", "pl", "Politik"))).categories()).containsExactly("medtop:11000000");
        // a service letter sent first does not outrank the Subject Code after it
        assertThat(classifier.classify(withSubjects(new Subject("anpa-category", "f", null), new Subject("subj", "15054000", "soccer")))
                .categories()).startsWith("medtop:15000000", "medtop:04000000");
    }

    /** A feed's own category word that is a topic's English name counts as the wire's, after any codes. */
    @Test
    void aCategoryWordThatNamesATopicIsTheWires() {
        StoryClassifier.Result music = classifier.classify(withSubjects(new Subject("keyword", "Music", null)));
        assertThat(music.categories().get(0)).isEqualTo("medtop:01000000");
        assertThat(music.origins()).containsOnly("wire");
        assertThat(classifier.classify(withSubjects(new Subject("doc-scope", "POLITICS", null))).categories())
                .containsExactly("medtop:11000000");
        assertThat(classifier.classify(withSubjects(new Subject("subj", "04015000", null), new Subject("doc-scope", "POLITICS", null)))
                .categories()).startsWith("medtop:04000000", "medtop:11000000");
        for (String word : List.of("Champions League", "National", "Labour", "Diet", "Metal", "Nature", "Injury")) {
            assertThat(classifier.classify(withSubjects(new Subject("keyword", word, null))).origins()).as(word).doesNotContain("wire");
        }
    }

    /**
     * Agencies' own ways of sending a desk or an IPTC code: TT files IPTC codes under its own scheme, ANP sends the
     * family's three letters, STT a department number with its Finnish name, Ritzau a section name.
     */
    @Test
    void agencyDesksAndCodesUnderTheirOwnSchemes() {
        assertThat(classifier.classify(withSubjects(new Subject("TT", "02000000", "LAG"))).categories())
                .containsExactly("medtop:02000000");
        assertThat(classifier.classify(withSubjects(new Subject("http://tt.se/spec/subref/1.0", "20001065", "fotboll")))
                .categories()).startsWith("medtop:15000000");
        assertThat(classifier.classify(withSubjects(new Subject("subj", "ECO", null))).categories()).containsExactly("medtop:04000000");
        assertThat(classifier.classify(withSubjects(new Subject("category", "POL", null))).categories()).containsExactly("medtop:11000000");
        assertThat(classifier.classify(withSubjects(new Subject("keyword", "FIN", null))).origins()).as("a keyword FIN may be Finland")
                .doesNotContain("wire");
        assertThat(classifier.classify(withSubjects(new Subject("sttdepartment", "16", "Urheilu"))).categories())
                .containsExactly("medtop:15000000");
        assertThat(classifier.classify(withSubjects(new Subject("ritzau-section", "Sport", null))).origins()).containsExactly("wire");
        for (Subject notADesk : List.of(new Subject("stt-topics", "48755312", null), new Subject("ritzau-section", "Udland", null),
                new Subject("sttdepartment", "3", "Kotimaa"), new Subject("subj", "XYZ", null))) {
            assertThat(classifier.classify(withSubjects(notADesk)).origins()).as(notADesk.toString()).doesNotContain("wire");
        }
    }

    /**
     * The shipped model reads English; copy in a language of Europe's agencies is read by the foreign lexicon, in the
     * language its function words show (the declared one when its words are there); English copy declared otherwise is
     * English, and a table with few words of any language is read as its language says.
     */
    @Test
    void eachTextIsReadInItsOwnLanguage() {
        String danish = "Hollandske forskere har i årevis lavet forsøg på både mennesker og dyr, hvor de har testet effekten af at "
                + "indånde udstødningsgas fra dieselbiler. Det fortæller forskerne selv til nyhedsbureauet. Historien kommer frem på et "
                + "tidspunkt, hvor tyske bilfabrikanter er udsat for massiv kritik, fordi de har finansieret lignende forsøg og det er ikke godt.";
        String english = "Italian Foreign Minister Angelino Alfano said on Wednesday that the declaration of independence was not "
                + "acceptable and that he had faith in the Spanish government, which has the support of the European Union in the crisis.";
        String german = "Die Co-Vorsitzenden der Partei ziehen nach den Niederlagen bei mehreren Landtagswahlen die Konsequenzen und "
                + "treten zurück. Das teilten sie am Mittwoch in Berlin mit. Auch der Bundesvorstand wird bei einem Parteitag im "
                + "November neu gewählt, wie die Partei mitteilte. Die Entscheidung sei nach langen Gesprächen gefallen.";
        assertThat(StoryClassifier.readingLanguage(null, "Forsøg", danish)).isEqualTo("da");
        assertThat(StoryClassifier.readingLanguage("en-US", "Forsøg", danish)).as("a feed that says en-US of Danish posts").isEqualTo("da");
        assertThat(StoryClassifier.readingLanguage("nb-NO", "Forsøg", danish)).as("Ritzau's copy on NTB's feed").isEqualTo("nb");
        assertThat(StoryClassifier.readingLanguage("nb-NO", "Faktasjekk", "Kort tekst")).isEqualTo("nb");
        assertThat(StoryClassifier.readingLanguage("deu", "Grüne", german)).isEqualTo("de");
        assertThat(StoryClassifier.readingLanguage("ja", "地震", "短い")).isEqualTo("ja");
        String italian = "La squadra di casa passa in vantaggio a metà del primo tempo con un gol in contropiede e chiude la "
                + "partita a dieci minuti dalla fine, quando il capitano segna il secondo gol in mischia. In classifica la "
                + "squadra sale a quota trenta punti, a due lunghezze dalla vetta, in attesa della gara di domani sera.";
        assertThat(StoryClassifier.readingLanguage(null, "Serie A", italian)).as("'a' and 'in' are Italian words too").isEqualTo("it");
        // Undeclared copy: Finnish has few short function words, Portuguese shares "de" with Spanish and French
        String finnish = "Tilastokeskuksen mukaan työttömyysaste nousi lokakuussa yli yhdeksään prosenttiin. Työttömiä oli noin "
                + "250 000, mikä on 30 000 enemmän kuin vuotta aiemmin. Työttömyys on kasvanut etenkin rakennusalalla, kertoo "
                + "Tilastokeskus. Hallitus pääsi jo viime viikolla sopuun uusista toimista, joita se esittelee ensi kuussa.";
        String portuguese = "A economia portuguesa cresceu 0,6% no quarto trimestre face aos três meses anteriores, acelerando em "
                + "relação ao período de julho a setembro, segundo o Instituto Nacional de Estatística. No conjunto do ano, o "
                + "produto cresceu 1,9%, revelou hoje o instituto, que atribui a aceleração à procura interna e às exportações.";
        assertThat(StoryClassifier.readingLanguage(null, "Työttömyys kasvaa", finnish)).isEqualTo("fi");
        assertThat(StoryClassifier.readingLanguage(null, "Economia acelera", portuguese)).as("not Spanish nor Dutch").isEqualTo("pt");
        assertThat(StoryClassifier.readingLanguage(null, "UNIVERSAL HOLDING CORP 4TH QTR NET", "JERICHO, N.Y., March 27 - Shr NA "
                + "Net profit 2,000 vs profit 195,000 Revs 2,623,000 vs 2,577,000 Year Shr NA Net loss 425,000 vs profit 278,000 "
                + "Revs 15.4 mln vs 8,637,000 Reuter")).as("an English table: 'N.Y.' and 'NA' are no Spanish or Portuguese").isEqualTo("en");
        // English abbreviations and name particles that are function words of other languages too: Sen., Al, AI, NYT
        String rollCall = "Voting yes: Sen. Tammy Baldwin (D-Wis.), Sen. Michael Bennet (D-Colo.), Sen. Richard Blumenthal (D-Conn.), "
                + "Sen. Cory Booker (D-N.J.), Sen. Sherrod Brown (D-Ohio), Sen. Maria Cantwell (D-Wash.), Sen. Ben Cardin (D-Md.), "
                + "Sen. Tom Carper (D-Del.), Sen. Bob Casey (D-Pa.), Sen. Chris Coons (D-Del.).";
        assertThat(StoryClassifier.readingLanguage("en", "Senate roll call on the budget", rollCall)).isEqualTo("en");
        String saudi = "Al Hilal 3 Al Nassr 1; Al Ittihad 2 Al Ahli 2; Al Shabab 0 Al Fateh 1; Al Taawoun 1 Al Raed 0; "
                + "Al Fayha 2 Al Khaleej 2; Al Ettifaq 1 Al Wehda 3; Al Riyadh 0 Al Okhdood 0. AI referee review used twice, NYT said.";
        assertThat(StoryClassifier.readingLanguage("en", "Saudi Pro League results", saudi)).isEqualTo("en");
        assertThat(StoryClassifier.readingLanguage("it", "Alfano", english)).isEqualTo("en");
        assertThat(StoryClassifier.readableInEnglish("it", "Alfano", english)).isTrue();
        assertThat(StoryClassifier.readableInEnglish("und", "Quake", "A strong earthquake struck the coast.")).isTrue();
        assertThat(StoryClassifier.readableInEnglish("EN", "Quake", "A strong earthquake struck the coast.")).isTrue();
        assertThat(StoryClassifier.readableInEnglish("English", "Fed raises rates", "")).as("English spelled out").isTrue();
        assertThat(StoryClassifier.readableInEnglish("eng", "Fed raises rates", "")).isTrue();
        assertThat(StoryClassifier.readableInEnglish(null, "Global Weather", "Amsterdam 42 50 rn Athens 60 69 rn Atlanta 30 62 clr "
                .repeat(6))).isTrue();

        EnrichedStory greens = Stories.aStory("dpa:1").headline("Grünen-Spitze tritt nach Wahlniederlagen ab").build();
        greens.setBody(List.of(german));
        greens.setLanguage("de");
        StoryClassifier.Result r = classifier.classify(greens);
        assertThat(r.categories().get(0)).isEqualTo("medtop:11000000");
        assertThat(r.origins().get(0)).isEqualTo("text");
        assertThat(r.confidence()).isBetween(0.0, 1.0);

        EnrichedStory japanese = Stories.aStory("kyodo:1").headline("地震").build();
        japanese.setLanguage("ja");
        assertThat(classifier.classify(japanese)).as("a language with no list: no topic rather than a wrong one")
                .isEqualTo(StoryClassifier.Result.NONE);
    }

    @Test
    void serviceLetterWithoutTopicLeavesItToTheText() {
        EnrichedStory s = withSubjects(new Subject("anpa-category", "a", "Domestic general news"));
        s.setHeadline("Striker scores twice as league leaders win the cup final");
        StoryClassifier.Result r = classifier.classify(s);
        assertThat(r.categories().get(0)).isEqualTo("medtop:15000000");
        assertThat(r.origins().get(0)).isEqualTo("text");
        assertThat(r.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void textTopicsFromTheShippedModel() {
        assertThat(text("Prime minister calls early election as opposition party leads the polls")).isEqualTo("medtop:11000000");
        assertThat(text("Quake kills dozens, rescuers search collapsed buildings for survivors")).isEqualTo("medtop:03000000");
        assertThat(text("Shares fall as bank reports quarterly loss and cuts its profit forecast")).isEqualTo("medtop:04000000");
        assertThat(text("Troops and rebels clash near the border; ceasefire talks stall")).isEqualTo("medtop:16000000");
        assertThat(text("Police arrest suspect after the murder trial jury is dismissed")).isEqualTo("medtop:02000000");
    }

    @Test
    void nothingToGoOnGivesNoCategory() {
        EnrichedStory s = Stories.aStory("x:1").headline("Xyzzy plugh").body().build();
        assertThat(classifier.classify(s)).isEqualTo(StoryClassifier.Result.NONE);
    }

    private String text(String headline) {
        return classifier.classify(Stories.aStory("x:1").headline(headline).body().build()).categories().get(0);
    }
}
