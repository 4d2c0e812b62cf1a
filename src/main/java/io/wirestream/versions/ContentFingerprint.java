package io.wirestream.versions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a story's content for exact redelivery detection: SHA-256 over the headline and
 * body after normalisation (Unicode NFKC, case folded, punctuation and whitespace runs collapsed),
 * so a resend that differs only in line wrapping, typographic quotes or trailing spaces matches.
 */
public final class ContentFingerprint {

    private ContentFingerprint() {
    }

    public static String of(String headline, List<String> body) {
        StringBuilder b = new StringBuilder(normalise(headline)).append('\n');
        for (String p : body) {
            b.append(normalise(p)).append('\n');
        }
        return sha256(b.toString());
    }

    /** Lower-case words separated by single spaces. */
    public static String normalise(String text) {
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

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}
