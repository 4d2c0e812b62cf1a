package io.wirestream.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language a story's text is in, told by its function words: English, or one of the ten languages of Europe's
 * agencies that the foreign lexicon reads (de, fr, es, it, pt, nl, sv, da, nb, fi). Wires often send no language
 * (Ritzau, plain text, many feeds) and sometimes a wrong one (ANSA's English service declares Italian, WordPress feeds
 * "en-US" of Danish posts). The classifier reads a story in the language its text shows; the parse stage fills in the
 * language a wire did not send when its text shows one clearly.
 */
public final class LanguageGuess {

    /**
     * English words that make up a good part of any English prose, and little of other languages' ("a" and "in" are
     * as common in Italian, Spanish, Portuguese, Dutch or German).
     */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "of", "and", "to", "is", "that", "for", "on",
            "with", "as", "was", "by", "at", "it", "from", "be", "has", "have", "had", "said", "are", "an", "will", "his", "her",
            "their", "this", "not", "but", "or", "after", "were", "which", "who", "been");
    /** Below this many words a text says too little about its language. */
    public static final int MIN_WORDS = 30;
    /** The first this many words say enough about a text's language. */
    static final int MAX_WORDS = 150;
    /** Prose of a language has at least this share of its function words (English: a quarter and more). */
    static final double MIN_SHARE = 0.08;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /**
     * Function words of the languages of Europe's agencies: to tell English from them, and which one a text is in.
     * Words of several languages count for each; words that are English too ("die", "war", "do", "met", "per") are left
     * out, and so are Portuguese "na", "nas", "nos" (English tables write "NA"), Spanish and Italian "al", "ha",
     * "con", "ai" (Al Hilal, AI) and Finnish "sen", "jo", "ole", "tai", "nyt" (Sen., NYT), which English copy writes too.
     */
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "de", Set.of("der", "das", "und", "ist", "nicht", "mit", "sich", "auf", "für", "dem", "des", "ein", "eine", "einer",
                    "von", "im", "sie", "wird", "wurde", "auch", "bei", "nach", "aus", "zu", "den", "es"),
            "fr", Set.of("le", "les", "et", "est", "une", "du", "dans", "pour", "que", "qui", "sur", "pas", "au", "aux", "avec",
                    "ce", "cette", "sont", "il", "elle", "ont", "été", "la", "des", "un", "de", "en", "selon", "lors"),
            "es", Set.of("el", "los", "las", "y", "es", "del", "una", "por", "para", "se", "su", "lo", "como", "más", "pero",
                    "sus", "fue", "la", "que", "un", "en", "de", "han", "este", "esta", "según", "hoy"),
            "it", Set.of("gli", "della", "delle", "che", "è", "nel", "alla", "anche", "il", "di", "la", "un", "una", "del",
                    "non", "sono", "dal", "dei", "nella", "sul", "si", "più", "dopo", "oggi", "tra"),
            "pt", Set.of("os", "um", "uma", "não", "em", "da", "dos", "das", "para", "com", "que", "se", "por", "foi", "mais",
                    "de", "numa", "num", "pelos", "pelas", "ao", "aos", "à", "é", "pelo", "pela", "também", "são", "hoje", "já", "após",
                    "seu", "sua", "ele", "ela", "mas", "segundo"),
            "nl", Set.of("het", "een", "en", "niet", "op", "voor", "zijn", "dat", "aan", "bij", "ook", "werd", "van", "de",
                    "naar"),
            "sv", Set.of("att", "och", "är", "inte", "som", "på", "av", "för", "med", "det", "en", "ett", "var", "till", "har"),
            "da", Set.of("og", "er", "det", "af", "på", "som", "ikke", "fra", "var", "med", "til", "en", "et", "har", "blev"),
            "nb", Set.of("og", "er", "det", "av", "på", "som", "ikke", "fra", "var", "med", "til", "en", "et", "har", "ble"),
            "fi", Set.of("ja", "ei", "että", "oli", "hän", "ovat", "myös", "kuin", "mutta", "se", "mukaan", "vuonna", "joka",
                    "jotka", "jossa", "josta", "kun", "olla", "ollut", "eikä", "sekä", "noin", "yli",
                    "vielä", "yhä", "kertoo", "kertoi", "mikä", "tämä", "viime", "ensi", "kuitenkin", "jälkeen", "aikana",
                    "lähes", "jopa", "ainakin", "siitä", "sillä", "vuotta", "prosenttia", "euroa"));
    /** The order in which languages win a tie of function words. */
    private static final List<String> ORDER = List.of("de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi");
    /** Each function word with the languages it belongs to: one lookup a word. */
    private static final Map<String, List<String>> LANGUAGES_OF_WORD = languagesOfWord();

    private LanguageGuess() {
    }

    /** Whether a lower-case word is one of a language's function words here ("auch" in German). */
    public static boolean functionWord(String word, String lang) {
        List<String> languages = LANGUAGES_OF_WORD.get(word);
        return languages != null && languages.contains(lang);
    }

    private static Map<String, List<String>> languagesOfWord() {
        Map<String, List<String>> m = new HashMap<>();
        FUNCTION_WORDS.forEach((code, words) -> words.forEach(w -> m.computeIfAbsent(w, x -> new ArrayList<>()).add(code)));
        m.replaceAll((w, codes) -> List.copyOf(codes));
        return Map.copyOf(m);
    }

    /**
     * What the first {@link #MAX_WORDS} words of a text say about its language.
     *
     * @param words        words read
     * @param englishWords of them English function words
     * @param otherWords   of them function words of the other languages
     * @param byLanguage   function words of each other language (a word of several counts for each)
     */
    public record Evidence(int words, int englishWords, int otherWords, Map<String, Integer> byLanguage) {

        /** Enough words, enough of them English function words, and more than of the others. */
        public boolean english() {
            return words >= MIN_WORDS && englishWords >= MIN_SHARE * words && englishWords > otherWords;
        }

        /** Enough words, enough of them the other languages' function words, and more than English ones. */
        public boolean notEnglish() {
            return words >= MIN_WORDS && otherWords >= MIN_SHARE * words && otherWords > englishWords;
        }

        /** Whether the text has function words of this language (a primary subtag). */
        public boolean has(String language) {
            return byLanguage.getOrDefault(language, 0) > 0;
        }

        /** The other language with most function words here (ties: {@link #ORDER}), or "" when none has any. */
        public String likeliest() {
            String best = "";
            int most = 0;
            for (String code : ORDER) {
                if (byLanguage.getOrDefault(code, 0) > most) {
                    best = code;
                    most = byLanguage.get(code);
                }
            }
            return best;
        }
    }

    /** The evidence of a headline and text read as one. */
    public static Evidence evidence(String headline, String text) {
        Matcher m = WORD.matcher((headline == null ? "" : headline) + "\n" + (text == null ? "" : text));
        int words = 0;
        int english = 0;
        int other = 0;
        Map<String, Integer> byLanguage = new HashMap<>();
        while (words < MAX_WORDS && m.find()) {
            String surface = m.group();
            if (surface.length() > 1 && surface.equals(surface.toUpperCase(Locale.ROOT))) {
                continue; // a code or a shouted word says nothing of the language: "(AUS)", "(DEN)" in an English results table
            }
            words++;
            String w = surface.toLowerCase(Locale.ROOT);
            english += ENGLISH_WORDS.contains(w) ? 1 : 0;
            List<String> codes = LANGUAGES_OF_WORD.get(w);
            if (codes != null) {
                other++;
                codes.forEach(code -> byLanguage.merge(code, 1, Integer::sum));
            }
        }
        return new Evidence(words, english, other, byLanguage);
    }

    /**
     * The language to read a story in (a primary subtag): the one it was sent in unless its text says otherwise (ANSA's
     * English service declares Italian, WordPress feeds say "en-US" of Danish posts). A text of {@link #MIN_WORDS} words
     * or more whose function words are another language's is not English, and is read in the language it declares if
     * its function words are found, else in the one whose function words it has most; one whose function words are
     * English's is English. Tables and lists, with few function words of any language, are read as their language
     * says, or in {@code unknown} when none was sent.
     */
    public static String reading(String language, String headline, String text, String unknown) {
        String primary = LanguageTags.primary(language);
        Evidence e = evidence(headline, text);
        if (e.english()) {
            return "en";
        }
        if (e.notEnglish()) {
            // whatever was declared: the text is not English
            return e.has(primary) ? primary : e.likeliest();
        }
        return primary.isEmpty() ? unknown : primary;
    }

    /**
     * The language a text clearly shows (a primary subtag: "en", "de", "fi" ...), or empty when it says too little
     * (fewer than {@link #MIN_WORDS} words, a table, a language with no list here).
     */
    public static Optional<String> of(String headline, String text) {
        Evidence e = evidence(headline, text);
        if (e.english()) {
            return Optional.of("en");
        }
        return e.notEnglish() && !e.likeliest().isEmpty() ? Optional.of(e.likeliest()) : Optional.empty();
    }
}
