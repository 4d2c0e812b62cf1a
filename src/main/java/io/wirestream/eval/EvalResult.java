package io.wirestream.eval;

import java.util.Map;

/** The outcome of one evaluation task: how many items were scored and the named metrics. */
public interface EvalResult {

    /** Number of items scored (stories, or files for the fixtures task). */
    long n();

    /**
     * The metrics under their contract names (snake_case, DESIGN.md "Evaluation contract"), in print
     * order, without "task" and "n". Values are numbers or nested maps of numbers; never NaN.
     */
    Map<String, Object> metrics();
}
