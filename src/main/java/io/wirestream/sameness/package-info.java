/**
 * Sameness across outlets (DESIGN.md decision 4, levels three and four; decision 5): near-duplicate
 * copy and same-event clusters, found through bucket keys that Kafka repartitions.
 *
 * <p>Consumes accepted story versions keyed by story key (after the versions stage); emits each
 * version again keyed by story key with its {@code clusterId} set, either as an accepted story or as
 * a NEAR_DUPLICATE. The flow is a scatter-gather over three internal topics:
 * <pre>
 *  versions ─▶ scatter ─┬─ band and term queries ──▶ [sameness-queries] ─▶ buckets ─┐
 *                       └─ the story itself ────────────────────────────────────────┴▶ [sameness-answers] ─▶ gather ─▶ on
 *  gather ─▶ [cluster-members] ─▶ clusters (centroids) ─▶ [cluster-terms] ─▶ buckets (centroid snapshots)
 * </pre>
 * Every store is capped in entries and expires by event time, so the cost per story does not grow
 * with the number of stories retained. Pure logic ({@link io.wirestream.sameness.Shingles},
 * {@link io.wirestream.sameness.TermVectors}) is separate from the processors.
 */
package io.wirestream.sameness;
