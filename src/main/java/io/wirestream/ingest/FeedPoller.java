package io.wirestream.ingest;

import io.wirestream.formats.SafeXml;
import io.wirestream.formats.WireFormat;
import io.wirestream.formats.WireParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Polls an RSS 2.0 or Atom feed and publishes each entry once, as its own raw item.
 *
 * <p>Why one item per entry: a feed is re-fetched every minute and mostly repeats itself; published
 * whole, every poll would put every entry through the topology again. Each entry is wrapped back into
 * a minimal feed document (the channel's own elements, such as its title, which the parser uses as
 * the agency, plus that one item or entry), so the topology's FeedParser reads it like any feed:
 * producers still only capture (DESIGN.md decision 1), the split is structural, not parsing.
 *
 * <p>Being polite to the server: conditional GET with If-None-Match / If-Modified-Since from the
 * last ETag / Last-Modified; a 304 means nothing new and costs nothing.
 *
 * <p>Once per content: the ids (RSS guid, Atom id, else link, else a hash of the entry) of published entries are
 * kept with a fingerprint of the entry element in a small file (one "id TAB fingerprint" a line, the most recent
 * {@value #MAX_REMEMBERED} or the current feed's, whichever is more), written after the broker acknowledged them,
 * so a restart does not republish; a crash between the two republishes a few entries, which the versions stage
 * takes as redeliveries. An entry that the feed changes later under the same id (a corrected headline, a rewritten
 * summary: feeds correct in place) is published again, and the versions stage makes it an UPDATE, or a REDELIVERY
 * where only what the story does not carry changed. A state file of ids alone (written before fingerprints) takes
 * each entry's fingerprint at its next sight without publishing it.
 *
 * <p>Errors: a failed request or a non-2xx answer is logged and tried again at the next poll. The
 * request's timeout only covers the wait for the response headers, so the body has a deadline of its
 * own ({@link #TIMEOUT} again): a server, proxy or half-open connection that stalls mid-body would
 * otherwise block the poller in a read forever, silently, with no further polls and no log line. A
 * response that cannot be split (not XML, a DOCTYPE, not RSS or Atom, or over {@value #MAX_FEED_BYTES}
 * bytes) is published whole, once per distinct body and at most once an hour while the feed stays broken, so it
 * reaches wire.dlq with the parser's reason: a feed has no one to tell, and a broken feed must not be silently
 * dropped, nor a login page that changes at each poll fill wire.dlq.
 *
 * <p>A permanent redirect (301, 308) is taken at its word: logged once, and the new location polled from then on
 * until the process ends, so that an operator learns the feed moved (and updates the configuration) before the old
 * address stops redirecting. Followed by the HTTP client or not, it cost a round trip at every poll and said nothing.
 * A temporary redirect (302, 303, 307) is followed each time, as its server asks.
 */
public final class FeedPoller implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final int MAX_REMEMBERED = 10_000;
    static final int MAX_FEED_BYTES = 64 * 1024 * 1024;
    /** The wait for the response headers, and then again for the whole body. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param source       source id of the feed
     * @param format       auto, rss or atom
     * @param maxItemBytes max.item.bytes, applied to each entry
     * @param interval     time between polls
     * @param stateFile    where the ids of published entries are kept
     */
    public record Settings(String source, String format, int maxItemBytes, Duration interval, Path stateFile) {
    }

    /** What one poll did. status is the HTTP status, or -1 when the request failed. */
    public record Poll(int status, int entries, int published, int alreadySeen, int failed) {
    }

    /** Where the feed is polled: the configured URL until a permanent redirect moves it (only the polling thread writes it). */
    private volatile URI url;
    private final Settings settings;
    private final ItemPublisher publisher;
    private final HttpClient http;
    /** How often a body that is no feed, and changes at each poll, is dead-lettered again. */
    static final Duration BROKEN_REPEAT = Duration.ofHours(1);
    /** When a body that is no feed was last published, while the feed stays broken; null while it is a feed. */
    private Instant brokenSince;
    /** Published entries: id to the fingerprint of the entry as published ("" when not known yet). */
    private final Map<String, String> seen;
    private final Duration timeout;
    private final CountDownLatch stop = new CountDownLatch(1);
    private String etag;
    private String lastModified;

    public FeedPoller(URI url, Settings settings, ItemPublisher publisher, HttpClient http) throws IOException {
        this(url, settings, publisher, http, TIMEOUT);
    }

    /** @param timeout the wait for the response headers, and then for the body (tests shorten it) */
    FeedPoller(URI url, Settings settings, ItemPublisher publisher, HttpClient http, Duration timeout) throws IOException {
        String f = settings.format().toLowerCase(Locale.ROOT);
        if (!f.equals(WireFormat.AUTO) && !f.equals(WireFormat.RSS.id()) && !f.equals(WireFormat.ATOM.id())) {
            throw new IllegalArgumentException("a feed's format is auto, rss or atom, not '" + settings.format() + "'");
        }
        this.url = url;
        this.settings = settings;
        this.publisher = publisher;
        this.http = http;
        this.seen = load(settings.stateFile());
        this.timeout = timeout;
    }

    /** The state file for a feed URL under a data dir: one file per URL. */
    public static Path stateFileFor(Path dataDir, URI url) {
        return dataDir.resolve("feeds").resolve(sha256(url.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".seen");
    }

    /** Polls every interval until {@link #close()}. */
    @Override
    public void run() {
        LOG.info("Polling {} every {} for source '{}'", url, settings.interval(), settings.source());
        try {
            do {
                try {
                    pollOnce();
                } catch (RuntimeException e) {
                    // One bad poll (an odd document, a bug) must not end the polling: the next one retries.
                    LOG.warn("Poll of {} failed: {}; trying again in {}", url, e.toString(), settings.interval());
                }
            } while (!stop.await(settings.interval().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where the feed is polled now: the configured URL, or where a permanent redirect moved it. */
    public URI url() {
        return url;
    }

    /** One conditional GET; publishes new entries and remembers them. */
    public Poll pollOnce() throws InterruptedException {
        return pollOnce(0);
    }

    /** @param moves permanent redirects already taken in this poll (a client that does not follow them shows each one) */
    private Poll pollOnce(int moves) throws InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1")
                .header("Accept-Encoding", "gzip");
        if (etag != null) {
            req.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            req.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> resp;
        byte[] body;
        long size;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                RawItems.Bounded b = readWithin(in, resp.headers().firstValue("Content-Encoding").orElse(null), timeout);
                body = b.payload();
                size = b.originalSize();
            }
        } catch (IOException e) {
            LOG.warn("Feed {}: request failed: {}; trying again in {}", url, e.toString(), settings.interval());
            return new Poll(-1, 0, 0, 0, 0);
        }
        int status = resp.statusCode();
        if (movedPermanently(resp) && (status == 301 || status == 308) && moves < MAX_MOVES) {
            return pollOnce(moves + 1); // not followed by the client: ask the new location now, not a poll later
        }
        if (status == 304) {
            LOG.info("Feed {}: 304 not modified", url);
            return new Poll(304, 0, 0, 0, 0);
        }
        if (status / 100 != 2) {
            LOG.warn("Feed {}: HTTP {}; trying again in {}", url, status, settings.interval());
            return new Poll(status, 0, 0, 0, 0);
        }
        String contentType = resp.headers().firstValue("Content-Type").orElse(null);
        Instant now = Instant.now();
        List<Entry> entries;
        try {
            entries = size >= 0 ? null : split(body);
        } catch (WireParseException e) {
            LOG.warn("Feed {}: cannot be split into entries ({}); publishing it whole so it is dead-lettered", url, e.getMessage());
            entries = null;
        }
        List<Entry> toPublish = new ArrayList<>();
        int alreadySeen = 0;
        int changed = 0;
        int adopted = 0;
        if (entries == null) {
            // Unsplittable (or over MAX_FEED_BYTES): one raw item for the whole body, once per distinct body.
            String id = "feed-sha256:" + sha256(body) + (size >= 0 ? ":" + size : "");
            if (seen.containsKey(id)) {
                alreadySeen++;
            } else if (brokenSince != null && now.isBefore(brokenSince.plus(BROKEN_REPEAT))) {
                // A login or error page served with 200 differs at every poll (a time, a token): one dead letter says it,
                // a new one a minute would bury wire.dlq. Once an hour while it lasts.
                LOG.warn("Feed {}: still not a feed; the body is dead-lettered again at most every {}", url, BROKEN_REPEAT);
                alreadySeen++;
            } else {
                toPublish.add(new Entry(id, body, settings.format(), size, id));
                brokenSince = now;
            }
        } else {
            brokenSince = null;
            for (Entry e : entries) {
                String known = seen.get(e.id());
                if (known == null) {
                    toPublish.add(e);
                } else if (known.isEmpty()) {
                    seen.put(e.id(), e.fingerprint()); // from a state file of ids alone: taken as it is now
                    adopted++;
                    alreadySeen++;
                } else if (!known.equals(e.fingerprint())) {
                    toPublish.add(e); // changed in place under its id
                    changed++;
                } else {
                    alreadySeen++;
                }
            }
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Entry e : toPublish) {
            RawItems.Captured c = RawItems.of(settings.source(), e.format(), e.id(), "url:" + url, e.payload(), now, contentType);
            c.item().setOriginalSize(e.originalSize());
            sent.add(publisher.publish(RawItems.limited(c, settings.maxItemBytes())));
        }
        int published = 0;
        int failed = 0;
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
                Entry e = toPublish.get(i);
                seen.remove(e.id()); // re-inserted last: the most recently published are kept longest
                seen.put(e.id(), e.fingerprint());
                published++;
            } catch (ExecutionException e) {
                failed++;
                if (failed == 1) {
                    LOG.warn("Feed {}: publishing entry {} failed: {}", url, toPublish.get(i).id(), e.getCause().toString());
                }
            }
        }
        if (failed == 0) {
            // Only when everything is stored: else the next poll must get the whole feed again, not a 304.
            etag = resp.headers().firstValue("ETag").orElse(null);
            lastModified = resp.headers().firstValue("Last-Modified").orElse(null);
        }
        if (published > 0 || adopted > 0) {
            save(entries == null ? List.of() : entries.stream().map(Entry::id).toList());
        }
        int count = entries == null ? 1 : entries.size();
        LOG.info("Feed {}: HTTP {}, {} entries, {} published{}, {} already seen{}", url, status, count, published,
                changed > 0 ? " (" + changed + " changed since published)" : "", alreadySeen,
                failed > 0 ? ", " + failed + " failed (retried next poll)" : "");
        return new Poll(status, count, published, alreadySeen, failed);
    }

    /** Permanent redirects taken in one poll, at most: as many as the JDK's client follows. */
    private static final int MAX_MOVES = 5;

    /**
     * Moves {@link #url} to where the permanent redirects at the start of this response's chain lead (a temporary one
     * after them is not followed further), logging it once. True when it moved.
     */
    private boolean movedPermanently(HttpResponse<?> resp) {
        List<HttpResponse<?>> chain = new ArrayList<>();
        for (HttpResponse<?> r = resp; r != null; r = r.previousResponse().orElse(null)) {
            chain.add(0, r);
        }
        URI target = null;
        int code = 0;
        for (int i = 0; i < chain.size() && (chain.get(i).statusCode() == 301 || chain.get(i).statusCode() == 308); i++) {
            HttpResponse<?> r = chain.get(i);
            code = i == 0 ? r.statusCode() : code; // the configured address's own answer
            if (i + 1 < chain.size()) {
                target = chain.get(i + 1).uri(); // followed by the client
            } else {
                String location = r.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    break;
                }
                try {
                    target = r.uri().resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    LOG.warn("Feed {}: HTTP {} to a Location that is no URI: {}", url, code, location);
                    break;
                }
            }
        }
        // never off the web, and never from https to http (which the JDK's client does not follow either)
        if (target == null || target.equals(url) || !List.of("http", "https").contains(String.valueOf(target.getScheme()).toLowerCase(Locale.ROOT))
                || "https".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            return false;
        }
        LOG.warn("Feed {} moved permanently (HTTP {}) to {}: polling the new location from now on; update the configured feed URL "
                + "(--feed), as after a restart the old one is polled again (the new URL keeps its own record of entries seen, "
                + "so its current entries are sent once more then, and the pipeline reads them as redeliveries)", url, code, target);
        url = target;
        return true;
    }

    /**
     * Reads the body, closing it when it is not complete within {@code limit}: closing the stream
     * is what ends a read blocked on a stalled connection (the HTTP client has no read timeout).
     */
    private static RawItems.Bounded readWithin(InputStream in, String encoding, Duration limit) throws IOException {
        AtomicBoolean reading = new AtomicBoolean(true);
        CompletableFuture.runAsync(() -> {
            if (reading.compareAndSet(true, false)) {
                try {
                    in.close();
                } catch (IOException e) {
                    LOG.debug("closing a stalled feed response", e);
                }
            }
        }, CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS));
        try {
            RawItems.Bounded b = RawItems.readBounded(decoded(in, encoding), MAX_FEED_BYTES);
            if (reading.compareAndSet(true, false)) {
                return b;
            }
        } catch (IOException e) {
            if (reading.compareAndSet(true, false)) {
                throw e;
            }
        }
        throw new HttpTimeoutException("response body not complete within " + limit);
    }

    /**
     * The body as the feed's bytes. The HTTP client does not undo a Content-Encoding, and servers
     * gzip feeds (asked, as here: a feed fetched every minute is mostly repeated text, or unasked, a
     * CDN's or a pre-compressed feed.xml.gz): read as they came, the compressed bytes were published
     * as a new binary dead letter at every poll. An encoding other than gzip is a failed request.
     */
    private static InputStream decoded(InputStream in, String encoding) throws IOException {
        String e = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "", "identity" -> in;
            case "gzip", "x-gzip" -> {
                PushbackInputStream p = new PushbackInputStream(in, 1);
                int first = p.read();
                if (first < 0) { // a 304 or an empty answer that names its encoding all the same
                    yield InputStream.nullInputStream();
                }
                p.unread(first);
                yield new GZIPInputStream(p, 64 * 1024);
            }
            default -> throw new IOException("unsupported Content-Encoding '" + encoding + "'");
        };
    }

    /** A feed entry as a stand-alone document, and the fingerprint of its entry element (what changes when it is edited). */
    record Entry(String id, byte[] payload, String format, long originalSize, String fingerprint) {
    }

    /**
     * Splits a feed into one minimal document per item/entry: the root element with its attributes
     * (namespace declarations included), the channel's own child elements, and that one item.
     */
    static List<Entry> split(byte[] feed) throws WireParseException {
        Document doc = SafeXml.parse(feed);
        Element root = doc.getDocumentElement();
        String rootName = SafeXml.localName(root);
        boolean atom = rootName.equals("feed") && ATOM_NS.equals(root.getNamespaceURI());
        if (!atom && !rootName.equals("rss")) {
            throw new WireParseException("not an RSS or Atom feed: root element is <" + rootName + ">");
        }
        Element channel = atom ? root : SafeXml.child(root, "channel");
        if (channel == null) {
            throw new WireParseException("RSS without a <channel>");
        }
        String entryName = atom ? "entry" : "item";
        List<Element> items = SafeXml.children(channel, entryName);
        List<Element> channelMeta = new ArrayList<>();
        for (Node n = channel.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !SafeXml.localName(e).equals(entryName)) {
                channelMeta.add(e);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Element item : items) {
            Document one = newDocument();
            Element newRoot = (Element) one.importNode(root, false);
            one.appendChild(newRoot);
            Element newChannel = newRoot;
            if (!atom) {
                newChannel = (Element) one.importNode(channel, false);
                newRoot.appendChild(newChannel);
            }
            for (Element meta : channelMeta) {
                newChannel.appendChild(one.importNode(meta, true));
            }
            newChannel.appendChild(one.importNode(item, true));
            byte[] bytes = serialize(one);
            out.add(new Entry(entryId(item, atom), bytes, atom ? WireFormat.ATOM.id() : WireFormat.RSS.id(), -1, fingerprint(item)));
        }
        return out;
    }

    /**
     * The entry's guid/id, else its link, else a hash of the entry element alone (not of the
     * wrapped document, whose channel metadata such as lastBuildDate changes on every fetch).
     */
    private static String entryId(Element item, boolean atom) {
        String id = SafeXml.text(SafeXml.child(item, atom ? "id" : "guid"));
        if (id == null) {
            Element link = SafeXml.child(item, "link");
            id = atom ? (link == null ? null : SafeXml.attr(link, "href")) : SafeXml.text(link);
        }
        if (id != null) {
            return id.strip().replaceAll("\\s+", " ");
        }
        return "sha256:" + fingerprint(item);
    }

    /**
     * A hash of the entry element alone, not of the wrapped document, whose channel metadata (a lastBuildDate) changes on
     * every fetch: it changes when the entry is edited.
     */
    private static String fingerprint(Element item) {
        Document alone = newDocument();
        alone.appendChild(alone.importNode(item, true));
        return sha256(serialize(alone));
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] serialize(Document d) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write a feed entry document", e);
        }
    }

    /** The state file: "id TAB fingerprint" a line; a line of an id alone (an older file) has no fingerprint yet. */
    private static Map<String, String> load(Path file) throws IOException {
        Map<String, String> ids = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    int tab = line.lastIndexOf('\t');
                    ids.put((tab < 0 ? line : line.substring(0, tab)).strip(), tab < 0 ? "" : line.substring(tab + 1).strip());
                }
            }
        }
        return ids;
    }

    /** Keeps the most recent ids (at least those in the current feed) and writes them atomically. */
    private void save(List<String> inFeed) {
        int keep = Math.max(MAX_REMEMBERED, inFeed.size());
        Iterator<String> it = seen.keySet().iterator();
        int excess = seen.size() - keep;
        while (excess > 0 && it.hasNext()) {
            String id = it.next();
            if (!inFeed.contains(id)) {
                it.remove();
                excess--;
            }
        }
        Path file = settings.stateFile();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, seen.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Feed {}: cannot save seen entries to {}: {}; a restart may republish them", url, file, e.toString());
        }
    }

    /** Ids of entries published so far (for tests and diagnostics). */
    public Set<String> seen() {
        return Set.copyOf(seen.keySet());
    }

    @Override
    public void close() {
        stop.countDown();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
