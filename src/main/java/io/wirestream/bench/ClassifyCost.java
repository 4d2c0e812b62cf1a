package io.wirestream.bench;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.classify.StoryClassifier;
import io.wirestream.serde.AvroSerde;
import io.wirestream.topology.InMemoryPipeline;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-story cost of the classify stage alone ({@code stage_us_classify}), to set beside the whole
 * topology's per-story cost measured the same way (in memory, one thread, {@link SamenessCost}).
 *
 * <p>The stories are the generated wires as the topology enriches them, with their wire subjects
 * removed: the text model is the expensive path (wire codes are a table lookup), so this is the
 * worst case per story.
 */
final class ClassifyCost {

    private static final int ROUNDS = 5;

    private ClassifyCost() {
    }

    /** Median over rounds of microseconds per story in {@link StoryClassifier#classify}, over {@code batch} generated stories. */
    static double perStoryMicros(long seed, int batch, PrintStream log) {
        List<EnrichedStory> stories = new ArrayList<>(batch);
        AvroSerde<EnrichedStory> serde = AvroSerde.of(EnrichedStory.class);
        Topics topics = Topics.defaults();
        try (InMemoryPipeline pipeline = new InMemoryPipeline(topics, WirestreamTopology.Settings.defaults())) {
            WireStoryGenerator gen = new WireStoryGenerator(seed, WireStoryGenerator.Mix.allNew());
            for (WireStoryGenerator.WireStory w : gen.next(batch)) {
                pipeline.process(w.key(), Bench.item(w), w.versionCreated()).stream()
                        .filter(o -> o.topic().equals(topics.enriched()))
                        .forEach(o -> stories.add(EnrichedStory.newBuilder(serde.decode(o.value())).setSubjects(List.of()).build()));
            }
        }
        StoryClassifier classifier = StoryClassifier.bundled();
        long sink = 0;
        double[] rounds = new double[ROUNDS + 1];
        for (int r = 0; r <= ROUNDS; r++) {
            long t0 = System.nanoTime();
            for (EnrichedStory s : stories) {
                sink += classifier.classify(s).categories().size();
            }
            rounds[r] = (System.nanoTime() - t0) / 1e3 / Math.max(1, stories.size());
        }
        // round 0 is the JIT warm-up
        double[] timed = Arrays.copyOfRange(rounds, 1, rounds.length);
        Arrays.sort(timed);
        double median = timed[ROUNDS / 2];
        log.printf(Locale.ROOT, "[bench] classify cost: %.1f us/story over %d stories (rounds %s; %d categories)%n", median,
                stories.size(), Arrays.toString(Arrays.stream(timed).map(x -> Bench.round(x, 1)).toArray()), sink);
        return median;
    }
}
