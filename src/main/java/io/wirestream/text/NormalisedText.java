package io.wirestream.text;

import java.text.Normalizer;

/**
 * The one normalisation of story text that comparisons use (exact fingerprints today, near-duplicate
 * shingles next): Unicode NFKC, case folded, every run of punctuation and whitespace collapsed to one
 * space. So copy that differs only in line wrapping, typographic quotes, case or trailing spaces
 * compares equal.
 */
public final class NormalisedText {

    private NormalisedText() {
    }

    /** Lower-case words (letters and digits) separated by single spaces; "" for null. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        // One pass instead of regex replace: this runs over every body of every story.
        StringBuilder b = new StringBuilder(n.length());
        boolean gap = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.LETTER_NUMBER
                    || Character.getType(cp) == Character.OTHER_NUMBER) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                gap = false;
                b.appendCodePoint(Character.toLowerCase(cp));
            } else {
                gap = true;
            }
        }
        return b.toString();
    }
}
