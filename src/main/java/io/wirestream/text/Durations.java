package io.wirestream.text;

import java.time.Duration;

/** Durations in log lines an operator reads. */
public final class Durations {

    private Durations() {
    }

    /** "42 min", "3 h 5 min", "40 s". */
    public static String inWords(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        long min = d.toMinutes();
        return min < 120 ? min + " min" : min / 60 + " h " + min % 60 + " min";
    }
}
