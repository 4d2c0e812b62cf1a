package io.wirestream.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where the stream threads' time went between two moments, from the cumulative metrics Kafka
 * Streams and its producers keep: how many commits, how long each one held the thread (the producer's
 * flush, the offsets sent to the transaction and the commit itself), and how long the threads were
 * blocked in their clients ({@code blocked-time-ns-total}: the consumer's network waits, so waiting for
 * input, and the producer's flush and transaction calls, so the commits too: {@code blocked_share}
 * includes {@code commit_share}, and one minus it is the share spent processing). Under exactly-once a
 * record reaches the next hop only after the commit that follows it, so the commit's length is part of
 * every hop (docs/benchmarks.md, "The alert path under a live feed").
 */
record ThreadTime(long nanos, double commits, double flushNs, double sendOffsetsNs, double commitTxnNs, double blockedNs,
                  double processed, long jitMs) {

    /**
     * Milliseconds the JVM's JIT compilers have spent so far, summed over their threads; -1 where the JVM
     * does not say. On two cores a compiler thread busy for a minute after start takes half the machine
     * from the stream thread and the in-process broker (docs/benchmarks.md, "The JIT's first minutes").
     */
    static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    static ThreadTime of(KafkaStreams streams) {
        double commits = 0;
        double flush = 0;
        double offsets = 0;
        double commit = 0;
        double blocked = 0;
        double processed = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (!(e.getValue().metricValue() instanceof Number v)) {
                continue;
            }
            double x = v.doubleValue();
            if (n.group().equals("stream-thread-metrics")) {
                switch (n.name()) {
                    case "commit-total" -> commits += x;
                    case "blocked-time-ns-total" -> blocked += x;
                    case "process-total" -> processed += x;
                    default -> { }
                }
            } else if (n.group().equals("producer-metrics")) {
                switch (n.name()) {
                    case "flush-time-ns-total" -> flush += x;
                    case "txn-send-offsets-time-ns-total" -> offsets += x;
                    case "txn-commit-time-ns-total" -> commit += x;
                    default -> { }
                }
            }
        }
        return new ThreadTime(System.nanoTime(), commits, flush, offsets, commit, blocked, processed, jitMillis());
    }

    /** The figures from {@code before} to this one, for the bench's JSON line. */
    Map<String, Object> since(ThreadTime before) {
        double seconds = (nanos - before.nanos) / 1e9;
        double n = Math.max(1, commits - before.commits);
        double flushMs = (flushNs - before.flushNs) / 1e6;
        double offsetsMs = (sendOffsetsNs - before.sendOffsetsNs) / 1e6;
        double commitMs = (commitTxnNs - before.commitTxnNs) / 1e6;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commits_per_s", round((commits - before.commits) / seconds));
        out.put("commit_ms_avg", round((flushMs + offsetsMs + commitMs) / n));
        out.put("commit_flush_ms_avg", round(flushMs / n));
        out.put("commit_offsets_ms_avg", round(offsetsMs / n));
        out.put("commit_txn_ms_avg", round(commitMs / n));
        // Shares of the wall time, summed over the stream threads (one by default); blocked includes the commits.
        out.put("commit_share", round((flushMs + offsetsMs + commitMs) / 1e3 / seconds));
        out.put("blocked_share", round((blockedNs - before.blockedNs) / 1e9 / seconds));
        out.put("records_processed_per_s", round((processed - before.processed) / seconds));
        // Cores the JIT compilers took meanwhile (the whole JVM's: the broker's code is compiled too).
        out.put("jit_cores", jitMs < 0 ? null : round((jitMs - before.jitMs) / 1e3 / seconds));
        return out;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
