package io.wirestream.bench;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: the reported value is always one that was measured (no interpolation
 * between two latencies), which is what a p99 of a few thousand samples should mean.
 */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Sorts a copy; the samples may be in any order. */
    public static Percentiles of(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] s = samples.clone();
        Arrays.sort(s);
        return new Percentiles(s);
    }

    /**
     * The smallest sample with at least {@code p} percent of the samples at or below it.
     *
     * @param p in (0, 100]
     */
    public long at(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public int count() {
        return sorted.length;
    }

    public long max() {
        return sorted[sorted.length - 1];
    }
}
