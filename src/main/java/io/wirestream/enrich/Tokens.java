package io.wirestream.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Word tokens of a text with their normalised form (lower case, no accents, no dots: "U.S." and
 * "US" both "us"; "Britain's" is "britain") and what matching needs to know about the surface: is
 * it capitalised, does a sentence start at it, what follows it. Names in the gazetteer go through
 * the same normalisation, so one pass over the tokens finds them.
 */
final class Tokens {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /**
     * French and Italian articles and prepositions written onto the next word with an apostrophe ("l'Allemagne",
     * "d'Italie", "jusqu'à", "nell'Iran"). Names such as "O'Brien" or "D'Amato" keep their apostrophe: "o" is no such word,
     * and "D'Amato" splits into "D" and "Amato", neither of them a place.
     */
    private static final java.util.Set<String> ELIDED = java.util.Set.of("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu",
            "lorsqu", "puisqu", "quoiqu", "dell", "dall", "nell", "sull", "all", "coll", "dagl", "degl", "negl", "sugl", "quest",
            "quell", "un");

    /** One token: surface as written, normalised key, character offsets. */
    record Token(String surface, String key, int start, int end, boolean capitalised, boolean sentenceStart) {
    }

    private Tokens() {
    }

    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        // A scan for [\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*\.? from left to right, as Matcher.find would: the
        // regex, and the text between words taken as a substring, were about 6% of the stream thread under
        // the bench's load (JFR, Dec 3). TokensTest checks the scan against the regex.
        int n = text.length();
        int last = 0;
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i = skipWordChars(text, i);
            if (i + 1 < n && (text.charAt(i) == '\'' || text.charAt(i) == '’') && isWordChar(text.codePointAt(i + 1))
                    && ELIDED.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                // "l'Allemagne", "d'Italie", "dell'Iran": an article or preposition elided onto the name is a word of its own
                boolean sentenceStart = out.isEmpty() || endsSentence(out.get(out.size() - 1).surface(), text, last, start);
                String surface = text.substring(start, i);
                out.add(new Token(surface, key(surface), start, i, Character.isUpperCase(surface.charAt(0)), sentenceStart));
                last = i;
                i++;
                continue;
            }
            while (i + 1 < n && isJoiner(text.charAt(i)) && isWordChar(text.codePointAt(i + 1))) {
                i = skipWordChars(text, i + 1);
            }
            if (i < n && text.charAt(i) == '.') {
                i++;
            }
            String surface = text.substring(start, i);
            boolean sentenceStart = out.isEmpty() || endsSentence(out.get(out.size() - 1).surface(), text, last, start);
            String key = key(surface);
            if (!key.isEmpty()) {
                char c = surface.charAt(0);
                out.add(new Token(surface, key, start, i, Character.isUpperCase(c) || Character.isDigit(c), sentenceStart));
            }
            last = i;
        }
        return out;
    }

    /** {@code [\p{L}\p{N}]}: a letter, or a number of any kind (digits, Roman numerals, fractions). */
    private static boolean isWordChar(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '’' || c == '.';
    }

    private static int skipWordChars(String text, int i) {
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Whether a sentence starts after {@code previous}, given the text between the two words ({@code from} to {@code to}). */
    private static boolean endsSentence(String previous, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean spaceNext = i + 1 < to && text.charAt(i + 1) == ' ';
            if (c == '\n' || c == '"' || c == '“' || c == '–' || c == '—'
                    || spaceNext && (c == '.' || c == '?' || c == '!' || c == ':')
                    || c == ' ' && i + 2 < to && text.charAt(i + 1) == '-' && text.charAt(i + 2) == ' ') {
                return true;
            }
        }
        // "... said Britain." then "The ..." : a dot kept on the word ends a sentence unless it is an initial or "U.S."
        return previous.endsWith(".") && previous.length() > 3 && previous.indexOf('.') == previous.length() - 1;
    }

    /** The normalised form used for gazetteer keys and text tokens alike. */
    static String key(String surface) {
        String s = surface.replace('’', '\'');
        if (s.endsWith("'s") || s.endsWith("'S")) {
            s = s.substring(0, s.length() - 2);
        }
        if (!isAscii(s)) {
            // Accents off ("São" is "sao"); ASCII, most words of most copy, has none and stays as it is.
            s = Normalizer.normalize(s, Normalizer.Form.NFD);
            s = MARKS.matcher(s).replaceAll("");
        }
        return s.replace(".", "").toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Keys of a multi-word name, tokenised like text. */
    static List<String> keys(String name) {
        List<String> keys = new ArrayList<>();
        for (Token t : of(name)) {
            keys.add(t.key());
        }
        return keys;
    }

    /** True when the text is mostly upper case (a shouted headline): capitalisation says nothing there. */
    static boolean shouting(List<Token> tokens) {
        int upper = 0;
        int letters = 0;
        for (Token t : tokens) {
            for (int i = 0; i < t.surface().length(); i++) {
                char c = t.surface().charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                }
            }
        }
        return letters > 0 && upper * 10 >= letters * 8;
    }
}
