/**
 * Evaluation: story corpora in, one JSON line of scores out (DESIGN.md "Evaluation contract").
 *
 * <p>{@link io.wirestream.eval.CorpusReader} streams a JSONL corpus (shared/data/README.md) as
 * {@link io.wirestream.eval.CorpusStory} records in file order. The command that replays a corpus
 * through the topology collects the predictions and hands them, with the corpus, to one metric
 * class per task:
 * <ul>
 *   <li>{@code categories}: {@link io.wirestream.eval.CategoryMetrics}</li>
 *   <li>{@code regions}: {@link io.wirestream.eval.RegionMetrics}</li>
 *   <li>{@code neardup}: {@link io.wirestream.eval.PairMetrics}</li>
 *   <li>{@code clusters}: {@link io.wirestream.eval.BCubed}</li>
 *   <li>{@code alerts}: {@link io.wirestream.eval.AlertMetrics}</li>
 *   <li>{@code fixtures}: {@link io.wirestream.eval.FixtureMetrics}</li>
 * </ul>
 * Each result is an {@link io.wirestream.eval.EvalResult} whose metric names are the contract's;
 * {@link io.wirestream.eval.EvalReport} prints it as {@code {"task":..., "n":..., ...}}.
 *
 * <p>Shared rules: a ratio over an empty denominator is 0, never NaN (so no predictions scores
 * precision 0); a story missing from a prediction map had no prediction; pairwise and B-cubed scores
 * come from group-size counts, never from listing pairs. Pure Java; nothing here knows about Kafka,
 * so the same scoring serves the test driver, the embedded broker and a real cluster.
 */
package io.wirestream.eval;
