package io.wirestream.formats;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dateline found at the start of a story's first paragraph, with the place parsed out of it.
 *
 * <p>Agencies' conventions (DOMAIN.md section 5): AP {@code WASHINGTON (AP) _} or {@code -};
 * Reuters {@code LONDON, March 3 (Reuters) -}; PTI/ANI/IANS {@code NEW DELHI, Jan 1 (PTI) -}, as published
 * {@code New Delhi, Jan 1 (PTI) The ...} (no mark after the agency) and {@code New Delhi [India], Jan 1 (ANI):};
 * dpa {@code Berlin (dpa) -}; AAP {@code SYDNEY March 22 AAP -}; web copy {@code Tehran:}.
 * The dateline place is where the reporter filed from, not necessarily what the story is about.
 *
 * @param text      the dateline as written, e.g. "NEW DELHI, Jan 1 (PTI) -"
 * @param place     the place, title-cased when sent in capitals, e.g. "New Delhi"
 * @param agency    the agency named in the dateline, or null
 * @param remainder the paragraph after the dateline
 */
public record Dateline(String text, String place, String agency, String remainder) {

    /** A place: capitalised words, with the particles of Romance and German names ("Ciudad de México", "Rio de Janeiro"). */
    private static final String PLACE = "(?<place>[A-Z][\\p{L}.'’\\-]*(?:[ /](?:(?:de|del|da|do|dos|das|di|la|el|los|las|du|des|am|an|im)[ ])?"
            + "[A-Z\\p{Lu}][\\p{L}.'’\\-]*){0,3}(?:,[ ][A-Z][\\p{L}.]+(?:[ ][A-Z][\\p{L}.]+)?)?)";
    /**
     * English, Spanish (EFE), Portuguese (Lusa), Italian (ANSA), French and German month names and abbreviations, whole
     * words only ("Marseille" is no month).
     */
    private static final String MONTH = "(?i:january|february|march|april|june|july|august|september|october|november|december"
            + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
            + "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
            + "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
            + "|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
            + "|januar|februar|märz|juni|juli|oktober|dezember"
            + "|sept|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic|gen|mag|giu|lug|set|ott|fev|mai|out|dez)\\b\\.?";
    /** A day: "March 3", "3 March", "29th November", Spanish and Portuguese "27 de abril", each with a year or not. */
    private static final String A_DAY = ",?[ ]+(?:" + MONTH + "[ ]+\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)?[ ]+(?:de[ ]+)?" + MONTH + ")"
            + "(?:,?[ ]+(?:de[ ]+)?\\d{4})?";
    private static final String DATE = "(?:" + A_DAY + ")?";
    /** A month name with a day: a date, never a place ("MARCH 04"). */
    private static final Pattern A_DATE = Pattern.compile("^" + MONTH + "(?:[ ]+\\d{1,4})?$");
    /** A service after the agency's name, which is not part of it: "/PRNewswire-AsiaNet/", "/Kyodo JBN-AsiaNet/". */
    private static final String SERVICE = "(?:[ ][A-Z]{2,5})?(?:-[A-Za-z]+)?";
    /**
     * ANI names the state in parentheses and the country in brackets after the place: "New Delhi [India], March 2 (ANI):",
     * "Amritsar (Punjab), Apr 13 (ANI):", "Mumbai (Maharashtra) [India], Oct 31 (ANI):".
     */
    private static final String COUNTRY_TAG = "(?:[ ]\\(\\p{Lu}[\\p{L} .]{1,30}\\))?(?:[ ]\\[\\p{Lu}[\\p{L} .]{1,30}\\])?";
    private static final String KNOWN_AGENCY = "(?:AP|Reuters|PTI|ANI|IANS|UNI|AFP|dpa|DPA|AAP|EFE|ANSA|Xinhua|Bloomberg|NTB|STT|TT|CP"
            + "|Kyodo|KYODO|Yonhap|Anadolu|ANP|Belga|BELGA|APA|SDA|ATS|Ritzau|ritzau|TASS"
            + "|GLOBE NEWSWIRE|Globe Newswire|BUSINESS WIRE|Business Wire|PRNewswire|PR Newswire"
            // national agencies of Asia, the Middle East and Spain as their web copy credits them, and CNN; not the codes
            // that name other things as often ("Alcoholics Anonymous (AA)", India's RSS, Pakistan's and Saudi "APP", "SPA")
            + "|VNA|Bernama|BERNAMA|ANTARA|Antara|MENA|WAM|KUNA|QNA|IRNA|Europa Press|EUROPA PRESS|CNN"
            // Italy's other agencies, and Dow Jones Newswires
            + "|LaPresse|askanews|Askanews|Adnkronos|ADNKRONOS|Dow Jones)";
    /**
     * National agencies whose codes name other things too ("Alcoholics Anonymous (AA)", Saudi "SPA"), or that are rarely
     * credited otherwise: a dateline only after a place and a date, "ANKARA, Feb 24 (APP):", "DHAKA, March 10, 2024 (BSS) -".
     */
    private static final String DATED_AGENCY = "(?<agency>AA|APP|SPA|BSS|NAN|GNA|KNA|ENA|MAP|APS|SUNA|Petra|PNA|WAFA|SANA|INA"
            + "|Notimex|Prensa Latina|Lusa|LUSA|PAP|CTK|ČTK|MTI|BTA|Agerpres|AGERPRES|Tanjug|HINA|Interfax|Sputnik|Jiji|Azertag"
            + "|Kazinform|Pajhwok|NNN|RSS|AGI|CMC)";
    /** A known agency, alone or with a partner as dpa writes it: "(dpa/lni)", "(tca/dpa)". */
    private static final String AGENCY = "(?<agency>(?:[A-Za-z]{2,8}/)?" + KNOWN_AGENCY + "(?:/[A-Za-z]{2,8})?)";

    private static final List<Pattern> PATTERNS = List.of(
            // PLACE[, Date] (AGENCY) - / _ / — ; EFE writes "Tegucigalpa, 2 ene (EFE).-"; press wires and Ritzau
            // write the agency between slashes: "AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ --", "København /ritzau/:",
            // TASS with full stops: "MOSCOW, January 21. /TASS/."
            Pattern.compile("^" + PLACE + COUNTRY_TAG + DATE + "\\.?[ ]*[(/]" + AGENCY + SERVICE + "[)/](?:\\.?[ ]*[-–—_:]+|\\.)[ ]*"),
            // Business Wire's press releases set the wire off with dashes and date them after it:
            // "MARLBOROUGH, Mass.--(BUSINESS WIRE)--Dec 5, 2024--"
            Pattern.compile("^" + PLACE + "[ ]*[-–—]{1,2}[ ]*\\(" + AGENCY + "\\)[ ]*[-–—]{1,2}[ ]*(?:" + MONTH
                    + "[ ]+\\d{1,2}(?:,?[ ]+\\d{4})?[ ]*[-–—]{1,2}[ ]*)?"),
            // PTI and IANS put no mark after the agency: "Kolkata, Mar 2 (PTI) The Metro will ..."; a known agency in
            // parentheses after a place and a date is a dateline however the text goes on ("Deutsche Presse-Agentur (dpa)
            // Chief Executive ..." names no date, and is no dateline).
            Pattern.compile("^" + PLACE + COUNTRY_TAG + A_DAY + "[ ]*\\(" + AGENCY + "\\)[ ]+(?=[\\p{Lu}\\d\"“‘'])"),
            // a national agency after a place and a date, with or without a mark: "ANKARA, Feb 24 (APP): ...",
            // "Abuja, March 10, 2024 (NAN) The ...", "Ciudad de México, 10 Mar (Notimex).-"
            Pattern.compile("^" + PLACE + COUNTRY_TAG + A_DAY + "[ ]*\\(" + DATED_AGENCY + "\\)(?:\\.?[ ]*[-–—_:]+[ ]*|[ ]+(?=[\\p{Lu}\\d\"“‘']))"),
            // the agency after the date, no brackets: "Koforidua, May 9, GNA -", "Riyadh, March 10, 2024, SPA --"
            Pattern.compile("^" + PLACE + A_DAY + ",[ ]*" + DATED_AGENCY + "[ ]*[-–—]{1,2}[ ]*(?=[\\p{Lu}\\d\"“‘'])"),
            // Keystone-SDA's house style, the agency in lower case and nothing after it: "Genève (ats) Le scandale ...",
            // "Bern (sda/dpa) Die ..." (no date needed: these lower-case codes name no company, as "(dpa)" may); the German
            // church agencies the same way: "Bonn (epd). Die ...", "Berlin (KNA) Die ..."
            Pattern.compile("^" + PLACE + "[ ]*\\((?<agency>(?:sda|ats|awp|epd|KNA)(?:/[a-z]{2,8})?)\\)\\.?[ ]+(?=[\\p{Lu}«\"“])"),
            // ANSA: (ANSA) - ROME, MAY 5 - ...
            Pattern.compile("^\\(" + AGENCY + "\\)[ ]*[-–—]+[ ]*" + PLACE + DATE + "[ ]*[-–—,:]+[ ]*"),
            // AAP: SYDNEY March 22 AAP -
            Pattern.compile("^" + PLACE + DATE + "[ ]+" + AGENCY + "[ ]*[-–—]+[ ]*"),
            // Newspaper style, no agency: the place shouted, a dash ("MINNEAPOLIS — Four people ...", The Canadian Press's
            // "TORONTO _ The ...", Malay Mail's
            // "KUALA LUMPUR, Aug 16 — ...", "CAPE TOWN -- ..."); a word of four letters at least, so "US —", "EU —",
            // "CEO —" are no places (acronyms of four and more and shouted labels are refused by name below)
            Pattern.compile("^(?<place>\\p{Lu}[\\p{Lu}.'’\\-]{3,}(?:[ ]\\p{Lu}[\\p{Lu}.'’\\-]+){0,3}(?:,[ ]\\p{Lu}[\\p{L}.]+(?:[ ]\\p{Lu}[\\p{L}.]+)?)?)"
                    + "(?<agency>)" + DATE + "(?:[ ]+(?:[—–_]|--?)[ ]+|[ ]*—[ ]*)(?=[\\p{Lu}\\d\"“‘'])"),
            // Web copy: Tehran: ...   (short capitalised place, a colon, then text), with a date in South Asian papers
            // ("KATHMANDU, June 24: ...", "Thiruvananthapuram (Kerala) [India], January 4:")
            Pattern.compile("^" + PLACE + COUNTRY_TAG + DATE + "(?<agency>)[ ]*:[ ]+(?=\\S)"));

    /**
     * An agency's credit before the place, set off by a dash: "ANSA TEST - ROMA, 01 LUG -" (ANSA's test service),
     * "(ANSA) - ROME, MAY 5 -", "EFE - MADRID". The name, then at most two of {@link #CREDIT_MARKERS}.
     */
    private static final Pattern CREDIT = Pattern.compile("^\\(?(?<credit>[^()\\s][^()]{0,59}?)\\)?[ ]*[-–—]{1,2}[ ]+(?=\\p{L})");
    /** The words an agency puts after its name in a credit: a test or service marker, never a place ("XINHUA BEIJING"). */
    private static final java.util.Set<String> CREDIT_MARKERS = java.util.Set.of("TEST", "TESTING", "SERVICE", "SERVIZIO",
            "FLASH", "URGENT", "URGENTE", "BREAKING", "ALERT", "EILT", "BLITZ", "UPDATE", "NEWS", "WIRE");

    /**
     * A credit that opens a text: the agency as written ("ANSA", "dpa/lni") and where the text after the credit starts.
     *
     * @param agency the agency's name as written in the credit
     * @param end    where the rest of the text (the place) starts
     */
    record Credit(String agency, int end) {
    }

    /** The agency credit that opens the text ({@link #CREDIT}), or null when a known agency's name does not open it. */
    static Credit credit(String text) {
        Matcher m = text == null ? null : CREDIT.matcher(text);
        if (m == null || !m.find()) {
            return null;
        }
        String credit = m.group("credit").strip();
        if (Agencies.agencyNamed(credit) != null) {
            return new Credit(credit, m.end());
        }
        String[] words = credit.split("\\s+");
        if (words.length > 3 || Agencies.agencyNamed(words[0]) == null) {
            return null;
        }
        for (int i = 1; i < words.length; i++) {
            if (!CREDIT_MARKERS.contains(words[i])) {
                return null;
            }
        }
        return new Credit(words[0], m.end());
    }

    /**
     * Finds a dateline at the start of a paragraph. An agency credit before the place ("ANSA TEST - ROMA, 01 LUG - ...")
     * is no place: the dateline after it is read, and the credit names its agency.
     */
    public static Optional<Dateline> find(String paragraph) {
        if (paragraph == null) {
            return Optional.empty();
        }
        Credit credit = credit(paragraph);
        if (credit != null) {
            Optional<Dateline> after = match(paragraph.substring(credit.end()), null);
            if (after.isPresent()) {
                Dateline d = after.get();
                return Optional.of(new Dateline(paragraph.substring(0, credit.end()) + d.text(), d.place(),
                        d.agency() != null ? d.agency() : credit.agency(), d.remainder()));
            }
        }
        return match(paragraph, credit);
    }

    /** The first pattern's dateline; with a credit opening the paragraph, none whose place lies inside the credit. */
    private static Optional<Dateline> match(String paragraph, Credit credit) {
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(paragraph);
            if (m.find()) {
                String place = m.group("place").strip();
                String agency = m.group("agency") == null || m.group("agency").isEmpty() ? null : m.group("agency");
                if (A_DATE.matcher(place).matches() || agency == null && !plausibleBarePlace(place) || AGENCY_NAME.matcher(place).matches()
                        || credit != null && m.start("place") < credit.end()) {
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

    /**
     * "Tehran:" is a dateline; "Update:" or "Analysis:" is a label, an interviewer's initials ("CW:") no place, and "Staff
     * ReporterUpdated:" two lines a scraper glued (a word of three lower-case letters or more running into a capital; "McAllen" and "DeKalb" are places).
     */
    private static boolean plausibleBarePlace(String place) {
        String lower = place.toLowerCase(java.util.Locale.ROOT).replace('’', '\'');
        return place.length() <= 40 && place.length() >= 3 && !LABELS.contains(lower) && !ACRONYMS.contains(lower)
                && !GLUED.matcher(place).find();
    }

    /** An agency's own name before its code: "Katholische Nachrichten-Agentur (KNA) Chefredakteur ...", no place. */
    private static final Pattern AGENCY_NAME = Pattern.compile("(?i).*(?:agentur|agency|pressedienst|presse|press|service)$");

    /** Organisations' acronyms that open a sentence in capitals before a dash ("NATO — The alliance ..."). */
    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("nato", "nasa", "fifa", "uefa", "opec", "asean", "unicef",
            "unesco", "iaea", "ncaa", "nasdaq", "acled", "interpol", "europol", "frontex", "unhcr", "unrwa", "ecowas");

    private static final Pattern GLUED = Pattern.compile("\\p{Ll}{3}\\p{Lu}");

    private static final java.util.Set<String> LABELS = java.util.Set.of(
            "update", "updated", "analysis", "opinion", "exclusive", "breaking", "watch", "video", "photos",
            "editor's note", "note", "correction", "corrected", "refile", "advisory", "factbox", "explainer", "q&a",
            "live", "read", "also read", "source", "sources", "image", "photo", "file", "published", "first published", "last updated",
            "posted", "modified", "question", "answer", "summary", "background", "highlights", "key points", "scorers", "result",
            "results", "teams", "line-ups", "lineups", "full-time", "half-time", "match report", "match preview", "scorecard",
            "live updates", "live blog", "fact check", "top stories", "editors' note", "graphic", "watch live", "q", "a", "media contact", "agenda", "what we know",
            "contact", "contacts", "kontakt", "ansprechpartner", "ihr ansprechpartner", "hinweis", "achtung",
            // feed and web labels (The Guardian's, Swedish and London sites'), in the agency languages too
            "more", "warning", "name", "clockwatch", "tip", "tips", "quote", "poll", "review", "verdict", "interview", "comment",
            "column", "editorial", "letters", "obituary", "preview", "recap", "report", "reaction", "timeline", "profile",
            "listen", "podcast", "quiz", "sponsored", "advertisement", "promoted", "deal", "deals", "offer", "alert", "latest",
            "news", "today", "tonight", "now", "why", "how", "what", "who", "when", "where", "spoiler", "trigger warning",
            "uppdatering", "uppdaterad", "aktualisiert", "aktualisierung", "mise à jour", "actualización", "actualizado",
            "aggiornamento", "päivitys", "päivitetty", "oppdatert", "opdateret", "bijgewerkt", "update 1", "update 2",
            "eilmeldung", "urgent", "flash", "exklusiv", "exclusif", "exclusiva", "esclusiva", "analyse", "análisis", "analisi",
            "kommentar", "kommentaar", "commentaire", "comentario", "commento", "meinung", "opinión", "opinione",
            // credit and time labels in the agency languages ("Fuente: EFE", "Quelle: dpa", "Publicado: 4 de marzo")
            "by", "fuente", "fuentes", "fonte", "fontes", "quelle", "quellen", "autor", "autora", "autores", "auteur", "autore",
            "redacción", "redação", "redaktion", "rédaction", "redazione", "foto", "fotos", "bild", "crédito", "créditos",
            "publicado", "publicada", "publié", "publiée", "veröffentlicht", "pubblicato", "actualizado el", "geändert",
            "datum", "fecha", "data", "date", "ort", "lugar", "lieu", "luogo", "gallery", "urgente", "última hora", "ultima ora",
            "dernière minute",
            // a timeline's days ("Monday, March 3: ..."), in the agency languages
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
            "donnerstag", "freitag", "samstag", "sonntag", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
            "domingo", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunedì", "martedì",
            "mercoledì", "giovedì", "venerdì", "sabato", "domenica");
}
