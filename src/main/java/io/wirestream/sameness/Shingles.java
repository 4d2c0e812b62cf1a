package io.wirestream.sameness;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.formats.Dateline;
import io.wirestream.text.NormalisedText;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The near-duplicate sketch of a text: hashes of its word 4-shingles (after normalisation), the
 * {@link #SKETCH} smallest kept in ascending order, and how many distinct shingles the text has.
 *
 * <p>Why shingle containment rather than plain Jaccard: outlets trim agency copy, add a dateline or
 * a byline, insert a sentence in a write-thru. The share of the shorter text's shingles found in the
 * longer one stays near 1 under all of these, while Jaccard falls with every trim. With texts under
 * {@link #SKETCH} shingles (most wire stories) the sketch is the whole set and the containment is
 * exact; above that it is estimated from the bottom-k sketch of the union.
 *
 * <p>Band keys (the buckets a story is filed and looked up under) are its smallest hashes plus one
 * <em>lead key</em>, the smallest hash among its first {@link #LEAD} shingles. The smallest hashes
 * alone miss a copy trimmed to a fraction f of its original with probability (1 - f)^bands (the
 * original's smallest hashes fall in the cut tail): a quarter of copies cut to a fifth. Outlets trim
 * the tail, so the lead survives every trim and the lead key finds the original whatever is cut (a copy
 * shorter than {@link #LEAD} shingles, a one-paragraph brief, only with a chance of about its length / LEAD); the
 * smallest hashes still find copies whose opening changed (a new dateline, a write-thru's new lead).
 *
 * @param lead the lead key; for a sketch read back from a record ({@link #unpack}), where the order
 *             of the text is gone, its smallest hash
 */
public record Shingles(int[] hashes, int count, int lead) {

    /** Words per shingle: 4 keeps common phrases ("said in a statement") from matching unrelated copy. */
    public static final int WIDTH = 4;
    /** Hashes kept per text. */
    public static final int SKETCH = 512;
    /** Shingles of the opening the lead key is taken from: about two sentences, the part no trim removes. */
    public static final int LEAD = 40;

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
        int lead = Integer.MAX_VALUE;
        for (int i = 0; i < Math.min(LEAD, all.length); i++) {
            lead = Math.min(lead, all[i]);
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return new Shingles(Arrays.copyOf(all, Math.min(distinct, SKETCH)), distinct, lead);
    }

    /**
     * The band keys, ascending: the lead key and the smallest hashes, {@code bands} in all (fewer for a
     * text with fewer shingles). Two texts sharing most shingles, or the same opening, share one.
     */
    public int[] bandKeys(int bands) {
        int n = Math.min(bands, hashes.length);
        if (n == 0) {
            return new int[0];
        }
        int[] keys = Arrays.copyOf(hashes, n);
        if (n >= 2 && Arrays.binarySearch(keys, lead) < 0) {
            keys[n - 1] = lead;
            Arrays.sort(keys);
        }
        return keys;
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
        return new Shingles(hashes, count, hashes.length == 0 ? 0 : hashes[0]);
    }

    /** The sketch of a story's copy: its body without the dateline, or the headline where there is no body, normalised. */
    public static Shingles of(EnrichedStory s) {
        return ofNormalised(NormalisedText.of(textOf(s.getHeadline(), s.getBody(), s.getDateline())));
    }

    /**
     * The body, or the headline where there is none, without the dateline the body opens with: it names
     * the outlet ("NEW DELHI, Nov 28 (ANI) -") and differs between copies of one text, so it is no part
     * of the copy. The opening is read as a dateline with its agency credit even where the wire's own
     * dateline field is only the place ("NEW YORK" over "NEW YORK (AP) _ ..."), so no "(AP) _" is left
     * to tell two copies apart. (A byline paragraph that parsing recognised has gone to the byline already.)
     */
    static String textOf(String headline, List<String> body, String dateline) {
        if (body == null || body.isEmpty()) {
            return headline;
        }
        String text = String.join("\n", body);
        Optional<Dateline> credited = Dateline.find(body.get(0)).filter(d -> d.agency() != null);
        if (credited.isPresent()) {
            text = text.substring(credited.get().text().length()).stripLeading();
        } else if (dateline != null && !dateline.isBlank() && text.startsWith(dateline)) {
            text = text.substring(dateline.length());
        }
        // A text this short is a feed's teaser or a stock line ("Here's what you need to know.", the NYT's every morning
        // briefing, "Leer"), too little to tell one story's copy from another's: the headline counts with it. A brief of a
        // sentence or two is compared by its text alone, so a trimmed or retitled re-run of it is still its copy.
        // Words are counted where a language spaces them; long German words make dpa's "(Diese Informationen sind nicht
        // zur Veröffentlichung bestimmt)", the whole body of its desk notices, 62 characters in 7 words.
        String t = text.strip();
        int words = wordsUpTo(t, SHORT_TEXT_WORDS);
        boolean spaced = t.length() <= words * SPACED_WORD_CHARS;
        boolean stock = words < SHORT_TEXT_WORDS && (spaced || t.length() < SHORT_TEXT_CHARS);
        return headline != null && stock ? headline + "\n" + text : text;
    }

    /** Under this many words a body is a stock line, not copy. */
    static final int SHORT_TEXT_WORDS = 10;
    /** Chinese and Japanese write no spaces: a body of this many characters is copy whatever its word count. */
    static final int SHORT_TEXT_CHARS = 60;
    /** Words this long on average are no spaced language's but runs of unspaced script. */
    static final int SPACED_WORD_CHARS = 16;

    /**
     * The words of a stripped text, as many as splitting it at runs of {@code \\s} gives (an empty text is one),
     * counted no further than {@code limit}: only whether a body is under {@link #SHORT_TEXT_WORDS} matters, and
     * splitting every body whole was 1.3% of the full topology's stream thread in a JFR profile of bench.
     */
    static int wordsUpTo(String stripped, int limit) {
        int words = 1;
        boolean inSpace = false;
        for (int i = 0; i < stripped.length() && words < limit; i++) {
            char c = stripped.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (space && !inSpace) {
                words++;
            }
            inSpace = space;
        }
        return words;
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
        // The lead key is left out: a sketch read back from a record no longer knows it.
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
