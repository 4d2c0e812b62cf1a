package io.wirestream.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void versionTimeDecidesBeforeTheNumber() {
        // Reuters numbers are not sequential: a later time wins even with a smaller number.
        assertThat(VersionOrder.compare(T.plusSeconds(60), "2", T, "5")).isPositive();
        assertThat(VersionOrder.compare(T, "5", T.plusSeconds(60), "2")).isNegative();
    }

    @Test
    void numbersBreakTiesNumericallyNotAsText() {
        assertThat(VersionOrder.compare(T, "10", T, "9")).isPositive();
        assertThat(VersionOrder.compare(T, "2", T, "2")).isZero();
        assertThat(VersionOrder.compare(T, "007", T, "7")).isZero();
        assertThat(VersionOrder.compare(T, "123456789012345678901234567890", T, "2")).isPositive();
    }

    @Test
    void textVersionsCompareAsTextAndAMissingVersionIsUnknownNotOlder() {
        assertThat(VersionOrder.compare(T, "b", T, "a")).isPositive();
        assertThat(VersionOrder.compare(T, null, T, "3")).isZero();
        assertThat(VersionOrder.compare(T, "3", T, null)).isZero();
    }
}
