/**
 * Versions stage: the first three of DESIGN.md's four levels of sameness, per story key.
 *
 * <p>Consumes stories keyed by story key (repartitioned, so every version of a story meets the same
 * state). Emits each story exactly once, either accepted (NEW, UPDATE or KILL, to stories.enriched)
 * or as a duplicate (REDELIVERY of content already passed, or SUPERSEDED when an older version
 * arrives after a newer one, to stories.duplicates).
 */
package io.wirestream.versions;
