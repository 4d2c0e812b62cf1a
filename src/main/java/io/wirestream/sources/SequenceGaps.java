package io.wirestream.sources;

import io.wirestream.avro.MissingRange;
import io.wirestream.avro.SequenceState;
import io.wirestream.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Messages a line lost, found from the gaps in its transmission numbers (DOMAIN.md's source metadata:
 * "provider seq for gap detection"). An agency numbers every message on a channel in order, so a number
 * that never comes is a message the newsroom never got: a receiver notices, logs it and asks for a resend.
 *
 * <p>The rules, per source and channel. A number ahead of the latest by at most the settings' jump makes
 * the numbers between missing. A number behind the latest by at most that much is one of them arriving
 * late (wires cross wire.raw's partitions, so they are read a little out of order) or a resend of one
 * already read. A missing number still not read a grace later is lost: one log line and a count per
 * range. A number further off is an old message resent, or the line counting afresh: a restart when the
 * number right after it comes next, else nothing. Another width is a new line. Numbers wrap after their
 * width's last value (9999 to 0000 or 0001). Pure functions over the stored state; {@link
 * SequenceGapProcessor} applies them.
 */
public final class SequenceGaps {

    /** Most missing ranges a channel keeps; past it the oldest go, reported ones first. */
    static final int MAX_RANGES = 64;
    /** How long a lost range is remembered, so that a number of it that comes after all is logged as late. */
    static final Duration REMEMBER_LOST = Duration.ofHours(6);

    private SequenceGaps() {
    }

    /** What reading a number or checking a channel found that the desk should hear of. */
    public sealed interface Finding {
        /** One log line, for the line {@code source} sends on. */
        String describe(String source);

        /** What it is, as the metric's label: lost, late or restarted. */
        String outcome();

        /** How many messages it is about. */
        default int messages() {
            return 1;
        }
    }

    /** Numbers missing for the grace: lost. */
    public record Lost(String first, String last, int count, Duration waited) implements Finding {
        @Override
        public String outcome() {
            return "lost";
        }

        @Override
        public int messages() {
            return count;
        }

        @Override
        public String describe(String source) {
            String which = count == 1 ? first : first + " to " + last;
            return "source " + source + ": " + count + (count == 1 ? " message" : " messages") + " lost (" + which
                    + "): not read " + Durations.inWords(waited) + " after later numbers; ask the agency to resend";
        }
    }

    /** A number already counted as lost that came after all. */
    public record Late(String number, Duration afterMissed) implements Finding {
        @Override
        public String outcome() {
            return "late";
        }

        @Override
        public String describe(String source) {
            return "source " + source + ": " + number + ", counted as lost, arrived after all, "
                    + Durations.inWords(afterMissed) + " after it was missed";
        }
    }

    /** The line counting afresh, or a jump too long to call the numbers between lost. */
    public record Restarted(String from, String to) implements Finding {
        @Override
        public String outcome() {
            return "restarted";
        }

        @Override
        public String describe(String source) {
            return "source " + source + ": numbers jumped from " + from + " to " + to
                    + ": the line started counting afresh (or lost more messages than sources.sequence.max.jump)";
        }
    }

    /** The state after a read, and what it found. */
    public record Read(SequenceState state, Optional<Finding> finding) {
    }

    /** The state after a check, and the ranges it found lost. */
    public record Check(SequenceState state, List<Lost> lost) {
    }

    /** Reads one number into its channel's state ({@code state} null: the channel's first). */
    public static Read read(SequenceState state, ProviderSequence seq, long now, SequenceSettings settings) {
        if (state == null || state.getDigits() != seq.digits()) {
            SequenceState fresh = SequenceState.newBuilder().setDigits(seq.digits()).setLatest(seq.number()).setCandidate(null)
                    .setMissing(new ArrayList<>()).build();
            return new Read(fresh, state == null ? Optional.empty() : Optional.of(restarted(state, seq.channel(), seq.sent())));
        }
        int modulus = seq.modulus();
        int jump = Math.min(settings.maxJump(), modulus / 4);
        int ahead = Math.floorMod(seq.number() - state.getLatest(), modulus);
        if (ahead == 0) {
            return new Read(state, Optional.empty()); // the latest again: a resend
        }
        SequenceState next = SequenceState.newBuilder(state).setMissing(new ArrayList<>(state.getMissing())).build();
        if (ahead <= jump) {
            advance(next, seq, ahead, now);
            return new Read(next, Optional.empty());
        }
        if (ahead >= modulus - jump) {
            return new Read(next, filled(next.getMissing(), seq, now));
        }
        // Far from the latest: an old message resent, or the line counting afresh. Only what follows tells: the
        // number right after it confirms a restart (a line counts one by one; scattered old numbers do not). The
        // latest stays until then, so old copy opens no gap below numbers already read.
        Integer candidate = state.getCandidate();
        if (candidate == null || Math.floorMod(seq.number() - candidate, modulus) != 1) {
            next.setCandidate(seq.number());
            return new Read(next, Optional.empty());
        }
        next.setLatest(seq.number());
        next.setCandidate(null);
        return new Read(next, Optional.of(restarted(state, seq.channel(), ProviderSequence.format(seq.channel(), candidate,
                seq.digits()))));
    }

    /**
     * Moves the latest on to {@code seq}, {@code ahead} numbers on, leaving those between missing. The line's count
     * wraps to zero or to one (agencies differ), so a range across the wrap starts at one: a 0000 never sent is no loss.
     */
    private static void advance(SequenceState next, ProviderSequence seq, int ahead, long now) {
        int modulus = seq.modulus();
        if (ahead > 1) {
            int first = (next.getLatest() + 1) % modulus;
            int last = Math.floorMod(seq.number() - 1, modulus);
            Instant noticed = Instant.ofEpochMilli(now);
            if (first <= last) {
                next.getMissing().add(range(first, last, noticed));
            } else {
                next.getMissing().add(range(first, modulus - 1, noticed));
                if (last >= 1) {
                    next.getMissing().add(range(1, last, noticed));
                }
            }
            cap(next.getMissing());
        }
        next.setLatest(seq.number());
        next.setCandidate(null);
    }

    /**
     * Marks the ranges missing for the grace as lost and forgets lost ranges after {@link #REMEMBER_LOST}. A range
     * waits from when it was noticed, but never from before {@code startedAt}: when the stage started (a restart, a
     * rebalance, a restore) it may be far behind, and the backlog may hold the numbers.
     */
    public static Check check(SequenceState state, String channel, long now, long startedAt, SequenceSettings settings) {
        List<Lost> lost = new ArrayList<>();
        List<MissingRange> kept = new ArrayList<>();
        for (MissingRange r : state.getMissing()) {
            long waited = now - Math.max(r.getNoticedAt().toEpochMilli(), r.getReported() ? 0 : startedAt);
            if (r.getReported() && waited > REMEMBER_LOST.toMillis()) {
                continue;
            }
            if (!r.getReported() && waited >= settings.grace().toMillis()) {
                lost.add(new Lost(ProviderSequence.format(channel, r.getFirst(), state.getDigits()),
                        ProviderSequence.format(channel, r.getLast(), state.getDigits()), r.getLast() - r.getFirst() + 1,
                        Duration.ofMillis(waited)));
                r = MissingRange.newBuilder(r).setReported(true).build();
            }
            kept.add(r);
        }
        return new Check(SequenceState.newBuilder(state).setMissing(kept).build(), lost);
    }

    /** Whether the state holds any range, missing or lost: checks are still due (to report it, or to forget it). */
    public static boolean holdsRanges(SequenceState state) {
        return !state.getMissing().isEmpty();
    }

    /** Takes a late number out of its range; a late arrival of a number counted as lost is a finding. */
    private static Optional<Finding> filled(List<MissingRange> missing, ProviderSequence seq, long now) {
        int n = seq.number();
        for (int i = 0; i < missing.size(); i++) {
            MissingRange r = missing.get(i);
            if (n < r.getFirst() || n > r.getLast()) {
                continue;
            }
            missing.remove(i);
            if (n < r.getLast()) {
                missing.add(i, MissingRange.newBuilder(r).setFirst(n + 1).build());
            }
            if (n > r.getFirst()) {
                missing.add(i, MissingRange.newBuilder(r).setLast(n - 1).build());
            }
            return r.getReported()
                    ? Optional.of(new Late(seq.sent(), Duration.ofMillis(Math.max(0, now - r.getNoticedAt().toEpochMilli()))))
                    : Optional.empty();
        }
        return Optional.empty(); // a resend of a number already read
    }

    /** Keeps at most {@link #MAX_RANGES}: the oldest lost ranges go first, then the oldest missing. */
    private static void cap(List<MissingRange> missing) {
        while (missing.size() > MAX_RANGES) {
            MissingRange oldest = missing.stream().filter(MissingRange::getReported).findFirst()
                    .orElseGet(() -> missing.stream().min(Comparator.comparing(MissingRange::getNoticedAt)).orElseThrow());
            missing.remove(oldest);
        }
    }

    /** The line counting afresh at {@code to}, from the latest number of {@code state}. */
    private static Restarted restarted(SequenceState state, String channel, String to) {
        return new Restarted(ProviderSequence.format(channel, state.getLatest(), state.getDigits()), to);
    }

    private static MissingRange range(int first, int last, Instant noticed) {
        return MissingRange.newBuilder().setFirst(first).setLast(last).setNoticedAt(noticed).setReported(false).build();
    }
}
