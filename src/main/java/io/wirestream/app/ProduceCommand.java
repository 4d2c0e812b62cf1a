package io.wirestream.app;

import io.wirestream.runtime.BrokerWatch;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.runtime.Progress;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.formats.WireFormat;
import io.wirestream.formats.WireText;
import io.wirestream.ingest.DropFolderWatcher;
import io.wirestream.ingest.FeedPoller;
import io.wirestream.ingest.HttpIngestServer;
import io.wirestream.ingest.ItemPublisher;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Publish wire items to wire.raw, untouched (parsing happens in the topology).",
                "Sources:",
                "  PATH...      files or folders (recursively) once; '-' reads stdin",
                "  --watch DIR  a drop folder; each file then moves to done/ or error/",
                "  --feed URL   an RSS/Atom feed polled every --interval; new entries once",
                "  --http PORT  POST /ingest?source=ID&format=F for agencies that push",
                "--watch, --feed and --http run until Ctrl-C (or for --for).",
                "Items over max.item.bytes go as a 64 KiB preview and end in wire.dlq as",
                "oversized; --http answers 413 instead (its client can be told).",
                ""},
        sortOptions = false)
final class ProduceCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ProduceCommand.class);

    @Mixin
    WirestreamCli.ConnectionOptions connection;

    @Mixin
    WirestreamCli.PartitionsOption partitions;

    @Option(names = {"-s", "--source"}, description = "Source id, e.g. reuters, pti, ap. Required except with --http, "
            + "where each request names its source.")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = WireFormat.AUTO,
            description = "Declared format: auto (detect by content), ninjs, newsml-g2, nitf, newsml-1.2, ritzau, anpa, iptc7901, rss, atom, plain.")
    String format;

    @Option(names = "--content-type", description = "Declared media type and charset of the files, stdin or drop folder, "
            + "e.g. 'text/plain; charset=ISO-8859-1'.")
    String contentType;

    @Option(names = "--id", description = "Item id for stdin input (default: stdin-<time>).")
    String stdinId;

    @Option(names = "--watch", paramLabel = "DIR", description = "Watch a drop folder: publish existing and arriving files "
            + "once their size is stable, then move each to DIR/done/ (published) or DIR/error/ (unreadable or not published). "
            + "Hidden files and .tmp, .part, ~ names are skipped.")
    Path watch;

    @Option(names = "--feed", paramLabel = "URL", description = "Poll an RSS or Atom feed (conditional GET) and publish each new "
            + "entry once; published entry ids are kept under the data dir so a restart does not republish.")
    URI feed;

    @Option(names = "--interval", description = "With --feed: time between polls (ISO-8601, default PT1M).")
    Duration interval;

    @Option(names = "--stable-for", description = "With --watch: how long a file's size must stay the same before it is taken "
            + "(ISO-8601, default PT1S); raise it for transfers that pause mid-file.")
    Duration stableFor;

    @Option(names = "--http", paramLabel = "PORT", description = "Listen for POST /ingest (query source=, format=, id= or headers "
            + "X-Wirestream-Source/-Format/-Id); 202 {\"key\": ...} once stored; GET /health.")
    Integer httpPort;

    @Option(names = "--bind", description = "Address --http listens on (default 0.0.0.0).")
    String bind;

    @Option(names = "--for", description = "With --watch, --feed or --http: stop after this long (ISO-8601, e.g. PT10M); default: until stopped.")
    Duration runFor;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders; '-' reads one item from stdin.")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!WireFormat.AUTO.equals(format) && WireFormat.fromId(format).isEmpty()) {
            throw new WirestreamConfig.ConfigException("unknown --format '" + format + "'");
        }
        WirestreamCli.port("--http", httpPort);
        int modes = (paths.isEmpty() ? 0 : 1) + (watch == null ? 0 : 1) + (feed == null ? 0 : 1) + (httpPort == null ? 0 : 1);
        if (modes != 1) {
            throw new WirestreamConfig.ConfigException("give exactly one of PATH..., --watch DIR, --feed URL or --http PORT");
        }
        if (httpPort == null && (source == null || source.isBlank())) {
            throw new WirestreamConfig.ConfigException("--source is required (except with --http)");
        }
        if (httpPort != null && source != null) {
            throw new WirestreamConfig.ConfigException("with --http each request names its source (?source= or X-Wirestream-Source); "
                    + "do not give --source");
        }
        onlyWith("--interval", interval, "--feed", feed != null);
        onlyWith("--stable-for", stableFor, "--watch", watch != null);
        onlyWith("--bind", bind, "--http", httpPort != null);
        onlyWith("--id", stdinId, "'-' (stdin)", paths.contains("-"));
        onlyWith("--for", runFor, "--watch, --feed or --http", paths.isEmpty());
        if (WireText.unknownCharset(contentType) != null) {
            throw new WirestreamConfig.ConfigException("--content-type: unknown charset '" + WireText.unknownCharset(contentType) + "'");
        }
        if (contentType != null && (feed != null || httpPort != null)) {
            throw new WirestreamConfig.ConfigException("--content-type: a feed's responses and each POST declare their own");
        }
        if (interval == null) {
            interval = Duration.ofMinutes(1);
        }
        if (bind == null) {
            bind = "0.0.0.0";
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new WirestreamConfig.ConfigException("--interval must be positive, not " + interval);
        }
        if (stableFor != null && stableFor.isNegative()) {
            throw new WirestreamConfig.ConfigException("--stable-for must not be negative, not " + stableFor);
        }
        WirestreamConfig config = partitions.applyTo(connection.config());
        if (paths.isEmpty()) {
            return runUntilStopped(config);
        }
        int maxItemBytes = config.topology().maxItemBytes();
        List<Input> items = inputs(maxItemBytes);
        try (KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            kafka.ensureTopics(config.topics(), config.partitions());
            try (WireProducer producer = new WireProducer(kafka.clientProps(), config.topics().raw(), maxItemBytes)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Progress progress = new Progress("produce", items.size());
                for (Input in : items) {
                    sent.add(producer.send(in.read())); // blocks while the producer's buffer is full
                    progress.step();
                }
                producer.flush();
                for (Future<RecordMetadata> f : sent) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        System.err.println("failed to publish: " + e.getCause().getMessage());
                        return 1;
                    }
                }
                progress.done();
                System.out.println("published " + items.size() + " item(s) from source '" + source + "' to "
                        + config.topics().raw() + " at " + kafka.bootstrapServers());
            }
        }
        return 0;
    }

    /**
     * An option of another mode is refused rather than ignored: --content-type given with --watch did
     * nothing, so a Latin-1 agency's every file went to wire.dlq as invalid UTF-8 under a charset the
     * operator had declared.
     */
    private static void onlyWith(String option, Object value, String mode, boolean modeGiven) {
        if (value != null && !modeGiven) {
            throw new WirestreamConfig.ConfigException(option + " applies only with " + mode);
        }
    }

    /** --watch, --feed or --http: runs the producer on its own thread until Ctrl-C or --for. */
    private int runUntilStopped(WirestreamConfig config) throws Exception {
        int maxItemBytes = config.topology().maxItemBytes();
        try (ShutdownSignal stop = new ShutdownSignal(); KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            kafka.ensureTopics(config.topics(), config.partitions());
            try (WireProducer producer = new WireProducer(kafka.clientProps(), config.topics().raw(), maxItemBytes)) {
                Progress progress = Progress.unbounded("produce");
                ItemPublisher counted = c -> producer.publish(c).thenRun(progress::step);
                AutoCloseable running;
                Thread worker = null;
                if (watch != null) {
                    if (!Files.isDirectory(watch)) {
                        throw new WirestreamConfig.ConfigException("--watch: no such folder: " + watch);
                    }
                    DropFolderWatcher.Settings defaults = DropFolderWatcher.Settings.of(source, format, maxItemBytes);
                    DropFolderWatcher w = new DropFolderWatcher(watch, new DropFolderWatcher.Settings(source, format, maxItemBytes,
                            defaults.rescanInterval(), stableFor != null ? stableFor : defaults.stableFor(), contentType), counted);
                    worker = start("wirestream-watch", w);
                    running = w;
                    System.err.println("watching " + w.folder() + " for '" + source + "' -> " + config.topics().raw() + " at "
                            + kafka.bootstrapServers() + " (Ctrl-C to stop)");
                } else if (feed != null) {
                    if (feed.getScheme() == null || !List.of("http", "https").contains(feed.getScheme().toLowerCase(Locale.ROOT))) {
                        throw new WirestreamConfig.ConfigException("--feed must be an http or https URL, not " + feed);
                    }
                    FeedPoller p;
                    try {
                        p = new FeedPoller(feed, new FeedPoller.Settings(source, format, maxItemBytes, interval,
                                FeedPoller.stateFileFor(config.dataDir(), feed)), counted,
                                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build());
                    } catch (IllegalArgumentException e) {
                        throw new WirestreamConfig.ConfigException("--feed: " + e.getMessage());
                    }
                    worker = start("wirestream-feed", p);
                    running = p;
                    System.err.println("polling " + feed + " every " + interval + " for '" + source + "' -> " + config.topics().raw()
                            + " at " + kafka.bootstrapServers() + " (Ctrl-C to stop)");
                } else {
                    // /health tells a load balancer whether Kafka answers (checked every 2 s in the background, so
                    // /health itself never waits on the broker): while it does not, every POST can only be a 503.
                    BrokerWatch broker = new BrokerWatch(kafka.clientProps(), Duration.ofSeconds(2),
                            "every POST is answered 503 until it is back");
                    HttpIngestServer server;
                    try {
                        server = new HttpIngestServer(new InetSocketAddress(bind, httpPort), counted, maxItemBytes,
                                () -> broker.reachable() ? null : "Kafka at " + kafka.bootstrapServers() + " " + broker.describe()
                                        + ": items cannot be stored", config.ingestTokens());
                    } catch (java.net.BindException e) {
                        broker.close();
                        throw WirestreamCli.cannotListen("--http", bind, httpPort, e);
                    }
                    running = () -> {
                        server.close();
                        broker.close();
                    };
                    System.err.println("accepting POST http://" + bind + ":" + server.port() + "/ingest -> " + config.topics().raw()
                            + " at " + kafka.bootstrapServers() + " (Ctrl-C to stop)");
                }
                stop.await(runFor);
                running.close();
                if (worker != null) {
                    worker.join(Duration.ofSeconds(30).toMillis());
                }
                producer.flush();
                progress.done();
            }
        }
        return 0;
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("{} stopped: {}", name, e.toString(), e);
            }
        }, name);
        t.start();
        return t;
    }

    /** One item to publish, read when its turn comes. */
    private interface Input {
        RawItems.Captured read() throws IOException;
    }

    /**
     * The items of PATH...: every path checked and listed before anything is sent, each file read only
     * when it is sent. Reading them all first held a whole archive in memory: 156 MB of files in a
     * 200 MB heap was an OutOfMemoryError before the first item went out.
     */
    private List<Input> inputs(int maxItemBytes) throws IOException {
        List<Input> out = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                Instant now = Instant.now();
                String id = stdinId != null ? stdinId : "stdin-" + now.toEpochMilli();
                RawItems.Bounded in = RawItems.readBounded(System.in, maxItemBytes);
                RawItems.Captured c = RawItems.of(source, format, id, "stdin", in.payload(), now, contentType);
                c.item().setOriginalSize(in.originalSize());
                out.add(() -> c);
                continue;
            }
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                throw new WirestreamConfig.ConfigException("no such file or folder: " + p);
            }
            for (RawItems.FileItem f : RawItems.itemsUnder(path)) {
                out.add(() -> {
                    RawItems.Captured c = RawItems.fromFile(f.file(), f.itemId(), source, format, Instant.now(), maxItemBytes);
                    c.item().setContentType(contentType);
                    return c;
                });
            }
        }
        return out;
    }
}
