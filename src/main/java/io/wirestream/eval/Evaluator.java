package io.wirestream.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.formats.ParserRegistry;
import io.wirestream.formats.WireFormat;
import io.wirestream.formats.WireParseException;
import io.wirestream.ingest.RawItems;
import io.wirestream.serde.AvroSerde;
import io.wirestream.topology.InMemoryPipeline;
import io.wirestream.topology.Topics;
import io.wirestream.topology.WirestreamTopology;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Runs a corpus (or a folder of wire files) through the real topology in memory and scores what
 * came out (DESIGN.md "Evaluation contract"). The engine of {@code wirestream eval}; it lives here,
 * not in the app package, so tests and other tools can call it without picocli.
 *
 * <p>How a corpus is replayed, and why:
 * <ul>
 *   <li>Each story becomes one ninjs 1.x item ({@code uri = "corpus:" + line number}, never its
 *       corpus id, which may name the gold answer; headline, body_text,
 *       versioncreated) on wire.raw, declared as ninjs, from source = the story's source lower-cased
 *       ({@link Locale#ROOT}) or "unknown". ninjs is the format closest to the canonical story, so
 *       the evaluation measures the stages after parsing, not a format conversion.</li>
 *   <li>Stories are fed in file order with their published time as record time and
 *       versioncreated; a story without one gets {@link #FIXED_TIME}, always the same instant, so
 *       runs are repeatable (never the wall clock).</li>
 *   <li>Outputs are mapped back to corpus lines by position: storyKey (the opaque uri), else the
 *       raw record key in {@code RawRef.key}; the origin is the neutral "corpus".</li>
 * </ul>
 *
 * <p>What is predicted per task, from the outputs (the last version of a story wins):
 * <ul>
 *   <li>categories: the first top-level Media Topic ({@code medtop:NN000000}) among
 *       EnrichedStory.categories (the classify stage puts the primary top-level topic first); a
 *       duplicate takes its original's. None means no prediction.</li>
 *   <li>regions: EnrichedStory.regions and primaryRegion.</li>
 *   <li>neardup: a story on stories.duplicates joins the group of its duplicateOf (followed to the
 *       root); an enriched story is the root of its own group; a dead letter is in no group.</li>
 *   <li>clusters: clusterId, else storyKey (each story its own cluster); a duplicate takes its
 *       original's cluster.</li>
 *   <li>alerts: every new alert on the alerts topic at BULLETIN or above (FLASH, BULLETIN; not an
 *       update of an alert already sent, not URGENT, not KILL), with its clusterId, at the moment it
 *       came out: the corpus story being fed when the topology emitted it (AlertMetrics).</li>
 * </ul>
 * Stories that end in wire.dlq get no prediction (and are reported in the details file).
 */
public final class Evaluator {

    /** Event time of stories without a published time: fixed, so two runs see the same input. */
    public static final Instant FIXED_TIME = Instant.parse("2020-01-01T00:00:00Z");
    /** Prefix of the ninjs uri (hence storyKey) given to corpus stories. */
    public static final String URI_PREFIX = "corpus:";
    /** Source id for corpus stories without a source and for fixture files. */
    public static final String UNKNOWN_SOURCE = "unknown";

    private static final Pattern TOP_LEVEL = Pattern.compile("medtop:\\d{2}000000");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tasks of the contract, by their command-line names. */
    public enum Task {
        CATEGORIES, REGIONS, NEARDUP, CLUSTERS, ALERTS, FIXTURES;

        /** The name used on the command line and in the report's "task". */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Looks a task up by name, case-insensitively. */
        public static Optional<Task> fromId(String s) {
            if (s == null) {
                return Optional.empty();
            }
            String wanted = s.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(t -> t.id().equals(wanted)).findFirst();
        }

        /** All task names, in contract order, for error messages. */
        public static List<String> ids() {
            return Arrays.stream(values()).map(Task::id).toList();
        }
    }

    /** Receives one step per story or file fed; the app shows it as a progress line. */
    public interface ProgressSink {
        ProgressSink NONE = new ProgressSink() {
            @Override
            public void step() {
            }
        };

        void step();

        default void done() {
        }
    }

    private final Topics topics;
    private final WirestreamTopology.Settings settings;
    private final BiFunction<String, Long, ProgressSink> progress;
    private final AvroSerde<EnrichedStory> storySerde = AvroSerde.of(EnrichedStory.class);
    private final AvroSerde<Duplicate> duplicateSerde = AvroSerde.of(Duplicate.class);
    private final AvroSerde<Alert> alertSerde = AvroSerde.of(Alert.class);
    private final AvroSerde<DeadLetter> deadLetterSerde = AvroSerde.of(DeadLetter.class);

    /**
     * @param topics   topic names of the topology (the defaults unless a config says otherwise)
     * @param settings topology settings (production defaults unless a config says otherwise)
     * @param progress makes a progress sink from a label and a total; {@code (w, t) -> ProgressSink.NONE} for none
     */
    public Evaluator(Topics topics, WirestreamTopology.Settings settings, BiFunction<String, Long, ProgressSink> progress) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** An evaluator with the default topics and production settings, without progress. */
    public static Evaluator withDefaults() {
        return new Evaluator(Topics.defaults(), WirestreamTopology.Settings.defaults(), (w, t) -> ProgressSink.NONE);
    }

    // ------------------------------------------------------------------ corpus tasks

    /**
     * Replays a corpus and scores one task.
     *
     * @param task    any task but {@link Task#FIXTURES}
     * @param corpus  a JSONL corpus (shared/data/README.md)
     * @param details where to write one JSON line per story (id, gold, predicted, correct or error), or null
     * @throws CorpusFormatException on a bad corpus line
     * @throws UncheckedIOException  when the corpus cannot be read or the details not written
     */
    public EvalReport evaluate(Task task, Path corpus, Path details) {
        if (task == Task.FIXTURES) {
            throw new IllegalArgumentException("the fixtures task reads a folder of wire files: use evaluateFixtures");
        }
        List<CorpusStory> stories = CorpusReader.readAll(corpus);
        Run run = replay(stories, corpus);
        EvalResult result = switch (task) {
            case CATEGORIES -> scoreCategories(stories, run);
            case REGIONS -> scoreRegions(stories, run);
            case NEARDUP -> scorePairs(stories, run);
            case CLUSTERS -> scoreClusters(stories, run);
            case ALERTS -> scoreAlerts(stories, run);
            case FIXTURES -> throw new AssertionError();
        };
        if (details != null) {
            writeDetails(details, task, stories, run);
        }
        return EvalReport.of(task.id(), result);
    }

    /** What the topology did with one corpus line. */
    enum Outcome { ENRICHED, DUPLICATE, DEAD_LETTER, NONE }

    /** The prediction-relevant part of the last output of one corpus line. */
    static final class Seen {
        Outcome outcome = Outcome.NONE;
        String storyKey;
        String clusterId;
        List<String> categories = List.of();
        List<String> regions = List.of();
        String primaryRegion;
        String duplicateOf;
        /** The duplicate's similarity to its original (containment for a near-duplicate, 1 for a redelivery). */
        double similarity;
        String error;
        boolean alerted;
    }

    /** Everything one replay produced, by corpus position. */
    static final class Run {
        final Seen[] seen;
        /** Alerts at BULLETIN or above, in emission order: corpus position fed when it came out, and its cluster id. */
        final List<Map.Entry<Integer, String>> alerts = new ArrayList<>();
        /** storyKey -> the storyKey it duplicates (near-dup or redelivery), for group roots. */
        final Map<String, String> duplicateOf = new HashMap<>();
        /** storyKey -> cluster of its last enriched version. */
        final Map<String, String> clusterByKey = new HashMap<>();
        /** storyKey -> categories of its last enriched version. */
        final Map<String, List<String>> categoriesByKey = new HashMap<>();

        Run(int n) {
            seen = new Seen[n];
            for (int i = 0; i < n; i++) {
                seen[i] = new Seen();
            }
        }

        /** Follows duplicateOf links to the story a group hangs off; stops on a cycle. */
        String root(String key) {
            String k = key;
            Set<String> visited = new HashSet<>();
            while (true) {
                String next = duplicateOf.get(k);
                if (next == null || next.equals(k) || !visited.add(k)) {
                    return k;
                }
                k = next;
            }
        }

        /** The predicted duplicate group of a line: its root storyKey, null for a dead letter. */
        String group(int pos) {
            Seen s = seen[pos];
            return switch (s.outcome) {
                case ENRICHED -> s.storyKey;
                case DUPLICATE -> root(s.duplicateOf);
                default -> null;
            };
        }

        /**
         * The predicted categories of a line; a duplicate takes its original's (it is the same copy,
         * and the pipeline writes only the original to the category topics).
         */
        List<String> categories(int pos) {
            Seen s = seen[pos];
            if (s.outcome == Outcome.DUPLICATE) {
                return categoriesByKey.getOrDefault(root(s.duplicateOf), List.of());
            }
            return s.categories;
        }

        /** The predicted cluster of a line: clusterId else storyKey; a duplicate takes its original's. */
        String cluster(int pos) {
            Seen s = seen[pos];
            return switch (s.outcome) {
                case ENRICHED -> s.clusterId != null ? s.clusterId : s.storyKey;
                case DUPLICATE -> {
                    String root = root(s.duplicateOf);
                    String c = clusterByKey.get(root);
                    yield c != null ? c : s.clusterId != null ? s.clusterId : root;
                }
                default -> null;
            };
        }
    }

    /** Feeds every story through a fresh in-memory topology, in file order, and records the outputs. */
    Run replay(List<CorpusStory> stories, Path corpus) {
        Run run = new Run(stories.size());
        Map<String, Integer> positionByKey = new HashMap<>(stories.size() * 4);
        // Nothing of the corpus but the text, the source and the time may reach the topology: ids and
        // file names can carry the gold answer (an event name, a copy's shared id prefix).
        String origin = "corpus";
        ProgressSink p = progress.apply("eval " + corpus.getFileName(), (long) stories.size());
        try (InMemoryPipeline pipeline = new InMemoryPipeline(topics, settings)) {
            for (int i = 0; i < stories.size(); i++) {
                CorpusStory s = stories.get(i);
                Instant time = s.published() != null ? s.published() : FIXED_TIME;
                String opaqueId = Integer.toString(i + 1);
                RawItems.Captured c = RawItems.of(sourceOf(s), WireFormat.NINJS.id(), opaqueId, origin, ninjs(opaqueId, s, time), time,
                        "application/json; charset=UTF-8");
                positionByKey.put(URI_PREFIX + opaqueId, i);
                positionByKey.put(c.key(), i);
                for (InMemoryPipeline.Output o : pipeline.process(c.key(), c.item(), time)) {
                    record(run, o, positionByKey, i);
                }
                p.step();
            }
        } finally {
            p.done();
        }
        return run;
    }

    private void record(Run run, InMemoryPipeline.Output o, Map<String, Integer> positionByKey, int fed) {
        String t = o.topic();
        if (t.equals(topics.enriched())) {
            EnrichedStory s = storySerde.decode(o.value());
            Integer pos = position(positionByKey, s.getStoryKey(), s.getRaw() == null ? null : s.getRaw().getKey());
            run.clusterByKey.put(s.getStoryKey(), s.getClusterId() != null ? s.getClusterId() : s.getStoryKey());
            run.categoriesByKey.put(s.getStoryKey(), List.copyOf(s.getCategories()));
            if (pos != null) {
                Seen seen = run.seen[pos];
                fill(seen, s);
                seen.outcome = Outcome.ENRICHED;
                seen.duplicateOf = null;
            }
        } else if (t.equals(topics.duplicates())) {
            Duplicate d = duplicateSerde.decode(o.value());
            EnrichedStory s = d.getStory();
            Integer pos = position(positionByKey, d.getStoryKey(), s.getRaw() == null ? null : s.getRaw().getKey());
            if (!d.getDuplicateOf().equals(d.getStoryKey())) {
                run.duplicateOf.put(d.getStoryKey(), d.getDuplicateOf());
            }
            if (pos != null) {
                Seen seen = run.seen[pos];
                fill(seen, s);
                seen.storyKey = d.getStoryKey();
                seen.outcome = Outcome.DUPLICATE;
                seen.duplicateOf = d.getDuplicateOf();
                seen.similarity = d.getSimilarity() == null ? Double.NaN : d.getSimilarity();
            }
        } else if (t.equals(topics.alerts())) {
            Alert a = alertSerde.decode(o.value());
            if (!a.getUpdate() && (a.getLevel() == AlertLevel.FLASH || a.getLevel() == AlertLevel.BULLETIN)) {
                run.alerts.add(new java.util.AbstractMap.SimpleImmutableEntry<>(fed, a.getClusterId()));
                Integer pos = position(positionByKey, a.getStoryKey(), null);
                if (pos != null) {
                    run.seen[pos].alerted = true;
                }
            }
        } else if (t.equals(topics.dlq())) {
            DeadLetter d = deadLetterSerde.decode(o.value());
            Integer pos = position(positionByKey, null, d.getRaw() == null ? null : d.getRaw().getKey());
            if (pos != null) {
                Seen seen = run.seen[pos];
                seen.outcome = Outcome.DEAD_LETTER;
                seen.error = d.getStage() + ": " + d.getReason();
            }
        }
    }

    private static Integer position(Map<String, Integer> positionByKey, String storyKey, String rawKey) {
        Integer pos = storyKey == null ? null : positionByKey.get(storyKey);
        return pos != null || rawKey == null ? pos : positionByKey.get(rawKey);
    }

    private static void fill(Seen seen, EnrichedStory s) {
        seen.storyKey = s.getStoryKey();
        seen.clusterId = s.getClusterId();
        seen.categories = List.copyOf(s.getCategories());
        seen.regions = List.copyOf(s.getRegions());
        seen.primaryRegion = s.getPrimaryRegion();
        seen.error = null;
    }

    /** The source id a corpus story arrives from: its source lower-cased, or "unknown". */
    static String sourceOf(CorpusStory s) {
        return s.source() == null || s.source().isBlank() ? UNKNOWN_SOURCE : s.source().trim().toLowerCase(Locale.ROOT);
    }

    /** A corpus story as a ninjs 1.x text item, UTF-8. */
    static byte[] ninjs(String opaqueId, CorpusStory s, Instant versionCreated) {
        ObjectNode n = JSON.createObjectNode();
        n.put("uri", URI_PREFIX + opaqueId);
        n.put("type", "text");
        n.put("versioncreated", versionCreated.toString());
        if (s.headline() != null) {
            n.put("headline", s.headline());
        }
        if (s.body() != null) {
            n.put("body_text", s.body());
        }
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ninjs for " + s.id(), e);
        }
    }

    /** The first top-level Media Topic among the categories, normalised, or null. */
    static String topLevelCategory(Collection<String> categories) {
        for (String c : categories) {
            String q = CategoryMetrics.normalize(c);
            if (q != null && TOP_LEVEL.matcher(q).matches()) {
                return q;
            }
        }
        return null;
    }

    private static CategoryMetrics.Result scoreCategories(List<CorpusStory> stories, Run run) {
        CategoryMetrics m = new CategoryMetrics();
        for (int i = 0; i < stories.size(); i++) {
            m.add(stories.get(i).topics(), topLevelCategory(run.categories(i)));
        }
        return m.result();
    }

    private static RegionMetrics.Result scoreRegions(List<CorpusStory> stories, Run run) {
        RegionMetrics m = new RegionMetrics();
        for (int i = 0; i < stories.size(); i++) {
            Seen s = run.seen[i];
            m.add(stories.get(i).countries(), s.regions, s.primaryRegion);
        }
        return m.result();
    }

    private static PairMetrics.Result scorePairs(List<CorpusStory> stories, Run run) {
        PairMetrics m = new PairMetrics();
        for (int i = 0; i < stories.size(); i++) {
            m.add(stories.get(i).story(), run.group(i));
        }
        return m.result();
    }

    private static BCubed.Result scoreClusters(List<CorpusStory> stories, Run run) {
        BCubed b = new BCubed();
        for (int i = 0; i < stories.size(); i++) {
            b.add(stories.get(i).story(), run.cluster(i));
        }
        return b.result();
    }

    private static AlertMetrics.Result scoreAlerts(List<CorpusStory> stories, Run run) {
        Map<String, String> clusterById = new HashMap<>(stories.size() * 2);
        for (int i = 0; i < stories.size(); i++) {
            String c = run.cluster(i);
            if (c != null) {
                clusterById.put(stories.get(i).id(), c);
            }
        }
        List<AlertMetrics.PredictedAlert> alerts = new ArrayList<>(run.alerts.size());
        for (Map.Entry<Integer, String> a : run.alerts) {
            alerts.add(new AlertMetrics.PredictedAlert(stories.get(a.getKey()).id(), a.getValue()));
        }
        return AlertMetrics.score(stories, alerts, clusterById);
    }

    // ------------------------------------------------------------------ details

    private static void writeDetails(Path file, Task task, List<CorpusStory> stories, Run run) {
        // Per-story cluster/group precision and recall need the sizes of every group and cell.
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, Integer> predSize = new HashMap<>();
        Map<String, Integer> cellSize = new HashMap<>();
        String[] predicted = new String[stories.size()];
        if (task == Task.NEARDUP || task == Task.CLUSTERS || task == Task.ALERTS) {
            for (int i = 0; i < stories.size(); i++) {
                predicted[i] = task == Task.NEARDUP ? run.group(i) : run.cluster(i);
                String g = stories.get(i).story();
                if (g != null) {
                    goldSize.merge(g, 1, Integer::sum);
                }
                if (predicted[i] != null) {
                    predSize.merge(predicted[i], 1, Integer::sum);
                    if (g != null) {
                        cellSize.merge(g + "\u0000" + predicted[i], 1, Integer::sum);
                    }
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < stories.size(); i++) {
                CorpusStory story = stories.get(i);
                Seen s = run.seen[i];
                ObjectNode line = JSON.createObjectNode();
                line.put("id", story.id());
                line.put("outcome", s.outcome.name().toLowerCase(Locale.ROOT));
                switch (task) {
                    case CATEGORIES -> {
                        line.set("gold", strings(story.topics()));
                        String p = topLevelCategory(run.categories(i));
                        line.put("predicted", p);
                        line.set("predicted_all", strings(run.categories(i)));
                        line.put("correct", p != null && story.topics().stream()
                                .map(CategoryMetrics::normalize).anyMatch(p::equals));
                    }
                    case REGIONS -> {
                        Set<String> gold = upper(story.countries());
                        Set<String> pred = upper(s.regions);
                        line.set("gold", strings(gold));
                        line.set("predicted", strings(pred));
                        line.put("predicted_primary", s.primaryRegion);
                        line.set("missed", strings(gold.stream().filter(c -> !pred.contains(c)).sorted().toList()));
                        line.set("wrong", strings(pred.stream().filter(c -> !gold.contains(c)).sorted().toList()));
                        line.put("correct", gold.equals(pred));
                    }
                    case NEARDUP, CLUSTERS, ALERTS -> {
                        String g = story.story();
                        line.put("gold", g);
                        line.put("predicted", predicted[i]);
                        if (s.duplicateOf != null) {
                            line.put("duplicate_of", s.duplicateOf);
                            if (!Double.isNaN(s.similarity)) {
                                line.put("similarity", Math.round(s.similarity * 10_000) / 10_000.0);
                            }
                        }
                        if (task == Task.ALERTS) {
                            line.put("alerted", s.alerted);
                        }
                        if (g != null && predicted[i] != null) {
                            int cell = cellSize.getOrDefault(g + "\u0000" + predicted[i], 0);
                            line.put("precision", (double) cell / predSize.get(predicted[i]));
                            line.put("recall", (double) cell / goldSize.get(g));
                            line.put("correct", cell == predSize.get(predicted[i]) && cell == goldSize.get(g));
                        }
                    }
                    case FIXTURES -> throw new AssertionError();
                }
                if (s.error != null) {
                    line.put("error", s.error);
                }
                w.write(JSON.writeValueAsString(line));
                w.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write details to " + file, e);
        }
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static Set<String> upper(Collection<String> codes) {
        Set<String> out = new java.util.TreeSet<>();
        for (String c : codes) {
            String k = RegionMetrics.normalize(c);
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ fixtures

    /**
     * Feeds every regular, non-hidden file under a folder (recursively, in name order) through the
     * topology as one raw item with format "auto", as a producer would, and counts which files
     * yielded a story and which were dead-lettered. A file is filed under the format detected from
     * its content ({@link ParserRegistry#detect}), or "unknown" when no parser recognises it: the
     * folder a file sits in is a human's label, not what the pipeline saw.
     *
     * @param details where to write one JSON line per file (file, format, outcome, stories, error), or null
     */
    public EvalReport evaluateFixtures(Path dir, Path details) {
        List<Path> files;
        try {
            files = RawItems.filesUnder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        ParserRegistry registry = ParserRegistry.standard(settings.maxItemBytes());
        FixtureMetrics metrics = new FixtureMetrics();
        List<ObjectNode> lines = new ArrayList<>();
        ProgressSink p = progress.apply("eval fixtures " + dir.getFileName(), (long) files.size());
        try (InMemoryPipeline pipeline = new InMemoryPipeline(topics, settings)) {
            for (Path f : files) {
                byte[] payload;
                try {
                    payload = Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
                String format = detectedFormat(registry, payload);
                String rel = dir.relativize(f).toString();
                RawItems.Captured c = RawItems.of(UNKNOWN_SOURCE, WireFormat.AUTO, rel, "file:" + f.toAbsolutePath(), payload,
                        FIXED_TIME, null);
                int stories = 0;
                String error = null;
                for (InMemoryPipeline.Output o : pipeline.process(c.key(), c.item(), FIXED_TIME)) {
                    if (o.topic().equals(topics.enriched()) || o.topic().equals(topics.duplicates())) {
                        stories++;
                    } else if (o.topic().equals(topics.dlq())) {
                        DeadLetter d = deadLetterSerde.decode(o.value());
                        error = error == null ? d.getStage() + ": " + d.getReason() : error;
                    }
                }
                metrics.file(format);
                if (stories > 0) {
                    metrics.parsed(format);
                }
                if (error != null) {
                    metrics.deadLettered(format);
                }
                ObjectNode line = JSON.createObjectNode();
                line.put("file", rel);
                line.put("format", format);
                line.put("outcome", stories > 0 ? "parsed" : error != null ? "dead_lettered" : "none");
                line.put("stories", stories);
                if (error != null) {
                    line.put("error", error);
                }
                lines.add(line);
                p.step();
            }
        } finally {
            p.done();
        }
        if (details != null) {
            try (BufferedWriter w = Files.newBufferedWriter(details, StandardCharsets.UTF_8)) {
                for (ObjectNode line : lines) {
                    w.write(JSON.writeValueAsString(line));
                    w.newLine();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write details to " + details, e);
            }
        }
        return EvalReport.of(Task.FIXTURES.id(), metrics.result());
    }

    /** The format the registry detects from the content, or "unknown". */
    static String detectedFormat(ParserRegistry registry, byte[] payload) {
        if (payload.length == 0) {
            return FixtureMetrics.UNKNOWN;
        }
        try {
            return registry.detect(payload).format().id();
        } catch (WireParseException e) {
            return FixtureMetrics.UNKNOWN;
        }
    }
}
