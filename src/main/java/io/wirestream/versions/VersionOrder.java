package io.wirestream.versions;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Which of two versions of one story is newer: versionCreated first, then the version string
 * (numerically where both are numbers). Agencies' version numbers are not always sequential
 * (Reuters jumps), so the version time decides and the number only breaks ties.
 */
public final class VersionOrder {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");

    private VersionOrder() {
    }

    /** Negative when a is older than b, 0 when the same version, positive when a is newer. */
    public static int compare(Instant createdA, String versionA, Instant createdB, String versionB) {
        int byTime = createdA.compareTo(createdB);
        return byTime != 0 ? byTime : compareVersions(versionA, versionB);
    }

    static int compareVersions(String a, String b) {
        if (a == null || b == null) {
            // A missing version (an ANPA kill or correction take without a lead number) is unknown,
            // not older: with equal times neither is superseded.
            return 0;
        }
        if (DIGITS.matcher(a).matches() && DIGITS.matcher(b).matches()) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        return Comparator.<String>naturalOrder().compare(a, b);
    }
}
