package io.wirestream.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Linux reports thread CPU time in ticks of 1/100 s to user space (USER_HZ), whatever the kernel's own tick. */
    private static final long MILLIS_PER_TICK = 10;

    /**
     * CPU milliseconds the JVM's JIT compiler threads have used so far (user and system, from
     * {@code /proc/self/task/<tid>/stat}, threads named "C1 CompilerThread" or "C2 CompilerThread"); -1 where there is
     * no {@code /proc}. CPU time, not the compilations' wall time ({@code CompilationMXBean}, which counts a compiler
     * waiting for a core as busy): on two cores a compiler thread busy for a minute after start takes that share of
     * the machine from the stream thread and the in-process broker (docs/benchmarks.md, "The JIT's first minutes").
     * Compiler threads that ended since are not counted (on two cores the JVM keeps one of each).
     */
    static long jitMillis() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        // after the name: state, then 10 more fields; utime and stime are the 12th and 13th
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * MILLIS_PER_TICK;
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
        // Cores the JIT compiler threads used meanwhile, CPU time (the whole JVM's: the broker's code is compiled too).
        out.put("jit_cores", jitMs < 0 ? null : round((jitMs - before.jitMs) / 1e3 / seconds));
        return out;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
