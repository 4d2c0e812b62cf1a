package io.wirestream.runtime;

/**
 * A progress line on stderr for long work: rewritten in place on a terminal, one line every
 * 10% otherwise (CI logs), never more often than twice a second. Work without an end (a watched
 * folder, a feed, the HTTP endpoint) has total -1: a count and rate, in place on a terminal, else
 * one line a minute while items arrive. Thread-safe, because the HTTP endpoint publishes from
 * several threads.
 */
public final class Progress {

    private final String what;
    private final long total;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private long done;
    private long lastPrint;
    private long lastDecile = -1;

    public Progress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    /** For work without a known end. */
    public static Progress unbounded(String what) {
        return new Progress(what, -1);
    }

    public synchronized void step() {
        done++;
        long now = System.nanoTime();
        if (total < 0) {
            if (terminal ? now - lastPrint > 500_000_000L : now - lastPrint > 60_000_000_000L) {
                System.err.print(terminal ? "\r" + line() : line() + System.lineSeparator());
                lastPrint = now;
            }
            return;
        }
        long decile = total > 0 ? done * 10 / total : -1;
        if (terminal && now - lastPrint > 500_000_000L) {
            System.err.print("\r" + line());
            lastPrint = now;
        } else if (!terminal && decile != lastDecile && total >= 1000 && now - start > 2_000_000_000L) {
            System.err.println(line());
            lastDecile = decile;
        }
    }

    public synchronized void done() {
        if (terminal && lastPrint > 0) {
            System.err.println("\r" + line());
        }
    }

    private String line() {
        double secs = (System.nanoTime() - start) / 1e9;
        if (total < 0) {
            return String.format(java.util.Locale.ROOT, "%s: %d published (%.1f/s)", what, done, secs > 0 ? done / secs : 0.0);
        }
        return String.format(java.util.Locale.ROOT, "%s: %d/%d (%.0f/s)", what, done, total, secs > 0 ? done / secs : 0.0);
    }
}
