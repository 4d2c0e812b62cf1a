package io.wirestream.versions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identity of a story's content for exact redelivery detection: SHA-256 over the headline and
 * body after normalisation (Unicode NFKC, case folded, punctuation and whitespace runs collapsed),
 * so a resend that differs only in line wrapping, typographic quotes or trailing spaces matches.
 */
public final class ContentFingerprint {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

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
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(n).replaceAll(" ").strip();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}
