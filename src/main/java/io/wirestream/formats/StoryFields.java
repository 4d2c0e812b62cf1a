package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field conversions that several wire formats share: status words, urgency numbers, subject
 * qcodes, signal codes, story-key qualification, datelines and the fallback headline. Kept in one
 * place so every parser reads "canceled", "medtop:..." or "sig:correction" the same way.
 */
final class StoryFields {

    /** Reuters and others put the version marker into the headline or slug: "REFILE-", "CORRECTED-", "(UPDATE 1)". */
    private static final Pattern REFILE = Pattern.compile("^(?:REFILE|REPEAT)\\b");
    private static final Pattern CORRECTED = Pattern.compile("^(?:CORRECTED|CORRECTION)\\b");
    private static final Pattern UPDATE_N = Pattern.compile("\\bUPDATE \\d+\\b");
    /** Month names, time zones and a timestamp's T and Z: what is left of a dateline that is only a date has no word. */
    private static final Pattern ONLY_DATE_WORDS = Pattern.compile("(?i)\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?"
            + "|\\b(?:gmt|utc|cet|cest|est|edt|am|pm|a\\.m\\.|p\\.m\\.)\\b|(?<=\\d)[tz](?=\\d|\\b)");
    /** "(AFP)", "(Reuters)" and a trailing dash in a dateline, which are not part of the place. */
    private static final Pattern DATELINE_AGENCY = Pattern.compile("\\s*+\\(([^()]*+)\\)[\\s\\-–—_:]*+$");
    /** Real datelines are short; longer text is not searched (the agency pattern is unanchored at the start). */
    private static final int MAX_DATELINE_CHARS = 200;
    private static final int FALLBACK_HEADLINE = 120;
    /** A domain name inside an id: "reuters.com", "stt.fi" (letters after the dot, so "AAP.1153" is not one). */
    // (the look-behind starts a match only where a name starts: without it a long id of letters is quadratic)
    private static final Pattern HAS_DOMAIN = Pattern.compile("(?<![a-z0-9-])[a-z0-9-]{2,}\\.(?:com|org|net|fi|se|no|dk|de|it|fr|es|uk|au|in|info)(?![a-z])");
    private static final Pattern STARTS_WITH_MONTH = Pattern.compile(
            "(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d");
    private static final Pattern BYLINE_PARAGRAPH = Pattern.compile("^(?i:by|von|par|por|di|av|af)\\s+\\p{Lu}\\S*(?:\\s+\\S+){0,5}$");
    /** The end of a sentence: a full stop, ! or ? followed by a space and a capital (not "U.S. officials"). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b\\p{Lu})[.!?](?=\\s+[\\p{Lu}\"“]|$)");
    /** How many leading paragraphs may hold the dateline: Reuters puts "By ..." first. */
    private static final int DATELINE_PARAGRAPHS = 2;
    private static final int DATELINE_AGENCY_PARAGRAPHS = 6;
    /**
     * What may stand before a dateline paragraph: an advisory "(Adds ...)", a byline "By ...", a summary bullet
     * "* ...", or a subtitle (a short line that ends no sentence).
     */
    private static final Pattern LEAD_FURNITURE = Pattern.compile("^(?:\\(.*\\)|By\\s.{1,80}|[*•\\-–]\\s.*|.{1,150}[^.!?\"”’])$");

    private StoryFields() {
    }

    /**
     * usable / withheld / canceled, from any of the spellings agencies send: G2 qcodes
     * ("stat:canceled"), NITF management-status, NewsML 1.2 Status FormalName ("Usable"), and the
     * British "cancelled". Anything unknown is usable, because refusing a story on an odd status word
     * loses news while a kill always says "cancel".
     */
    static PubStatus pubStatus(String s) {
        if (s == null) {
            return PubStatus.USABLE;
        }
        String v = s.toLowerCase(Locale.ROOT);
        if (v.contains("cancel") || v.contains("kill") || v.contains("withdrawn")) {
            return PubStatus.CANCELED;
        }
        return v.contains("withheld") ? PubStatus.WITHHELD : PubStatus.USABLE;
    }

    /**
     * An urgency on the IPTC scale (1 highest, 5 normal, 9 lowest). G2 urgency, NITF ed-urg and NewsML
     * 1.2 Urgency all use that scale already (DOMAIN.md 2.6), so a digit 1-9 is taken as is; 0 is
     * "reserved" in IPTC and anything else is not an urgency, so both give null.
     */
    static Integer urgency(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        if (t.length() == 1 && t.charAt(0) >= '1' && t.charAt(0) <= '9') {
            return t.charAt(0) - '0';
        }
        return null;
    }

    /**
     * Adds a subject sent as a qcode or URI: "medtop:20000123" and Media Topic URIs become scheme
     * "medtop", "subj:04008024" and Subject Code URIs "subj", "a1312cat:f" "anpa-category", any other
     * "scheme:code" keeps the agency scheme ("N2", "apsubject"). A bare 8-digit code is a Subject Code.
     */
    static void subject(ParsedStory.Builder b, String qcode, String name) {
        if (qcode == null || qcode.isBlank()) {
            return;
        }
        String q = qcode.strip();
        String lower = q.toLowerCase(Locale.ROOT);
        String code;
        String scheme;
        if (lower.startsWith("http")) {
            java.util.regex.Matcher iptc = IPTC_CONCEPT_URI.matcher(lower);
            if (iptc.matches()) { // ".../mediatopic/20001071/" names the same concept
                scheme = iptc.group(1).equals("mediatopic") ? "medtop" : "subj";
                code = iptc.group(2);
            } else {
                scheme = hostOf(lower);
                code = q.substring(q.lastIndexOf('/') + 1);
            }
        } else if (q.indexOf(':') > 0) {
            scheme = q.substring(0, q.indexOf(':'));
            code = q.substring(q.indexOf(':') + 1);
            String s = scheme.toLowerCase(Locale.ROOT);
            if (s.equals("medtop") || s.equals("mediatopic")) {
                scheme = "medtop";
            } else if (s.equals("subj") || (s.equals("iptc") || s.endsWith("subj")) && code.matches("\\d{8}")) {
                // An agency's own alias for the IPTC Subject Codes ("sttsubj:11000000", named in Finnish) is that
                // vocabulary: eight digits under a subject-code scheme. EFE's "F01001000" is not.
                scheme = "subj";
            } else if (s.equals("a1312cat") || s.equals("anpa-category") || s.equals("apcategorycode")) {
                scheme = "anpa-category";
            }
        } else {
            code = q;
            scheme = q.matches("\\d{8}") ? "subj" : "keyword";
        }
        if (!code.isBlank()) {
            b.subject(scheme, code, name);
        }
    }

    /** A concept of IPTC's Media Topics or Subject Codes by its URI, port and a trailing slash allowed. */
    private static final Pattern IPTC_CONCEPT_URI =
            Pattern.compile("https?://cv\\.iptc\\.org(?::\\d+)?/newscodes/(mediatopic|subjectcode)/(\\d{8})/?");

    private static String hostOf(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        String host = slash > 0 ? rest.substring(0, slash) : rest;
        int port = host.lastIndexOf(':');
        return port > 0 && host.substring(port + 1).chars().allMatch(Character::isDigit) ? host.substring(0, port) : host;
    }

    /**
     * Maps one signal or editorial-status code to our signals. G2 "sig:update|correction|repeat|
     * refile|kill", dpa's "sig:repeat" (a refile), and Reuters' edStat: C is a correction, D a
     * deletion (kill), U an update; N (new) adds nothing. Codes of other vocabularies ("sic:TABLE",
     * "pmt:text") are metadata, not signals, and are ignored.
     *
     * @return true when the code marks a kill (the caller also sets pubStatus CANCELED)
     */
    static boolean signal(ParsedStory.Builder b, String qcode) {
        if (qcode == null) {
            return false;
        }
        String q = qcode.strip().toLowerCase(Locale.ROOT);
        String scheme = q.contains(":") ? q.substring(0, q.indexOf(':')) : "";
        String code = q.substring(q.indexOf(':') + 1);
        if (scheme.equals("edstat")) {
            switch (code) {
                case "c" -> b.signal(Signal.CORRECTION);
                case "u" -> b.signal(Signal.UPDATE);
                case "d" -> {
                    b.signal(Signal.KILL);
                    return true;
                }
                default -> { }
            }
            return false;
        }
        if (!scheme.isEmpty() && !scheme.equals("sig") && !scheme.equals("signal")) {
            return false;
        }
        switch (code) {
            case "update" -> b.signal(Signal.UPDATE);
            case "correction" -> b.signal(Signal.CORRECTION);
            case "repeat", "refile" -> b.signal(Signal.REFILE);
            case "writethru", "write-thru" -> b.signal(Signal.WRITETHRU);
            case "kill", "cancel", "withdrawn" -> {
                b.signal(Signal.KILL);
                return true;
            }
            default -> { }
        }
        return false;
    }

    /** Version markers written into a headline or slug ("REFILE-", "CORRECTED-", "(UPDATE 1)"), as Reuters does. */
    static void signalsFromText(ParsedStory.Builder b, String headlineOrSlug) {
        if (headlineOrSlug == null) {
            return;
        }
        if (REFILE.matcher(headlineOrSlug).find()) {
            b.signal(Signal.REFILE);
        }
        if (CORRECTED.matcher(headlineOrSlug).find()) {
            b.signal(Signal.CORRECTION);
        }
        if (UPDATE_N.matcher(headlineOrSlug).find()) {
            b.signal(Signal.UPDATE);
        }
    }

    /**
     * What a slugline says of the version, besides {@link #signalsFromText}: AP's "..., 1st Ld-Writethru" is a
     * write-thru, "2nd Ld" a new lead. Sluglines only: in a headline "takes 1st lead in poll" is news.
     */
    static void signalsFromSlugline(ParsedStory.Builder b, String slugline) {
        signalsFromText(b, slugline);
        WireFraming.leadSignals(slugline).forEach(b::signal);
    }

    /**
     * An id that is already globally unique (a URN, tag URI or URL) is used as is; a bare agency
     * number ("AAP.115314987.5417374", "580001T") is qualified with the agency so two agencies'
     * numbering cannot collide: "PA:580001T". An id that names the agency's domain
     * ("tag_reuters.com_2014_newsml_KBN0FL0NN") is already unique.
     */
    static String qualify(String agency, String id) {
        if (id == null) {
            return null;
        }
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.startsWith("urn:") || lower.startsWith("tag:") || lower.startsWith("http://") || lower.startsWith("https://")
                || HAS_DOMAIN.matcher(lower).find() || agency == null || agency.isBlank()) {
            return id;
        }
        return Agencies.code(agency) + ":" + id;
    }

    /** Reuters video's hedge on a place or date it could not verify: "SAID TO BE DERAA, SYRIA". */
    private static final Pattern UNVERIFIED = Pattern.compile("^\\s*(?:SAID TO BE|REPORTEDLY|PURPORTEDLY)\\s+", Pattern.CASE_INSENSITIVE);

    /** A place without the hedge of {@link #UNVERIFIED}: "SAID TO BE DERAA, SYRIA" is "DERAA, SYRIA". */
    static String unhedged(String place) {
        return place == null ? null : UNVERIFIED.matcher(place).replaceFirst("");
    }

    /**
     * The place of a dateline as sent in a dateline element (not in the body):
     * "STOCKHOLM, Aug 29, 2014 (AFP) -" and "FORT WASHINGTON, Pa." give "Stockholm" and "Fort Washington".
     * The first comma ends the place; agencies put the state, date or country after it. An agency's credit before
     * the place is none of it: "ANSA TEST - ROMA, 01 LUG -" gives "Roma".
     */
    static String placeOfDateline(String dateline) {
        if (dateline == null || dateline.isBlank() || dateline.length() > MAX_DATELINE_CHARS) {
            return null;
        }
        dateline = unhedged(dateline);
        Dateline.Credit credit = Dateline.credit(dateline);
        if (credit != null) {
            dateline = dateline.substring(credit.end());
        }
        // "SYDNEY March 22 AAP -" and "DAMASCUS (Reuters) -" are what Dateline already knows.
        java.util.Optional<Dateline> known = Dateline.find(dateline);
        if (known.isPresent()) {
            return known.get().place();
        }
        Matcher m = DATELINE_AGENCY.matcher(dateline);
        String t = m.find() ? dateline.substring(0, m.start()) : dateline;
        int comma = t.indexOf(',');
        t = (comma > 0 ? t.substring(0, comma) : t).replaceAll("[\\s\\-–—_:]+$", "").strip();
        if (t.isEmpty() || t.length() > 40 || Character.isDigit(t.charAt(0)) || STARTS_WITH_MONTH.matcher(t).find()) {
            return null; // Reuters sends timestamps ("2014-07-16 15:53:10 GMT") and dates ("MARCH 04, 2013") as datelines
        }
        return WireText.titleCaseIfShouting(t);
    }

    /**
     * The dateline at the start of one of the first body paragraphs ("DAMASCUS (Reuters) - ..."), or
     * null. Reuters puts the byline paragraph before it, and an advisory ("(Adds ...)") or summary
     * bullets before that, so more than the first paragraph is looked at; past the first two, only a
     * dateline that names its agency counts ("Paris: ..." further down is a sentence, not a dateline), and
     * only while at most one paragraph of story text (a standfirst) stands before it.
     */
    static Dateline datelineInBody(ParsedStory.Builder b) {
        int text = 0; // paragraphs of story text seen: a standfirst may stand before the dateline, a second one may not
        int position = 0; // paragraphs before this one, the headline repeated not counted
        for (int i = 0; i < Math.min(DATELINE_AGENCY_PARAGRAPHS, b.body().size()); i++) {
            String p = b.body().get(i);
            if (repeatsHeadline(b, p)) {
                continue; // the headline again ("World Series: Lester, Wainwright set for Game 1") is no dateline
            }
            boolean early = position++ < DATELINE_PARAGRAPHS;
            java.util.Optional<Dateline> d = Dateline.find(p);
            if (d.isPresent() && (early || d.get().agency() != null)) {
                return d.get();
            }
            text += isLeadFurniture(b, p) ? 0 : 1;
            if (text >= 2) {
                return null; // past the story's lead, "LONDON (Reuters) - ..." is a report quoted in it
            }
        }
        return null;
    }

    /** Whether a paragraph may stand before the dateline paragraph: furniture, or the headline again. */
    private static boolean isLeadFurniture(ParsedStory.Builder b, String paragraph) {
        return LEAD_FURNITURE.matcher(paragraph).matches() || StoryCleanup.isFencedNote(paragraph);
    }

    private static boolean repeatsHeadline(ParsedStory.Builder b, String paragraph) {
        return b.headline() != null && WireText.collapse(paragraph).equalsIgnoreCase(WireText.collapse(b.headline()));
    }

    /** Dateline text and place from the body, when the wire sent none separately. */
    static void datelineFromBody(ParsedStory.Builder b) {
        Dateline d = datelineInBody(b);
        if (d != null) {
            b.dateline(d.text()).datelinePlace(d.place());
        }
    }

    /**
     * Sets dateline and dateline place. The place comes from the dateline element when it names one,
     * else from a dateline in the body, else from the item's "located" metadata (where the item was
     * filed from, which agencies also use for the editing desk, so it is the last resort).
     *
     * @return the dateline place, or null
     */
    static String dateline(ParsedStory.Builder b, String datelineElement, String placeElement, String located) {
        // A dateline element that holds only a date or a timestamp (NITF's story.date, Reuters'
        // "2014-07-16 13:00:03 GMT", ANA's "4/4/2018") names no place: the body's dateline is read instead.
        if (datelineElement != null && isOnlyADate(datelineElement)) {
            datelineElement = null;
        }
        b.dateline(datelineElement);
        String place = placeElement != null ? WireText.titleCaseIfShouting(placeElement) : placeOfDateline(datelineElement);
        // With no dateline element the text's own dateline is read even when the metadata names a place, and it wins:
        // the metadata may name the desk (Ritzau's "København" over "GLASGOW, Scotland, Feb. 01, 2018 (GLOBE NEWSWIRE)").
        Dateline inBody = place == null || datelineElement == null ? datelineInBody(b) : null;
        if (inBody != null) {
            place = inBody.place();
            if (datelineElement == null) {
                b.dateline(inBody.text());
            }
        }
        if (place == null && located != null) {
            place = WireText.titleCaseIfShouting(unhedged(located));
        }
        b.datelinePlace(place);
        return place;
    }

    /**
     * A metadata value that says there is none: Reuters' video and picture items send
     * {@code <located literal="No-Data-Available">}, other systems "N/A" or "unknown", dpa's geo subjects
     * "International" (dpacountry:196). Such a value names no place, so it is no value at all.
     *
     * @return the value, or null when it is blank or a placeholder
     */
    static String notAPlaceholder(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
        return PLACEHOLDERS.contains(v) ? null : value;
    }

    private static final Set<String> PLACEHOLDERS = Set.of("no data available", "n/a", "none", "null", "unknown",
            "not available", "tbd", "-", "international", "internacional", "world", "welt", "global", "worldwide", "weltweit");

    /** Whether a dateline is a date or time and nothing else: no word left once month names and zones go. */
    static boolean isOnlyADate(String dateline) {
        return !ONLY_DATE_WORDS.matcher(dateline).replaceAll(" ").matches(".*\\p{L}{2,}.*");
    }

    /**
     * Some agencies (STT) send items whose headline element is empty. The story is still news, so a
     * headline is derived, never silently: the NO_HEADLINE signal says the wire sent none. It is the
     * description, else the first sentence of the first paragraph that is not a byline or dateline-only
     * line (cut at a word boundary when long), else the slugline. A kill with none of these (a bare cancel of a
     * uri) is headed "Withdrawn: " and what it is.
     *
     * @throws WireParseException no story when there is neither headline nor text, and it is no kill
     */
    static void ensureHeadline(ParsedStory.Builder b, String description, String what) throws WireParseException {
        if (!WireText.isInvisible(b.headline())) {
            return;
        }
        if (deriveHeadline(b, description)) {
            return;
        }
        if (b.killed()) {
            // A bare cancel ({"uri": ..., "pubstatus": "canceled"}) kills every version of its uri; it needs no text.
            b.headline("Withdrawn: " + what).signal(Signal.NO_HEADLINE);
            return;
        }
        throw WireParseException.noStory(what + " has neither headline nor text");
    }

    /**
     * Sets the derived headline of {@link #ensureHeadline} and the NO_HEADLINE signal.
     *
     * @return false when there is nothing to derive it from
     */
    static boolean deriveHeadline(ParsedStory.Builder b, String description) {
        if (description == null && b.body().isEmpty()) {
            return false;
        }
        // A slugline is an editor's keyword ("BC-US--APNewsAlert", "NU/FLASH-U"), not something to read:
        // the text's first sentence comes before it.
        String sentence = description != null ? null : firstSentence(b);
        String from = description != null ? description : sentence != null ? sentence
                : b.slugline() != null && !b.slugline().isBlank() ? b.slugline() : null;
        if (from == null) {
            return false;
        }
        b.headline(shorten(from));
        b.signal(Signal.NO_HEADLINE);
        return true;
    }

    private static String firstSentence(ParsedStory.Builder b) {
        for (String p : b.body()) {
            if (BYLINE_PARAGRAPH.matcher(p).find() || StoryCleanup.isFencedNote(p)) {
                continue;
            }
            String text = Dateline.find(p).map(Dateline::remainder).filter(r -> !r.isBlank()).orElse(p);
            Matcher m = SENTENCE_END.matcher(text);
            return m.find() ? text.substring(0, m.start() + 1) : text;
        }
        return null;
    }

    private static String shorten(String from) {
        if (from.length() <= FALLBACK_HEADLINE) {
            return from;
        }
        int cut = from.lastIndexOf(' ', FALLBACK_HEADLINE);
        return from.substring(0, cut > 40 ? cut : FALLBACK_HEADLINE) + " ...";
    }

    /**
     * A wire time read in the agency's home zone when it has none ({@link Agencies#homeZone}); the
     * ZONE_INFERRED signal says so. Null when blank or unparseable.
     */
    static Instant time(ParsedStory.Builder b, String raw) {
        WireTimes.WireTime t = WireTimes.read(raw, Agencies.homeZone(first(b.agency(), b.provider())));
        if (t == null) {
            return null;
        }
        if (t.zoneInferred()) {
            b.signal(Signal.ZONE_INFERRED);
        }
        return t.instant();
    }

    /**
     * Agency and provider. The agency named in the dateline ("LONDON (Reuters) -", "Tegucigalpa, 2 ene
     * (EFE).-") wrote the copy: when it differs from the agency the document names (the distributor,
     * e.g. AAP moving Reuters copy), it is the agency and the document's agency the provider. Where
     * the document names none, the dateline's agency comes before the producer's source id.
     *
     * @param documentAgency the agency the document names (copyright holder, provider ...), or null
     */
    static void agency(ParsedStory.Builder b, String documentAgency, String source) {
        String doc = Agencies.plausible(documentAgency) ? documentAgency : null;
        Dateline d = b.dateline() != null ? Dateline.find(b.dateline()).orElse(null) : null;
        if (d == null || d.agency() == null) {
            d = datelineInBody(b);
        }
        String wrote = d == null ? null : Agencies.known(d.agency());
        if (wrote != null && doc != null && !wrote.equals(Agencies.code(doc))) {
            b.agency(wrote).provider(Agencies.code(doc));
            return;
        }
        b.agency(first(doc, wrote, source));
    }

    /** "sha256-" and 16 hex digits of the text: a stable stand-in id for items that carry none. */
    static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
