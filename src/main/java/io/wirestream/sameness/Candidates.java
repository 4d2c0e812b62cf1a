package io.wirestream.sameness;

import java.time.Instant;

/** The one tie-break every bucket and gather step applies, so results do not depend on arrival or partition. */
final class Candidates {

    private Candidates() {
    }

    /**
     * Whether candidate a beats candidate b: higher similarity; at equal similarity the earlier event
     * time (the original rather than a copy of it); then the smaller story key.
     */
    static boolean better(double simA, Instant timeA, String keyA, double simB, Instant timeB, String keyB) {
        if (simA != simB) {
            return simA > simB;
        }
        if (timeA != null && timeB != null && !timeA.equals(timeB)) {
            return timeA.isBefore(timeB);
        }
        return keyA.compareTo(keyB) < 0;
    }
}
