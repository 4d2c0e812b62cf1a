package io.wirestream.formats;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dateline found at the start of a story's first paragraph, with the place parsed out of it.
 *
 * <p>Agencies' conventions (DOMAIN.md section 5): AP {@code WASHINGTON (AP) _} or {@code -};
 * Reuters {@code LONDON, March 3 (Reuters) -}; PTI/ANI/IANS {@code NEW DELHI, Jan 1 (PTI) -};
 * dpa {@code Berlin (dpa) -}; AAP {@code SYDNEY March 22 AAP -}; web copy {@code Tehran:}.
 * The dateline place is where the reporter filed from, not necessarily what the story is about.
 *
 * @param text      the dateline as written, e.g. "NEW DELHI, Jan 1 (PTI) -"
 * @param place     the place, title-cased when sent in capitals, e.g. "New Delhi"
 * @param agency    the agency named in the dateline, or null
 * @param remainder the paragraph after the dateline
 */
public record Dateline(String text, String place, String agency, String remainder) {

    private static final String PLACE = "([A-Z][\\p{L}.'’\\-]*(?:[ /][A-Z\\p{Lu}][\\p{L}.'’\\-]*){0,3}(?:,[ ][A-Z][\\p{L}.]+(?:[ ][A-Z][\\p{L}.]+)?)?)";
    private static final String DATE = "(?:,?[ ]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?[ ]+\\d{1,2})?";
    private static final String KNOWN_AGENCY = "(?:AP|Reuters|PTI|ANI|IANS|UNI|AFP|dpa|DPA|AAP|EFE|ANSA|Xinhua|Bloomberg|NTB|STT|TT|CP)";
    /** A known agency, alone or with a partner as dpa writes it: "(dpa/lni)", "(tca/dpa)". */
    private static final String AGENCY = "((?:[A-Za-z]{2,8}/)?" + KNOWN_AGENCY + "(?:/[A-Za-z]{2,8})?)";

    private static final List<Pattern> PATTERNS = List.of(
            // PLACE[, Date] (AGENCY) - / _ / —
            Pattern.compile("^" + PLACE + DATE + "[ ]*\\(" + AGENCY + "\\)[ ]*[-–—_:]+[ ]*"),
            // AAP: SYDNEY March 22 AAP -
            Pattern.compile("^" + PLACE + DATE + "[ ]+" + AGENCY + "[ ]*[-–—]+[ ]*"),
            // Web copy: Tehran: ...   (short capitalised place, a colon, then text)
            Pattern.compile("^" + PLACE + "()[ ]*:[ ]+(?=\\S)"));

    /** Finds a dateline at the start of a paragraph. */
    public static Optional<Dateline> find(String paragraph) {
        if (paragraph == null) {
            return Optional.empty();
        }
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(paragraph);
            if (m.find()) {
                String place = m.group(1).strip();
                String agency = m.group(2) == null || m.group(2).isEmpty() ? null : m.group(2);
                if (agency == null && !plausibleBarePlace(place)) {
                    continue;
                }
                String text = paragraph.substring(0, m.end()).strip();
                return Optional.of(new Dateline(text, titleCasePlace(place), agency,
                        paragraph.substring(m.end()).strip()));
            }
        }
        return Optional.empty();
    }

    /** "BUENOS AIRES, Argentina" to "Buenos Aires, Argentina": AP shouts the city but not the state or country. */
    private static String titleCasePlace(String place) {
        String[] parts = place.split(",[ ]", -1);
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            b.append(b.length() == 0 ? "" : ", ").append(WireText.titleCaseIfShouting(part));
        }
        return b.toString();
    }

    /** "Tehran:" is a dateline; "Update:" or "Analysis:" is a label. */
    private static boolean plausibleBarePlace(String place) {
        String lower = place.toLowerCase(java.util.Locale.ROOT);
        return place.length() <= 40 && !LABELS.contains(lower);
    }

    private static final java.util.Set<String> LABELS = java.util.Set.of(
            "update", "updated", "analysis", "opinion", "exclusive", "breaking", "watch", "video", "photos",
            "editor's note", "note", "correction", "corrected", "refile", "advisory", "factbox", "explainer", "q&a",
            "live", "read", "also read", "source", "sources", "image", "photo", "file",
            "contact", "contacts", "kontakt", "ansprechpartner", "ihr ansprechpartner", "hinweis", "achtung");
}
