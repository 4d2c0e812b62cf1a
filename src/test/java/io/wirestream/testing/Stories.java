package io.wirestream.testing;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Signal;
import io.wirestream.avro.StoryAction;
import io.wirestream.text.ContentFingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data builder for canonical stories as the parse stage emits them, for unit tests of the
 * stages: {@code Stories.aStory("ap:urn:1").version("2").at(t0).headline("...").build()}.
 */
public final class Stories {

    private final EnrichedStory.Builder b;
    private String headline = "Headline";
    private List<String> body = List.of("Body.");

    private Stories(String storyKey) {
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        b = EnrichedStory.newBuilder()
                .setStoryKey(storyKey)
                .setUri(storyKey)
                .setVersion("1")
                .setVersionCreated(t)
                .setPubStatus(PubStatus.USABLE)
                .setAction(StoryAction.NEW)
                .setSource("ap")
                .setAgency("AP")
                .setFormat("ninjs")
                .setReceivedAt(t)
                .setSignals(new ArrayList<>())
                .setRaw(RawRef.newBuilder().setTopic("wire.raw").setPartition(0).setOffset(0).setKey(storyKey).build());
    }

    public static Stories aStory(String storyKey) {
        return new Stories(storyKey);
    }

    public Stories version(String v) {
        b.setVersion(v);
        return this;
    }

    /** versionCreated and receive time. */
    public Stories at(Instant t) {
        b.setVersionCreated(t).setReceivedAt(t);
        return this;
    }

    public Stories headline(String h) {
        headline = h;
        return this;
    }

    public Stories body(String... paragraphs) {
        body = List.of(paragraphs);
        return this;
    }

    public Stories canceled() {
        b.setPubStatus(PubStatus.CANCELED);
        return this;
    }

    public Stories signal(Signal s) {
        List<Signal> signals = new ArrayList<>(b.getSignals());
        signals.add(s);
        b.setSignals(signals);
        return this;
    }

    public Stories urgency(Integer u) {
        b.setUrgency(u);
        return this;
    }

    public Stories format(String f) {
        b.setFormat(f);
        return this;
    }

    public Stories language(String tag) {
        b.setLanguage(tag);
        return this;
    }

    /** The story key comes from a slug (ANPA keyword, a file name), not an item id. */
    public Stories slugKey() {
        b.setSlugKey(true);
        return this;
    }

    public Stories action(StoryAction a) {
        b.setAction(a);
        return this;
    }

    public EnrichedStory build() {
        return b.setHeadline(headline).setBody(body).setContentHash(ContentFingerprint.of(headline, body)).build();
    }
}
