package io.wirestream.formats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/** Timestamps as agencies write them: ISO-8601 with or without offset or colon, compact NITF forms, RFC 1123 (RSS). */
public final class WireTimes {

    private static final List<DateTimeFormatter> WITH_OFFSET = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd'T'HH:mm:ss")
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
                    .appendOffset("+HHMM", "Z").toFormatter(Locale.ROOT),
            // NITF: 20170824T043734+0000 or 20170824T043734Z; producers also leave out the seconds, add a fraction or
            // write the offset with a colon (20240611T1423+0000, 20240611T142300.000+0000, 20240611T142300+02:00)
            basicNitf("+HHMM"),
            basicNitf("+HH:MM"),
            // AAP's Superdesk NITF: 2016-04-13 04:52:21+00:00
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss").appendOffset("+HH:MM", "Z").toFormatter(Locale.ROOT),
            DateTimeFormatter.RFC_1123_DATE_TIME);

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm[ss][.SSS]", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT));

    private WireTimes() {
    }

    /** NITF's basic form with the offset written as {@code offsetPattern}; seconds and a fraction may be left out. */
    private static DateTimeFormatter basicNitf(String offsetPattern) {
        return new DateTimeFormatterBuilder().appendPattern("yyyyMMdd'T'HHmm").optionalStart().appendPattern("ss")
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
                .appendOffset(offsetPattern, "Z").toFormatter(Locale.ROOT);
    }

    /** Parses a wire timestamp; times without an offset are taken as UTC; null when unparseable or blank. */
    public static Instant parse(String s) {
        WireTime t = read(s, ZoneOffset.UTC);
        return t == null ? null : t.instant();
    }

    /**
     * A wire time and whether its zone was inferred.
     *
     * @param instant      the time
     * @param zoneInferred the wire wrote no zone or offset, so the time was read in a zone we chose
     */
    public record WireTime(Instant instant, boolean zoneInferred) {
    }

    /**
     * Parses a wire timestamp. A time written without a zone or offset is the agency's local time
     * (STT writes Helsinki time, AAP Sydney time), so it is read in {@code localZone} and marked as
     * inferred; null when unparseable or blank.
     */
    public static WireTime read(String s, ZoneId localZone) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        for (DateTimeFormatter f : WITH_OFFSET) {
            try {
                OffsetDateTime time = OffsetDateTime.parse(t, f);
                if (time.getYear() >= 1000) { // RFC 1123's parser reads RFC 822's two-digit year "22" as the year 22
                    return new WireTime(time.toInstant(), false);
                }
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return new WireTime(LocalDateTime.parse(t, f).atZone(localZone).toInstant(), true);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        if (t.length() == 8 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try { // a date in basic form, NITF's norm="20241215"
                return new WireTime(LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(localZone).toInstant(), true);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        try {
            return new WireTime(LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay(localZone).toInstant(), true);
        } catch (DateTimeParseException e) {
            WireTime loose = looseRfc822(t);
            if (loose != null) {
                return loose;
            }
            String spaced = spacedRfc822(t);
            return spaced.equals(t) ? null : read(spaced, localZone);
        }
    }

    /**
     * RFC 822 as feeds write it beyond what RFC 1123's parser takes: the zone as a North American or other common name
     * ("16:15 EDT", "PST", "UTC", "Z"), an offset with a colon or after "GMT" ("+05:30", "GMT+0200"), a zone name in
     * brackets after the offset ("+0200 (CEST)"), a two-digit year, a full month name, no seconds. A time without a zone is
     * none: the feed's zone is not known, and its receive time is nearer than UTC. The day name is not checked ("Sun, 11
     * Jul 2014" was a Friday: the date stands); the date is ("31 Feb" is none, not the 28th). Null when it is no such date.
     */
    static WireTime looseRfc822(String t) {
        if (t.length() > 60) {
            return null;
        }
        java.util.regex.Matcher m = LOOSE_RFC_822.matcher(t);
        if (!m.matches()) {
            return null;
        }
        String monthName = m.group("month").toLowerCase(Locale.ROOT);
        int month = monthOfAbbreviation(monthName);
        if (month == 0 || monthName.length() > 3 && !monthName.equals("sept") && !FULL_MONTHS.get(month - 1).equals(monthName)) {
            return null; // "Junk" is no June
        }
        int year = Integer.parseInt(m.group("year"));
        year = m.group("year").length() == 2 ? (year < 50 ? 2000 + year : 1900 + year) : year;
        String zone = m.group("zone");
        ZoneId at;
        if (zone == null) {
            return null;
        } else if (zone.matches("(?i)(?:GMT|UTC)?[+-]\\d{1,2}(?::?\\d{2})?")) {
            String offset = zone.replaceFirst("(?i)^(?:GMT|UTC)", "");
            String digits = offset.substring(1).replace(":", "");
            digits = digits.length() <= 2 ? String.format("%02d00", Integer.parseInt(digits)) : digits.length() == 3 ? "0" + digits : digits;
            try {
                at = ZoneOffset.of(offset.charAt(0) + digits.substring(0, 2) + ":" + digits.substring(2));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        } else {
            at = ZONE_NAMES.get(zone.toUpperCase(Locale.ROOT));
            if (at == null) {
                return null;
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(LocalDate.of(year, month, Integer.parseInt(m.group("day"))),
                    java.time.LocalTime.of(Integer.parseInt(m.group("hour")), Integer.parseInt(m.group("minute")),
                            m.group("second") == null ? 0 : Integer.parseInt(m.group("second"))));
            return new WireTime(local.atZone(at).toInstant(), false);
        } catch (java.time.DateTimeException e) {
            return null; // "31 Feb", "25:00"
        }
    }

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** The month an English month word begins as ("Jan", "january", "Sept": its first three letters), 1 to 12; 0 when none. */
    static int monthOfAbbreviation(String word) {
        return word.length() < 3 ? 0 : MONTHS.indexOf(word.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }
    private static final List<String> FULL_MONTHS = List.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december");

    private static final java.util.regex.Pattern LOOSE_RFC_822 = java.util.regex.Pattern.compile(
            "^(?:[A-Za-z]{3,9}\\.?,?\\s*)?(?<day>\\d{1,2})\\s+(?<month>[A-Za-z]{3,9})\\.?,?\\s+(?<year>\\d{4}|\\d{2}),?\\s+"
                    + "(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?"
                    + "(?:\\s*(?<zone>(?:GMT|UTC)?[+-]\\d{1,2}(?::?\\d{2})?|[A-Za-z]{1,5}))?(?:\\s*\\([^)]{1,40}\\))?\\s*$");

    /** Zone names feeds write after RFC 822 times: RFC 822's own (UT, GMT, Z, the North American ones) and common others. */
    private static final java.util.Map<String, ZoneId> ZONE_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("UT", ZoneOffset.UTC), java.util.Map.entry("UTC", ZoneOffset.UTC),
            java.util.Map.entry("GMT", ZoneOffset.UTC), java.util.Map.entry("Z", ZoneOffset.UTC),
            java.util.Map.entry("EST", ZoneOffset.ofHours(-5)), java.util.Map.entry("EDT", ZoneOffset.ofHours(-4)),
            java.util.Map.entry("CST", ZoneOffset.ofHours(-6)), java.util.Map.entry("CDT", ZoneOffset.ofHours(-5)),
            java.util.Map.entry("MST", ZoneOffset.ofHours(-7)), java.util.Map.entry("MDT", ZoneOffset.ofHours(-6)),
            java.util.Map.entry("PST", ZoneOffset.ofHours(-8)), java.util.Map.entry("PDT", ZoneOffset.ofHours(-7)),
            java.util.Map.entry("CET", ZoneOffset.ofHours(1)), java.util.Map.entry("CEST", ZoneOffset.ofHours(2)),
            java.util.Map.entry("MEZ", ZoneOffset.ofHours(1)), java.util.Map.entry("MESZ", ZoneOffset.ofHours(2)),
            // IST as India's, as news sites write it most (ScrapedPage reads it so too); not BST (British or Bangladeshi)
            java.util.Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
            java.util.Map.entry("JST", ZoneOffset.ofHours(9)), java.util.Map.entry("KST", ZoneOffset.ofHours(9)),
            java.util.Map.entry("AEST", ZoneOffset.ofHours(10)), java.util.Map.entry("AEDT", ZoneOffset.ofHours(11)));


    /** Where a hand-edited RFC 822 date lost its spaces: "Sun, 30Mar 2025", "Mon,31 Mar", "31 Mar 202510:50:41". */
    private static final java.util.regex.Pattern LOST_SPACE = java.util.regex.Pattern.compile(
            "(?<=,)(?=\\d)|(?<=\\d)(?=\\p{Alpha})|(?<=\\p{Alpha})(?=\\d)|(?<=\\b\\d{4})(?=\\d{1,2}:\\d{2})");

    /** An RFC 822 date with the spaces it lost put back; the same string when it is no such date. */
    static String spacedRfc822(String t) {
        if (t.length() > 40 || !t.matches("(?i)(?:[a-z]{3},?\\s*)?\\d{1,2}\\s*[a-z]{3}.*")) {
            return t;
        }
        return LOST_SPACE.matcher(t).replaceAll(" ").replaceAll("\\s+", " ");
    }
}
