package io.wirestream.formats;

import io.wirestream.avro.Source;
import io.wirestream.sources.SourceCatalogue;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Agency names as newsrooms say them. Wires name their agency in many ways (copyright holders such
 * as "Thomson Reuters" or "The Canadian Press. All rights reserved.", codes such as "AP", "dpa");
 * story keys and the agency field use one short name per agency, so copy from one agency groups
 * together whatever format it came in. The names, short names and home time zones are the bundled
 * source catalogue's ({@link SourceCatalogue#bundled()}, the default that wire.sources is seeded with).
 */
public final class Agencies {

    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)(?:copyright|\\(c\\)|©|all rights reserved\\.?|\\d{4})");

    private Agencies() {
    }

    /** The agency's home time zone, for times it sends without one; UTC when unknown. */
    public static ZoneId homeZone(String agency) {
        ZoneId zone = agency == null ? null : SourceCatalogue.bundled().match(agency).map(SourceCatalogue::zoneOf).orElse(null);
        return zone == null ? ZoneOffset.UTC : zone;
    }

    /** The short name when the name is a known agency's ("dpa/lni" gives dpa), else null. */
    public static String known(String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        for (String part : sent.split("/")) {
            Optional<Source> s = SourceCatalogue.bundled().match(WireText.collapse(part));
            if (s.isPresent()) {
                return codeOf(s.get());
            }
        }
        return null;
    }

    /** The short name when the whole of what was sent is a known agency's name ("PTI", "Reuters"), else null. */
    public static String exactly(String sent) {
        return SourceCatalogue.bundled().exactly(sent).map(Agencies::codeOf).orElse(null);
    }

    /**
     * The short name when the whole of what was sent, or its first part before a slash ("dpa/lni"), is a news agency's
     * name in the catalogue (kind agency: "ANSA", "(AFP)", "Agence France-Presse"), else null. A broadcaster's or a
     * paper's name is none: a credit, not a place, is what it tells apart.
     */
    public static String agencyNamed(String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        String whole = WireText.collapse(sent);
        int slash = whole.indexOf('/');
        return SourceCatalogue.bundled().exactly(whole)
                .or(() -> slash > 0 ? SourceCatalogue.bundled().exactly(whole.substring(0, slash)) : Optional.empty())
                .filter(s -> "agency".equals(s.getKind())).map(Agencies::codeOf).orElse(null);
    }

    /**
     * Whether a name as sent can name an agency: a known one, or a name of three characters or more.
     * A two-letter code no agency uses ("CL", a desk or credit code in G2 parties) names nobody.
     */
    public static boolean plausible(String sent) {
        return sent != null && !sent.isBlank() && (known(sent) != null || WireText.collapse(sent).length() > 2);
    }

    /** The name as sent when {@link #plausible}, else null. */
    public static String ifPlausible(String sent) {
        return plausible(sent) ? sent : null;
    }

    /** The short name of a known agency, else the name as sent without copyright boilerplate; null stays null. */
    public static String code(String sent) {
        if (sent == null || sent.isBlank()) {
            return sent;
        }
        String plain = WireText.collapse(BOILERPLATE.matcher(sent).replaceAll(" ")).replaceAll("^[\\s.,;:-]+|[\\s.,;:-]+$", "");
        Optional<Source> s = SourceCatalogue.bundled().match(plain);
        if (s.isPresent()) {
            return codeOf(s.get());
        }
        return plain.isEmpty() ? sent.strip() : plain;
    }

    /** The short name a catalogue source goes by in story keys and the agency field. */
    public static String codeOf(Source s) {
        return s.getCode() != null ? s.getCode() : s.getName();
    }
}
