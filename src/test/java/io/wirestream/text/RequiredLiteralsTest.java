package io.wirestream.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

    private static Optional<Set<String>> of(String regex) {
        return RequiredLiterals.of(regex, true);
    }

    @Test
    void anAlternationOfWordsNeedsOneOfThem() {
        assertThat(of("\\b(killed|Dies|died)\\b")).contains(Set.of("killed", "dies", "died"));
        assertThat(of("\\bmassacre\\b|\\bmass shooting\\b")).contains(Set.of("massacre", "mass shooting"));
    }

    @Test
    void anOptionalPartIsNotRequired() {
        assertThat(of("\\bkills?\\b")).contains(Set.of("kill"));
        assertThat(of("\\b(military )?coup\\b")).contains(Set.of("coup"));
        assertThat(of("colou?r")).contains(Set.of("colo"));
        assertThat(of("x(abc){0,3}yz")).contains(Set.of("yz"));
    }

    @Test
    void theMostTellingRequiredPartIsChosen() {
        // both groups are required; the one whose shortest word is longest tells most
        assertThat(of("\\b(president|prime minister)\\b[^.;:]{0,60}\\b(killed|dead)\\b"))
                .contains(Set.of("president", "prime minister"));
        assertThat(of("\\bcoup d'(É|E|é)tat\\b")).contains(Set.of("coup d'"));
        assertThat(of("\\b(magnitude|M)[- ]?\\d\\b[^.]{0,40}\\b(quake|earthquake)\\b")).contains(Set.of("quake", "earthquake"));
    }

    @Test
    void escapedMetacharactersAreLiteralsAndClassesAreNot() {
        assertThat(of("a\\.b\\+c")).contains(Set.of("a.b+c"));
        assertThat(of("ab[xyz]cd")).contains(Set.of("ab")); // the first of two equally long runs
        assertThat(of("war[\\]s]?ship")).contains(Set.of("ship"));
        assertThat(of("\\d+ (morts|tués)")).contains(Set.of("morts", "tués"));
        assertThat(of("(?<who>king) (?:dies|died)")).contains(Set.of("king"));
        assertThat(of("(?=war)peace")).contains(Set.of("peace"));
    }

    @Test
    void whereItCannotBeSureItSaysNothing() {
        assertThat(of("(?x) a b c")).isEmpty(); // inline flags change what a literal is
        assertThat(of("abc|\\d+")).isEmpty(); // one alternative needs no literal
        assertThat(of("\\d{4}")).isEmpty();
        assertThat(of("\\Qa.b\\E")).isEmpty();
        assertThat(of("(abc")).isEmpty();
        assertThat(of("\\12abc")).contains(Set.of("abc")); // a back-reference's digits are not literals
        // Java unquotes \Q...\E inside a class as well: "[\Q]abc\E]" is the class of "]", "a", "b", "c"
        assertThat(of("[\\Q]abc\\E]")).isEmpty();
        assertThat(Pattern.compile("[\\Q]abc\\E]").matcher("a").find()).isTrue();
        // \c takes the next character, "]" too: "[\c]ab]" is a class, not "ab]"
        assertThat(of("[\\c]ab]")).isEmpty();
        assertThat(of("[\\c]ab]x")).contains(Set.of("x"));
    }

    @Test
    void foldingKeepsTheLengthAndFoldsAsTheRegexEngineDoes() {
        assertThat(RequiredLiterals.fold("İstanbul ÉTAT Straße")).hasSize("İstanbul ÉTAT Straße".length())
                .isEqualTo("istanbul état straße");
        // the long s matches "s" in a case-insensitive Unicode pattern; folded, it is an "s"
        assertThat(Pattern.compile("s", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher("ſ").find()).isTrue();
        assertThat(RequiredLiterals.fold("ſ")).isEqualTo("s");
    }
}
