package io.wirestream.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a story's content for exact redelivery detection: SHA-256 over the headline and
 * body paragraphs after {@link NormalisedText}, so a resend that differs only in line wrapping,
 * typographic quotes or trailing spaces matches.
 */
public final class ContentFingerprint {

    private ContentFingerprint() {
    }

    public static String of(String headline, List<String> body) {
        StringBuilder b = new StringBuilder(NormalisedText.of(headline)).append('\n');
        for (String p : body) {
            b.append(NormalisedText.of(p)).append('\n');
        }
        return sha256(b.toString());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}
