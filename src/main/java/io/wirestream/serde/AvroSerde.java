package io.wirestream.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding for one generated record class: {@code C3 01}, the 8-byte CRC-64
 * fingerprint of the writer schema, then the Avro binary body. Immutable and thread-safe.
 *
 * <p><b>Schema evolution.</b> Every serde reads records written with any earlier version of its
 * schema: the writer schemas of a record are kept as class-path resources
 * {@value #HISTORY}{@code <Record>-v1.avsc}, {@code -v2.avsc}, ... (the latest being the current
 * schema) and loaded here automatically, resolved against the current schema by fingerprint. To
 * change a schema that is stored or repartitioned: change it in {@code schemas/}, then copy the
 * generated class's schema to the next {@code -vN.avsc} ({@code SchemaHistoryTest} fails until you do,
 * and prints the file to write). Not in {@code schemas/}, or the plugin would generate the class twice.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private static final byte MAGIC_0 = (byte) 0xC3;
    private static final byte MAGIC_1 = (byte) 0x01;
    private static final int HEADER = 10;
    /** One encoder (and its buffer) per thread, pointed at each record's output in turn. */
    private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();
    /**
     * One output buffer per thread, emptied for each record: a fresh 512-byte stream doubled its way up
     * to a story's few KB, and the copies were the stream thread's largest allocation after the records
     * themselves (a JFR allocation profile of {@code bench}). A buffer that grew past {@link #KEEP_BYTES}
     * for one large record is not kept, nor is anything of an encode that failed. Neither encode nor
     * decode calls back into a serde, so a thread never uses its buffer or decoder twice at once.
     */
    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);
    private static final int KEEP_BYTES = 256 * 1024;
    /** One binary decoder per thread, pointed at each record's bytes in turn. */
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    /** The header every record written here starts with: the magic bytes and the schema's fingerprint. */
    private final byte[] header;
    private final DatumWriter<T> writer;
    /** A reader per known writer schema, by its CRC-64 fingerprint (the current schema's included). */
    private final Map<Long, DatumReader<T>> readers = new HashMap<>();
    private final String recordName;

    /** Where the writer schemas of every record are kept, as {@code <Record>-v<N>.avsc}. */
    public static final String HISTORY = "/avro-history/";

    private AvroSerde(Class<T> type, List<Schema> olderWriterSchemas) {
        Schema schema = SpecificData.get().getSchema(type);
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN).put(MAGIC_0).put(MAGIC_1).putLong(fingerprint).array();
        this.writer = SpecificData.get().createDatumWriter(schema);
        this.readers.put(fingerprint, SpecificData.get().createDatumReader(schema, schema));
        for (List<Schema> older : List.of(history(schema.getName()), olderWriterSchemas)) {
            for (Schema w : older) {
                readers.putIfAbsent(SchemaNormalization.parsingFingerprint64(w), SpecificData.get().createDatumReader(w, schema));
            }
        }
        this.recordName = schema.getName();
    }

    /** A serde for {@code type}, reading every writer schema kept in {@value #HISTORY}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type, List.of());
    }

    /**
     * A serde that also reads records written with earlier versions of the schema: the single-object
     * header names the writer schema by fingerprint, so without the old schemas a record already on a
     * topic (wire.raw is replayed, decision 1) would no longer decode after a field is added.
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, List<Schema> olderWriterSchemas) {
        return new AvroSerde<>(type, olderWriterSchemas);
    }

    /** Every kept writer schema of a record, v1 first: {@value #HISTORY}{@code <name>-v1.avsc} up to the first missing. */
    public static List<Schema> history(String recordName) {
        List<Schema> out = new java.util.ArrayList<>();
        for (int v = 1; AvroSerde.class.getResource(HISTORY + recordName + "-v" + v + ".avsc") != null; v++) {
            out.add(historicSchema(HISTORY + recordName + "-v" + v + ".avsc"));
        }
        return out;
    }

    /** An older schema version kept as a class-path resource (not in schemas/, or the plugin would generate it). */
    public static Schema historicSchema(String resource) {
        try (InputStream in = AvroSerde.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The single-object encoding of a record, byte for byte what Avro's {@code BinaryMessageEncoder}
     * writes, through a buffered encoder: Avro's own message encoder and decoder go through a
     * stream a byte at a time (a JFR profile of {@code bench} found the decoder's per-byte reads
     * among the largest costs of the topology).
     */
    public byte[] encode(T value) {
        Output out = OUTPUT.get();
        out.reset();
        boolean keep = false;
        try {
            out.write(header);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODER.get());
            ENCODER.set(encoder);
            writer.write(value, encoder);
            encoder.flush();
            byte[] bytes = out.toByteArray();
            keep = out.capacity() <= KEEP_BYTES;
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!keep) {
                // A failed write leaves part of its record in the encoder's buffer, which the next
                // configure() would flush into the next record's output; a large buffer is let go.
                ENCODER.remove();
                OUTPUT.remove();
            }
        }
    }

    /** A byte stream whose buffer is kept between records (reset, not reallocated). */
    private static final class Output extends ByteArrayOutputStream {
        Output() {
            super(8 * 1024);
        }

        int capacity() {
            return buf.length;
        }
    }

    public T decode(byte[] data) {
        try {
            if (data.length < HEADER || data[0] != MAGIC_0 || data[1] != MAGIC_1) {
                throw new IOException("no single-object header");
            }
            long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            DatumReader<T> reader = readers.get(fingerprint);
            if (reader == null) {
                throw new IOException("unknown writer schema, fingerprint " + Long.toHexString(fingerprint));
            }
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER, data.length - HEADER, DECODER.get());
            // The decoder holds on to the bytes it last read: kept for ordinary records only.
            if (data.length <= KEEP_BYTES) {
                DECODER.set(decoder);
            } else {
                DECODER.remove();
            }
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a single-object encoded " + recordName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> data == null ? null : decode(data);
    }
}
