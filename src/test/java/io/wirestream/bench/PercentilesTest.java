package io.wirestream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOnOneToHundred() {
        long[] shuffled = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();
        Percentiles p = Percentiles.of(shuffled);
        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(95)).isEqualTo(95);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.count()).isEqualTo(100);
    }

    @Test
    void alwaysAMeasuredValueAndOrdered() {
        Percentiles p = Percentiles.of(new long[] {120, 3, 40, 7});
        assertThat(p.at(50)).isEqualTo(7);     // rank ceil(0.5*4)=2
        assertThat(p.at(95)).isEqualTo(120);   // rank 4
        assertThat(p.at(1)).isEqualTo(3);
        Percentiles one = Percentiles.of(new long[] {42});
        assertThat(one.at(50)).isEqualTo(42);
        assertThat(one.at(99)).isEqualTo(42);
    }

    @Test
    void doesNotSortTheCallersArray() {
        long[] samples = {5, 1, 3};
        Percentiles.of(samples);
        assertThat(samples).containsExactly(5, 1, 3);
    }

    @Test
    void refusesNoSamplesAndOutOfRangePercentiles() {
        assertThatThrownBy(() -> Percentiles.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
