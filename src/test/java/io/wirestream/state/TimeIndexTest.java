package io.wirestream.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeIndexTest {

    @Test
    void digitsAreTheFifteenDigitFormat() {
        Random r = new Random(1);
        for (long millis : new long[] {-5, 0, 7, 1_733_212_345_678L, 999_999_999_999_999L, 1_000_000_000_000_000L}) {
            assertThat(TimeIndex.digits(millis)).isEqualTo(String.format(Locale.ROOT, "%015d", Math.max(0, millis)));
        }
        for (int i = 0; i < 1_000; i++) {
            long millis = (r.nextLong() & Long.MAX_VALUE) >>> r.nextInt(63);
            assertThat(TimeIndex.digits(millis)).isEqualTo(String.format(Locale.ROOT, "%015d", millis));
        }
    }
}
