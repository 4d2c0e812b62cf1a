package io.wirestream.formats;

import java.util.List;
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
            alias("bloomberg", "Bloomberg"),
            alias("xinhua", "Xinhua"));

    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)(?:copyright|\\(c\\)|©|all rights reserved\\.?|\\d{4})");

    private Agencies() {
    }

    private static Alias alias(String regex, String code) {
        return new Alias(Pattern.compile(regex), code);
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
