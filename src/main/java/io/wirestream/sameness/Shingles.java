package io.wirestream.sameness;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The near-duplicate sketch of a text: hashes of its word 4-shingles (after normalisation), the
 * {@link #SKETCH} smallest kept in ascending order, and how many distinct shingles the text has.
 *
 * <p>Why shingle containment rather than plain Jaccard: outlets trim agency copy, add a dateline or
 * a byline, insert a sentence in a write-thru. The share of the shorter text's shingles found in the
 * longer one stays near 1 under all of these, while Jaccard falls with every trim. With texts under
 * {@link #SKETCH} shingles (most wire stories) the sketch is the whole set and the containment is
 * exact; above that it is estimated from the bottom-k sketch of the union.
 */
public record Shingles(int[] hashes, int count) {

    /** Words per shingle: 4 keeps common phrases ("said in a statement") from matching unrelated copy. */
    public static final int WIDTH = 4;
    /** Hashes kept per text. */
    public static final int SKETCH = 512;

    /** The sketch of an already normalised text (lower-case words separated by single spaces). */
    public static Shingles ofNormalised(String text) {
        String[] words = text.isEmpty() ? new String[0] : text.split(" ");
        int n = Math.max(1, words.length - WIDTH + 1);
        int[] all = new int[words.length == 0 ? 0 : n];
        for (int i = 0; i < all.length; i++) {
            long h = 0xcbf29ce484222325L;
            for (int w = i; w < Math.min(words.length, i + WIDTH); w++) {
                String word = words[w];
                for (int c = 0; c < word.length(); c++) {
                    h = (h ^ word.charAt(c)) * 0x100000001b3L;
                }
                h = (h ^ ' ') * 0x100000001b3L;
            }
            all[i] = mix(h);
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return new Shingles(Arrays.copyOf(all, Math.min(distinct, SKETCH)), distinct);
    }

    /** The first {@code bands} hashes: the band keys. Two texts sharing most shingles share one with high probability. */
    public int[] bandKeys(int bands) {
        return Arrays.copyOf(hashes, Math.min(bands, hashes.length));
    }

    /**
     * Containment of the shorter text in the longer: |A ∩ B| / min(|A|, |B|), exact when both texts
     * fit in the sketch, else estimated through the Jaccard index of the bottom-k union.
     */
    public static double containment(Shingles a, Shingles b) {
        if (a.count == 0 || b.count == 0) {
            return 0;
        }
        int k = Math.min(SKETCH, Math.max(a.hashes.length, b.hashes.length));
        int i = 0;
        int j = 0;
        int union = 0;
        int both = 0;
        while (union < k && (i < a.hashes.length || j < b.hashes.length)) {
            if (j >= b.hashes.length || (i < a.hashes.length && a.hashes[i] < b.hashes[j])) {
                i++;
            } else if (i >= a.hashes.length || b.hashes[j] < a.hashes[i]) {
                j++;
            } else {
                both++;
                i++;
                j++;
            }
            union++;
        }
        if (a.count <= SKETCH && b.count <= SKETCH) {
            return (double) both / Math.min(a.count, b.count);
        }
        double jaccard = (double) both / union;
        double intersection = jaccard * (a.count + b.count) / (1 + jaccard);
        return Math.min(1.0, intersection / Math.min(a.count, b.count));
    }

    /** Packed big-endian ints, for the Avro records. */
    public ByteBuffer packed() {
        ByteBuffer buf = ByteBuffer.allocate(hashes.length * Integer.BYTES);
        for (int h : hashes) {
            buf.putInt(h);
        }
        return buf.flip();
    }

    public static Shingles unpack(ByteBuffer packed, int count) {
        ByteBuffer b = packed.duplicate();
        int[] hashes = new int[b.remaining() / Integer.BYTES];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = b.getInt();
        }
        return new Shingles(hashes, count);
    }

    /** The text a story's copy is compared on: the body, or the headline where there is no body. */
    public static String textOf(String headline, List<String> body) {
        return body == null || body.isEmpty() ? headline : String.join("\n", body);
    }

    private static int mix(long h) {
        // Murmur3's 64-bit finaliser: FNV alone leaves the low bits of similar strings correlated.
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shingles s && s.count == count && Arrays.equals(s.hashes, hashes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hashes) + count;
    }

    @Override
    public String toString() {
        return "Shingles[" + hashes.length + " of " + count + "]";
    }
}
