package io.wirestream.sources;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's transmission number as the line sent it ({@code EnrichedStory.providerSequence}): the
 * channel's letters, then its count. ANPA-1312 sends a service letter and four digits ("a0105"), IPTC
 * 7901 a service identifier of two to four letters and two to five digits ("eca062"). Each source's
 * channel counts on its own, and the count wraps to zero after its last number of that width.
 *
 * @param channel the letters, as sent (case kept: AP's "W" and "w" are two circuits)
 * @param number  the count
 * @param digits  how many digits the line sends, which sets where the count wraps
 */
public record ProviderSequence(String channel, int number, int digits) {

    private static final Pattern SENT = Pattern.compile("([A-Za-z]{1,4})(\\d{2,5})");

    /** The sequence as sent, or empty when it is none of the forms above. */
    public static Optional<ProviderSequence> parse(String sent) {
        if (sent == null) {
            return Optional.empty();
        }
        Matcher m = SENT.matcher(sent);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ProviderSequence(m.group(1), Integer.parseInt(m.group(2)), m.group(2).length()));
    }

    /** How many numbers the channel counts through before it wraps: 10 to the power of its digits. */
    public int modulus() {
        return modulusOf(digits);
    }

    static int modulusOf(int digits) {
        int m = 1;
        for (int i = 0; i < digits; i++) {
            m *= 10;
        }
        return m;
    }

    /** The number as the line sent it: "a0105". */
    public String sent() {
        return format(channel, number, digits);
    }

    /** A number as the line writes it in this channel: "a0105". */
    public static String format(String channel, int number, int digits) {
        return channel + String.format("%0" + digits + "d", number);
    }
}
