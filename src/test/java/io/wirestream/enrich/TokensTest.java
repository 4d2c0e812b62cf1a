package io.wirestream.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.testing.SharedData;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written word scan of {@link Tokens#of} gives exactly the tokens of the regex it replaced. */
class TokensTest {

    /**
     * The tokeniser before the scan, kept here as the reference, with the elided French and Italian articles and
     * prepositions ("l'", "d'", "dell'") as words of their own.
     */
    private static final Pattern WORD = Pattern.compile("(?iu:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|dell|dall|nell|sull"
            + "|all|coll|dagl|degl|negl|sugl|quest|quell|un)(?=['’][\\p{L}\\p{N}])|[\\p{L}\\p{N}]+(?:['’.][\\p{L}\\p{N}]+)*\\.?");

    private static List<Tokens.Token> byRegex(String text) {
        List<Tokens.Token> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            String surface = m.group();
            String between = text.substring(last, m.start());
            boolean start = out.isEmpty() || endsSentence(out.get(out.size() - 1).surface(), between);
            String key = Tokens.key(surface);
            if (!key.isEmpty()) {
                char c = surface.charAt(0);
                out.add(new Tokens.Token(surface, key, m.start(), m.end(), Character.isUpperCase(c) || Character.isDigit(c), start));
            }
            last = m.end();
        }
        return out;
    }

    private static boolean endsSentence(String previous, String between) {
        if (between.indexOf('\n') >= 0 || between.contains(". ") || between.contains("? ") || between.contains("! ")
                || between.contains(": ") || between.contains("\"") || between.contains("“") || between.contains(" - ")
                || between.contains("–") || between.contains("—")) {
            return true;
        }
        return previous.endsWith(".") && previous.length() > 3 && previous.indexOf('.') == previous.length() - 1;
    }

    @Test
    void wordsJoinersSentencesAndOtherScripts() {
        List<Tokens.Token> t = Tokens.of("The U.S. said Britain's troops left. Then São Paulo - and 北京 - said ½ of XIV’s l'Aquila.. end");
        assertThat(t).extracting(Tokens.Token::surface).containsExactly("The", "U.S.", "said", "Britain's", "troops", "left.",
                "Then", "São", "Paulo", "and", "北京", "said", "½", "of", "XIV’s", "l", "Aquila.", "end");
        assertThat(t).extracting(Tokens.Token::key).contains("us", "britain", "sao", "xiv", "l", "aquila");
        assertThat(Tokens.of("L'Allemagne, d’Italie, dell'Iran, O'Brien, D'Amato")).extracting(Tokens.Token::surface)
                .containsExactly("L", "Allemagne", "d", "Italie", "dell", "Iran", "O'Brien", "D", "Amato");
        assertThat(t.get(6).sentenceStart()).as("after 'left.'").isTrue();
        assertThat(t.get(9).sentenceStart()).as("after ' - '").isTrue();
        assertThat(t.get(2).sentenceStart()).as("after 'U.S.', an abbreviation").isFalse();
        assertThat(Tokens.of("")).isEmpty();
        assertThat(Tokens.of(" .,'’ ")).isEmpty();
    }

    @Test
    void theScanEqualsTheRegexOnGeneratedText() {
        String alphabet = "aZé.'’ ,;:!?\"“–—-\n\t0Ⅻ½ßİ北\uD835\uDC00\uD800x";
        Random random = new Random(7);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertThat(Tokens.of(text)).as(text).isEqualTo(byRegex(text));
        }
    }

    @Test
    void theScanEqualsTheRegexOnRealCopy() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int tokens = 0;
        for (String corpus : List.of("regions-geo.dev.jsonl", "clusters-ecb.dev.jsonl")) {
            try (BufferedReader r = Files.newBufferedReader(SharedData.corpus(corpus))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    JsonNode story = json.readTree(line);
                    for (String field : List.of("headline", "body")) {
                        String text = story.path(field).asText();
                        List<Tokens.Token> scanned = Tokens.of(text);
                        assertThat(scanned).isEqualTo(byRegex(text));
                        tokens += scanned.size();
                    }
                }
            }
        }
        assertThat(tokens).isGreaterThan(100_000);
    }
}
