package io.wirestream.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generated text with the word statistics of real news, so the sameness stage's term buckets fill as
 * they do in production: content words drawn in proportion to their document frequency in the
 * bundled IDF table (about 9,700 terms of UCI headlines and ECB+ articles, a Zipf-like spread), about
 * 45% function words as in running English, and each story's event words (five terms mostly from the
 * long tail, as names and places are) repeated through its headline and text. A fixed word list of a
 * few hundred words (the throughput input) would put every story's strongest terms in the same few
 * hundred term buckets, all full from the first thousand stories.
 */
public final class NewsVocabulary implements WireStoryGenerator.Vocabulary {

    private static final String RESOURCE = "/io/wirestream/sameness/idf.tsv";
    private static final String[] FUNCTION = ("the the the of of to to in in and and a a for on that with said "
            + "was is at by as from it has have be were after will its an their who which but been also are this "
            + "had not more than about over his her they one two").split(" ");
    private static final double FUNCTION_SHARE = 0.45;
    private static final double EVENT_SHARE = 0.10;
    private static final int EVENT_WORDS = 5;

    private final String[] terms;
    private final long[] cumulative;

    private NewsVocabulary(String[] terms, long[] cumulative) {
        this.terms = terms;
        this.cumulative = cumulative;
    }

    /** The vocabulary of the IDF table shipped in the jar. */
    public static NewsVocabulary bundled() {
        List<String> words = new ArrayList<>();
        List<Long> df = new ArrayList<>();
        try (InputStream in = NewsVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab < 1) {
                    continue;
                }
                words.add(line.substring(0, tab));
                df.add(Long.parseLong(line.substring(tab + 1).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] cumulative = new long[df.size()];
        long sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += df.get(i);
            cumulative[i] = sum;
        }
        return new NewsVocabulary(words.toArray(new String[0]), cumulative);
    }

    @Override
    public String word(Random r, String[] event) {
        double x = r.nextDouble();
        if (x < FUNCTION_SHARE) {
            return FUNCTION[r.nextInt(FUNCTION.length)];
        }
        if (x < FUNCTION_SHARE + EVENT_SHARE && event.length > 0) {
            return event[r.nextInt(event.length)];
        }
        long pick = (long) (r.nextDouble() * cumulative[cumulative.length - 1]);
        int i = Arrays.binarySearch(cumulative, pick + 1);
        return terms[i >= 0 ? i : -i - 1];
    }

    /** Event words: uniform over the table's terms, so mostly from its long tail, as names and places are. */
    @Override
    public String[] event(long eventSeed) {
        Random r = new Random(eventSeed ^ 0x5DEECE66DL);
        String[] out = new String[EVENT_WORDS];
        for (int i = 0; i < out.length; i++) {
            out[i] = terms[r.nextInt(terms.length)];
        }
        return out;
    }

    @Override
    public boolean hasEvents() {
        return true;
    }

    /** Distinct content terms. */
    public int size() {
        return terms.length;
    }
}
