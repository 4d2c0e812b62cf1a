package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Wire and feed timestamps, as written and as hand-edited feeds mangle them. */
class WireTimesTest {

    @Test
    void rfc822AndIsoWithOffsets() {
        assertThat(WireTimes.parse("Mon, 31 Mar 2025 10:50:41 +0530")).isEqualTo(Instant.parse("2025-03-31T05:20:41Z"));
        assertThat(WireTimes.parse("2025-03-31T10:50:41Z")).isEqualTo(Instant.parse("2025-03-31T10:50:41Z"));
        assertThat(WireTimes.read("2024-01-02T10:00:00", ZoneId.of("Europe/Helsinki")).zoneInferred()).isTrue();
    }

    /** NITF's basic form as producers vary it: no seconds, a fraction, an offset with a colon, no offset (the agency's zone). */
    @Test
    void nitfBasicFormsWithoutSecondsWithAFractionOrAColonInTheOffset() {
        assertThat(WireTimes.parse("20240611T142300-0400")).isEqualTo(Instant.parse("2024-06-11T18:23:00Z"));
        assertThat(WireTimes.parse("20240611T1423+0000")).isEqualTo(Instant.parse("2024-06-11T14:23:00Z"));
        assertThat(WireTimes.parse("20240611T142300.250+0000")).isEqualTo(Instant.parse("2024-06-11T14:23:00.250Z"));
        assertThat(WireTimes.parse("20240611T142300+02:00")).isEqualTo(Instant.parse("2024-06-11T12:23:00Z"));
        assertThat(WireTimes.parse("20240611T142300Z")).isEqualTo(Instant.parse("2024-06-11T14:23:00Z"));
        WireTimes.WireTime local = WireTimes.read("20240611T1423", ZoneId.of("Europe/Helsinki"));
        assertThat(local.instant()).isEqualTo(Instant.parse("2024-06-11T11:23:00Z"));
        assertThat(local.zoneInferred()).isTrue();
    }

    /** The Times of India's feed: spaces lost around the day, after the comma, between year and time. */
    @Test
    void anRfc822DateThatLostItsSpacesIsRead() {
        assertThat(WireTimes.parse("Sun, 30Mar 2025 12:41:13 +0530")).isEqualTo(Instant.parse("2025-03-30T07:11:13Z"));
        assertThat(WireTimes.parse("Mon,31 Mar 2025 10:50:41 +0530")).isEqualTo(Instant.parse("2025-03-31T05:20:41Z"));
        assertThat(WireTimes.parse("Mon, 31 Mar 202510:50:41 +0530")).isEqualTo(Instant.parse("2025-03-31T05:20:41Z"));
        // WordPress's export: "Sun, 11 Jul 2014" was a Friday; the day name is wrong, the date is not
        assertThat(WireTimes.parse("Sun, 11 Jul 2014 15:06:01 +0000")).isEqualTo(Instant.parse("2014-07-11T15:06:01Z"));
        assertThat(WireTimes.parse("Sun, 31 Feb 2014 15:06:01 +0000")).as("no date, not the 28th").isNull();
        // Il Messaggero's Italian day name: the day name is never checked, the date is
        assertThat(WireTimes.parse("mer, 16 nov 2022 00:38:15 +0100")).isEqualTo(Instant.parse("2022-11-15T23:38:15Z"));
        assertThat(WireTimes.parse("GMT+2")).isNull();
    }

    /** RFC 822 as real feeds write it (NASA's, Il Giornale's, Il Messaggero's): zone names, colons, two-digit years. */
    @Test
    void rfc822ZoneNamesAndLooseForms() {
        assertThat(WireTimes.parse("Thu, 01 Aug 2019 16:15 EDT")).isEqualTo(Instant.parse("2019-08-01T20:15:00Z"));
        assertThat(WireTimes.parse("Thu, 06 Feb 2020 00:00:00 PST")).isEqualTo(Instant.parse("2020-02-06T08:00:00Z"));
        assertThat(WireTimes.parse("Tue, 15 Nov 2022 20:15:04 Z")).isEqualTo(Instant.parse("2022-11-15T20:15:04Z"));
        assertThat(WireTimes.parse("Tue, 15 Nov 2022 20:15:04 UTC")).isEqualTo(Instant.parse("2022-11-15T20:15:04Z"));
        assertThat(WireTimes.parse("Tue, 15 Nov 2022 20:15:04 +05:30")).isEqualTo(Instant.parse("2022-11-15T14:45:04Z"));
        assertThat(WireTimes.parse("Tue, 15 Nov 2022 20:15:04 GMT+0200")).isEqualTo(Instant.parse("2022-11-15T18:15:04Z"));
        assertThat(WireTimes.parse("Tue, 15 Nov 2022 20:15:04 +0200 (CEST)")).isEqualTo(Instant.parse("2022-11-15T18:15:04Z"));
        assertThat(WireTimes.parse("Tue, 15 Nov 22 20:15:04 GMT")).as("RFC 822's two-digit year").isEqualTo(Instant.parse("2022-11-15T20:15:04Z"));
        assertThat(WireTimes.parse("Tuesday, 15 November 2022 20:15:04 EST")).isEqualTo(Instant.parse("2022-11-16T01:15:04Z"));
        // no zone: not known to be UTC nor the feed's (its receive time is nearer); BST is British or Bangladeshi
        assertThat(WireTimes.parse("Mon, 15 Jul 2024 10:00:00")).isNull();
        assertThat(WireTimes.parse("Mon, 15 Jul 2024 10:00:00 BST")).isNull();
        assertThat(WireTimes.parse("Tue, 15 Nov 2022 20:15:04 XYZ")).as("an unknown zone").isNull();
        assertThat(WireTimes.parse("Tue, 15 Junk 2022 20:15:04 GMT")).as("no month").isNull();
        assertThat(WireTimes.parse("yesterday")).isNull();
    }
}
