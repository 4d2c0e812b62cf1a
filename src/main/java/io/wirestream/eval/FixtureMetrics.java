package io.wirestream.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parse accounting over a folder of wire files (the {@code fixtures} task).
 *
 * <ul>
 *   <li>{@code files} = wire files fed in;</li>
 *   <li>{@code parsed} = files that yielded at least one story;</li>
 *   <li>{@code dead_lettered} = files that ended in wire.dlq;</li>
 *   <li>{@code by_format} = the same three counts per format, formats sorted by name.</li>
 * </ul>
 *
 * <p>The three counters are fed independently, from what the run observed, rather than derived from
 * one another: the accounting invariant (every file parsed or dead-lettered, DESIGN.md) then shows
 * as {@code parsed + dead_lettered == files}, and a lost file shows as a gap instead of being hidden.
 * Format names are trimmed and lower-cased ({@link Locale#ROOT}); a null format counts as
 * "unknown". {@code n} is the number of files.
 */
public final class FixtureMetrics {

    /** Format name used when a file's format is not known. */
    public static final String UNKNOWN = "unknown";

    private final Map<String, long[]> byFormat = new TreeMap<>(); // format -> {files, parsed, deadLettered}

    /** Counts one wire file fed in, with its declared or detected format. */
    public FixtureMetrics file(String format) {
        counts(format)[0]++;
        return this;
    }

    /** Counts one file that yielded at least one story. */
    public FixtureMetrics parsed(String format) {
        counts(format)[1]++;
        return this;
    }

    /** Counts one file that ended as a dead letter. */
    public FixtureMetrics deadLettered(String format) {
        counts(format)[2]++;
        return this;
    }

    /** The scores of everything added so far; may be called more than once. */
    public Result result() {
        Map<String, Counts> per = new TreeMap<>();
        long files = 0;
        long parsed = 0;
        long dead = 0;
        for (Map.Entry<String, long[]> e : byFormat.entrySet()) {
            long[] c = e.getValue();
            per.put(e.getKey(), new Counts(c[0], c[1], c[2]));
            files += c[0];
            parsed += c[1];
            dead += c[2];
        }
        return new Result(new Counts(files, parsed, dead), per);
    }

    private long[] counts(String format) {
        String f = format == null || format.isBlank() ? UNKNOWN : format.trim().toLowerCase(Locale.ROOT);
        return byFormat.computeIfAbsent(f, k -> new long[3]);
    }

    /** Files, parsed and dead-lettered counts of one format or of all. */
    public record Counts(long files, long parsed, long deadLettered) {

        /** The counts under their contract names. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", files);
            m.put("parsed", parsed);
            m.put("dead_lettered", deadLettered);
            return m;
        }
    }

    /** Totals and per-format counts, formats sorted by name. */
    public record Result(Counts total, Map<String, Counts> byFormat) implements EvalResult {

        public Result {
            byFormat = Collections.unmodifiableMap(new TreeMap<>(byFormat));
        }

        @Override
        public long n() {
            return total.files();
        }

        @Override
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>(total.toMap());
            Map<String, Object> formats = new LinkedHashMap<>();
            byFormat.forEach((f, c) -> formats.put(f, c.toMap()));
            m.put("by_format", formats);
            return m;
        }
    }
}
