package io.wirestream.eval;

/**
 * The arithmetic every metric shares, with one rule for empty denominators: a ratio over nothing is
 * 0, never NaN. So "no predictions" gives precision 0 and "no gold" gives recall 0, which keeps the
 * JSON valid and never rewards a system for staying silent.
 */
final class Ratios {

    private Ratios() {
    }

    static double ratio(double num, double den) {
        return den == 0 ? 0.0 : num / den;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0. */
    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    /** Number of unordered pairs among k items, k choose 2. */
    static long pairs(long k) {
        return k * (k - 1) / 2;
    }
}
