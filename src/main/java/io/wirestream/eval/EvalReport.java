package io.wirestream.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one JSON line {@code wirestream eval TASK} prints last: {@code {"task":..., "n":..., <metrics>}}.
 *
 * <p>Keys keep their insertion order (LinkedHashMap), so the line reads the same on every run and a
 * diff between two runs shows only changed numbers. Doubles, also inside nested maps, are rounded
 * half-up to 4 decimals: more digits are noise at corpus sizes of a few thousand. A NaN or infinity
 * is refused with an exception instead of printed, because JSON has no such numbers and a tool
 * reading the line would choke or misread it; the metric classes never produce one.
 */
public record EvalReport(String task, long n, Map<String, Object> metrics) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DECIMALS = 4;

    public EvalReport {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(metrics, "metrics");
        if (metrics.containsKey("task") || metrics.containsKey("n")) {
            throw new IllegalArgumentException("metrics must not redefine \"task\" or \"n\"");
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A report for one task's result. */
    public static EvalReport of(String task, EvalResult result) {
        return new EvalReport(task, result.n(), result.metrics());
    }

    /** The ordered map that is serialised: task, n, then the metrics, doubles rounded. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", task);
        out.put("n", n);
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            out.put(e.getKey(), rounded(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The report as one line of JSON, no trailing newline. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise eval report", e);
        }
    }

    /** Prints the report as one line. */
    public void printTo(PrintStream out) {
        out.println(toJson());
    }

    /** Rounds a double half-up to 4 decimals; refuses NaN and infinities (see class comment). */
    static double round(double d, String key) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("metric \"" + key + "\" is " + d + "; JSON has no such number");
        }
        // valueOf uses the shortest decimal that round-trips, so 0.12345 rounds to 0.1235 as written.
        double r = BigDecimal.valueOf(d).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
        return r == 0.0 ? 0.0 : r; // no "-0.0" in the output
    }

    private static Object rounded(String key, Object v) {
        if (v instanceof Double d) {
            return round(d, key);
        }
        if (v instanceof Float f) {
            return round(f.doubleValue(), key);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                out.put(k, rounded(key + "." + k, e.getValue()));
            }
            return out;
        }
        return v;
    }
}
