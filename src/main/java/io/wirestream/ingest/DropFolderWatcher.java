package io.wirestream.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A newsroom drop folder: agencies' FTP or file-transfer jobs put wire files in a folder; each file is
 * published to wire.raw once and then moved to {@code done/} (acknowledged by the broker) or
 * {@code error/} (unreadable, or the publish failed), so the folder itself shows what is still to do
 * and an operator can move a file back from error/ to retry it.
 *
 * <p>Files already there at start are published first. New files are noticed through a
 * {@link WatchService} and, because watch events are lost on overflow and are not delivered at all on
 * some network file systems, by a periodic rescan as well.
 *
 * <p>A transfer writes a file over seconds; publishing it half-written would make a dead letter of a
 * good story. So a file is only taken when its size and modification time were unchanged for
 * {@code stableFor} across two looks at it. Hidden files and the usual temporary names of transfer
 * tools ({@code .tmp}, {@code .part}, {@code ~}) are never taken: those tools rename the file when it is
 * complete, and the rename is then seen as a new file.
 *
 * <p>Only the folder's own files are taken, not subfolders (done/ and error/ live there). An item over
 * max.item.bytes is sent as a preview with originalSize set ({@link RawItems#fromFile(Path, String,
 * String, Instant, int)}) and so reaches wire.dlq as oversized; the file still moves to done/, because
 * wire.raw has what it needs to account for it.
 */
public final class DropFolderWatcher implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderWatcher.class);
    /** One pass publishes at most this many files or bytes, then moves them before reading more: bounded memory. */
    private static final int MAX_BATCH_FILES = 500;
    private static final long MAX_BATCH_BYTES = 64L * 1024 * 1024;

    /**
     * @param source         source id of every file in this folder (one folder per agency, as newsrooms set them up)
     * @param format         declared format, or "auto" to detect by content
     * @param maxItemBytes   max.item.bytes
     * @param rescanInterval how often the folder is listed even without watch events
     * @param stableFor      how long a file's size must stay the same before it is taken
     * @param contentType    declared media type and charset of every file (one folder per agency), or null
     */
    public record Settings(String source, String format, int maxItemBytes, Duration rescanInterval, Duration stableFor,
                           String contentType) {

        /** The default wait for a file to stop growing. */
        public static final Duration STABLE_FOR = Duration.ofSeconds(1);

        public Settings(String source, String format, int maxItemBytes, Duration rescanInterval, Duration stableFor) {
            this(source, format, maxItemBytes, rescanInterval, stableFor, null);
        }

        public static Settings of(String source, String format, int maxItemBytes) {
            return new Settings(source, format, maxItemBytes, Duration.ofSeconds(10), STABLE_FOR);
        }
    }

    /** What one pass did. */
    public record Pass(int published, int failed, int waiting) {
    }

    private record Look(long size, long modified, long sinceNanos) {
    }

    private final Path dir;
    private final Path done;
    private final Path error;
    private final Settings settings;
    private final ItemPublisher publisher;
    private final Map<Path, Look> looks = new HashMap<>();
    private final Set<Path> notTaken = new HashSet<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;
    private volatile WatchService watcher;

    public DropFolderWatcher(Path dir, Settings settings, ItemPublisher publisher) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a folder");
        }
        this.dir = dir.toAbsolutePath();
        this.done = Files.createDirectories(this.dir.resolve("done"));
        this.error = Files.createDirectories(this.dir.resolve("error"));
        this.settings = settings;
        this.publisher = publisher;
    }

    /** True for names a transfer is still writing or that are not meant for us: hidden, .tmp, .part, ending in ~. */
    public static boolean ignored(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.startsWith(".") || n.endsWith(".tmp") || n.endsWith(".part") || n.endsWith("~");
    }

    /** Watches and rescans until {@link #close()}; publishes whatever is stable on each pass. */
    @Override
    public void run() {
        try (WatchService ws = dir.getFileSystem().newWatchService()) {
            watcher = ws;
            dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            LOG.info("Watching drop folder {} for source '{}' (format {}); published files go to done/, failed ones to error/",
                    dir, settings.source(), settings.format());
            while (running) {
                Pass pass;
                try {
                    pass = scanOnce();
                } catch (IOException | UncheckedIOException e) {
                    // A network share's hiccup must not end the watch: log, wait one rescan interval, try again.
                    LOG.warn("Cannot read drop folder {} ({}); trying again in {}", dir, e.getMessage(), settings.rescanInterval());
                    WatchKey key = ws.poll(Math.max(1, settings.rescanInterval().toMillis()), TimeUnit.MILLISECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                    continue;
                }
                if (!running) {
                    break;
                }
                if (pass.published() + pass.failed() > 0 && pass.waiting() > 0) {
                    continue; // a backlog: go on at once
                }
                // Files waiting to become stable are looked at again after stableFor; otherwise on an event or the rescan.
                Duration wait = pass.waiting() > 0 ? min(settings.stableFor(), settings.rescanInterval()) : settings.rescanInterval();
                WatchKey key = ws.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents(); // which file does not matter: the next pass lists the folder
                    key.reset();
                }
            }
        } catch (ClosedWatchServiceException e) {
            // close() while waiting: stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("drop folder " + dir + " cannot be watched", e);
        } finally {
            LOG.info("Stopped watching {}: {} file(s) published, {} moved to error/", dir, published.get(), failed.get());
        }
    }

    /**
     * One look at the folder: files stable since the last look are published (in name order) and moved;
     * new or still growing files are remembered for the next look.
     */
    public Pass scanOnce() throws IOException, InterruptedException {
        long now = System.nanoTime();
        Map<Path, Look> current = new TreeMap<>();
        Set<Path> notTakenNow = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (ignored(f.getFileName().toString())) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(f, BasicFileAttributes.class);
                } catch (NoSuchFileException gone) {
                    if (Files.isSymbolicLink(f)) {
                        notTaken(notTakenNow, f, "a link to nothing");
                    }
                    continue;
                }
                if (a.isRegularFile() && !Files.isHidden(f)) {
                    current.put(f, new Look(a.size(), a.lastModifiedTime().toMillis(), now));
                } else if (a.isDirectory() && !f.equals(done) && !f.equals(error)) {
                    notTaken(notTakenNow, f, "a folder (only the drop folder's own files are taken)");
                }
            }
        }
        notTaken.retainAll(notTakenNow);
        looks.keySet().retainAll(current.keySet());
        List<Path> ready = new ArrayList<>();
        long batchBytes = 0;
        int waiting = 0;
        for (Map.Entry<Path, Look> e : current.entrySet()) {
            Look seen = looks.get(e.getKey());
            Look look = e.getValue();
            boolean unchanged = seen != null && seen.size() == look.size() && seen.modified() == look.modified();
            if (!unchanged) {
                looks.put(e.getKey(), look);
                waiting++;
            } else if (now - seen.sinceNanos() < settings.stableFor().toNanos()
                    || ready.size() >= MAX_BATCH_FILES || batchBytes >= MAX_BATCH_BYTES) {
                waiting++;
            } else {
                ready.add(e.getKey());
                batchBytes += Math.min(look.size(), settings.maxItemBytes());
            }
        }
        Pass pass = publish(ready);
        return new Pass(pass.published(), pass.failed(), waiting);
    }

    /**
     * Says once, at INFO, why something dropped here stays: a folder of files or a dangling link sat in the
     * drop folder for ever without a word, so whoever dropped it could only guess.
     */
    private void notTaken(Set<Path> now, Path f, String why) {
        now.add(f);
        if (notTaken.add(f)) {
            LOG.info("Not taking {} from the drop folder: {}", f.getFileName(), why);
        }
    }

    /** What the folder holds that is not taken (subfolders, dangling links), for tests and diagnostics. */
    public Set<Path> notTaken() {
        return Set.copyOf(notTaken);
    }

        private Pass publish(List<Path> ready) throws InterruptedException {
        Map<Path, RawItems.Captured> captured = new HashMap<>();
        Map<Path, CompletableFuture<Void>> sent = new HashMap<>();
        int ok = 0;
        int bad = 0;
        for (Path f : ready) {
            try {
                RawItems.Captured c = RawItems.fromFile(f, settings.source(), settings.format(), Instant.now(), settings.maxItemBytes());
                c.item().setContentType(settings.contentType());
                captured.put(f, c);
                sent.put(f, publisher.publish(c));
            } catch (NoSuchFileException gone) {
                looks.remove(f); // taken away by someone else meanwhile
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot read {}: {}; moved to error/", f.getFileName(), e.toString());
                bad += moveTo(f, error) ? 1 : 0;
            }
        }
        for (Path f : ready) {
            CompletableFuture<Void> future = sent.get(f);
            if (future == null) {
                continue;
            }
            try {
                future.get();
                RawItems.Captured c = captured.get(f);
                if (moveTo(f, done)) {
                    ok++;
                    long size = c.item().getOriginalSize() >= 0 ? c.item().getOriginalSize() : c.item().getPayload().remaining();
                    LOG.info("Published {} ({} bytes{}) as {}; moved to done/", f.getFileName(), size,
                            c.item().getOriginalSize() >= 0 ? ", over max.item.bytes: sent as a preview, will be dead-lettered" : "",
                            c.key());
                }
            } catch (ExecutionException e) {
                LOG.warn("Publishing {} failed: {}; moved to error/", f.getFileName(), e.getCause().toString());
                bad += moveTo(f, error) ? 1 : 0;
            }
        }
        published.addAndGet(ok);
        failed.addAndGet(bad);
        return new Pass(ok, bad, 0);
    }

    /** Moves a file into done/ or error/ under its own name, or name-1.ext, name-2.ext ... when that is taken. */
    private boolean moveTo(Path f, Path target) {
        looks.remove(f);
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 0; i < 10_000; i++) {
            Path to = target.resolve(i == 0 ? name : stem + "-" + i + ext);
            if (Files.exists(to)) {
                continue;
            }
            try {
                Files.move(f, to, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (FileAlreadyExistsException raced) {
                // try the next name
            } catch (IOException e) {
                LOG.error("Cannot move {} to {}: {}; it stays in the drop folder and will be published again", f, target, e.toString());
                return false;
            }
        }
        LOG.error("Cannot move {} to {}: too many files of that name", f, target);
        return false;
    }

    public Path folder() {
        return dir;
    }

    public long published() {
        return published.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Stops {@link #run()} after the current pass. */
    @Override
    public void close() {
        running = false;
        WatchService ws = watcher;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service", e);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
