package io.wirestream.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may push to the HTTP ingest: each agency's secret token and the one source it may publish as
 * ({@code ingest.http.tokens.file}). Without it, anyone who reaches the port could publish a FLASH as
 * Reuters; with it, a push names its token ({@code Authorization: Bearer TOKEN}, or HTTP Basic with the
 * source as user and the token as password, for push clients that only do Basic), and the token decides
 * the source.
 *
 * <p>File format, one token per line: source id, white space, token; {@code #} starts a comment line. A
 * source may have several tokens (rotation: add the new one, let the agency switch, remove the old one,
 * restart). Tokens are at least {@value #MIN_TOKEN_CHARS} characters and unique. Only their SHA-256
 * digests are kept in memory, and a token is never logged.
 */
public final class IngestTokens {

    /** Shortest token taken: 16 characters of a random base64 or hex string is 96-128 bits. */
    public static final int MIN_TOKEN_CHARS = 16;
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+"); // printable ASCII, no spaces

    private final Map<String, String> sourceByDigest;

    private IngestTokens(Map<String, String> sourceByDigest) {
        this.sourceByDigest = Map.copyOf(sourceByDigest);
    }

    /**
     * Reads a tokens file.
     *
     * @throws IllegalArgumentException naming the file and line of what is wrong
     * @throws IOException when the file cannot be read
     */
    public static IngestTokens load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the lines of a tokens file ({@code name} says where they came from, in errors). */
    static IngestTokens parse(List<String> lines, String name) {
        Map<String, String> byDigest = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = name + " line " + (i + 1);
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ": expected 'SOURCE TOKEN', found " + parts.length + " fields");
            }
            if (!HttpIngestServer.ID.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(where + ": source must be a plain id (letters, digits, . _ - : @), not '"
                        + parts[0] + "'");
            }
            if (parts[1].length() < MIN_TOKEN_CHARS || !TOKEN.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException(where + ": the token of '" + parts[0] + "' must be at least " + MIN_TOKEN_CHARS
                        + " printable ASCII characters (e.g. `openssl rand -hex 24`)");
            }
            String previous = byDigest.put(digest(parts[1]), parts[0]);
            if (previous != null) {
                throw new IllegalArgumentException(where + ": the token of '" + parts[0] + "' is already the token of '" + previous
                        + "': every token must be different");
            }
        }
        if (byDigest.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no token: a tokens file that lets nobody in is a mistake "
                    + "(remove ingest.http.tokens.file to accept pushes without tokens)");
        }
        return new IngestTokens(byDigest);
    }

    /** The sources that have a token, sorted (for the start-up log line). */
    public TreeSet<String> sources() {
        return new TreeSet<>(sourceByDigest.values());
    }

    /**
     * The source a request's {@code Authorization} header entitles it to, or null when it names no
     * known token (missing, another scheme, a wrong token, or Basic whose user is not the token's source).
     */
    public String sourceFor(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space);
        String credentials = value.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return sourceByDigest.get(digest(credentials));
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            // "source:token"; a source id may hold ':' itself ("ap:us"), so each split is tried (RFC 7617 splits at the
            // first, which would never let such a source in)
            for (int colon = decoded.indexOf(':'); colon >= 0; colon = decoded.indexOf(':', colon + 1)) {
                String source = sourceByDigest.get(digest(decoded.substring(colon + 1)));
                if (decoded.substring(0, colon).equals(source)) {
                    return source;
                }
            }
            return null;
        }
        return null;
    }

    /**
     * Tokens are looked up by their SHA-256: the map's comparisons then say nothing about how much of a
     * guessed token was right, and the tokens themselves are not kept.
     */
    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
