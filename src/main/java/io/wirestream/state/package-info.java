/**
 * Helpers for the stages' state stores that are not about any one stage: the time index that
 * makes expiry cost proportional to what expires, and the RocksDB settings of the stores that need
 * other than Kafka Streams' defaults ({@link io.wirestream.state.StoreTuning}). Kafka Streams store interfaces and RocksDB options only; no topology.
 */
package io.wirestream.state;
