package io.wirestream.sameness;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * A term vector as its terms' 64-bit hashes in ascending order with their weights: how a term bucket
 * stores a cluster's centroid ({@code ClusterEntry.terms}, {@value #BYTES_PER_TERM} bytes a term,
 * big-endian hash then float weight). A query reads up to {@code bucketClusters} centroids from each
 * of its term buckets; decoded as Avro maps that was a string and a map entry per term, the largest
 * cost of the whole stage. Packed, a centroid is one byte array, and a cosine is a merge of two sorted
 * arrays read in place.
 *
 * <p>Weights are the vector's own floats, each product is taken in float as
 * {@link TermVectors#cosine} takes it, and the sum runs in hash order: the same result on every
 * instance. Two terms of one vocabulary sharing a 64-bit hash is a chance of about n² / 2^65
 * (10^-11 for 10^4 terms).
 */
public final class PackedVector {

    static final int BYTES_PER_TERM = Long.BYTES + Float.BYTES;

    private final long[] hashes;
    private final float[] weights;

    private PackedVector(long[] hashes, float[] weights) {
        this.hashes = hashes;
        this.weights = weights;
    }

    /** The packed form of a term vector (weights as they are: unit length or not). */
    public static PackedVector of(Map<String, Float> vector) {
        int n = 0;
        long[] hs = new long[vector.size()];
        float[] ws = new float[vector.size()];
        for (Map.Entry<String, Float> e : vector.entrySet()) {
            hs[n] = hash(e.getKey());
            ws[n] = e.getValue();
            n++;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(hs[x], hs[y]));
        long[] hashes = new long[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = hs[order[i]];
            weights[i] = ws[order[i]];
        }
        return new PackedVector(hashes, weights);
    }

    /** {@code hash, weight} pairs, ascending by hash, as stored. */
    public ByteBuffer packed() {
        ByteBuffer b = ByteBuffer.allocate(hashes.length * BYTES_PER_TERM);
        for (int i = 0; i < hashes.length; i++) {
            b.putLong(hashes[i]).putFloat(weights[i]);
        }
        return b.flip();
    }

    public int size() {
        return hashes.length;
    }

    /**
     * The dot product with a packed vector (the cosine when both are unit length), read in place:
     * nothing is allocated.
     */
    public double dot(ByteBuffer packed) {
        int base = packed.position();
        int m = packed.remaining() / BYTES_PER_TERM;
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < hashes.length && j < m) {
            long b = packed.getLong(base + j * BYTES_PER_TERM);
            long a = hashes[i];
            if (a < b) {
                i++;
            } else if (b < a) {
                j++;
            } else {
                float product = weights[i] * packed.getFloat(base + j * BYTES_PER_TERM + Long.BYTES);
                dot += product;
                i++;
                j++;
            }
        }
        return dot;
    }

    /** A term's 64-bit hash: FNV-1a over its chars, then Murmur3's finaliser. */
    static long hash(String term) {
        long h = 0xcbf29ce484222325L;
        for (int c = 0; c < term.length(); c++) {
            h = (h ^ term.charAt(c)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
