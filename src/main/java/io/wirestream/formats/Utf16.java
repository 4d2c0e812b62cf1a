package io.wirestream.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Wire items saved as UTF-16 with a byte-order mark (what Windows tools call "Unicode"): re-encoded as
 * UTF-8 before format detection, so the parsers, which all read 8-bit text, see the same item. Without a
 * byte-order mark UTF-16 is not guessed: its zero bytes stay a binary item, a dead letter with that reason.
 */
final class Utf16 {

    /** An XML declaration's encoding, whatever it says: the byte-order mark decides, and the bytes are now UTF-8. */
    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "\\A(<\\?xml[^>]{0,200}?encoding\\s*=\\s*)([\"'])[A-Za-z0-9._:-]{1,40}\\2", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARSET_PARAMETER = Pattern.compile("(?i)(charset\\s*=\\s*\"?)[A-Za-z0-9._:-]{1,40}");

    private Utf16() {
    }

    static boolean hasBom(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    /**
     * The item as UTF-8, without the byte-order mark, its XML declaration (if any) saying UTF-8.
     *
     * @throws WireParseException when the bytes after the mark are not valid UTF-16 (an odd length, a lone surrogate)
     */
    static byte[] toUtf8(byte[] b) throws WireParseException {
        Charset cs = b[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
        String text;
        try {
            text = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 2, b.length - 2)).toString();
        } catch (CharacterCodingException e) {
            throw new WireParseException("invalid UTF-16 text after its byte-order mark", e);
        }
        text = DECLARED_ENCODING.matcher(text).replaceFirst("$1$2UTF-8$2");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A content type whose charset, whatever it said, now says UTF-8: the byte-order mark outranks a label. */
    static String asUtf8(String contentType) {
        return contentType == null ? null : CHARSET_PARAMETER.matcher(contentType).replaceFirst("$1utf-8");
    }
}
