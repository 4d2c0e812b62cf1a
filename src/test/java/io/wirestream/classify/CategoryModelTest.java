package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CategoryModelTest {

    private static final List<CategoryTrainer.Labelled> ARCHIVE = List.of(
            new CategoryTrainer.Labelled("Striker scores", "the match ended with a late goal", List.of("medtop:15000000")),
            new CategoryTrainer.Labelled("Coach sacked", "the club lost the match", List.of("medtop:15000000")),
            new CategoryTrainer.Labelled("Bank profits rise", "shares rose after the bank results", List.of("medtop:04000000")),
            new CategoryTrainer.Labelled("Oil price falls", "markets and shares slipped", List.of("medtop:04000000")));

    @Test
    void naiveBayesLearnsAnArchiveAndSurvivesItsFileFormat() throws Exception {
        CategoryModel m = CategoryTrainer.naiveBayes(ARCHIVE);
        StringWriter w = new StringWriter();
        m.write(w);
        CategoryModel read = CategoryModel.read(new BufferedReader(new StringReader(w.toString())));
        assertThat(read.kind()).isEqualTo(CategoryModel.Kind.NAIVE_BAYES);
        assertThat(read.ngrams()).isEqualTo(2);
        assertThat(read.classify("Late goal wins the match", "").get(0).qcode()).isEqualTo("medtop:15000000");
        assertThat(read.classify("Shares slip", "bank results").get(0).qcode()).isEqualTo("medtop:04000000");
        assertThat(read.classify("Shares slip", "bank results").get(0).confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void wordPairsAreTermsOfTheirOwn() {
        assertThat(TextFeatures.counts("Interest rates rise as rates rise", 2))
                .containsEntry("interest_rate", 1).containsEntry("rate_rise", 2).containsEntry("rate", 2);
    }

    @Test
    void lexiconPhrasesAreWordPairs() throws Exception {
        var lex = CategoryTrainer.readLexicon(new BufferedReader(new StringReader(
                "medtop:11000000\tprime_minister house_of_representatives\nmedtop:15000000\tgoal\n")));
        assertThat(lex.get("medtop:11000000")).containsExactly("prime_minister", "house_representative");
        CategoryModel m = CategoryTrainer.shipped(lex, List.of());
        assertThat(m.ngrams()).isEqualTo(2);
        assertThat(m.classify("Prime Minister speaks", "").get(0).qcode()).isEqualTo("medtop:11000000");
        assertThat(m.classify("Minister scores a goal", "").get(0).qcode()).isEqualTo("medtop:15000000");
    }

    @Test
    void subjectCodeFamiliesWithoutAStatedMatchAreTheirTopLevelTopic() {
        MediaTopics t = MediaTopics.bundled();
        assertThat(t.fromSubjectCode("16000000")).contains("medtop:16000000");
        assertThat(t.fromSubjectCode("08000000")).contains("medtop:08000000");
        assertThat(t.fromSubjectCode("15000000")).contains("medtop:15000000");
        assertThat(t.fromSubjectCode("99000000")).isEmpty();
    }

    @Test
    void plainFoldAndStopWords() {
        assertThat(TextFeatures.words("The Companies' films and the press")).containsExactly("company", "film", "press");
    }

    @Test
    void shippedModelIsTheLexiconAndHeadlineEvidenceOverAllTopLevelTopics() {
        CategoryModel m = CategoryModel.bundled();
        assertThat(m.kind()).isEqualTo(CategoryModel.Kind.EVIDENCE);
        assertThat(m.classes()).isEqualTo(MediaTopics.TOP_LEVEL);
        assertThat(m.headline()).isEqualTo(CategoryTrainer.SHIPPED_HEADLINE);
    }

    @Test
    void headlineWeightIsPartOfTheModelFile() throws Exception {
        var lex = CategoryTrainer.readLexicon(new BufferedReader(new StringReader("medtop:15000000\tgoal\nmedtop:04000000\tshares\n")));
        CategoryModel once = CategoryTrainer.shipped(lex, List.of());
        StringWriter w = new StringWriter();
        once.write(w);
        assertThat(w.toString()).contains("headline\t1\n");
        CategoryModel read = CategoryModel.read(new BufferedReader(new StringReader(w.toString())));
        assertThat(read.headline()).isEqualTo(1);
        // counted once, the headline's one word is outvoted by the text's two (1 against 1 + ln 2) ...
        assertThat(read.classify("Shares", "goal goal").get(0).qcode()).isEqualTo("medtop:15000000");
        // ... counted three times it outvotes them (1 + ln 3): the line is what the model reads
        CategoryModel thrice = CategoryModel.read(new BufferedReader(new StringReader(w.toString().replace("headline\t1\n", "headline\t3\n"))));
        assertThat(thrice.classify("Shares", "goal goal").get(0).qcode()).isEqualTo("medtop:04000000");
        // an archive model writes no headline line and keeps the default of 2
        StringWriter nb = new StringWriter();
        CategoryTrainer.naiveBayes(ARCHIVE).write(nb);
        assertThat(nb.toString()).doesNotContain("\nheadline\t");
        assertThat(CategoryModel.read(new BufferedReader(new StringReader(nb.toString()))).headline()).isEqualTo(2);
    }

    @Test
    void lexiconTermsWeighByTheirSpecificityInTheHeadlines() throws Exception {
        var lex = CategoryTrainer.readLexicon(new BufferedReader(new StringReader(
                "medtop:04000000\tdeal\nmedtop:15000000\ttouchdown\n")));
        // "deal" is in every headline, of every kind; "touchdown" in none
        List<CategoryTrainer.Labelled> headlines = List.of(
                new CategoryTrainer.Labelled("Studio deal for the film", "", List.of("medtop:01000000")),
                new CategoryTrainer.Labelled("Chip maker seals deal", "", List.of("medtop:13000000")),
                new CategoryTrainer.Labelled("Bank deal approved", "", List.of("medtop:04000000")),
                new CategoryTrainer.Labelled("Hospital deal signed", "", List.of("medtop:07000000")));
        var idf = CategoryTrainer.specificity(headlines);
        assertThat(idf.get("deal")).isEqualTo(0.0);
        assertThat(idf.get("chip")).isBetween(0.3, 1.0);
        assertThat(idf).doesNotContainKey("touchdown");
        CategoryModel m = CategoryTrainer.shipped(lex, headlines);
        // one specific word outweighs a generic one, even counted less often
        assertThat(m.classify("Late touchdown seals the deal", "the deal, a deal").get(0).qcode()).isEqualTo("medtop:15000000");
    }

    @Test
    void bootstrappingTeachesTheWordsThatKeepTheLexiconsCompany() throws Exception {
        var lex = CategoryTrainer.readLexicon(new BufferedReader(new StringReader(
                "medtop:15000000\tgoal striker\nmedtop:04000000\tshares profit\n")));
        // "quarterback" and "dividend" are in no list; the texts the lexicon labels use them
        List<CategoryTrainer.Labelled> texts = List.of(
                new CategoryTrainer.Labelled("Striker scores a goal", "the quarterback watched", List.of()),
                new CategoryTrainer.Labelled("Late goal", "quarterback and striker", List.of()),
                new CategoryTrainer.Labelled("Goal of the season", "a quarterback on the bench", List.of()),
                new CategoryTrainer.Labelled("Shares rise", "profit and dividend up", List.of()),
                new CategoryTrainer.Labelled("Profit warning", "dividend cut, shares fall", List.of()),
                new CategoryTrainer.Labelled("Shares flat", "dividend held", List.of()));
        CategoryModel seed = CategoryTrainer.shipped(lex, List.of());
        assertThat(seed.classify("Quarterback", "").get(0).confidence()).isZero();
        CategoryModel m = CategoryTrainer.shipped(lex, List.of(), texts, Set.of());
        assertThat(m.classify("Quarterback", "").get(0).qcode()).isEqualTo("medtop:15000000");
        assertThat(m.classify("Dividend", "").get(0).qcode()).isEqualTo("medtop:04000000");
        // a text that brings its own topic keeps it, whatever the lexicon would make of it ("goal": sport)
        CategoryModel labelled = CategoryTrainer.shipped(lex, List.of(), List.of(
                new CategoryTrainer.Labelled("Goal of the sermon", "a sermon", List.of("medtop:12000000")),
                new CategoryTrainer.Labelled("The goal of a sermon", "the sermon", List.of("medtop:12000000")),
                new CategoryTrainer.Labelled("Striker", "goal", List.of())), Set.of());
        assertThat(labelled.classify("Sermon", "").get(0).qcode()).isEqualTo("medtop:12000000");
    }

    @Test
    void countryNamesLearnNoTopicFromTheOpenTexts() throws Exception {
        var lex = CategoryTrainer.readLexicon(new BufferedReader(new StringReader(
                "medtop:04000000\tshares\nmedtop:02000000\tpolice\n")));
        // the labelled headlines only know business: every "Russia" in them is a business headline
        List<CategoryTrainer.Labelled> headlines = List.of(
                new CategoryTrainer.Labelled("Russia rouble falls", "", List.of("medtop:04000000")),
                new CategoryTrainer.Labelled("Russia rouble rises", "", List.of("medtop:04000000")),
                new CategoryTrainer.Labelled("Russia rouble slips", "", List.of("medtop:04000000")),
                new CategoryTrainer.Labelled("New film opens", "", List.of("medtop:01000000")));
        Set<String> places = CategoryTrainer.nameTerms(List.of("Russia", "South Korea", "Central African Republic"));
        assertThat(places).containsExactly("russia", "south_korea");
        CategoryModel biased = CategoryTrainer.shipped(lex, headlines, List.of(), Set.of());
        CategoryModel placeless = CategoryTrainer.shipped(lex, headlines, List.of(), places);
        // the biased model files a story that only names the country under business; without it, no evidence
        assertThat(biased.classify("Russia", "in Russia").get(0).qcode()).isEqualTo("medtop:04000000");
        assertThat(placeless.classify("Russia", "in Russia").get(0).confidence()).isZero();
        // the other words learn as before
        assertThat(placeless.classify("Rouble", "").get(0).qcode()).isEqualTo("medtop:04000000");
    }

    @Test
    void theShippedModelLearnedNoTopicFromGivenNames() throws Exception {
        List<String> names;
        Set<String> lexiconTerms = new java.util.HashSet<>();
        try (BufferedReader in = resource("given-names.txt")) {
            names = CategoryTrainer.readNames(in);
        }
        try (BufferedReader in = resource("lexicon.tsv")) {
            CategoryTrainer.readLexicon(in).values().forEach(lexiconTerms::addAll);
        }
        Set<String> terms = CategoryTrainer.nameTerms(names);
        assertThat(terms).contains("justin", "george", "kim").hasSizeGreaterThan(300);
        // `train --shipped` gave them no evidence, so only a name the team's lexicon lists is in the model
        Set<String> modelTerms = CategoryModel.bundled().weights().keySet();
        assertThat(terms.stream().filter(modelTerms::contains)).allMatch(lexiconTerms::contains);
        assertThat(CategoryModel.bundled().classify("Justin", "").get(0).confidence()).isZero();
    }

    private static BufferedReader resource(String name) {
        return new BufferedReader(new InputStreamReader(
                CategoryModelTest.class.getResourceAsStream("/io/wirestream/classify/" + name), StandardCharsets.UTF_8));
    }

    @Test
    void iptcConceptsAreLabelledWithTheirTopLevelTopicAndRetiredOnesLeftOut() {
        List<String> table = List.of(
                "qcode\tlevel\tparent_qcode\tlabel_en\tdefinition_en\tretired\tsubject_code_exact_match",
                "medtop:15000000\t1\t\tsport\tCompetitive activity\t\t",
                "medtop:20000822\t2\tmedtop:15000000\tcompetition discipline\tDifferent types of sport\t\t",
                "medtop:20000851\t3\tmedtop:20000822\tbaseball\tA bat and ball game\t\t",
                "medtop:20000999\t3\tmedtop:20000822\told sport\tGone\t2019-07-25T12:00:00+00:00\t");
        var concepts = CategoryTrainer.iptcConcepts(table);
        assertThat(concepts).extracting(CategoryTrainer.Labelled::headline).containsExactly("sport", "competition discipline", "baseball");
        assertThat(concepts.get(2).text()).isEqualTo("A bat and ball game");
        assertThat(concepts).allSatisfy(c -> assertThat(c.topics()).containsExactly("medtop:15000000"));
    }
}
