package io.wirestream.bench;

import io.wirestream.avro.BucketState;
import io.wirestream.avro.ClusterMember;
import io.wirestream.avro.ClusterState;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.RawWireItem;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.SamenessQuery;
import io.wirestream.avro.StoryAction;
import io.wirestream.avro.StoryVersionState;
import io.wirestream.formats.ParseContext;
import io.wirestream.formats.ParsedStory;
import io.wirestream.formats.ParserRegistry;
import io.wirestream.formats.WireParseException;
import io.wirestream.parse.CanonicalStories;
import io.wirestream.sameness.BucketProcessor;
import io.wirestream.sameness.ClusterIndexProcessor;
import io.wirestream.sameness.TermBucketCaches;
import io.wirestream.sameness.ClusterProcessor;
import io.wirestream.sameness.EventMarks;
import io.wirestream.sameness.GatherProcessor;
import io.wirestream.sameness.IdfTable;
import io.wirestream.sameness.SamenessSettings;
import io.wirestream.sameness.Scatter;
import io.wirestream.sameness.Shingles;
import io.wirestream.sameness.TermVectors;
import io.wirestream.serde.AvroSerde;
import io.wirestream.topology.WirestreamTopology;
import io.wirestream.versions.Routed;
import io.wirestream.versions.VersionTracker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per-story cost of the near-duplicate and cluster index (the sameness buckets) with a small and a
 * large number of stories retained, and the per-stage cost per story, on the same generated stories.
 *
 * <p>The index is the production {@link BucketProcessor} on its production store
 * ({@link WirestreamTopology#store}: persistent RocksDB, String keys, the Avro serde), driven
 * directly, each query and answer Avro round-tripped as on {@code sameness-queries} and
 * {@code sameness-answers}; beside it the cluster loop ({@link ClusterProcessor} on its store, its
 * centroid snapshots filed by {@link ClusterIndexProcessor} in the same bucket store, as
 * {@code cluster-terms} does), so term buckets hold what they hold in production. Kafka's hops and
 * the changelog are not in it: what is measured is the index's own work.
 *
 * <p>Text comes from {@link WireStoryGenerator} with {@link NewsVocabulary} (real news word
 * frequencies, stories of one event sharing their event words), so term buckets fill as real ones
 * do; the timed batches have the realistic mix (resends, updates, near-copies of retained stories).
 * Wires are 0.25-1.75 s apart in event time, so 100,000 stories (about 28 h) stay inside the 48 h
 * windows: all are retained.
 */
final class SamenessCost {

    static final String INDEX = "sameness-buckets: BucketProcessor driven directly on its production RocksDB store "
            + "(WirestreamTopology.store: String keys, AvroSerde<BucketState>; changelog off), each new story's queries (its 6 band "
            + "and 8 term buckets, one query per partition, each timed as its band and its term half) and answers Avro round-tripped as on sameness-queries/sameness-answers, a store flush every 20 new stories "
            + "as a commit; term buckets filled by the cluster loop (ClusterProcessor, ClusterIndexProcessor); expiry "
            + "(incremental, by a time index) measured apart: one pass with a minute's entries due (neardup_detail.*.expiry_pass_ms)";

    /** Stages timed per story, in pipeline order. */
    static final List<String> STAGES = List.of("parse", "versions", "neardup", "cluster", "regions", "serdes");

    /** The figures at one retained size. */
    record Sizes(int retained, double indexMicros, double bandMicros, double termMicros, double commitMicros,
                 Map<String, Double> stageMicros, int wires, int newStories, int nearCopies, int nearCopiesFound,
                 long bucketKeys, double storeMb, double meanBucketValueBytes, double expiryPassMs, int expiredEntries,
                 List<Double> roundMicros, double termCacheHitRate, double termCacheMb) {
        /** The median round's µs per new story: less moved by a burst of other work on the machine than the mean. */
        double medianMicros() {
            List<Double> sorted = roundMicros.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }
    }

    record Result(Sizes small, Sizes large) {
        /**
         * The median over rounds of a large round's cost over the small round timed just before it: the
         * two ran within seconds of each other, so what slowed the machine then slowed both.
         */
        double pairedRatio() {
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < Math.min(small.roundMicros().size(), large.roundMicros().size()); r++) {
                ratios.add(large.roundMicros().get(r) / small.roundMicros().get(r));
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }
    }

    /**
     * Timed rounds of each size. The two sizes take turns, a small round then a large one, so a slow
     * minute of the machine (other work, a JIT pass, a host neighbour) falls on both, not on one: timed
     * one after the other, the 1k figure moved by a quarter or more between runs, and the ratio with it.
     */
    private static final int ROUNDS = 8;
    /** Wires timed at a large size in all, in batches: three, as before the rounds took turns. */
    private static final int LARGE_BATCHES = 3;
    private static final String APP = "wirestream-bench-sameness";
    private static final String BUCKETS_CHANGELOG = APP + "-" + WirestreamTopology.BUCKETS_STORE + "-changelog";
    private static final String CLUSTERS_CHANGELOG = APP + "-" + WirestreamTopology.CLUSTERS_STORE + "-changelog";
    /** New stories per emulated commit: about 100 ms (commit.interval.ms under EOS) at 200 stories/s. */
    private static final int COMMIT_EVERY = 20;

    private final long seed;
    private final int batch;
    private final PrintStream log;
    private final SamenessSettings settings = SamenessSettings.defaults();
    private final ParserRegistry registry = ParserRegistry.standard();
    private final IdfTable idf = IdfTable.bundled();
    private final AvroSerde<EnrichedStory> storySerde = AvroSerde.of(EnrichedStory.class);
    private final NewsVocabulary vocabulary = NewsVocabulary.bundled();

    SamenessCost(long seed, int batch, PrintStream log) {
        this.seed = seed;
        this.batch = batch;
        this.log = log;
    }

    Result measure(int small, int large) {
        // JIT warm-up, so the first measured size does not pay for compilation.
        try (Size warmUp = new Size(Math.min(small, 1_000), "warm-up")) {
            warmUp.round(0);
            warmUp.result();
        }
        try (Size s = new Size(small, "retained " + small); Size l = new Size(large, "retained " + large)) {
            s.fill(0);
            l.fill(0);
            for (int r = 0; r < ROUNDS; r++) {
                s.round(r);
                l.round(r);
            }
            return new Result(s.result(), l.result());
        }
    }

    /** Wires a round times: a quarter of a small size (refilled every round), a share of three batches at a large one. */
    int perRound(int retained) {
        return refilled(retained) ? Math.min(batch, Math.max(50, retained / 4)) : Math.max(50, LARGE_BATCHES * batch / ROUNDS);
    }

    /** Whether a size is filled afresh for every round, so that it stays near its nominal size while timed. */
    private static boolean refilled(int retained) {
        return retained <= 10_000;
    }

    /**
     * One retained size: a fresh index filled with {@code retained} new stories, then timed rounds of the
     * realistic mix. A small size is filled afresh for every round (its round adds a quarter of its size).
     */
    private final class Size implements AutoCloseable {
        private final int retained;
        private final String label;
        private final Stats stats = new Stats();
        private final List<Double> roundMicros = new ArrayList<>();
        private final long started = System.nanoTime();
        private double fillSeconds;
        private Harness h;
        private WireStoryGenerator gen;

        Size(int retained, String label) {
            this.retained = retained;
            this.label = label;
        }

        void fill(int round) {
            if (h != null) {
                h.close();
            }
            long t = System.nanoTime();
            h = new Harness(settings);
            gen = new WireStoryGenerator(seed + round, WireStoryGenerator.Mix.allNew(), "bench", vocabulary)
                    .spacing(Duration.ofMillis(250), Duration.ofMillis(1500));
            for (int i = 0; i < retained; i++) {
                h.story(gen.next(), null);
            }
            fillSeconds += (System.nanoTime() - t) / 1e9;
            gen.useMix(WireStoryGenerator.Mix.realistic());
        }

        void round(int r) {
            if (h == null || (refilled(retained) && r > 0)) {
                fill(r);
            }
            Stats round = new Stats();
            long hits = h.termCaches.hits();
            long misses = h.termCaches.misses();
            for (WireStoryGenerator.WireStory w : gen.next(perRound(retained))) {
                h.story(w, round);
            }
            round.cacheHits = h.termCaches.hits() - hits;
            round.cacheMisses = h.termCaches.misses() - misses;
            log.printf(Locale.ROOT, "[bench] sameness index, %s, round %d: %.1f us per new story (band %.1f, term %.1f; %d new, "
                            + "%d near-copies, %d found)%n", label, r + 1, round.perNew(round.band + round.term),
                    round.perNew(round.band), round.perNew(round.term), round.newStories, round.nearCopies, round.found);
            stats.add(round);
            roundMicros.add(round.perNew(round.band + round.term + round.commit));
        }

        Sizes result() {
            long[] keysAndBytes = new long[2];
            double scanMs = h.scan(keysAndBytes);
            long keys = keysAndBytes[0];
            double mb = h.storeBytes() / 1e6;
            Map<String, Double> stage = new LinkedHashMap<>();
            stage.put("parse", stats.perWire(stats.parse));
            stage.put("versions", stats.perWire(stats.versions));
            stage.put("neardup", stats.perNew(stats.neardup));
            stage.put("cluster", stats.perNew(stats.cluster));
            stage.put("regions", stats.perWire(stats.regions));
            stage.put("serdes", stats.perWire(stats.serdes));
            Sizes out = new Sizes(retained, stats.perNew(stats.band + stats.term + stats.commit), stats.perNew(stats.band),
                    stats.perNew(stats.term), stats.perNew(stats.commit), stage, stats.wires, stats.newStories, stats.nearCopies,
                    stats.found, keys, mb, keys == 0 ? 0 : (double) keysAndBytes[1] / keys, scanMs, h.expired, List.copyOf(roundMicros),
                    stats.cacheHits + stats.cacheMisses == 0 ? 0 : (double) stats.cacheHits / (stats.cacheHits + stats.cacheMisses),
                    h.termCaches.bytes() / 1e6);
            log.printf(Locale.ROOT, "[bench] sameness index, %s: %.1f us per new story (band %.1f, term %.1f; term buckets read "
                            + "from the cache %.3f, which holds %.0f MB); stages %s; "
                            + "%d bucket store keys, %.0f MB on disk, values %.0f B; an expiry pass (a minute's entries due) %.1f ms; filled in %.1f s, "
                            + "%.1f s in all%n", label, out.indexMicros(), out.bandMicros(), out.termMicros(), out.termCacheHitRate(), out.termCacheMb(),
                    stage, keys, mb, out.meanBucketValueBytes(), scanMs, fillSeconds,
                    (System.nanoTime() - started) / 1e9);
            return out;
        }

        @Override
        public void close() {
            if (h != null) {
                h.close();
            }
        }
    }

    /** Nanoseconds per stage, summed over the timed stories. */
    private static final class Stats {
        long parse;
        long versions;
        long neardup;
        long cluster;
        long regions;
        long serdes;
        long band;
        long term;
        long commit;
        int wires;
        int newStories;
        int nearCopies;
        int found;
        long cacheHits;
        long cacheMisses;

        void add(Stats o) {
            parse += o.parse;
            versions += o.versions;
            neardup += o.neardup;
            cluster += o.cluster;
            regions += o.regions;
            serdes += o.serdes;
            band += o.band;
            term += o.term;
            commit += o.commit;
            wires += o.wires;
            newStories += o.newStories;
            nearCopies += o.nearCopies;
            found += o.found;
            cacheHits += o.cacheHits;
            cacheMisses += o.cacheMisses;
        }

        double perWire(long nanos) {
            return wires == 0 ? 0 : nanos / 1e3 / wires;
        }

        double perNew(long nanos) {
            return newStories == 0 ? 0 : nanos / 1e3 / newStories;
        }
    }

    /**
     * The index and the cluster loop, their processors driven directly (MockProcessorContext) on
     * their production stores, plus the versions state of the stories seen. Not TopologyTestDriver:
     * it commits, so flushes RocksDB's memtable, after every record; production commits once per
     * commit interval, emulated here by a flush every {@link #COMMIT_EVERY} new stories (about
     * 100 ms at 200 stories/s), its time counted in the index cost.
     */
    private final class Harness implements AutoCloseable {
        private final Path dir;
        private final KeyValueStore<String, BucketState> buckets;
        private final KeyValueStore<String, ClusterState> clusters;
        private final MockProcessorContext<String, SamenessMessage> bucketContext;
        private final MockProcessorContext<String, ClusterMember> clusterContext;
        private final TermBucketCaches termCaches;
        private final BucketProcessor bucketProcessor;
        private final ClusterProcessor clusterProcessor;
        private final ClusterIndexProcessor indexProcessor;
        private final AvroSerde<SamenessQuery> querySerde = AvroSerde.of(SamenessQuery.class);
        private final AvroSerde<SamenessMessage> messageSerde = AvroSerde.of(SamenessMessage.class);
        private final AvroSerde<ClusterMember> memberSerde = AvroSerde.of(ClusterMember.class);
        private final io.wirestream.sources.SourceCatalogue catalogue = io.wirestream.sources.SourceCatalogue.bundled();
        private final io.wirestream.sources.SourceEnricher sourceEnricher = io.wirestream.sources.SourceEnricher.standard();
        private final io.wirestream.enrich.RegionEnricher regionEnricher = io.wirestream.enrich.RegionEnricher.standard();
        private final AvroSerde<BucketState> bucketSerde = AvroSerde.of(BucketState.class);
        private final Map<String, StoryVersionState> versions = new HashMap<>();
        private long offset;
        private int sinceCommit;
        private long firstEventTime = Long.MAX_VALUE;
        private int expired;

        Harness(SamenessSettings ss) {
            try {
                dir = Files.createTempDirectory("wirestream-bench-sameness");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "in-memory:9092");
            p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
            // The production store settings: KafkaRuntime sets the same.
            p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, io.wirestream.state.StoreTuning.class.getName());
            TaskId task = new TaskId(0, 0);
            bucketContext = new MockProcessorContext<>(p, task, dir.toFile());
            clusterContext = new MockProcessorContext<>(p, task, dir.toFile());
            MockProcessorContext<Void, Void> indexContext = new MockProcessorContext<>(p, task, dir.toFile());
            // The production builders; the changelog is off only because a mock context has no producer.
            buckets = WirestreamTopology.store(WirestreamTopology.BUCKETS_STORE, BucketState.class).withLoggingDisabled().build();
            buckets.init(bucketContext.getStateStoreContext(), buckets);
            clusters = WirestreamTopology.store(WirestreamTopology.CLUSTERS_STORE, ClusterState.class).withLoggingDisabled().build();
            clusters.init(clusterContext.getStateStoreContext(), clusters);
            bucketContext.addStateStore(buckets);
            indexContext.addStateStore(buckets);
            clusterContext.addStateStore(clusters);
            termCaches = new TermBucketCaches(ss.termCacheMb());
            bucketProcessor = new BucketProcessor(WirestreamTopology.BUCKETS_STORE, ss, termCaches);
            bucketProcessor.init(bucketContext);
            clusterProcessor = new ClusterProcessor(WirestreamTopology.CLUSTERS_STORE, ss);
            clusterProcessor.init(clusterContext);
            indexProcessor = new ClusterIndexProcessor(WirestreamTopology.BUCKETS_STORE, termCaches);
            indexProcessor.init(indexContext);
        }

        /** One wire through every stage; {@code stats} null while filling (not timed). */
        void story(WireStoryGenerator.WireStory w, Stats stats) {
            RawWireItem item = Bench.item(w);
            byte[] payload = bytes(item.getPayload());
            RawRef ref = RawRef.newBuilder().setTopic("wire.raw").setPartition(0).setOffset(offset++).setKey(w.key())
                    .setIndex(0).setCount(1).build();
            Instant time = w.versionCreated();
            firstEventTime = Math.min(firstEventTime, time.toEpochMilli());

            long t0 = System.nanoTime();
            EnrichedStory story;
            try {
                ParsedStory parsed = registry.parse(payload, item.getOriginalSize(), item.getFormat(),
                        new ParseContext(item.getSource(), item.getContentType(), item.getReceivedAt(), item.getItemId(), item.getOrigin())).get(0);
                story = CanonicalStories.from(parsed, item.getSource(), item.getReceivedAt(), ref);
            } catch (WireParseException e) {
                throw new IllegalStateException("generated wire does not parse: " + e.getMessage(), e);
            }
            long t1 = System.nanoTime();
            VersionTracker.Keyed k = VersionTracker.decideKeyed(versions::get, story, time);
            if (k.decision().newState() != null) {
                versions.put(k.key(), k.decision().newState());
            }
            if (k.slugState() != null) {
                versions.put(story.getStoryKey(), k.slugState());
            }
            long t2 = System.nanoTime();
            storySerde.decode(storySerde.encode(story));
            long t3 = System.nanoTime();
            if (stats != null) {
                stats.wires++;
                stats.parse += t1 - t0;
                stats.versions += t2 - t1;
                stats.serdes += t3 - t2;
            }
            if (k.decision().routed() instanceof Routed.Accepted accepted && stats != null) {
                // the enrich stage as the topology runs it: both catalogue lookups (a map get, as on the
                // GlobalKTable's store) and region tagging
                long r0 = System.nanoTime();
                EnrichedStory withSource = sourceEnricher.withOriginal(sourceEnricher.withSource(accepted.story(),
                        catalogue.byId(sourceEnricher.deliveredBy(accepted.story())).orElse(null)),
                        catalogue.byId(sourceEnricher.writtenBy(accepted.story())).orElse(null));
                regionEnricher.enrich(withSource);
                stats.regions += System.nanoTime() - r0;
            }
            if (!(k.decision().routed() instanceof Routed.Accepted a) || a.story().getAction() != StoryAction.NEW) {
                return; // redeliveries, superseded versions, updates and kills ask no bucket
            }
            EnrichedStory s = a.story();

            long n0 = System.nanoTime();
            Shingles shingles = Shingles.of(s);
            long n1 = System.nanoTime();
            Set<String> names = TermVectors.names(s.getBody());
            Map<String, Float> vector = TermVectors.of(s.getHeadline(), s.getBody(), names, idf);
            Map<String, Float> marks = EventMarks.of(s.getHeadline(), s.getBody(), vector, names, idf);
            long n2 = System.nanoTime();
            List<KeyValue<String, SamenessQuery>> all = Scatter.queries(new Scatter.Featured(s, shingles, vector, marks, true), settings);
            long n3 = System.nanoTime();
            // Each query (one per partition of sameness-queries) asked in two halves, its band buckets and
            // its term buckets, so the near-dup and cluster costs stay apart: one more record and answer
            // per query than production sends.
            String duplicateOf = null;
            for (KeyValue<String, SamenessQuery> q : all) {
                KeyValue<String, SamenessQuery> bands = half(q, "n:");
                if (bands != null) {
                    SamenessMessage answer = ask(bands, time);
                    duplicateOf = duplicateOf != null ? duplicateOf : answer.getDuplicateOf();
                }
            }
            long n4 = System.nanoTime();
            Map<String, Double> scores = new HashMap<>();
            for (KeyValue<String, SamenessQuery> q : all) {
                KeyValue<String, SamenessQuery> terms = half(q, "t:");
                if (terms != null) {
                    ask(terms, time).getClusterScores().forEach((c, x) -> scores.merge(c, x, Math::max));
                }
            }
            long n5 = System.nanoTime();
            String cluster = GatherProcessor.clusterFor(s, scores, settings);
            ClusterMember member = ClusterMember.newBuilder().setClusterId(cluster).setStoryKey(s.getStoryKey())
                    .setSource(s.getSource()).setEventTime(s.getVersionCreated()).setVector(vector).setMarks(marks).build();
            clusterProcessor.process(new Record<>(cluster, roundTrip(memberSerde, member), time.toEpochMilli()));
            for (var f : clusterContext.forwarded()) {
                // cluster-terms: each centroid snapshot crosses a topic to its term buckets, once per partition (since 2026-12-06).
                indexProcessor.process(new Record<>(f.record().key(), roundTrip(memberSerde, f.record().value()),
                        f.record().timestamp()));
            }
            clusterContext.resetForwards();
            long n6 = System.nanoTime();
            long commit = 0;
            if (++sinceCommit == COMMIT_EVERY) {
                sinceCommit = 0;
                buckets.flush();
                clusters.flush();
                commit = System.nanoTime() - n6;
            }
            if (stats != null) {
                stats.newStories++;
                stats.band += n4 - n3;
                stats.term += n5 - n4;
                stats.commit += commit;
                // Scatter's query building counts to near-dup.
                stats.neardup += (n1 - n0) + (n3 - n2) + (n4 - n3);
                stats.cluster += (n2 - n1) + (n5 - n4) + (n6 - n5);
                if (w.kind() == WireStoryGenerator.Kind.NEAR_DUPLICATE) {
                    stats.nearCopies++;
                    if (duplicateOf != null) {
                        stats.found++;
                    }
                }
            }
        }

        /** The part of a query that asks buckets of one kind ("n:" or "t:"), or null if it asks none. */
        private KeyValue<String, SamenessQuery> half(KeyValue<String, SamenessQuery> q, String kind) {
            List<String> buckets = q.value.getBuckets().stream().filter(b -> b.startsWith(kind)).toList();
            if (buckets.isEmpty()) {
                return null;
            }
            boolean band = kind.equals("n:");
            return KeyValue.pair(buckets.get(0), SamenessQuery.newBuilder(q.value).setBuckets(buckets)
                    .setShingles(band ? q.value.getShingles() : null).setShingleCount(band ? q.value.getShingleCount() : 0)
                    .setVector(band ? null : q.value.getVector()).setMarks(band ? null : q.value.getMarks()).build());
        }

        /** One query as it travels: serialised to sameness-queries, answered, the answer serialised to sameness-answers. */
        private SamenessMessage ask(KeyValue<String, SamenessQuery> q, Instant time) {
            bucketProcessor.process(new Record<>(q.key, roundTrip(querySerde, q.value), time.toEpochMilli()));
            SamenessMessage answer = roundTrip(messageSerde, bucketContext.forwarded().get(0).record().value());
            bucketContext.resetForwards();
            return answer;
        }

        /**
         * Times one expiry pass as the bucket processor's punctuation runs it (which
         * MockProcessorContext does not run): the entries of the first minute of event time come
         * due, as each minute's do at a steady rate. Returns the milliseconds it took and fills in
         * the store's key count and mean value size (store keys: one per bucket entry plus its
         * time-index key).
         */
        double scan(long[] keysAndBytes) {
            long n = 0;
            long bytes = 0;
            try (KeyValueIterator<String, BucketState> it = buckets.all()) {
                while (it.hasNext()) {
                    bytes += bucketSerde.encode(it.next().value).length;
                    n++;
                }
            }
            keysAndBytes[0] = n;
            keysAndBytes[1] = bytes;
            long t = System.nanoTime();
            expired = BucketProcessor.expire(buckets, firstEventTime + 60_000);
            return (System.nanoTime() - t) / 1e6;
        }

        long storeBytes() {
            buckets.flush();
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(Files::isRegularFile).filter(f -> f.toString().contains(WirestreamTopology.BUCKETS_STORE))
                        .mapToLong(f -> f.toFile().length()).sum();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() {
            buckets.close();
            clusters.close();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T roundTrip(AvroSerde<T> serde, T value) {
        return serde.decode(serde.encode(value));
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    static Map<String, Object> json(Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Sizes s : List.of(r.small(), r.large())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index_us", Bench.round(s.indexMicros(), 1));
            m.put("index_us_rounds", s.roundMicros().stream().map(x -> Bench.round(x, 1)).toList());
            m.put("index_us_median", Bench.round(s.medianMicros(), 1));
            m.put("band_us", Bench.round(s.bandMicros(), 1));
            m.put("term_us", Bench.round(s.termMicros(), 1));
            m.put("term_cache_hit_rate", Bench.round(s.termCacheHitRate(), 3));
            m.put("term_cache_mb", Bench.round(s.termCacheMb(), 1));
            m.put("commit_us", Bench.round(s.commitMicros(), 1));
            m.put("timed_wires", s.wires());
            m.put("timed_new", s.newStories());
            m.put("near_copies", s.nearCopies());
            m.put("near_copies_found", s.nearCopiesFound());
            m.put("bucket_keys", s.bucketKeys());
            m.put("store_mb", Bench.round(s.storeMb(), 1));
            m.put("bucket_value_bytes", Math.round(s.meanBucketValueBytes()));
            m.put("expiry_pass_ms", Bench.round(s.expiryPassMs(), 1));
            m.put("expiry_pass_entries", s.expiredEntries());
            out.put(String.valueOf(s.retained()), m);
        }
        return out;
    }
}
