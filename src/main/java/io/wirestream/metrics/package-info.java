/**
 * Operational metrics: what the pipeline did (stories parsed per format, dead letters per stage,
 * duplicates per reason, accepted versions per action, alerts per level) and Kafka Streams' own
 * metrics, served for Prometheus.
 */
package io.wirestream.metrics;
