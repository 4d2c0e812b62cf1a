package io.wirestream.formats;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Agency names as newsrooms say them. Wires name their agency in many ways (copyright holders such
 * as "Thomson Reuters" or "The Canadian Press. All rights reserved.", codes such as "AP", "dpa");
 * story keys and the agency field use one short name per agency, so copy from one agency groups
 * together whatever format it came in. Facts written by the team, not copied from any list.
 */
public final class Agencies {

    /** Lower-case fragment of a name as sent, and the short name. More specific fragments first. */
    private record Alias(Pattern match, String code) {
    }

    private static final List<Alias> ALIASES = List.of(
            alias("australian associated press|^aap$", "AAP"),
            alias("associated press|^ap$|^the ap$", "AP"),
            alias("reuters", "Reuters"),
            alias("agence france|^afp$", "AFP"),
            alias("deutsche presse|^dpa$", "dpa"),
            alias("press association|^pa$|\\bpa media\\b", "PA"),
            alias("canadian press|^cp$", "CP"),
            alias("press trust of india|^pti$", "PTI"),
            alias("asian news international|^ani$", "ANI"),
            alias("indo-asian news|^ians$", "IANS"),
            alias("united news of india|^uni$", "UNI"),
            alias("agencia efe|^efe$", "EFE"),
            alias("\\bansa\\b", "ANSA"),
            alias("norsk telegrambyr|^ntb$", "NTB"),
            alias("suomen tietotoimisto|^stt$", "STT"),
            alias("tt nyhetsbyr|^tt$", "TT"),
            alias("\\britzau\\b", "Ritzau"),
            alias("athens-macedonian|^ana(?:-mpa)?$", "ANA"),
            alias("bloomberg", "Bloomberg"),
            alias("xinhua", "Xinhua"));

    /**
     * Home time zones: agencies write times without a zone in their local time. A small table until
     * the source catalogue (wire.sources) carries the zone per source.
     */
    private static final Map<String, ZoneId> HOME_ZONES = Map.ofEntries(
            Map.entry("STT", ZoneId.of("Europe/Helsinki")), Map.entry("NTB", ZoneId.of("Europe/Oslo")),
            Map.entry("TT", ZoneId.of("Europe/Stockholm")), Map.entry("Ritzau", ZoneId.of("Europe/Copenhagen")),
            Map.entry("PA", ZoneId.of("Europe/London")), Map.entry("AAP", ZoneId.of("Australia/Sydney")),
            Map.entry("dpa", ZoneId.of("Europe/Berlin")), Map.entry("ANSA", ZoneId.of("Europe/Rome")),
            Map.entry("EFE", ZoneId.of("Europe/Madrid")), Map.entry("AFP", ZoneId.of("Europe/Paris")),
            Map.entry("ANA", ZoneId.of("Europe/Athens")), Map.entry("PTI", ZoneId.of("Asia/Kolkata")),
            Map.entry("ANI", ZoneId.of("Asia/Kolkata")), Map.entry("IANS", ZoneId.of("Asia/Kolkata")),
            Map.entry("UNI", ZoneId.of("Asia/Kolkata")), Map.entry("AP", ZoneId.of("America/New_York")),
            Map.entry("CP", ZoneId.of("America/Toronto")), Map.entry("Xinhua", ZoneId.of("Asia/Shanghai")));

    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)(?:copyright|\\(c\\)|©|all rights reserved\\.?|\\d{4})");

    private Agencies() {
    }

    private static Alias alias(String regex, String code) {
        return new Alias(Pattern.compile(regex), code);
    }

    /** The agency's home time zone, for times it sends without one; UTC when unknown. */
    public static ZoneId homeZone(String agency) {
        String code = code(agency);
        return code == null ? ZoneOffset.UTC : HOME_ZONES.getOrDefault(code, ZoneOffset.UTC);
    }

    /** The short name when the name is a known agency's ("dpa/lni" gives dpa), else null. */
    public static String known(String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        for (String part : sent.split("/")) {
            String lower = WireText.collapse(part).toLowerCase(Locale.ROOT);
            for (Alias a : ALIASES) {
                if (a.match().matcher(lower).find()) {
                    return a.code();
                }
            }
        }
        return null;
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
        String lower = plain.toLowerCase(Locale.ROOT);
        for (Alias a : ALIASES) {
            if (a.match().matcher(lower).find()) {
                return a.code();
            }
        }
        return plain.isEmpty() ? sent.strip() : plain;
    }
}
