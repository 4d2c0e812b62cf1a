package io.wirestream.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated agency copy as ninjs 1.x JSON, deterministic for a seed, so the pass-through run, the
 * full-topology run and the latency run see the same wires and a figure can be reproduced.
 *
 * <p>The mix follows what a newsroom sees on its wires: about 10% exact resends (the same item sent
 * again), 10% updates (same uri, a newer version with a new lead paragraph), 15% near-duplicate
 * rewrites (another agency re-running the copy under its own uri with a new headline and a trimmed
 * tail) and the rest new stories. Bodies are 1-5 KB of sentences drawn from a fixed word list, as
 * HTML paragraphs with a dateline, because real ninjs wires carry body_html and the parser's HTML
 * path is part of the cost being measured.
 *
 * <p>Only a compact descriptor of each recent original is kept (its content seed, version and time);
 * text is re-rendered from the seed on demand, so generating 100,000 stories needs little memory and
 * a resend is byte-identical to the version it repeats.
 */
public final class WireStoryGenerator {

    /** What a generated wire is, relative to the stories before it. */
    public enum Kind { NEW, RESEND, UPDATE, NEAR_DUPLICATE }

    /** Shares of the non-new kinds; the rest are new stories. */
    public record Mix(double resend, double update, double nearDuplicate) {
        public static Mix realistic() {
            return new Mix(0.10, 0.10, 0.15);
        }

        /** Only new, distinct stories: for filling state to a known size. */
        public static Mix allNew() {
            return new Mix(0, 0, 0);
        }
    }

    /** One generated wire: its raw record key (source:itemId), agency, uri and ninjs bytes. */
    public record WireStory(Kind kind, String source, String itemId, String uri, int version, Instant versionCreated,
                            byte[] ninjs) {
        public String key() {
            return source + ":" + itemId;
        }
    }

    /** Smallest and largest generated body (UTF-8 bytes of the paragraphs' text, markup excluded). */
    public static final int MIN_BODY_BYTES = 1024;
    public static final int MAX_BODY_BYTES = 5 * 1024;

    static final String[] AGENCIES = {"ap", "reuters", "afp", "dpa", "pti", "efe", "ansa", "aap"};
    private static final String[] AGENCY_TAGS = {"AP", "Reuters", "AFP", "dpa", "PTI", "EFE", "ANSA", "AAP"};
    private static final String[] PLACES = {"London", "Paris", "Berlin", "New Delhi", "Madrid", "Rome", "Sydney", "Washington",
            "Tokyo", "Nairobi", "Brasilia", "Ottawa", "Cairo", "Jakarta", "Mexico City", "Warsaw", "Seoul", "Lagos"};
    private static final String[] MONTHS = {"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"};
    private static final String[][] SUBJECTS = {
            {"medtop:11000000", "politics"}, {"medtop:04000000", "economy, business and finance"},
            {"medtop:15000000", "sport"}, {"medtop:16000000", "conflict, war and peace"},
            {"medtop:03000000", "disaster, accident and emergency incident"}, {"medtop:06000000", "environment"},
            {"medtop:07000000", "health"}, {"medtop:13000000", "science and technology"},
            {"medtop:02000000", "crime, law and justice"}, {"medtop:01000000", "arts, culture, entertainment and media"}};
    /** News-register vocabulary; sentences are random draws, so only the length and texture are realistic. */
    private static final String[] WORDS = ("government minister officials said on Tuesday Wednesday Thursday Friday "
            + "Monday the a of to in and for with after before during against over under about from by at as that which "
            + "police army rebels protesters voters parliament court judge ruling law bill budget tax inflation prices "
            + "market shares investors bank central rate interest percent growth economy exports imports trade deal talks "
            + "agreement ceasefire attack explosion fire flood earthquake storm rescue teams hospital patients vaccine "
            + "outbreak cases deaths injured killed missing residents villages city capital region province border "
            + "election campaign president prime opposition party coalition leader spokesman statement announced "
            + "confirmed denied reported warned urged called demanded expected planned agreed rejected approved "
            + "company chief executive profit quarter revenue sales jobs workers strike union wages energy oil gas "
            + "electricity power grid climate emissions drought harvest farmers food supplies aid agency united nations "
            + "security council summit foreign ministers delegation visit week month year last next early late "
            + "record highest lowest since first second third new major small large several many dozens hundreds "
            + "thousands millions local national international regional federal state public private official "
            + "according sources familiar matter told reporters news conference late-night early-morning emergency "
            + "meeting investigation inquiry report findings evidence charges trial verdict appeal sentence prison "
            + "match team coach players season title final goal win defeat victory championship league cup").split(" ");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant BASE = Instant.parse("2026-01-05T06:00:00Z");
    private static final int POOL = 2000;
    private static final int RECENT = 200;

    /** A story as first filed, enough to re-render any version of it. */
    private static final class Original {
        final int agency;
        final String uri;
        final long contentSeed;
        final long eventSeed;
        final int place;
        final String[] subject;
        int version = 1;
        Instant versionCreated;
        final Instant firstCreated;

        Original(int agency, String uri, long contentSeed, long eventSeed, int place, String[] subject, Instant t) {
            this.agency = agency;
            this.uri = uri;
            this.contentSeed = contentSeed;
            this.eventSeed = eventSeed;
            this.place = place;
            this.subject = subject;
            this.versionCreated = t;
            this.firstCreated = t;
        }
    }

    /**
     * Where the words of generated text come from. The default draws uniformly from a fixed word list
     * (and consumes the same random numbers as it always did, so the throughput input is unchanged);
     * {@link NewsVocabulary} draws from a real news vocabulary with event words a story repeats.
     */
    public interface Vocabulary {
        /** A word of running text; {@code event} are the words naming the story's event (possibly none). */
        String word(Random r, String[] event);

        /** The words naming one event, the same for the same seed; none for a vocabulary without events. */
        default String[] event(long eventSeed) {
            return new String[0];
        }

        /** Whether new stories sometimes report an event of an earlier one (in their own words). */
        default boolean hasEvents() {
            return false;
        }

        Vocabulary FIXED = (r, event) -> WORDS[r.nextInt(WORDS.length)];
    }

    /** Share of new stories that report a recent story's event, with a vocabulary that has events. */
    private static final double SAME_EVENT = 0.3;

    private final Random random;
    private final String namespace;
    private final Vocabulary vocabulary;
    private int spacingMinMs = 500;
    private int spacingSpreadMs = 3000;
    private Mix mix;
    private final List<Original> pool = new ArrayList<>();
    private Instant clock = BASE;
    private long serial;

    /**
     * @param namespace part of every uri, so wires of two generators (a warm-up and the measured run)
     *                  never share a story key
     */
    public WireStoryGenerator(long seed, Mix mix, String namespace) {
        this(seed, mix, namespace, Vocabulary.FIXED);
    }

    public WireStoryGenerator(long seed, Mix mix, String namespace, Vocabulary vocabulary) {
        this.random = new Random(seed);
        this.mix = mix;
        this.namespace = namespace;
        this.vocabulary = vocabulary;
    }

    /**
     * Event time of the first wire (default 2026-01-05T06:00Z). A run fed to a live application at a wall-clock
     * rate starts at the wall clock: its records are stamped when sent, and stores expire what is older than
     * their window in stream time, so copy dated months earlier would all expire at the first expiry pass.
     */
    public WireStoryGenerator startingAt(Instant start) {
        this.clock = start;
        return this;
    }

    /**
     * Event-time gap between consecutive wires, uniform in [min, min + spread) (default 0.5-3.5 s):
     * how many stories fall within the sameness windows (48 h) depends on it.
     */
    public WireStoryGenerator spacing(Duration min, Duration spread) {
        this.spacingMinMs = (int) min.toMillis();
        this.spacingSpreadMs = (int) spread.toMillis();
        return this;
    }

    public WireStoryGenerator(long seed, Mix mix) {
        this(seed, mix, "bench");
    }

    public WireStoryGenerator(long seed) {
        this(seed, Mix.realistic());
    }

    /**
     * Changes the mix from the next wire on: the dedup cost measurement fills state with new stories,
     * then times a realistic batch whose resends and updates hit what was filled.
     */
    public void useMix(Mix m) {
        this.mix = m;
    }

    /** The next wire. Never a resend, update or rewrite before there is an original to repeat. */
    public WireStory next() {
        clock = clock.plusMillis(spacingMinMs + random.nextInt(spacingSpreadMs));
        double r = random.nextDouble();
        if (!pool.isEmpty()) {
            if (r < mix.resend()) {
                return resend();
            }
            if (r < mix.resend() + mix.update()) {
                return update();
            }
            if (r < mix.resend() + mix.update() + mix.nearDuplicate()) {
                return nearDuplicate();
            }
        }
        return fresh();
    }

    /** The next {@code n} wires. */
    public List<WireStory> next(int n) {
        List<WireStory> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    private WireStory fresh() {
        int agency = random.nextInt(AGENCIES.length);
        long id = ++serial;
        String uri = String.format(Locale.ROOT, "urn:newsml:%s.%s:%08d", AGENCIES[agency], namespace, id);
        long contentSeed = random.nextLong();
        Original o = new Original(agency, uri, contentSeed, eventSeed(contentSeed), random.nextInt(PLACES.length),
                SUBJECTS[random.nextInt(SUBJECTS.length)], clock);
        if (pool.size() == POOL) {
            pool.remove(0);
        }
        pool.add(o);
        return render(Kind.NEW, o, agency, uri, headline(new Random(o.contentSeed), o), body(o), o.versionCreated);
    }

    /** A new event, or (with a vocabulary that has events) sometimes a recent story's event. */
    private long eventSeed(long contentSeed) {
        if (!vocabulary.hasEvents() || pool.isEmpty() || random.nextDouble() >= SAME_EVENT) {
            return contentSeed;
        }
        return recent().eventSeed;
    }

    private Original recent() {
        int from = Math.max(0, pool.size() - RECENT);
        return pool.get(from + random.nextInt(pool.size() - from));
    }

    private WireStory resend() {
        Original o = recent();
        return render(Kind.RESEND, o, o.agency, o.uri, headline(new Random(o.contentSeed), o), body(o), o.versionCreated);
    }

    private WireStory update() {
        Original o = recent();
        o.version++;
        o.versionCreated = clock;
        return render(Kind.UPDATE, o, o.agency, o.uri, headline(new Random(o.contentSeed), o), body(o), o.versionCreated);
    }

    /**
     * A breaking story as agencies carry it: a new original, then {@code copies} re-runs of it by as
     * many other agencies (one source each, all different), a few seconds apart in event time. Its
     * cluster reaches {@code copies + 1} distinct sources at once: corroboration, for the alert path.
     */
    public List<WireStory> burst(int copies) {
        if (copies >= AGENCIES.length) {
            throw new IllegalArgumentException("at most " + (AGENCIES.length - 1) + " copies, one per other agency");
        }
        clock = clock.plusMillis(spacingMinMs + random.nextInt(spacingSpreadMs));
        List<WireStory> out = new ArrayList<>();
        out.add(fresh());
        Original o = pool.get(pool.size() - 1);
        int first = 1 + random.nextInt(AGENCIES.length - copies);
        for (int i = 0; i < copies; i++) {
            clock = clock.plusMillis(1 + random.nextInt(spacingMinMs));
            out.add(nearDuplicateOf(o, (o.agency + first + i) % AGENCIES.length));
        }
        return out;
    }

    private WireStory nearDuplicate() {
        Original o = recent();
        return nearDuplicateOf(o, (o.agency + 1 + random.nextInt(AGENCIES.length - 1)) % AGENCIES.length);
    }

    private WireStory nearDuplicateOf(Original o, int agency) {
        String uri = String.format(Locale.ROOT, "urn:newsml:%s.%s:%08d", AGENCIES[agency], namespace, ++serial);
        List<String> body = new ArrayList<>(body(o));
        // Re-run copy: same paragraphs under the other agency's dateline tag, the tail trimmed to fit.
        body.set(0, body.get(0).replace("(" + AGENCY_TAGS[o.agency] + ")", "(" + AGENCY_TAGS[agency] + ")"));
        int trim = 1 + random.nextInt(2);
        for (int i = 0; i < trim && body.size() > 2 && bytes(body.subList(0, body.size() - 1)) >= MIN_BODY_BYTES; i++) {
            body.remove(body.size() - 1);
        }
        String headline = headline(random, o);
        return render(Kind.NEAR_DUPLICATE, o, agency, uri, headline, body, clock);
    }

    private String headline(Random r, Original o) {
        String[] event = vocabulary.event(o.eventSeed);
        StringBuilder h = new StringBuilder(PLACES[r.nextInt(PLACES.length)]);
        int words = 5 + r.nextInt(6);
        for (int i = 0; i < words; i++) {
            h.append(' ').append(vocabulary.word(r, event));
        }
        return h.toString();
    }

    /** The body of the original's current version: its paragraphs, each update adding a new lead. */
    private List<String> body(Original o) {
        Random r = new Random(o.contentSeed);
        headline(r, o); // the headline comes first from the same seed
        String[] event = vocabulary.event(o.eventSeed);
        int target = MIN_BODY_BYTES + 200 + r.nextInt(MAX_BODY_BYTES - MIN_BODY_BYTES - 900);
        String dateline = String.format(Locale.ROOT, "%s, %s %d (%s) - ", PLACES[o.place].toUpperCase(Locale.ROOT),
                MONTHS[o.firstCreated.atZone(java.time.ZoneOffset.UTC).getMonthValue() - 1],
                o.firstCreated.atZone(java.time.ZoneOffset.UTC).getDayOfMonth(), AGENCY_TAGS[o.agency]);
        List<String> paragraphs = new ArrayList<>();
        int size = 0;
        while (size < target) {
            String p = paragraph(r, event);
            paragraphs.add(p);
            size += p.getBytes(StandardCharsets.UTF_8).length;
        }
        if (o.version > 1) {
            // The newest development leads; earlier leads stay below it (a write-thru).
            for (int v = 2; v <= o.version && v <= 3; v++) {
                paragraphs.add(0, paragraph(new Random(o.contentSeed + v), event));
            }
        }
        paragraphs.set(0, dateline + paragraphs.get(0));
        while (bytes(paragraphs) > MAX_BODY_BYTES) {
            paragraphs.remove(paragraphs.size() - 1);
        }
        return paragraphs;
    }

    private String paragraph(Random r, String[] event) {
        StringBuilder p = new StringBuilder();
        int sentences = 1 + r.nextInt(3);
        for (int s = 0; s < sentences; s++) {
            int words = 8 + r.nextInt(15);
            for (int w = 0; w < words; w++) {
                String word = vocabulary.word(r, event);
                if (w == 0) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                    if (s > 0) {
                        p.append(' ');
                    }
                } else {
                    p.append(w % 9 == 0 && r.nextBoolean() ? ", " : " ");
                }
                p.append(word);
            }
            p.append('.');
        }
        return p.toString();
    }

    static int bytes(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    private WireStory render(Kind kind, Original o, int agency, String uri, String headline, List<String> body, Instant versionCreated) {
        ObjectNode n = JSON.createObjectNode();
        n.put("uri", uri).put("type", "text").put("version", String.valueOf(kind == Kind.NEAR_DUPLICATE ? 1 : o.version))
                .put("versioncreated", versionCreated.toString())
                .put("firstcreated", (kind == Kind.NEAR_DUPLICATE ? versionCreated : o.firstCreated).toString())
                .put("pubstatus", "usable").put("urgency", 4 + (int) (Math.abs(o.contentSeed) % 3))
                .put("language", "en").put("headline", headline)
                .put("slugline", headline.split(" ")[0].toUpperCase(Locale.ROOT) + "-" + headline.split(" ")[1].toUpperCase(Locale.ROOT))
                .put("byline", "By " + AGENCY_TAGS[agency] + " staff")
                .put("located", PLACES[o.place])
                .put("copyrightholder", AGENCY_TAGS[agency]);
        ArrayNode subject = n.putArray("subject");
        subject.addObject().put("code", o.subject[0].substring(o.subject[0].indexOf(':') + 1)).put("scheme", "medtop")
                .put("name", o.subject[1]);
        StringBuilder html = new StringBuilder();
        for (String p : body) {
            html.append("<p>").append(p).append("</p>\n");
        }
        n.put("body_html", html.toString());
        int version = kind == Kind.NEAR_DUPLICATE ? 1 : o.version;
        String itemId = uri.substring(uri.lastIndexOf(':') + 1) + "-v" + version;
        return new WireStory(kind, AGENCIES[agency], itemId, uri, version, versionCreated,
                n.toString().getBytes(StandardCharsets.UTF_8));
    }
}
