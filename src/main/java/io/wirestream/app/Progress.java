package io.wirestream.app;

/**
 * A progress line on stderr for long work: rewritten in place on a terminal, one line every
 * 10% otherwise (CI logs), never more often than twice a second.
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

    public void step() {
        done++;
        long now = System.nanoTime();
        long decile = total > 0 ? done * 10 / total : -1;
        if (terminal && now - lastPrint > 500_000_000L) {
            System.err.print("\r" + line());
            lastPrint = now;
        } else if (!terminal && decile != lastDecile && total >= 1000 && now - start > 2_000_000_000L) {
            System.err.println(line());
            lastDecile = decile;
        }
    }

    public void done() {
        if (terminal && lastPrint > 0) {
            System.err.println("\r" + line());
        }
    }

    private String line() {
        double secs = (System.nanoTime() - start) / 1e9;
        return String.format(java.util.Locale.ROOT, "%s: %d/%d (%.0f/s)", what, done, total, secs > 0 ? done / secs : 0.0);
    }
}
