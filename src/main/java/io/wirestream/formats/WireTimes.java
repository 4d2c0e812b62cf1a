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
            // NITF: 20170824T043734+0000 or 20170824T043734Z
            new DateTimeFormatterBuilder().appendPattern("yyyyMMdd'T'HHmmss").appendOffset("+HHMM", "Z").toFormatter(Locale.ROOT),
            // AAP's Superdesk NITF: 2016-04-13 04:52:21+00:00
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss").appendOffset("+HH:MM", "Z").toFormatter(Locale.ROOT),
            DateTimeFormatter.RFC_1123_DATE_TIME);

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT));

    private WireTimes() {
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
                return new WireTime(OffsetDateTime.parse(t, f).toInstant(), false);
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
            // A day name that is not the date's ("Sun, 11 Jul 2014": a Friday) fails RFC 1123's check; the date stands,
            // if it is one ("31 Feb" is none: strictly read, not moved to the 28th)
            String dayless = DAY_NAME.matcher(t).replaceFirst("");
            if (!dayless.equals(t)) {
                try {
                    return new WireTime(OffsetDateTime.parse(dayless, STRICT_RFC_1123).toInstant(), false);
                } catch (DateTimeParseException notOne) {
                    // perhaps it lost a space (below)
                }
            }
            String spaced = spacedRfc822(t);
            return spaced.equals(t) ? null : read(spaced, localZone);
        }
    }

    private static final java.util.regex.Pattern DAY_NAME = java.util.regex.Pattern.compile(
            "^(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},\\s*(?=\\d{1,2}\\s+[A-Za-z])");
    private static final DateTimeFormatter STRICT_RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(java.time.format.ResolverStyle.STRICT);

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
