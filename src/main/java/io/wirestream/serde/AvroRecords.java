package io.wirestream.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Alert;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.DeskAlert;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawWireItem;
import io.wirestream.avro.Source;
import io.wirestream.avro.StoryVersionState;
import io.wirestream.avro.Subscription;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads any of our single-object encoded values without knowing its type in advance: the
 * fingerprint in the header names the schema. Used by {@code tail} and the tests.
 */
public final class AvroRecords {

    private static final Map<Long, Schema> BY_FINGERPRINT = new HashMap<>();

    static {
        for (Schema s : List.of(RawWireItem.getClassSchema(), EnrichedStory.getClassSchema(), Duplicate.getClassSchema(),
                Alert.getClassSchema(), Source.getClassSchema(), DeadLetter.getClassSchema(),
                StoryVersionState.getClassSchema(), Subscription.getClassSchema(), DeskAlert.getClassSchema())) {
            BY_FINGERPRINT.put(SchemaNormalization.parsingFingerprint64(s), s);
            // Older writer versions too, so tail shows records written before an upgrade.
            AvroSerde.history(s.getName()).forEach(h -> BY_FINGERPRINT.putIfAbsent(SchemaNormalization.parsingFingerprint64(h), h));
        }
    }

    private AvroRecords() {
    }

    /** True when the bytes start with the single-object marker C3 01 and a fingerprint. */
    public static boolean isSingleObject(byte[] data) {
        return data != null && data.length >= 10 && (data[0] & 0xFF) == 0xC3 && data[1] == 0x01;
    }

    /** The record as a JSON tree, when the bytes are a single-object value of one of our schemas. */
    public static Optional<ObjectNode> toJson(byte[] data) {
        if (!isSingleObject(data)) {
            return Optional.empty();
        }
        long fp = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema schema = BY_FINGERPRINT.get(fp);
        if (schema == null) {
            return Optional.empty();
        }
        try {
            GenericRecord r = new GenericDatumReader<GenericRecord>(schema)
                    .read(null, DecoderFactory.get().binaryDecoder(data, 10, data.length - 10, null));
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("_type", schema.getName());
            node.setAll((ObjectNode) toNode(r, schema));
            return Optional.of(node);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonNode toNode(Object v, Schema s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        switch (s.getType()) {
            case UNION:
                return toNode(v, s.getTypes().get(GenericData.get().resolveUnion(s, v)));
            case RECORD: {
                ObjectNode o = f.objectNode();
                GenericRecord r = (GenericRecord) v;
                for (Schema.Field fld : s.getFields()) {
                    o.set(fld.name(), toNode(r.get(fld.pos()), fld.schema()));
                }
                return o;
            }
            case ARRAY: {
                ArrayNode a = f.arrayNode();
                for (Object e : (List<?>) v) {
                    a.add(toNode(e, s.getElementType()));
                }
                return a;
            }
            case BYTES: {
                ByteBuffer b = ((ByteBuffer) v).duplicate();
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                return f.textNode(bytesAsText(bytes));
            }
            case LONG:
                if (s.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
                    return f.textNode(Instant.ofEpochMilli((Long) v).toString());
                }
                return f.numberNode((Long) v);
            case INT:
                return f.numberNode((Integer) v);
            case DOUBLE:
                return f.numberNode((Double) v);
            case FLOAT:
                return f.numberNode((Float) v);
            case BOOLEAN:
                return f.booleanNode((Boolean) v);
            default:
                return f.textNode(v.toString());
        }
    }

    /** Wire bytes shown as text when they are valid UTF-8, else as "base64:..." (binary, other charsets). */
    public static String bytesAsText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
