package io.wirestream.bench;

import io.wirestream.avro.RawWireItem;
import io.wirestream.topology.InMemoryPipeline;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-story cost of the dedup state as it grows. There is no near-duplicate index yet, so this
 * measures what exists: the whole topology on TopologyTestDriver (the production code path, RocksDB
 * store {@code story-versions} included) with the state pre-filled with {@code retained} distinct
 * stories, then timing realistic wires whose resends and updates look up what was filled.
 *
 * <p>Run in memory, not on the broker, so the figure is the topology's own cost without network,
 * commit and consumer noise. Event time advances with the generated stories, so the store's
 * hourly expiry scan runs inside the timed batches as it would in production.
 */
final class DedupCost {

    /** Microseconds per story at each retained size. */
    record Result(double smallMicros, double largeMicros) {
    }

    private static final int ROUNDS = 3;

    private final long seed;
    private final int batch;
    private final PrintStream log;

    DedupCost(long seed, int batch, PrintStream log) {
        this.seed = seed;
        this.batch = batch;
        this.log = log;
    }

    Result measure(int small, int large) {
        // JIT warm-up, so the first measured size does not pay for compilation.
        perStoryMicros(Math.min(small, 1_000), 1, "warm-up");
        double s = perStoryMicros(small, ROUNDS, "retained " + small);
        double l = perStoryMicros(large, ROUNDS, "retained " + large);
        return new Result(s, l);
    }

    /** Median over {@code roundCount} timed batches of microseconds per story, state pre-filled with {@code retained}. */
    double perStoryMicros(int retained, int roundCount, String label) {
        try (InMemoryPipeline pipeline = new InMemoryPipeline(Topics.defaults(), WirestreamTopology.Settings.defaults())) {
            WireStoryGenerator gen = new WireStoryGenerator(seed, WireStoryGenerator.Mix.allNew());
            long f0 = System.nanoTime();
            for (int i = 0; i < retained; i++) {
                feed(pipeline, gen.next());
            }
            double fillSeconds = (System.nanoTime() - f0) / 1e9;
            gen.useMix(WireStoryGenerator.Mix.realistic());
            double[] rounds = new double[roundCount];
            for (int r = 0; r < roundCount; r++) {
                // Generated before the clock starts: generation is not the topology's cost.
                List<WireStoryGenerator.WireStory> wires = gen.next(batch);
                List<RawWireItem> items = new ArrayList<>(batch);
                wires.forEach(w -> items.add(Bench.item(w)));
                long t0 = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    WireStoryGenerator.WireStory w = wires.get(i);
                    pipeline.process(w.key(), items.get(i), w.versionCreated());
                }
                rounds[r] = (System.nanoTime() - t0) / 1e3 / batch;
            }
            Arrays.sort(rounds);
            double median = rounds[roundCount / 2];
            log.printf(Locale.ROOT, "[bench] dedup cost, %s: %.1f us/story (rounds %s; filled in %.1f s)%n", label, median,
                    Arrays.toString(Arrays.stream(rounds).map(x -> Bench.round(x, 1)).toArray()), fillSeconds);
            return median;
        }
    }

    private static void feed(InMemoryPipeline pipeline, WireStoryGenerator.WireStory w) {
        pipeline.process(w.key(), Bench.item(w), w.versionCreated());
    }
}
