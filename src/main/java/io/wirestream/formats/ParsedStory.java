package io.wirestream.formats;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One story in canonical form, as a parser read it from the wire (DESIGN.md decision 2). Field names
 * follow ninjs. The topology turns it into an {@code EnrichedStory}.
 *
 * @param uri            the item's own id as sent
 * @param storyKey       agency-qualified id equal across versions (DESIGN.md decision 3)
 * @param version        version as sent, or null
 * @param versionCreated version time as sent, or null (the topology falls back to receive time)
 * @param firstCreated   first-created time as sent, or null
 * @param pubStatus      usable, withheld or canceled (a kill)
 * @param urgency        IPTC 1 (flash) to 9, 5 normal; null when the wire gives none
 * @param priority       the original priority as sent (ANPA letter, 7901 digit, NITF ed-urg ...)
 * @param headline       never blank
 * @param description    standfirst, abstract or summary, or null
 * @param body           clean text paragraphs
 * @param bodyHtml       HTML body where the wire sent HTML, else null
 * @param datelinePlace  place parsed from the dateline, e.g. "New Delhi"
 * @param agency         agency that wrote the copy, e.g. "AP", "Reuters", "PTI"
 * @param provider       who delivered it, where known
 * @param embargoedUntil release time of an embargoed story, else null
 * @param edNote         editor's note as sent (an embargo note, a correction note), else null
 * @param versionCreatedFrom which wire time versionCreated came from ("versionCreated", "contentModified",
 *                       "contentCreated", "firstCreated"), null when the wire had none (then receive time)
 * @param slugKey        the story key comes from a slug, keyword or du-key (or a plain-text file name), not from an item id
 * @param providerSequence the transmission number the line gave the message, as sent: ANPA's service letter and
 *                       message number ("a0105"), IPTC 7901's service identifier and serial ("eca062"); null
 *                       where the format has none. Gaps in it are messages the line lost.
 */
public record ParsedStory(
        WireFormat format,
        String uri,
        String storyKey,
        String version,
        Instant versionCreated,
        Instant firstCreated,
        PubStatus pubStatus,
        Integer urgency,
        String priority,
        String headline,
        String description,
        List<String> body,
        String bodyHtml,
        String byline,
        String dateline,
        String datelinePlace,
        String slugline,
        List<SubjectCode> subjects,
        List<String> places,
        String language,
        Set<Signal> signals,
        String agency,
        String provider,
        Instant embargoedUntil,
        String edNote,
        String versionCreatedFrom,
        boolean slugKey,
        String providerSequence) {

    public ParsedStory {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(storyKey, "storyKey");
        Objects.requireNonNull(headline, "headline");
        pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
        body = List.copyOf(body == null ? List.of() : body);
        subjects = List.copyOf(subjects == null ? List.of() : subjects);
        places = List.copyOf(places == null ? List.of() : places);
        // in declaration order: Set.copyOf iterates in an order that changes from one JVM run to the next
        signals = signals == null || signals.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(signals));
    }

    public static Builder builder(WireFormat format) {
        return new Builder(format);
    }

    /** Mutable builder for parsers, which learn fields in document order. */

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /**
     * A wire time, or null when it is no plausible news time (before 1900 or from 2200 on): an
     * ISO year of 999999999 or -1 parses, but its milliseconds overflow every time computed from it
     * downstream, and a story dated so says nothing about when it was written.
     */
    static Instant plausible(Instant t) {
        return t == null || t.isBefore(EARLIEST) || !t.isBefore(LATEST) ? null : t;
    }
    public static final class Builder {
        private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*");

        private final WireFormat format;
        private String uri;
        private String storyKey;
        private String version;
        private Instant versionCreated;
        private Instant firstCreated;
        private PubStatus pubStatus = PubStatus.USABLE;
        private Integer urgency;
        private String priority;
        private String headline;
        private String description;
        private final List<String> body = new ArrayList<>();
        private String bodyHtml;
        private String byline;
        private String dateline;
        private String datelinePlace;
        private String slugline;
        private final List<SubjectCode> subjects = new ArrayList<>();
        private final List<String> places = new ArrayList<>();
        private final java.util.Set<String> subjectKeys = new java.util.HashSet<>();
        private final java.util.Set<String> placeKeys = new java.util.HashSet<>();
        private String language;
        private final Set<Signal> signals = EnumSet.noneOf(Signal.class);
        private String agency;
        private String provider;
        private String providerSequence;
        private Instant embargoedUntil;
        private String edNote;
        private String versionCreatedFrom;
        private boolean slugKey;

        private Builder(WireFormat format) {
            this.format = format;
        }

        public Builder uri(String v) { uri = v; return this; }
        public Builder storyKey(String v) { storyKey = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder versionCreated(Instant v) {
            versionCreated = plausible(v);
            versionCreatedFrom = versionCreated == null ? null : "versionCreated";
            return this;
        }
        public Builder firstCreated(Instant v) { firstCreated = plausible(v); return this; }
        public Builder pubStatus(PubStatus v) { pubStatus = v; return this; }
        public Builder urgency(Integer v) { urgency = v; return this; }
        public Builder priority(String v) { priority = v; return this; }
        public Builder headline(String v) { headline = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder paragraph(String v) { if (v != null && !v.isBlank()) { body.add(v.strip()); } return this; }
        public Builder body(List<String> v) { body.clear(); v.forEach(this::paragraph); return this; }
        public Builder bodyHtml(String v) { bodyHtml = v; return this; }
        public Builder byline(String v) { byline = v; return this; }
        public Builder dateline(String v) { dateline = v; return this; }
        public Builder datelinePlace(String v) { datelinePlace = v; return this; }
        public Builder slugline(String v) { slugline = v; return this; }
        /** Adds a subject unless the same scheme and code is already there (agencies repeat codes at several levels). */
        public Builder subject(String scheme, String code, String name) {
            // kept once, the first entry's name; a set beside the list keeps 20,000 subjects linear
            if (subjectKeys.add(scheme + "\u0000" + code)) {
                subjects.add(new SubjectCode(scheme, code, name));
            }
            return this;
        }

        public Builder place(String v) {
            if (v != null && !v.isBlank() && placeKeys.add(v.strip())) {
                places.add(v.strip());
            }
            return this;
        }

        /** A language tag in BCP 47 case ("EN" is "en", "en-us" is "en-US"); anything else as sent. */
        public Builder language(String v) {
            language = v != null && LANGUAGE_TAG.matcher(v.strip()).matches() ? Locale.forLanguageTag(v.strip().replace('_', '-')).toLanguageTag() : v;
            return this;
        }
        public Builder signal(Signal v) { signals.add(v); return this; }
        public Builder agency(String v) { agency = v; return this; }
        public Builder provider(String v) { provider = v; return this; }
        public Builder providerSequence(String v) { providerSequence = v; return this; }
        /** An embargo from 2200 on (9999-12-31: "until further notice") holds until 2200, never lifts at once. */
        public Builder embargoedUntil(Instant v) {
            embargoedUntil = v != null && !v.isBefore(LATEST) ? LATEST : plausible(v);
            return this;
        }
        public Builder edNote(String v) { edNote = v; return this; }
        public Builder slugKey(boolean v) { slugKey = v; return this; }

        /**
         * versionCreated from the first of the wire's times that is set, in that order, remembering
         * which one it was; none set leaves both null (the topology then uses the receive time).
         * Names and times alternate: "versionCreated", t1, "contentModified", t2, ...
         */
        public Builder versionCreatedFrom(Object... namesAndTimes) {
            for (int i = 0; i + 1 < namesAndTimes.length; i += 2) {
                if (namesAndTimes[i + 1] instanceof Instant t && plausible(t) != null) {
                    versionCreated = t;
                    versionCreatedFrom = (String) namesAndTimes[i];
                    return this;
                }
            }
            return this;
        }

        public String uri() { return uri; }
        public String headline() { return headline; }
        public String slugline() { return slugline; }
        public String agency() { return agency; }
        public String provider() { return provider; }
        public String byline() { return byline; }
        public String description() { return description; }
        public String bodyHtml() { return bodyHtml; }
        public String dateline() { return dateline; }
        public String datelinePlace() { return datelinePlace; }
        public String edNote() { return edNote; }
        public Set<Signal> signals() { return signals; }
        /** Whether this is a kill: canceled, or signalled as one. */
        public boolean killed() { return pubStatus == PubStatus.CANCELED || signals.contains(Signal.KILL); }
        public Instant versionCreated() { return versionCreated; }
        public List<String> body() { return body; }

        /** Builds the story after the cleanup every format shares ({@link StoryCleanup}); the story key defaults to the uri. */
        public ParsedStory build() {
            StoryCleanup.apply(this);
            return new ParsedStory(format, uri, storyKey != null ? storyKey : uri, version, versionCreated, firstCreated,
                    pubStatus, urgency, priority, headline, description, body, bodyHtml, byline, dateline, datelinePlace, slugline,
                    subjects, places, language, signals, agency, provider, embargoedUntil, edNote, versionCreatedFrom, slugKey,
                    providerSequence);
        }
    }
}
