package io.wirestream.formats;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a news page scraped to text carries besides its story. Sites differ in wording, not in kind:
 * <ul>
 * <li>under the headline, the credit and time lines: "Written by Priya Sharma | Guwahati | Updated: July 4, 2026
 * 09:42 IST", "By Anna Keller, Reuters", "PTI", "Published On 12 Mar 2026";</li>
 * <li>anywhere, the page's furniture: "Advertisement", "Story continues below this ad", "3 min read",
 * "Listen to this article", "Also Read: ...", "Share", "Follow us on ...";</li>
 * <li>at the foot, tags, editor credits and notices: "Tags: ...", "Published By: ...", "(With inputs from PTI)",
 * "(This story has not been edited by ... and is auto-generated from a syndicated feed.)".</li>
 * </ul>
 * None of it is story text: furniture and notices are dropped, credits and times become the byline, the
 * agency and the story's times. Each pattern must match a whole line in its own form (a label and its separator,
 * a bracketed notice, a date and nothing else), so a sentence that begins with "Share", "Updated" or "Published by"
 * stays in the story. Two read-only reviews' cases are pinned in PlainTextParserTest.
 */
final class ScrapedPage {

    /** Longest line read as furniture, a credit or a time: a bound on the patterns' work (a shorter line must still match a whole form). */
    private static final int MAX_META = 160;
    /**
     * How many lines under the headline are read for credits and times. The reading stops sooner, at the dateline
     * paragraph or at the second line of text (the first may be the standfirst).
     */
    static final int MAX_HEADER_LINES = 8;

    /** Page furniture, matched against the whole line. */
    private static final Pattern FURNITURE = Pattern.compile("(?iu)^(?:"
            + "advertisements?|advertisement\\s*[-–—]\\s*scroll to continue|skip advertisement|supported by|sponsored|"
            + "(?:story|article) continues (?:below|after) (?:this |the )?(?:ad|advertisement)|continue reading(?: below| the main story)?|"
            + "scroll (?:down )?to continue(?: reading)?|"
            + "listen to (?:this |the )?(?:article|story)(?: now)?:?(?:\\s*[·•|,-]\\s*\\d{1,2}\\s*min(?:ute)?s?)?|up next|read next|don'?t miss|"
            + "\\d{1,2}\\s*min(?:ute)?s?\\s+read|read(?:ing)? time\\s*:?\\s*\\d{1,2}\\s*min(?:ute)?s?|"
            // a relative time can only be read against the page's fetch time, which the text does not carry
            + "(?:about |updated |published |posted )?(?:an?|\\d{1,2})\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\\s+ago|"
            + "(?:track|get|catch|read|follow|download)\\s+(?:all\\s+)?(?:the\\s+)?latest\\s+(?:news|updates|headlines)\\b.{0,120}|"
            + "catch all the\\s.{1,80}\\bnews\\b.{0,200}|"
            // a link to another story: a label, a separator, its headline
            + "(?:also read|read also|read more|must read|also see|see also|also watch|watch|read|related(?: stories| news| articles)?"
            + "|more from [\\p{L} ]{1,30})\\s*[:|»›]\\s*.+|"
            + "(?:also read|read more|related(?: stories| news| articles)?|most read|most popular|you may also like|recommended(?: for you)?"
            + "|trending(?: now| topics)?|view comments|gift this article)|"
            + "share(?: this)?(?: article| story| via| on (?:facebook|twitter|x|whatsapp|linkedin|email)| via email)?|save|bookmark|print|tweet|copy link|"
            + "(?:share|tweet|email|print|copy link|comments?|save|bookmark)(?:\\s*[|/·•]\\s*(?:share|tweet|email|print|copy link|comments?|save|bookmark|facebook|twitter|whatsapp|linkedin|x))+|"
            + "follow us on (?:google news|whatsapp|twitter|x|facebook|instagram|telegram|linkedin|youtube)\\b.{0,60}|"
            + "(?:subscribe|sign up) (?:to|for) (?:our|the) .{0,60}newsletters?\\b.{0,60}|click here (?:to|for) .{0,80}|"
            + "tags?\\s*:.*|"
            // the page's own navigation, saved with the story: skip links (WordPress themes' 'Press "Enter" to skip to
            // content'), menu, search and sign-in buttons, the e-paper and app links
            + "skip to (?:the )?(?:main )?(?:content|navigation|menu|search|footer)|skip navigation|jump to (?:main )?(?:content|navigation)|"
            + "press \"?enter\"? to skip to (?:main )?content|toggle (?:navigation|menu|search)|(?:open |close )?menu|close|search|"
            + "sign in|log ?in|subscribe(?: now)?|e-?paper(?: get app)?|get (?:the )?app|live tv|"
            // a comment form under the story (WordPress's and its themes' wordings)
            + "leave a (?:reply|comment)|your email address will not be published\\.?(?:\\s*required fields are marked\\s*\\*)?|"
            + "required fields are marked\\s*\\*|please enter your (?:comment|name here|email address here)!?|post comment|cancel reply|"
            + "no stories found\\.?|file (?:photo|image|pic)\\s*:.{1,300}|"
            // credits that name no one: "(Agencies)", "(with agency inputs)"; Reuters' sign-off "(Reporting by ...; Editing by ...)"
            + "\\(?(?:agencies|(?:with )?agency inputs)\\)?\\.?|"
            + "\\((?:additional )?(?:reporting|writing|editing|compiled) by [^()]{1,300}\\)|"
            + "(?:published|edited|curated) by\\s*:\\s*.{1,60}|"
            + "(?:image|photo|video|picture|media)\\s+(?:source|credit|courtesy|caption)\\s*[:,]\\s*.{1,120}|(?:photo|image|photograph)\\s*:\\s*.{1,60}|"
            // the same credits in the agency languages and as some sites write them: "Foto: .../Agência Senado", "Foto de
            // EFE/ Carlos Ortega", "Bild: dpa", "Crédito: Colprensa", "Picture: JONA KONATACI"
            + "(?:foto|fotos|bild|picture|crédito|credito|crédit|fotografía|fotografia)\\s*:\\s*.{1,80}|foto de\\s+\\p{Lu}[\\p{L} ]{1,30}/.{0,60}|"
            + "\\(?(?:representational|representative|file) (?:image|photo|picture|pic)\\)?\\.?|"
            // site builders' and CMS counters' lines (Wix's "top of page", WordPress's "205 total views today", "Share - WeChat")
            + "(?:top|bottom) of page|back to top|"
            // a share button's name alone on its line
            + "facebook|twitter|whatsapp|telegram|pinterest|linkedin|reddit|messenger|threads|bluesky|flipboard|e-?mail|\\d{1,7} (?:total )?views?(?: today)?|share\\s*[-–—:]\\s*\\p{L}{2,20}|"
            // the same furniture in the agency languages: ads, share and follow lines, "read also" links
            + "publicidad|publicidade|anuncio|anzeige|werbung|publicité|pubblicità|"
            + "(?:compartir|compartilhe|compartilhar|partager|teilen|condividi)(?: (?:en|no|na|sur|auf|su) .{1,40})?|"
            + "(?:síguenos|siga-nos|suivez-nous|folgen sie uns|seguici)(?: (?:en|no|nas?|sur|auf|su) .{1,60})?|nuestras redes|"
            + "(?:lee|leer|leia|lire|lesen sie|leggi) (?:también|tambem|também|aussi|auch|anche)(?:\\s*[:|»›]\\s*.{1,200})?"
            + ")$");
    /** The words {@link #FURNITURE} and {@link #INPUTS_CREDIT} lines open with (or a figure). */
    private static final Set<String> FIRST_WORDS = Set.of("advertisement", "advertisements", "skip", "supported",
            "sponsored", "story", "article", "continue", "scroll", "listen", "read", "reading", "about", "updated", "published", "posted",
            "an", "a", "track", "get", "catch", "follow", "download", "also", "must", "see", "watch", "related", "more", "most", "you",
            "recommended", "trending", "view", "gift", "share", "save", "bookmark", "print", "tweet", "copy", "email", "comments",
            "comment", "subscribe", "sign", "click", "tags", "tag", "edited", "curated", "image", "photo", "video", "picture",
            "photograph", "representational", "representative", "file", "up", "don't", "dont", "with", "written", "compiled", "based",
            "jump", "press", "toggle", "open", "close", "menu", "search", "log", "login", "e", "epaper", "live", "agencies", "agency",
            "reporting", "additional", "writing", "editing", "leave", "your", "required", "please", "post", "cancel", "no",
            "top", "bottom", "back", "facebook", "twitter", "whatsapp", "telegram", "pinterest", "linkedin", "reddit", "messenger",
            "threads", "bluesky", "flipboard", "e-mail", "foto", "fotos", "bild", "crédito", "credito", "crédit", "fotografía", "fotografia", "publicidad", "publicidade", "anuncio", "anzeige", "werbung", "publicité", "pubblicità",
            "compartir", "compartilhe", "compartilhar", "partager", "teilen", "condividi", "síguenos", "siga", "suivez", "folgen",
            "seguici", "nuestras", "lee", "leer", "leia", "lire", "lesen", "leggi");
    /**
     * A photo's caption, closed by its credit: "Congress MP Rahul Gandhi (Photo | EPS)", "... (Photo: PTI)", Reuters'
     * "... REUTERS/Omar Sobhani". Only a line that is no longer than a caption is.
     */
    private static final Pattern CAPTION = Pattern.compile("(?iu)^.{1,250}(?:\\((?:\\p{L}{2,8}\\s+)?(?:photo|pic|image|file photo|file|foto)\\s*[|:/]\\s*[^()]{1,60}\\)"
            + "|(?-i:REUTERS/\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+){0,3})(?:/[\\p{L} ]{1,20})?)\\.?$");
    /**
     * A copyright line, with its sign, a year or its reservation: "Copyright APP (Associated Press of Pakistan), 2017", "©
     * 2024 Reuters. All rights reserved."; not a sentence or headline about copyright ("Copyright Office rejects ...").
     */
    private static final Pattern COPYRIGHT = Pattern.compile("(?iu)^(?=.*(?:©|\\(c\\)|\\b\\d{4}\\b|all rights reserved))"
            + "(?:copyright|©)\\s*(?:©\\s*|\\(c\\)\\s*)?(?:.{0,100}all rights reserved.{0,150}"
            + "|(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s+)?(?-i:\\p{Lu})[^.]{0,80}?(?:,?\\s*\\d{4})?\\.?)$");
    /**
     * A byline in the agency languages: Spanish and Portuguese "Por", German "Von", French "Par", Italian "di", then two to
     * four capitalised names, and the wire the writer filed with ("Par Jean Dupont avec AFP", "Por Ana Ruiz con EFE").
     */
    private static final Pattern FOREIGN_BYLINE = Pattern.compile("^(?:Por|POR|Von|VON|Par|PAR|di)\\s+\\p{Lu}[\\p{L}.'’-]*"
            + "(?:\\s+(?:y|e|und|et)?\\s*\\p{Lu}[\\p{L}.'’-]*){1,3}(?:,\\s*\\p{Lu}[\\p{L} ]{1,40})?(?:\\s+(?:avec|con|com|mit)\\s+\\p{Lu}[\\p{L}]{1,20})?$");
    /** A logo's alt text: capitalised words, then "Logo". */
    private static final Pattern LOGO = Pattern.compile("^(?:[\\p{Lu}\\d][\\p{L}\\d&.'-]*\\s+){1,4}(?i:logo)$");
    /** A caption closed by a credit without brackets: "... at the venue on Friday. Photo/ANI", "... Pic/Mid-day". */
    private static final Pattern CREDITED_CAPTION = Pattern.compile("(?iu)^.{10,250}[.!?)]\\s+(?:photo|pic|image)\\s*[/|]\\s*(?-i:\\p{Lu})[\\p{L}.-]{1,30}\\)?\\.?$");
    /** A credit to the wire the page used: "(With inputs from PTI)", "- With inputs from agencies". Names only, so a sentence stays. */
    private static final Pattern INPUTS_CREDIT = Pattern.compile(
            "^[\\s(\\[—–-]*(?i:with|written with|compiled with|based on)\\s+(?i:inputs?|reporting|agency inputs?)\\s+(?i:from\\s+)?"
                    + "(?:\\p{Lu}[\\p{L}.'&-]*|agencies|agency|wires)(?:(?:\\s*,\\s*|\\s+)(?:\\p{Lu}[\\p{L}.'&-]*|and|&|agencies|agency|wires)){0,6}"
                    + "[)\\]]?\\.?$");
    /** The note a syndicating site puts under unedited agency copy, in its several wordings. */
    private static final Pattern FEED_NOTICE = Pattern.compile(
            "(?iu)^(?:\\([^()]{0,200}\\b(?:syndicated (?:news )?feed|auto-generated from)\\b[^()]{0,160}\\)\\.?"
                    + "|(?:disclaimer\\s*:\\s*)?(?:this|the above) (?:story|article|report|copy|news)\\b[^()]{0,200}\\b(?:syndicated (?:news )?feed|auto-generated from)\\b[^()]{0,160})$");
    /** A credit line with its label: "Written by Priya Sharma", "Author: Jane Roe", "Reported by ..." ("By ..." is {@link StoryCleanup#isBylineParagraph}). */
    private static final Pattern CREDIT = Pattern.compile(
            "(?iu)^(?:(?:written|reported|authored|compiled|filed|posted)\\s+by\\s*:?|(?:authors?|reporter)\\s*:)\\s*(?<who>\\p{L}.{0,80})$");
    /**
     * A time line: "Updated: July 4, 2026 09:42 IST", "Published On 12 Mar 2026", "Last Updated : Mar 02 2026",
     * "First Published: Mar 03 2026 | 10:15 PM IST". What follows the label must be a date and time and nothing else.
     */
    private static final Pattern TIME_LABEL = Pattern.compile(
            "(?iu)^(?:(?:last|first)\\s+)?(?<label>updated|published|posted|modified|created|"
            // the same labels in the agency languages (EFE's, Lusa's, AFP's, dpa's, ANSA's sites)
            + "publicado|publicada|publié|publiée|veröffentlicht|pubblicato|actualizado|actualizada|atualizado|mis à jour|"
            + "aktualisiert|aggiornato)(?:\\s+(?:on|at|el|em|le|am|il))?\\b\\s*[:\\-–—]?\\s*(?<when>.{4,80})$");
    /** The time labels that say when a page last changed, not when it was first published. */
    private static final Set<String> UPDATED_LABELS = Set.of("updated", "modified", "actualizado", "actualizada", "atualizado",
            "mis à jour", "aktualisiert", "aggiornato");
    /** A place alone between pipes: "Guwahati", "New Delhi", "Kolkata, West Bengal". */
    private static final Pattern PLACE_PART = Pattern.compile("^\\p{Lu}[\\p{L}.'’-]*(?:[ ,]+\\p{Lu}[\\p{L}.'’-]*){0,3}$");
    private static final Pattern PIPE = Pattern.compile("\\s*\\|\\s*|\\s+[·•]\\s+");
    /** A section label over the headline: "World News", "India News", "Business". */
    private static final Pattern SECTION = Pattern.compile("^(?:(?:\\p{Lu}[\\p{L}&]*\\s+){0,2}[Nn]ews|World|India|Business|Sports?|Entertainment|"
            + "Politics|Opinion|Tech|Technology|Lifestyle|Cities|Nation|National|International|Local|Health|Science|Education|Markets|"
            + "Economy|Top Stories|Obituaries|Interview|Live|Live updates|Features)$");
    /**
     * A press release's heading over its headline: "FOR IMMEDIATE RELEASE", "MEDIA RELEASE PR74541", "Source: IndiGrid",
     * "Contact: ...", "Embargoed until 10:00 GMT".
     */
    private static final Pattern RELEASE_HEADING = Pattern.compile("(?iu)^(?:for immediate release\\b.{0,40}|(?:media|press|news) release"
            + "(?:\\s*[:#-]?\\s*[\\p{Lu}\\d][\\p{Lu}\\d/.-]{0,20})?|(?:source|contact|media contact)\\s*:\\s*\\S.{0,60}"
            + "|embargoed|embargo(?:ed)?\\s+(?:until|till|to)\\s*:?\\s*\\S.{0,40})$");
    /** A dateline alone on its line, as some sites set it: "Tokyo:". */
    private static final Pattern LONE_DATELINE = Pattern.compile("^\\p{Lu}[\\p{L}.'’ -]{1,30}:$");
    /** A lone dateline opens the story, so it is looked for among the page's first lines only. */
    private static final int LONE_DATELINE_WITHIN = 12;
    /** A page time later than the item's receipt by more than this is a misreading (a date in the text, a wrong zone). */
    private static final Duration FUTURE_SLACK = Duration.ofDays(1);

    /**
     * Month names of the agency languages (EFE, Lusa, AFP, dpa, ANSA), beside English's in {@link #MONTH} (which
     * {@link WireTimes#monthOfAbbreviation} reads).
     */
    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mai|"
            + String.join("|", MONTHS.keySet().stream().filter(m -> m.length() > 3).sorted(java.util.Comparator.comparing(String::length).reversed()).toList())
            + ")\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?iu)\\b" + MONTH + "\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})\\b");
    /** "4 July 2026", "4. März 2024", "4 de marzo de 2024", "13 janeiro 2023". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?iu)\\b(?<day>\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:de\\s+)?" + MONTH
            + ",?\\s+(?:de\\s+)?(?<year>\\d{4})\\b");

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"enero", "janeiro", "janvier", "januar", "jänner", "gennaio"},
            {"febrero", "fevereiro", "février", "februar", "febbraio"},
            {"marzo", "março", "mars", "märz"},
            {"abril", "avril", "aprile"},
            {"mayo", "maio", "mai", "maggio"},
            {"junio", "junho", "juin", "juni", "giugno"},
            {"julio", "julho", "juillet", "juli", "luglio"},
            {"agosto", "août", "aout"},
            {"septiembre", "setiembre", "setembro", "septembre", "settembre"},
            {"octubre", "outubro", "octobre", "oktober", "ottobre"},
            {"noviembre", "novembro", "novembre"},
            {"diciembre", "dezembro", "décembre", "dezember", "dicembre"}};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})(?!\\d)");
    /**
     * A numeric date, read day first where {@link #dayFirst} allows: German ("04.02.2019"), Indian ("11-05-2021"), Gulf
     * ("29/11/2015") sites write it so; US sites write month first.
     */
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\d./-])(?<day>\\d{1,2})([./-])(?<month>\\d{1,2})\\2(?<year>\\d{4})(?![\\d./-]\\d)");
    private static final Pattern CLOCK = Pattern.compile(
            "(?iu)(?<!\\d)(?<hour>\\d{1,2})[:.h](?<minute>\\d{2})(?::(?<second>\\d{2}))?\\s*(?<half>[ap]\\.?m\\.?)?(?=\\W|$)");
    private static final Pattern ZONE = Pattern.compile(
            "(?u)(?:\\b(?<abbr>IST|GMT|UTC|BST|CET|CEST|EET|EEST|WET|WEST|MSK|EST|EDT|ET|CST|CDT|MST|MDT|PST|PDT|PT|AKST|AKDT|HST|JST|KST|SGT|HKT|"
                    + "PKT|PHT|WIB|ICT|NPT|AEST|AEDT|AET|ACST|ACDT|AWST|NZST|NZDT|NZT|SAST|EAT|WAT|CAT|GST)\\b(?<offset>\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?)?"
                    + "|(?<=\\s|^|\\()(?<bare>[+-]\\d{2}:?\\d{2})\\b)");
    /**
     * Zone abbreviations news sites write after a time. IST is India's (Indian sites write it most; Irish and Israeli
     * pages rarely do); ET, PT, AET and NZT follow daylight saving.
     */
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)), Map.entry("GMT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)), Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneOffset.ofHours(2)), Map.entry("EEST", ZoneOffset.ofHours(3)), Map.entry("WET", ZoneOffset.UTC),
            Map.entry("WEST", ZoneOffset.ofHours(1)), Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)), Map.entry("ET", ZoneId.of("America/New_York")),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)), Map.entry("MST", ZoneOffset.ofHours(-7)),
            Map.entry("MDT", ZoneOffset.ofHours(-6)), Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("PT", ZoneId.of("America/Los_Angeles")), Map.entry("AKST", ZoneOffset.ofHours(-9)), Map.entry("AKDT", ZoneOffset.ofHours(-8)),
            Map.entry("HST", ZoneOffset.ofHours(-10)), Map.entry("JST", ZoneOffset.ofHours(9)), Map.entry("KST", ZoneOffset.ofHours(9)),
            Map.entry("SGT", ZoneOffset.ofHours(8)), Map.entry("HKT", ZoneOffset.ofHours(8)), Map.entry("PKT", ZoneOffset.ofHours(5)),
            Map.entry("PHT", ZoneOffset.ofHours(8)), Map.entry("WIB", ZoneOffset.ofHours(7)), Map.entry("ICT", ZoneOffset.ofHours(7)),
            Map.entry("NPT", ZoneOffset.ofHoursMinutes(5, 45)), Map.entry("AEST", ZoneOffset.ofHours(10)), Map.entry("AEDT", ZoneOffset.ofHours(11)),
            Map.entry("AET", ZoneId.of("Australia/Sydney")), Map.entry("ACST", ZoneOffset.ofHoursMinutes(9, 30)),
            Map.entry("ACDT", ZoneOffset.ofHoursMinutes(10, 30)), Map.entry("AWST", ZoneOffset.ofHours(8)),
            Map.entry("NZST", ZoneOffset.ofHours(12)), Map.entry("NZDT", ZoneOffset.ofHours(13)), Map.entry("NZT", ZoneId.of("Pacific/Auckland")),
            Map.entry("SAST", ZoneOffset.ofHours(2)), Map.entry("EAT", ZoneOffset.ofHours(3)), Map.entry("WAT", ZoneOffset.ofHours(1)),
            Map.entry("CAT", ZoneOffset.ofHours(2)), Map.entry("GST", ZoneOffset.ofHours(4)));
    /** ISO 8601's "T" between date and time and "Z" after it. */
    private static final Pattern ISO_JOINTS = Pattern.compile("(?<=\\d)T(?=\\d)|(?<=\\d)Z\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?iu)\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
                    + "|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira"
                    + "|sexta-feira|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag"
                    + "|freitag|samstag|sonntag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\\b\\.?");

    private ScrapedPage() {
    }

    /** Where a line stands on the page, which decides what it may be read as. */
    enum Position {
        /** Over the headline: labelled credits, times and an agency's name only (a headline may read "By Any Means"). */
        OVER_HEADLINE,
        /** Among the lines under the headline, before the story. */
        UNDER_HEADLINE,
        /** Under a line of text (the standfirst): credits and labelled times, but no date alone (a liveblog's entry stamp). */
        UNDER_STANDFIRST,
        /** At the foot of the page: times and an agency's name only. */
        FOOT;

        /** Whether a date alone may be the page's time here: only before any text (at the foot it closes a quoted tweet). */
        boolean readsBareDates() {
            return this == OVER_HEADLINE || this == UNDER_HEADLINE;
        }
    }

    /** What the credit and time lines of a page said about the story. */
    static final class Header {
        private final Instant latest;
        String byline;
        String agency;
        Instant published;
        Instant updated;

        /** @param receivedAt when the page was received; a page time more than a day later is a misreading and is not kept */
        Header(Instant receivedAt) {
            this.latest = receivedAt == null ? null : receivedAt.plus(FUTURE_SLACK);
        }

        private Instant plausible(Instant t) {
            return t == null || latest != null && t.isAfter(latest) ? null : t;
        }
    }

    /**
     * Whether a line over the headline is a section label or a press release's heading, not the headline: a known
     * label, or a word or two ("Singapore", "Politik", "A-League Men") over a line that reads as a headline (four words
     * or more, no full stop at its end).
     */
    static boolean isOverHeadline(String line, String next) {
        if (SECTION.matcher(line).matches() || line.length() <= MAX_META && RELEASE_HEADING.matcher(line).matches()) {
            return true;
        }
        if (line.length() <= 60 && LOGO.matcher(line).matches() && next != null && wordCount(next) >= 4 && next.length() <= 200
                && !next.matches("(?s).*[.!?\"”]$") && Dateline.find(next).isEmpty()) {
            return true; // the site's logo saved as its alt text, over the headline: "Business Recorder Logo"
        }
        // a label is written in title case; a word or two in capitals heads results and tables ("WAGGA TROT")
        return line.length() <= 30 && wordCount(line) <= 2 && !line.equals(line.toUpperCase(Locale.ROOT))
                && !line.matches("(?s).*[.!?:\"”]$") && next != null
                && next.length() <= 200 && wordCount(next) >= 4 && !next.matches("(?s).*[.!?\"”]$") && Dateline.find(next).isEmpty()
                && !readCreditsAndTimes(next, new Header(null), Position.UNDER_HEADLINE);
    }

    /** The lines with the first dateline alone on its line ("Tokyo:") joined to the paragraph under it. */
    static List<String> joinLoneDateline(List<String> lines) {
        for (int j = 0; j + 1 < Math.min(lines.size(), LONE_DATELINE_WITHIN); j++) {
            String line = lines.get(j);
            if (LONE_DATELINE.matcher(line).matches() && Dateline.find(line + " X").isPresent()) {
                List<String> joined = new ArrayList<>(lines.subList(0, j));
                joined.add(line + " " + lines.get(j + 1));
                joined.addAll(lines.subList(j + 2, lines.size()));
                return joined;
            }
        }
        return lines;
    }

    /** Page furniture or a notice: dropped wherever it stands. */
    static boolean isFurniture(String line) {
        if (line.length() > 2 * MAX_META) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if ((lower.contains("syndicated") || lower.contains("auto-generated")) && FEED_NOTICE.matcher(line).matches()) {
            return true;
        }
        if (line.length() <= 300 && (line.endsWith(")") || line.endsWith(".") || lower.contains("reuters/")) && CAPTION.matcher(line).matches()) {
            return true;
        }
        if (line.length() <= 3 && line.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return true; // a close button's "×", a lone bullet
        }
        if (line.length() <= 300 && CREDITED_CAPTION.matcher(line).matches()) {
            return true;
        }
        if (line.length() <= 250 && (lower.startsWith("copyright") || lower.startsWith("©")) && COPYRIGHT.matcher(line).matches()) {
            return true;
        }
        // most lines are story text: the first word rules them out before the long patterns are tried
        String first = firstWord(lower);
        if (line.length() > MAX_META || first.isEmpty() || !FIRST_WORDS.contains(first) && !Character.isDigit(first.charAt(0))) {
            return false;
        }
        return FURNITURE.matcher(line).matches() || INPUTS_CREDIT.matcher(line).matches();
    }

    /** The first word of a lower-cased line, after opening brackets and dashes. */
    private static String firstWord(String lower) {
        int start = 0;
        while (start < lower.length() && "([—–- ".indexOf(lower.charAt(start)) >= 0) {
            start++;
        }
        int end = start;
        while (end < lower.length() && (Character.isLetterOrDigit(lower.charAt(end)) || lower.charAt(end) == '\'')) {
            end++;
        }
        return lower.substring(start, end);
    }

    /**
     * Reads a line as credits and times, into {@code header}; false (and {@code header} untouched) when any part of it
     * is something else, such as the standfirst or the story's first paragraph.
     */
    static boolean readCreditsAndTimes(String line, Header header, Position position) {
        if (line.length() > MAX_META) {
            return false;
        }
        Header found = new Header(null);
        // a time line is read whole first: its clock may stand in a part of its own ("Mar 03 2026 | 10:15 PM IST")
        if (!readWholeLine(line, found, position.readsBareDates())) {
            if (position == Position.FOOT) {
                return false;
            }
            String[] parts = PIPE.split(line.strip());
            if (parts.length == 1) {
                return readCredit(line.strip(), found, position) && merge(found, header);
            }
            if (Dateline.find(line).isPresent()) {
                return false;
            }
            boolean named = false;
            for (String part : parts) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (readPart(p, found, position)) {
                    named = true;
                } else if (!(PLACE_PART.matcher(p).matches() && wordCount(p) <= 4)) {
                    return false; // a place is read only beside a credit or a time: "Guwahati" alone is text
                }
            }
            if (!named) {
                return false;
            }
        }
        return merge(found, header);
    }

    /** What a line said, added to what earlier lines said (the first credit and each first time stand). */
    private static boolean merge(Header found, Header header) {
        header.byline = header.byline != null ? header.byline : found.byline;
        header.agency = header.agency != null ? header.agency : found.agency;
        header.published = header.published != null ? header.published : header.plausible(found.published);
        header.updated = header.updated != null ? header.updated : header.plausible(found.updated);
        return true;
    }

    /**
     * A whole line that is a labelled time, a date and time alone (when {@code bareDates}: at a page's foot a date alone
     * closes a quoted tweet or a list entry more often than it dates the page), or an agency's name alone ("PTI", "(ANI)").
     */
    private static boolean readWholeLine(String line, Header found, boolean bareDates) {
        if (line.chars().noneMatch(Character::isDigit)) {
            return readAgency(line, found); // no date without a figure: the common case, kept cheap
        }
        Matcher label = TIME_LABEL.matcher(line);
        if (label.matches() && onlyDateWords(label.group("when"))) {
            Instant t = time(label.group("when"));
            if (t == null) {
                return false;
            }
            if (UPDATED_LABELS.contains(label.group("label").toLowerCase(Locale.ROOT))) {
                found.updated = t;
            } else {
                found.published = t;
            }
            return true;
        }
        if (bareDates && hasDate(line) && onlyDateWords(line)) {
            found.published = time(line);
            return found.published != null;
        }
        return readAgency(line, found);
    }

    private static boolean readAgency(String line, Header found) {
        // "(ANI)", "-PTI", "— AFP", "• Anadolu Agency", "Sources: BERNAMA": the wire's name set off by marks or a label
        String name = AGENCY_MARKS.matcher(line.strip()).replaceAll("").strip();
        String agency = name.isEmpty() ? null : Agencies.exactly(name);
        if (agency != null) {
            found.agency = agency;
            found.byline = name;
            return true;
        }
        return false;
    }

    private static final Pattern AGENCY_MARKS = Pattern.compile("(?iu)^(?:[(\\[—–\\-•·*\\s]|(?:sources?|fuentes?|fontes?|quellen?)\\s*:)+|[)\\].\\s]+$");

    /** The agency an inputs credit names ("(With inputs from PTI)", "- With inputs from agencies": none), or null. */
    static String inputsCreditAgency(String line) {
        if (line.length() > MAX_META || !INPUTS_CREDIT.matcher(line).matches()) {
            return null;
        }
        Matcher name = CAPITALISED.matcher(line.replaceFirst("(?i)^.*?\\bfrom\\b", ""));
        while (name.find()) {
            String agency = Agencies.exactly(name.group());
            if (agency != null) {
                return agency;
            }
        }
        return null;
    }

    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{L}.'&-]*");

    /**
     * A story's last paragraph closed by its wire's credit, as syndicated Indian copy runs it ("... the session is on.
     * (ANI)", "(IANS)"): the paragraph without it and the agency, or null when it ends otherwise.
     */
    static ClosingCredit closingCredit(String paragraph) {
        Matcher m = CLOSING_CREDIT.matcher(paragraph);
        if (!m.find() || m.start() == 0) {
            return null;
        }
        String agency = Agencies.exactly(m.group(1));
        return agency == null ? null : new ClosingCredit(paragraph.substring(0, m.start()).strip(), agency);
    }

    /** A last paragraph without the wire's credit that closed it, and that wire. */
    record ClosingCredit(String paragraph, String agency) {
    }

    private static final Pattern CLOSING_CREDIT = Pattern.compile("(?<=[.!?\"”’])\\s*\\((\\p{Lu}[\\p{L}-]{1,15})\\)\\s*$");

    /** One part of a credit line: a known agency's name, a labelled credit, or (under the headline) a "By ..." byline. */
    private static boolean readPart(String part, Header found, Position position) {
        return readWholeLine(part, found, position.readsBareDates()) || readCredit(part, found, position);
    }

    private static boolean readCredit(String part, Header found, Position position) {
        Matcher credit = CREDIT.matcher(part);
        boolean labelled = credit.matches() && wordCount(credit.group("who")) <= 8 && !credit.group("who").matches("(?u).*[.!?]\\s*$");
        boolean foreign = !labelled && position != Position.OVER_HEADLINE && FOREIGN_BYLINE.matcher(part).matches();
        if (labelled || foreign || position != Position.OVER_HEADLINE && StoryCleanup.isBylineParagraph(part)) {
            String who = labelled ? credit.group("who").strip() : part.replaceFirst("^\\S+\\s+", "").strip();
            found.byline = found.byline == null ? (foreign ? part.strip() : "By " + who) : found.byline; // "Por ...", as written
            // "By Anna Keller, Reuters", "Par Jean Dupont avec AFP": the wire the writer files for
            String wire = Agencies.exactly(who.replaceFirst("^.*(?:,|\\s(?:with|avec|con|com|mit))\\s*", ""));
            found.agency = found.agency == null ? wire : found.agency;
            return true;
        }
        return false;
    }

    private static int wordCount(String s) {
        return s.strip().split("\\s+").length;
    }

    private static boolean hasDate(String s) {
        return MONTH_DAY_YEAR.matcher(s).find() || DAY_MONTH_YEAR.matcher(s).find() || ISO_DATE.matcher(s).find()
                || NUMERIC_DATE.matcher(s).find();
    }

    /** A line that is a date and time and nothing else: weekday, date, clock, zone, separators. */
    private static boolean onlyDateWords(String text) {
        String s = ISO_JOINTS.matcher(text).replaceAll(" "); // 2026-11-30T10:00:00Z reads as 2026-11-30 10:00:00
        String rest = ZONE.matcher(CLOCK.matcher(NUMERIC_DATE.matcher(ISO_DATE.matcher(DAY_MONTH_YEAR.matcher(MONTH_DAY_YEAR.matcher(s)
                .replaceAll(" ")).replaceAll(" ")).replaceAll(" ")).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        return WEEKDAY.matcher(rest).replaceAll(" ").replaceAll("(?iu)\\b(?:at|on|uhr|um|de|às|as|à|a|le|el|em|il|alle|h)\\b|[,/()|:.+\\-–—\\s]", "").isEmpty();
    }

    /**
     * The instant a page's time line names: a date (July 4, 2026; 4 July 2026; 2026-07-04), an optional clock
     * (09:42, 9.42 pm) and zone (IST, GMT+5:30, +05:30). Without a clock, the start of the day; without a zone, UTC.
     * Null when no date can be read.
     */
    static Instant time(String text) {
        LocalDate date = date(text);
        if (date == null) {
            return null;
        }
        LocalTime clock = LocalTime.MIDNIGHT;
        String clockText = NUMERIC_DATE.matcher(text).replaceAll(" "); // "04.02.2019" holds no clock "04.02"
        Matcher c = CLOCK.matcher(clockText);
        while (c.find()) {
            int hour = Integer.parseInt(c.group("hour"));
            int minute = Integer.parseInt(c.group("minute"));
            if (c.group("half") != null) {
                boolean pm = Character.toLowerCase(c.group("half").charAt(0)) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            if (hour < 24 && minute < 60 && !(c.start() > 0 && (clockText.charAt(c.start() - 1) == '-' || clockText.charAt(c.start() - 1) == '+'))) {
                clock = LocalTime.of(hour, minute, c.group("second") == null ? 0 : Math.min(59, Integer.parseInt(c.group("second"))));
                break;
            }
        }
        ZoneId zone = ZoneOffset.UTC;
        Matcher z = ZONE.matcher(text);
        if (z.find()) {
            zone = zone(z);
        }
        return date.atTime(clock).atZone(zone).toInstant();
    }

    private static ZoneId zone(Matcher z) {
        try {
            if (z.group("bare") != null) {
                return ZoneOffset.of(z.group("bare").length() == 5 ? z.group("bare").substring(0, 3) + ":" + z.group("bare").substring(3)
                        : z.group("bare"));
            }
            String offset = z.group("offset");
            if (offset != null && (z.group("abbr").equals("GMT") || z.group("abbr").equals("UTC"))) {
                String o = offset.replaceAll("\\s", "");
                String sign = o.substring(0, 1);
                String digits = o.substring(1).replace(":", "");
                int hours = Integer.parseInt(digits.length() > 2 ? digits.substring(0, digits.length() - 2) : digits);
                int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(digits.length() - 2)) : 0;
                return sign.equals("-") ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
            }
            return ZONES.getOrDefault(z.group("abbr"), ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            return ZoneOffset.UTC;
        }
    }

    private static LocalDate date(String text) {
        for (Pattern p : List.of(MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO_DATE, NUMERIC_DATE)) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                if (p == NUMERIC_DATE && !dayFirst(m, text)) {
                    return null;
                }
                try {
                    int month = p == ISO_DATE || p == NUMERIC_DATE ? Integer.parseInt(m.group("month")) : monthNumber(m.group("month"));
                    return LocalDate.of(Integer.parseInt(m.group("year")), month, Integer.parseInt(m.group("day")));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Whether a numeric date may be read day first: with dots (German, Nordic) always; with dashes or slashes when its day
     * cannot be a month, or on a South Asian or Gulf site (a zone of India, Pakistan, Nepal or the Gulf in the line), where
     * day first is the rule. US sites write "05-12-2021" and "05/12/2021" for May 12.
     */
    private static boolean dayFirst(Matcher date, String text) {
        if (date.group(2).equals(".") || Integer.parseInt(date.group("day")) > 12) {
            return true;
        }
        Matcher z = ZONE.matcher(text);
        while (z.find()) {
            if (z.group("abbr") != null && Set.of("IST", "PKT", "NPT", "GST").contains(z.group("abbr"))) {
                return true;
            }
        }
        return false;
    }

    private static int monthNumber(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        Integer other = MONTHS.get(n);
        return other != null ? other : WireTimes.monthOfAbbreviation(n);
    }
}
