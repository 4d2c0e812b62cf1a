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

    /** The Times of India's feed: spaces lost around the day, after the comma, between year and time. */
    @Test
    void anRfc822DateThatLostItsSpacesIsRead() {
        assertThat(WireTimes.parse("Sun, 30Mar 2025 12:41:13 +0530")).isEqualTo(Instant.parse("2025-03-30T07:11:13Z"));
        assertThat(WireTimes.parse("Mon,31 Mar 2025 10:50:41 +0530")).isEqualTo(Instant.parse("2025-03-31T05:20:41Z"));
        assertThat(WireTimes.parse("Mon, 31 Mar 202510:50:41 +0530")).isEqualTo(Instant.parse("2025-03-31T05:20:41Z"));
        // WordPress's export: "Sun, 11 Jul 2014" was a Friday; the day name is wrong, the date is not
        assertThat(WireTimes.parse("Sun, 11 Jul 2014 15:06:01 +0000")).isEqualTo(Instant.parse("2014-07-11T15:06:01Z"));
        assertThat(WireTimes.parse("Sun, 31 Feb 2014 15:06:01 +0000")).as("no date, not the 28th").isNull();
        assertThat(WireTimes.parse("Foo, 11 Jul 2014 15:06:01 +0000")).as("no day name").isNull();
        assertThat(WireTimes.parse("GMT+2")).isNull();
        assertThat(WireTimes.parse("yesterday")).isNull();
    }
}
