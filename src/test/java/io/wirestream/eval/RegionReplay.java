package io.wirestream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawRef;
import io.wirestream.enrich.RegionEnricher;
import io.wirestream.formats.ParseContext;
import io.wirestream.formats.ParserRegistry;
import io.wirestream.parse.CanonicalStories;
import io.wirestream.sources.SourceCatalogue;
import io.wirestream.sources.SourceEnricher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A tagger-only replay of a regions corpus for tuning (no Kafka, no topology): each story goes
 * through the ninjs writer and parser {@code eval} uses, both catalogue lookups and
 * {@link RegionEnricher}, and is scored with {@link RegionMetrics}. It matches {@code eval regions}
 * on stories that are not duplicates (eval scores duplicates by their own copy too) in a few seconds
 * instead of minutes. Not a test; run after {@code mvn -o -q test-compile}:
 *
 * <pre>java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro \
 *   -cp target/test-classes:target/classes:target/wirestream.jar io.wirestream.eval.RegionReplay \
 *   ../shared/data/corpora/regions-geo.dev.jsonl /tmp/geo.replay.jsonl</pre>
 *
 * The second argument receives one line per story: gold, predicted, primary, missed, wrong,
 * scores and places, for error analysis.
 */
public final class RegionReplay {

    private RegionReplay() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ParserRegistry parsers = ParserRegistry.standard();
        SourceCatalogue catalogue = SourceCatalogue.bundled();
        SourceEnricher sources = new SourceEnricher(catalogue);
        RegionEnricher regions = RegionEnricher.standard();
        RegionMetrics metrics = new RegionMetrics();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        RawRef ref = RawRef.newBuilder().setTopic("").setPartition(-1).setOffset(-1).setKey("replay").setIndex(0).setCount(0).build();
        long line = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            for (String l : Files.readAllLines(Path.of(args[0]))) {
                line++;
                JsonNode n = json.readTree(l);
                List<String> gold = new ArrayList<>();
                n.path("countries").forEach(c -> gold.add(c.asText()));
                CorpusStory cs = new CorpusStory(line, n.get("id").asText(), text(n, "source"), null, text(n, "headline"),
                        text(n, "body"), null, gold, null);
                String src = Evaluator.sourceOf(cs);
                EnrichedStory s = CanonicalStories.from(parsers.parse(Evaluator.ninjs("replay-" + line, cs, t), "ninjs",
                        ParseContext.of(src, t)).get(0), src, t, ref);
                s = sources.withOriginal(sources.withSource(s, catalogue.byId(sources.deliveredBy(s)).orElse(null)),
                        catalogue.byId(sources.writtenBy(s)).orElse(null));
                s = regions.enrich(s);
                metrics.add(cs.countries(), s.getRegions(), s.getPrimaryRegion());
                out.println(json.writeValueAsString(details(cs, s)));
            }
        }
        RegionMetrics.Result r = metrics.result();
        System.out.printf("{\"n\":%d,\"micro_precision\":%.4f,\"micro_recall\":%.4f,\"micro_f1\":%.4f,\"primary_accuracy\":%.4f}%n",
                r.n(), r.microPrecision(), r.microRecall(), r.microF1(), r.primaryAccuracy());
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Map<String, Object> details(CorpusStory cs, EnrichedStory s) {
        TreeSet<String> missed = new TreeSet<>(cs.countries());
        missed.removeAll(s.getRegions());
        TreeSet<String> wrong = new TreeSet<>(s.getRegions());
        cs.countries().forEach(wrong::remove);
        List<String> scores = new ArrayList<>();
        s.getCountryScores().forEach(c -> scores.add(c.getCountry() + ":" + c.getScore()));
        List<String> places = new ArrayList<>();
        s.getGeoPlaces().forEach(p -> places.add(p.getName() + "/" + p.getCountry() + "/" + p.getRole()));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", cs.id());
        o.put("gold", new TreeSet<>(cs.countries()));
        o.put("predicted", s.getRegions());
        o.put("primary", s.getPrimaryRegion());
        o.put("missed", missed);
        o.put("wrong", wrong);
        o.put("scores", scores);
        o.put("places", places);
        return o;
    }
}
