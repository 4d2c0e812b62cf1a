/**
 * {@code wirestream bench}: generated wire copy, throughput of the full topology against a
 * pass-through baseline on the same embedded broker, end-to-end latency at a fixed offered rate, and
 * the per-story cost of the dedup state as it grows (DESIGN.md "Benchmark contract").
 */
package io.wirestream.bench;
