package io.wirestream.parse;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.StoryAction;
import io.wirestream.avro.Subject;
import io.wirestream.formats.Agencies;
import io.wirestream.formats.ParsedStory;
import io.wirestream.text.ContentFingerprint;
import io.wirestream.text.LanguageGuess;
import io.wirestream.text.LanguageTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps a parser's {@link ParsedStory} and its raw record to the canonical Avro story. */
public final class CanonicalStories {

    private CanonicalStories() {
    }

    public static EnrichedStory from(ParsedStory p, String source, Instant receivedAt, RawRef raw) {
        List<Subject> subjects = new ArrayList<>();
        p.subjects().forEach(s -> subjects.add(new Subject(s.scheme(), s.code(), s.name())));
        return EnrichedStory.newBuilder()
                .setStoryKey(p.storyKey())
                .setAction(StoryAction.NEW)
                .setUri(p.uri())
                .setVersion(p.version())
                .setPreviousVersion(null)
                // Event time: the story's own version time, else when we received it (DESIGN.md decision 7).
                .setVersionCreated(p.versionCreated() != null ? p.versionCreated() : receivedAt)
                .setVersionCreatedFrom(p.versionCreated() != null ? p.versionCreatedFrom() : "receivedAt")
                .setFirstCreated(p.firstCreated())
                .setEmbargoedUntil(p.embargoedUntil())
                .setEdNote(p.edNote())
                .setSlugKey(p.slugKey())
                .setPubStatus(p.pubStatus())
                .setUrgency(p.urgency())
                .setPriority(p.priority())
                .setHeadline(p.headline())
                .setDescription(p.description())
                .setBody(new ArrayList<>(p.body()))
                .setBodyHtml(p.bodyHtml())
                .setByline(p.byline())
                .setDateline(p.dateline())
                .setDatelinePlace(p.datelinePlace())
                .setSlugline(p.slugline())
                .setSubjects(subjects)
                .setPlaces(new ArrayList<>(p.places()))
                .setLanguage(languageOf(p))
                .setSignals(new ArrayList<>(p.signals()))
                .setAgency(Agencies.code(p.agency()))
                .setProvider(p.provider())
                .setProviderSequence(p.providerSequence())
                .setSource(source)
                .setFormat(p.format().id())
                .setReceivedAt(receivedAt)
                .setContentHash(ContentFingerprint.of(p.headline(), p.body()))
                .setRaw(raw)
                .build();
    }

    /**
     * The language as sent, else the one the text clearly shows: Ritzau, plain text and many feeds send none, and
     * newsroom systems route and filter by it (so do the region tagger's and the classifier's language rules). A text
     * too short or of a language with no function-word list here keeps what was sent (none, or Drupal's "und").
     */
    static String languageOf(ParsedStory p) {
        if (!LanguageTags.primary(p.language()).isEmpty()) {
            return p.language();
        }
        String text = String.join("\n", p.description() == null ? "" : p.description(), String.join("\n", p.body()));
        return LanguageGuess.of(p.headline(), text).orElse(p.language());
    }
}
