package io.wirestream.sources;

import java.time.Duration;

/**
 * How the sequence-gaps stage judges a line's transmission numbers ({@link SequenceGaps}).
 *
 * @param grace   how long a number may be missing after a later one was read before it counts as lost:
 *                a source's wires cross wire.raw's partitions, so they are read a little out of order
 *                (seconds when the pipeline keeps up, longer while it catches up on a backlog)
 * @param maxJump the furthest a number may lie ahead of the latest and still leave the numbers between
 *                missing; a longer jump is the line counting afresh (a restart, a new day), not that many
 *                lost messages. Never more than a quarter of a channel's count
 */
public record SequenceSettings(Duration grace, int maxJump) {

    /** Shorter would report numbers a partition away as lost, and check many times a second. */
    public static final Duration MIN_GRACE = Duration.ofSeconds(1);

    public SequenceSettings {
        if (grace == null || grace.compareTo(MIN_GRACE) < 0) {
            throw new IllegalArgumentException("the sequence grace must be at least " + MIN_GRACE + ", not " + grace);
        }
        if (maxJump < 2) {
            throw new IllegalArgumentException("the sequence max jump must be at least 2, not " + maxJump);
        }
    }

    public static SequenceSettings defaults() {
        return new SequenceSettings(Duration.ofMinutes(2), 500);
    }
}
