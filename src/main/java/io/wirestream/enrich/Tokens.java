package io.wirestream.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word tokens of a text with their normalised form (lower case, no accents, no dots: "U.S." and
 * "US" both "us"; "Britain's" is "britain") and what matching needs to know about the surface: is
 * it capitalised, does a sentence start at it, what follows it. Names in the gazetteer go through
 * the same normalisation, so one pass over the tokens finds them.
 */
final class Tokens {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.][\\p{L}\\p{N}]+)*\\.?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

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
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            String surface = m.group();
            String between = text.substring(last, m.start());
            boolean start = out.isEmpty() || endsSentence(out.get(out.size() - 1).surface(), between);
            String key = key(surface);
            if (!key.isEmpty()) {
                char c = surface.charAt(0);
                out.add(new Token(surface, key, m.start(), m.end(), Character.isUpperCase(c) || Character.isDigit(c), start));
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
