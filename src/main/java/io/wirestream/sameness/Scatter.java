package io.wirestream.sameness;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.SamenessMessage;
import io.wirestream.avro.SamenessQuery;
import io.wirestream.avro.StoryAction;
import io.wirestream.text.NormalisedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/**
 * The scatter half: what one accepted story version sends to the buckets and to the gather step.
 * A NEW story asks its band buckets (near-duplicates) and term buckets (clusters); an UPDATE or a
 * KILL asks nothing (it keeps its story's cluster) and goes straight to the gather step, which keeps
 * it behind any earlier version still waiting for answers, so versions leave in order.
 */
public final class Scatter {

    static final String BAND = "n:";
    static final String TERM = "t:";

    /** A story with the features the buckets score on, computed once. */
    public record Featured(EnrichedStory story, Shingles shingles, Map<String, Float> vector, boolean asks) {
    }

    private Scatter() {
    }

    public static Featured features(EnrichedStory s, IdfTable idf) {
        boolean asks = s.getAction() == StoryAction.NEW;
        if (!asks) {
            return new Featured(s, null, Map.of(), false);
        }
        String text = NormalisedText.of(Shingles.textOf(s.getHeadline(), s.getBody()));
        return new Featured(s, Shingles.ofNormalised(text), TermVectors.of(s.getHeadline(), s.getBody(), idf), true);
    }

    /** Identifies one story version across the scatter and the gather: where it was read from wire.raw. */
    public static String token(EnrichedStory s) {
        var raw = s.getRaw();
        return raw == null ? s.getUri() : raw.getTopic() + "/" + raw.getPartition() + "/" + raw.getOffset() + "/" + raw.getIndex();
    }

    /** Band and term queries, keyed by bucket. */
    public static List<KeyValue<String, SamenessQuery>> queries(Featured f, SamenessSettings settings) {
        if (!f.asks()) {
            return List.of();
        }
        EnrichedStory s = f.story();
        String token = token(s);
        List<KeyValue<String, SamenessQuery>> out = new ArrayList<>();
        if (f.shingles().count() > 0) {
            var packed = f.shingles().packed();
            for (int band : f.shingles().bandKeys(settings.bands())) {
                out.add(KeyValue.pair(BAND + Integer.toHexString(band), SamenessQuery.newBuilder().setStoryKey(s.getStoryKey())
                        .setToken(token).setEventTime(s.getVersionCreated()).setShingles(packed.duplicate())
                        .setShingleCount(f.shingles().count()).build()));
            }
        }
        for (String term : TermVectors.topTerms(f.vector(), settings.termKeys())) {
            out.add(KeyValue.pair(TERM + term, SamenessQuery.newBuilder().setStoryKey(s.getStoryKey()).setToken(token)
                    .setEventTime(s.getVersionCreated()).setVector(f.vector()).build()));
        }
        return out;
    }

    /** The story itself for the gather step, with the number of answers it must wait for. */
    public static SamenessMessage storyMessage(Featured f, SamenessSettings settings) {
        return SamenessMessage.newBuilder().setStoryKey(f.story().getStoryKey()).setToken(token(f.story()))
                .setStory(f.story()).setExpectedAnswers(queries(f, settings).size())
                .setVector(f.asks() ? f.vector() : null).build();
    }
}
