package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
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
        assertThat(read.classify("Late goal wins the match", "").get(0).qcode()).isEqualTo("medtop:15000000");
        assertThat(read.classify("Shares slip", "bank results").get(0).qcode()).isEqualTo("medtop:04000000");
        assertThat(read.classify("Shares slip", "bank results").get(0).confidence()).isBetween(0.5, 1.0);
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
    }
}
