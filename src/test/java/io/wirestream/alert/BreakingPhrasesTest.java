package io.wirestream.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.testing.CapturedLog;
import io.wirestream.testing.SharedData;
import io.wirestream.text.RequiredLiterals;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The phrase list's literal check ({@link RequiredLiterals}) never changes what a rule matches. */
class BreakingPhrasesTest {

    /**
     * The bundled phrase list gives the same answer with the literal check as without it, on texts
     * made from its own words in mixed case and on random text; and on real articles when ../shared is there.
     */
    @Test
    void theBundledPhrasesMatchExactlyAsBeforeOnGeneratedText() {
        List<BreakingPhrases.Rule> rules = BreakingPhrases.bundled().rules();
        assertThat(rules.stream().filter(r -> r.triggers().isPresent()).count())
                .as("the bundled rules' literals are read").isGreaterThanOrEqualTo(rules.size() - 2);
        String[] words = ("former ex- ex ancien ehemalige president prime minister king queen killed assassinated dies died dead shot ousted "
                + "declares war coup junta seizes power 12 1,200 dozens people killed death toll magnitude M 6.1 quake "
                + "earthquake state of emergency martial law massacre terrorist attack explosion blast bomb gunman "
                + "air strike strikes that reportedly killed resigns steps down breaking urgent président tué "
                + "déclare la guerre coup d'État état d'urgence 40 morts bilan séisme démission präsident getötet "
                + "erklärt den krieg putsch ausnahmezustand 30 tote rücktritt presidente muerto golpe de estado "
                + "declaró la guerra estado de emergencia 20 muertos terremoto the a of in on . ; , -").split(" ");
        Random random = new Random(7);
        int matched = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0, n = 3 + random.nextInt(25); w < n; w++) {
                String word = words[random.nextInt(words.length)];
                b.append(switch (random.nextInt(3)) {
                    case 0 -> word.toUpperCase(Locale.ROOT);
                    case 1 -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
                    default -> word;
                }).append(random.nextInt(5) == 0 ? "" : " ");
            }
            matched += sameAnswers(rules, b.toString());
        }
        assertThat(matched).as("rule matches seen, so the comparison means something").isGreaterThan(10_000);
    }

    @Test
    void theBundledPhrasesMatchExactlyAsBeforeOnRealArticles() throws Exception {
        List<BreakingPhrases.Rule> rules = BreakingPhrases.bundled().rules();
        ObjectMapper json = new ObjectMapper();
        int matched = 0;
        List<String> corpora = List.of("clusters-ecb.dev.jsonl", "categories-bbc.dev.jsonl");
        for (String corpus : corpora) {
            try (BufferedReader r = Files.newBufferedReader(SharedData.corpus(corpus))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    JsonNode story = json.readTree(line);
                    matched += sameAnswers(rules, story.path("headline").asText() + ". " + story.path("body").asText());
                }
            }
        }
        assertThat(matched).isGreaterThan(1_000);
    }

    /** A sitting head of state or government killed or dying is strong language; a former one's death is a death. */
    @Test
    void aFormerLeadersDeathIsNoHeadOfStateKilled() {
        String rule = "head of state or government killed, dying or ousted";
        assertThat(BreakingPhrases.bundled().match("President shot dead in capital").reasons()).contains(rule);
        assertThat(BreakingPhrases.bundled().match("Chinese Premier Li dies").reasons()).contains(rule);
        for (String former : List.of("Ex-Chinese Premier Li dies aged 90", "Former prime minister dies at 95",
                "Death of former President Smith mourned", "L'ancien président est mort", "Ehemaliger Kanzler gestorben",
                "Muere el ex presidente")) {
            assertThat(BreakingPhrases.bundled().match(former).reasons()).as(former).doesNotContain(rule)
                    .noneMatch(r -> r.contains("chef d'État") || r.contains("Regierungschef") || r.contains("jefe de Estado"));
        }
    }

    @Test
    void aRuleThatOpensWithALookBehindIsToldHowToBeWrittenCheaply() {
        try (CapturedLog log = CapturedLog.of(BreakingPhrases.class)) {
            BreakingPhrases.bundled();
            assertThat(log.events()).as("the bundled rules are written title first").isEmpty();
            BreakingPhrases own = BreakingPhrases.parse("2\ten\tcoup\t\\bcoup\\b\n3\ten\tleader killed\t(?<!\\bformer )\\bleader\\b killed\n",
                    "desk-phrases.tsv");
            assertThat(own.rules()).hasSize(2);
            assertThat(log.events()).singleElement().extracting(e -> e.getFormattedMessage()).asString()
                    .contains("desk-phrases.tsv:2", "leader killed", "look-ahead");
        }
    }

    @Test
    void aPatternWhoseFlagsChangeItsSourceIsAlwaysRun() {
        // with COMMENTS the space is not a character to match: "breaking news" matches "breakingnews"
        BreakingPhrases.Rule rule = new BreakingPhrases.Rule(1, "en", "breaking", Pattern.compile("breaking news", Pattern.COMMENTS));
        assertThat(rule.triggers()).isEmpty();
        assertThat(rule.matches("breakingnews", RequiredLiterals.fold("breakingnews"))).isTrue();
    }

    /** A title look-ahead before the "former" look-behinds, as the bundled head-of-state rules are written. */
    private static final Pattern TITLE_FIRST = Pattern.compile("\\\\b\\(\\?=\\(\\?:([^()]+)\\)\\\\b\\)((?:\\(\\?<!(?:[^()]|\\([^()]*\\))*\\))+)\\(\\1\\)");

    /**
     * The rule as it was written before the look-ahead was put in front (the look-behinds first, then the title): the
     * same matches, tried at every position instead of only where a title starts. Other rules are returned as they are.
     */
    private static Pattern lookBehindsFirst(Pattern rule) {
        java.util.regex.Matcher m = TITLE_FIRST.matcher(rule.pattern());
        if (!m.find()) {
            return rule;
        }
        String before = rule.pattern().substring(0, m.start()) + m.group(2) + "\\b(" + m.group(1) + ")" + rule.pattern().substring(m.end());
        return Pattern.compile(before, rule.flags());
    }

    @Test
    void theHeadOfStateRulesAreWrittenTitleFirst() {
        // so the comparison in sameAnswers compares something: five rules (en twice, fr, de, es) in the title-first form
        assertThat(BreakingPhrases.bundled().rules().stream().filter(r -> lookBehindsFirst(r.pattern()) != r.pattern()).count())
                .isEqualTo(5);
        Pattern en = BreakingPhrases.bundled().rules().get(0).pattern();
        assertThat(lookBehindsFirst(en).pattern()).startsWith("(?<!").contains(")\\b(president|");
    }

    /**
     * Asserts each rule answers alike with and without its literals, and alike with its look-behinds written first;
     * returns how many matched.
     */
    private static int sameAnswers(List<BreakingPhrases.Rule> rules, String text) {
        String folded = RequiredLiterals.fold(text);
        List<String> differ = new ArrayList<>();
        int matched = 0;
        for (BreakingPhrases.Rule rule : rules) {
            boolean plain = rule.pattern().matcher(text).find();
            matched += plain ? 1 : 0;
            if (rule.matches(text, folded) != plain || lookBehindsFirst(rule.pattern()).matcher(text).find() != plain) {
                differ.add(rule.pattern().pattern());
            }
        }
        assertThat(differ).as("rules answering differently on: %s", text).isEmpty();
        return matched;
    }
}
