/**
 * Helpers for the stages' state stores that are not about any one stage: today the time index that
 * makes expiry cost proportional to what expires. Kafka Streams store interfaces only; no topology.
 */
package io.wirestream.state;
