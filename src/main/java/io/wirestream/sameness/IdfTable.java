package io.wirestream.sameness;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Document frequencies of terms in a reference news corpus, for the IDF weights of
 * {@link TermVectors}. Fixed rather than counted online, so a story's vector is the same on every
 * partition and instance. The bundled table ({@code idf.tsv}) is built by
 * {@code wirestream idf --corpus FILE --out FILE} from openly licensed corpora (UCI News Aggregator headlines,
 * CC BY 4.0; ECB+ articles, CC BY 3.0; see NOTICE). A term the table does not know is treated as rare.
 */
public final class IdfTable {

    private static final String RESOURCE = "/io/wirestream/sameness/idf.tsv";
    private static volatile IdfTable bundled;

    private final Map<String, Integer> df;
    private final int documents;
    private final double unknown;

    public IdfTable(Map<String, Integer> df, int documents) {
        this.df = Map.copyOf(df);
        this.documents = documents;
        this.unknown = Math.log((documents + 1.0) / 1.0) + 1;
    }

    /** The table shipped in the jar. */
    public static IdfTable bundled() {
        IdfTable t = bundled;
        if (t == null) {
            try (InputStream in = IdfTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                t = read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = t;
        }
        return t;
    }

    public double idf(String term) {
        Integer n = df.get(term);
        return n == null ? unknown : Math.log((documents + 1.0) / (n + 1.0)) + 1;
    }

    /** Whether the term is in the table's vocabulary (a word of the news it was counted from). */
    public boolean knows(String term) {
        return df.containsKey(term);
    }

    public int documents() {
        return documents;
    }

    /** Counts, for each term, the documents (headline plus body) that contain it. */
    public static IdfTable build(Iterable<String> documents) {
        Map<String, Integer> df = new HashMap<>();
        int n = 0;
        for (String d : documents) {
            n++;
            Set<String> seen = new HashSet<>(TermVectors.terms(d));
            seen.forEach(t -> df.merge(t, 1, Integer::sum));
        }
        return new IdfTable(df, n);
    }

    /** Writes "#documents N" then "term TAB df" lines, terms seen at least {@code minDf} times, sorted. */
    public void write(Path file, int minDf) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("#documents\t" + documents + "\n");
            for (Map.Entry<String, Integer> e : new TreeMap<>(df).entrySet()) {
                if (e.getValue() >= minDf) {
                    w.write(e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
        }
    }

    static IdfTable read(BufferedReader r) throws IOException {
        Map<String, Integer> df = new HashMap<>();
        int documents = 0;
        String line;
        while ((line = r.readLine()) != null) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            if (line.startsWith("#documents")) {
                documents = Integer.parseInt(line.substring(tab + 1).trim());
            } else {
                df.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).trim()));
            }
        }
        return new IdfTable(df, documents);
    }
}
