package io.wirestream.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.MissingRange;
import io.wirestream.avro.SequenceState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceGapsTest {

    private static final SequenceSettings SETTINGS = new SequenceSettings(Duration.ofMinutes(2), 500);
    private static final long T0 = 1_700_000_000_000L;

    /** Reads the numbers in order, one second apart from T0; returns the state. */
    private static SequenceState read(SequenceState state, String... numbers) {
        long t = T0;
        for (String n : numbers) {
            state = SequenceGaps.read(state, ProviderSequence.parse(n).orElseThrow(), t, SETTINGS).state();
            t += 1000;
        }
        return state;
    }

    private static List<int[]> ranges(SequenceState s) {
        return s.getMissing().stream().map(r -> new int[] {r.getFirst(), r.getLast()}).toList();
    }

    @Test
    void theNumbersAsAgenciesSendThem() {
        assertThat(ProviderSequence.parse("a0105")).contains(new ProviderSequence("a", 105, 4));
        assertThat(ProviderSequence.parse("W2870")).contains(new ProviderSequence("W", 2870, 4));
        assertThat(ProviderSequence.parse("eca062")).contains(new ProviderSequence("eca", 62, 3));
        assertThat(ProviderSequence.parse("ecp0007").orElseThrow().modulus()).isEqualTo(10_000);
        assertThat(ProviderSequence.parse(null)).isEmpty();
        assertThat(ProviderSequence.parse("0105")).isEmpty();
        assertThat(ProviderSequence.parse("urn:newsml:1")).isEmpty();
        assertThat(ProviderSequence.format("eca", 7, 3)).isEqualTo("eca007");
    }

    @Test
    void numbersInOrderLeaveNothingMissing() {
        SequenceState s = read(null, "a0101", "a0102", "a0103");
        assertThat(s.getLatest()).isEqualTo(103);
        assertThat(s.getMissing()).isEmpty();
        assertThat(SequenceGaps.holdsRanges(s)).isFalse();
    }

    @Test
    void aNumberReadOutOfOrderWithinTheGraceIsNoLoss() {
        SequenceState s = read(null, "a0101", "a0104");
        assertThat(ranges(s)).containsExactly(new int[] {102, 103});
        assertThat(SequenceGaps.holdsRanges(s)).isTrue();
        s = read(s, "a0103", "a0102"); // the other partitions catch up
        assertThat(s.getMissing()).isEmpty();
        assertThat(SequenceGaps.check(s, "a", T0 + Duration.ofHours(1).toMillis(), 0, SETTINGS).lost()).isEmpty();
    }

    @Test
    void whatIsStillMissingAGraceLaterIsLostOnceAndLateIfItComesAfterAll() {
        SequenceState s = read(null, "a0101", "a0105", "a0103");
        assertThat(ranges(s)).containsExactly(new int[] {102, 102}, new int[] {104, 104});

        SequenceGaps.Check early = SequenceGaps.check(s, "a", T0 + 60_000, 0, SETTINGS);
        assertThat(early.lost()).isEmpty(); // within the grace

        SequenceGaps.Check due = SequenceGaps.check(s, "a", T0 + 1_000 + SETTINGS.grace().toMillis(), 0, SETTINGS);
        assertThat(due.lost()).extracting(SequenceGaps.Lost::first, SequenceGaps.Lost::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a0102", 1), org.assertj.core.groups.Tuple.tuple("a0104", 1));
        assertThat(due.lost().get(0).describe("ap")).isEqualTo(
                "source ap: 1 message lost (a0102): not read 2 min after later numbers; ask the agency to resend");
        assertThat(due.state().getMissing()).allMatch(MissingRange::getReported);
        assertThat(SequenceGaps.check(due.state(), "a", T0 + 600_000, 0, SETTINGS).lost()).isEmpty(); // reported once

        SequenceGaps.Read late = SequenceGaps.read(due.state(), ProviderSequence.parse("a0104").orElseThrow(),
                T0 + 301_000, SETTINGS);
        assertThat(late.finding()).containsInstanceOf(SequenceGaps.Late.class);
        assertThat(late.finding().orElseThrow().describe("ap"))
                .isEqualTo("source ap: a0104, counted as lost, arrived after all, 5 min after it was missed");
        assertThat(ranges(late.state())).containsExactly(new int[] {102, 102});
    }

    @Test
    void aRangeIsReportedAsOneLine() {
        SequenceState s = read(null, "eca060", "eca066");
        List<SequenceGaps.Lost> lost = SequenceGaps.check(s, "eca", T0 + 1_000 + 120_000, 0, SETTINGS).lost();
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).describe("dpa")).startsWith("source dpa: 5 messages lost (eca061 to eca065)");
    }

    @Test
    void aLateNumberInsideARangeSplitsIt() {
        SequenceState s = read(null, "a0100", "a0110", "a0105");
        assertThat(ranges(s)).containsExactly(new int[] {101, 104}, new int[] {106, 109});
    }

    @Test
    void numbersWrapAfterTheirWidthToZeroOrOne() {
        SequenceState s = read(null, "a9998", "a0001");
        assertThat(s.getLatest()).isEqualTo(1);
        assertThat(ranges(s)).containsExactly(new int[] {9999, 9999}); // a line that wraps to 0001 never sends 0000
        s = read(s, "a9999");
        assertThat(s.getMissing()).isEmpty();
        assertThat(ranges(read(null, "a9997", "a0002"))).containsExactly(new int[] {9998, 9999}, new int[] {1, 1});
        assertThat(read(null, "a9999", "a0000", "a0001").getMissing()).isEmpty(); // a line that wraps to 0000

        SequenceState three = read(null, "eca998", "eca001"); // 7901 services may count in three digits
        assertThat(ranges(three)).containsExactly(new int[] {999, 999});
    }

    @Test
    void aResendOfANumberAlreadyReadIsNothing() {
        SequenceState s = read(null, "a0101", "a0102", "a0103");
        SequenceGaps.Read again = SequenceGaps.read(s, ProviderSequence.parse("a0102").orElseThrow(), T0 + 10_000, SETTINGS);
        assertThat(again.finding()).isEmpty();
        assertThat(again.state().getLatest()).isEqualTo(103);
        assertThat(SequenceGaps.read(s, ProviderSequence.parse("a0103").orElseThrow(), T0, SETTINGS).state()).isSameAs(s);
    }

    @Test
    void aLongJumpFollowedByItsNextNumberIsTheLineCountingAfreshNotAThousandLosses() {
        SequenceState s = read(null, "a2874", "a2875");
        SequenceGaps.Read first = SequenceGaps.read(s, ProviderSequence.parse("a0001").orElseThrow(), T0 + 5_000, SETTINGS);
        assertThat(first.finding()).isEmpty(); // one far number could be an old message resent
        assertThat(first.state().getLatest()).isEqualTo(2875);
        SequenceGaps.Read restart = SequenceGaps.read(first.state(), ProviderSequence.parse("a0002").orElseThrow(), T0 + 6_000,
                SETTINGS);
        assertThat(restart.finding()).containsInstanceOf(SequenceGaps.Restarted.class);
        assertThat(restart.finding().orElseThrow().describe("ap")).startsWith("source ap: numbers jumped from a2875 to a0001");
        assertThat(restart.state().getLatest()).isEqualTo(2);
        assertThat(restart.state().getCandidate()).isNull();
        assertThat(restart.state().getMissing()).isEmpty();
        assertThat(read(restart.state(), "a0003", "a0004").getMissing()).isEmpty();

        SequenceGaps.Read wider = SequenceGaps.read(s, ProviderSequence.parse("a00001").orElseThrow(), T0 + 5_000, SETTINGS);
        assertThat(wider.finding()).containsInstanceOf(SequenceGaps.Restarted.class);
        assertThat(wider.state().getDigits()).isEqualTo(5);
    }

    @Test
    void anOldMessageResentOpensNoGapAndLeavesTheLineWhereItWas() {
        SequenceState s = read(null, "a1000", "a1001", "a1002", "a1003", "a1004", "a1005");
        s = read(s, "a0400", "a0403", "a1006"); // the agency resends two old messages among the new ones
        assertThat(s.getLatest()).isEqualTo(1006);
        assertThat(s.getCandidate()).isNull();
        assertThat(s.getMissing()).isEmpty();
        for (String n : new String[] {"a0400", "a0403"}) {
            assertThat(SequenceGaps.read(read(null, "a1000"), ProviderSequence.parse(n).orElseThrow(), T0, SETTINGS).finding())
                    .isEmpty();
        }
    }

    @Test
    void theJumpIsNeverMoreThanAQuarterOfTheCount() {
        // 3 digits count to 999: a jump of 300 is far there, though under the setting's 500
        SequenceState s = read(null, "eca100");
        SequenceGaps.Read far = SequenceGaps.read(s, ProviderSequence.parse("eca400").orElseThrow(), T0, SETTINGS);
        assertThat(far.state().getLatest()).isEqualTo(100);
        assertThat(far.state().getCandidate()).isEqualTo(400);
        SequenceGaps.Read near = SequenceGaps.read(s, ProviderSequence.parse("eca300").orElseThrow(), T0, SETTINGS);
        assertThat(near.state().getLatest()).isEqualTo(300);
        assertThat(ranges(near.state())).containsExactly(new int[] {101, 299});
    }

    @Test
    void aRestartOfTheStageGivesMissingNumbersAWholeGraceAgain() {
        SequenceState s = read(null, "a0101", "a0105");
        long restartedAt = T0 + Duration.ofHours(1).toMillis(); // down for an hour: the backlog may hold a0102-a0104
        assertThat(SequenceGaps.check(s, "a", restartedAt + 60_000, restartedAt, SETTINGS).lost()).isEmpty();
        assertThat(SequenceGaps.check(s, "a", restartedAt + SETTINGS.grace().toMillis(), restartedAt, SETTINGS).lost()).hasSize(1);
    }

    @Test
    void aChannelKeepsABoundedNumberOfRangesAndForgetsLostOnes() {
        SequenceState s = read(null, "a0000");
        for (int n = 2; n <= 2 * (SequenceGaps.MAX_RANGES + 10); n += 2) {
            s = read(s, ProviderSequence.format("a", n, 4));
        }
        assertThat(s.getMissing()).hasSize(SequenceGaps.MAX_RANGES);
        assertThat(s.getMissing().get(0).getFirst()).isEqualTo(21); // the oldest ten went

        long later = T0 + SETTINGS.grace().toMillis();
        SequenceState reported = SequenceGaps.check(s, "a", later, 0, SETTINGS).state();
        assertThat(reported.getMissing()).allMatch(MissingRange::getReported);
        long muchLater = later + SequenceGaps.REMEMBER_LOST.toMillis() + 1;
        assertThat(SequenceGaps.check(reported, "a", muchLater, 0, SETTINGS).state().getMissing()).isEmpty();
    }

    @Test
    void settingsAreChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SequenceSettings(Duration.ofMillis(999), 500))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SequenceSettings(Duration.ofMinutes(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
