package io.wirestream.parse;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.RawWireItem;
import io.wirestream.formats.ParseContext;
import io.wirestream.formats.ParsedStory;
import io.wirestream.formats.ParserRegistry;
import io.wirestream.formats.WireParseException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each wire.raw record: forwards one {@link ParseResult.Parsed} per story, or exactly one
 * {@link ParseResult.Failed} when the record yields none. Every story carries a {@link RawRef}
 * (topic, partition, offset, index of count) so the accounting can be checked end to end.
 */
public final class ParseProcessor implements FixedKeyProcessor<String, RawWireItem, ParseResult> {

    public static final String STAGE = "parse";
    private static final Logger LOG = LoggerFactory.getLogger(ParseProcessor.class);

    private final ParserRegistry registry;
    private FixedKeyProcessorContext<String, ParseResult> context;

    public ParseProcessor(ParserRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParseResult> context) {
        this.context = context;
    }

    /**
     * The item id of a record another tool wrote (kcat, a newsroom's own producer), which names none in its value: its
     * key, without the "source:" our own producers' keys start with ({@code kcat -k pti:story-1 -H wirestream.source=pti}
     * is item story-1 of pti, as {@code produce -s pti} would send it, not "pti:story-1", whose story key doubled the
     * source and made a later copy of the same file a near-duplicate rather than a redelivery).
     */
    static String itemIdOfKey(String key, String source) {
        if (key != null && source != null && key.length() > source.length() + 1 && key.startsWith(source + ":")) {
            return key.substring(source.length() + 1);
        }
        return key;
    }

    @Override
    public void process(FixedKeyRecord<String, RawWireItem> record) {
        RawRef ref = rawRef(record.key());
        RawWireItem raw = record.value();
        if (raw == null) {
            fail(record, ref, null, new byte[0], "empty record: null value (tombstone) on wire.raw", null);
            return;
        }
        byte[] payload = bytes(raw.getPayload());
        // Values written by other tools carry no receive time; the record timestamp is the best we have.
        Instant receivedAt = raw.getReceivedAt().toEpochMilli() == 0 ? Instant.ofEpochMilli(record.timestamp()) : raw.getReceivedAt();
        String itemId = raw.getItemId() == null || raw.getItemId().isEmpty() ? itemIdOfKey(record.key(), raw.getSource()) : raw.getItemId();
        // Parse and build everything first, forward after: a failure while forwarding story i
        // (downstream, in Kafka) must not be mistaken for a parse failure that dead-letters the
        // record whose stories 0..i-1 already went on.
        List<EnrichedStory> built = new ArrayList<>();
        try {
            List<ParsedStory> stories = registry.parse(payload, raw.getOriginalSize(), raw.getFormat(),
                    new ParseContext(raw.getSource(), raw.getContentType(), receivedAt, itemId, raw.getOrigin()));
            for (int i = 0; i < stories.size(); i++) {
                RawRef storyRef = RawRef.newBuilder(ref).setIndex(i).setCount(stories.size()).build();
                built.add(CanonicalStories.from(stories.get(i), raw.getSource(), receivedAt, storyRef));
            }
        } catch (WireParseException e) {
            fail(record, ref, raw, payload, e.getMessage(), e.getCause());
            return;
        } catch (io.wirestream.formats.WireInputRefused e) {
            fail(record, ref, raw, payload, e.getMessage(), null);
            return;
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must cost one dead letter, not the stream thread.
            LOG.warn("Parser failure on {}: {}", ref, e.toString());
            fail(record, ref, raw, payload, "parser error: " + e, e);
            return;
        }
        for (EnrichedStory story : built) {
            context.forward(record.withValue(new ParseResult.Parsed(story)));
        }
    }

    private void fail(FixedKeyRecord<String, RawWireItem> record, RawRef ref, RawWireItem raw, byte[] payload,
                      String reason, Throwable cause) {
        context.forward(record.withValue(new ParseResult.Failed(DeadLetter.newBuilder()
                .setStage(STAGE)
                .setReason(reason)
                .setErrorClass(cause == null ? null : cause.getClass().getName())
                .setSource(raw == null ? null : raw.getSource())
                .setFormat(raw == null ? null : raw.getFormat())
                .setReceivedAt(raw == null ? null : raw.getReceivedAt())
                .setRaw(ref)
                .setPayload(ByteBuffer.wrap(payload))
                .build())));
    }

    private RawRef rawRef(String key) {
        RecordMetadata m = context.recordMetadata().orElse(null);
        return RawRef.newBuilder()
                .setTopic(m == null ? "" : m.topic())
                .setPartition(m == null ? -1 : m.partition())
                .setOffset(m == null ? -1 : m.offset())
                .setKey(key)
                .setIndex(0)
                .setCount(0)
                .build();
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }
}
