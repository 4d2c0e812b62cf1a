package io.wirestream.classify;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Subject;
import io.wirestream.text.LanguageGuess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IPTC Media Topics for a story: what the wire says first, the text model when it says nothing.
 *
 * <ol>
 *   <li>Wire: Media Topics as sent, IPTC Subject Codes through their Media Topic match, ANPA category
 *       letters and IPTC 7901 service categories (team-written tables below), then a feed's category,
 *       keyword or NITF doc-scope that names a desk ("Music", "POLITICS", another table). The first top-level
 *       topic so found is primary, with confidence 1; second-level topics of wire codes follow.</li>
 *   <li>Text: the model's best top-level topic is primary, with its confidence; a runner-up with at
 *       least {@link #SECONDARY_SHARE} of the best score is added (a story about a war minister's
 *       speech is conflict and politics). The model reads English; copy in the languages of Europe's agencies
 *       is read by the {@link ForeignLexicon} instead, the same way.</li>
 *   <li>Desk rules ({@link DeskRules}), if any, last: they override or add to both.</li>
 * </ol>
 * Pure and stateless: the same story gives the same categories on every instance.
 */
public final class StoryClassifier {

    /** A runner-up text topic this close to the best one applies too. */
    static final double SECONDARY_SHARE = 0.6;

    public static final String WIRE = "wire";
    public static final String TEXT = "text";

    /** ANPA-1312 category letters that name a topic (the rest are services: a, b, i, w ...). */
    private static final Map<String, String> ANPA = Map.of(
            "e", "medtop:01000000", "f", "medtop:04000000", "l", "medtop:10000000", "o", "medtop:17000000",
            "p", "medtop:11000000", "q", "medtop:15000000", "s", "medtop:15000000", "t", "medtop:01000000");
    /**
     * AAP's own category letters (its NITF, scheme "aap-category"): domestic and overseas sport and racing, state and
     * federal parliaments, the Stockset, finance, entertainment, Australian weather.
     */
    private static final Map<String, String> AAP = Map.of(
            "t", "medtop:15000000", "s", "medtop:15000000", "r", "medtop:15000000", "o", "medtop:11000000",
            "p", "medtop:11000000", "q", "medtop:04000000", "f", "medtop:04000000", "e", "medtop:01000000",
            "b", "medtop:17000000");
    /** Schemes of a service's category letters: less specific than any code, so read after the codes. */
    private static final Set<String> SERVICE_LETTERS = Set.of("anpa-category", "aap-category", "iptc7901-category", "dpacat");
    /** IPTC 7901 / dpa service categories (Ressorts). */
    private static final Map<String, String> IPTC7901 = Map.of(
            "pl", "medtop:11000000", "wi", "medtop:04000000", "sp", "medtop:15000000", "ku", "medtop:01000000",
            "vm", "medtop:08000000");

    /**
     * The three-letter names of the Subject Code families that agencies send for their services (ANP's category
     * "ECO", AFP's and EFE's "POL", "SPO", "CLJ"); ECO and FIN are both economy, WAR and UNR conflict.
     */
    private static final Map<String, String> MNEMONICS = Map.ofEntries(Map.entry("ACE", "medtop:01000000"),
            Map.entry("CLJ", "medtop:02000000"), Map.entry("DIS", "medtop:03000000"), Map.entry("ECO", "medtop:04000000"),
            Map.entry("FIN", "medtop:04000000"), Map.entry("EDU", "medtop:05000000"), Map.entry("ENV", "medtop:06000000"),
            Map.entry("HTH", "medtop:07000000"), Map.entry("HUM", "medtop:08000000"), Map.entry("LAB", "medtop:09000000"),
            Map.entry("LIF", "medtop:10000000"), Map.entry("POL", "medtop:11000000"), Map.entry("REL", "medtop:12000000"),
            Map.entry("SCI", "medtop:13000000"), Map.entry("SOI", "medtop:14000000"), Map.entry("SPO", "medtop:15000000"),
            Map.entry("WAR", "medtop:16000000"), Map.entry("UNR", "medtop:16000000"), Map.entry("WEA", "medtop:17000000"));

    /** Categories, best first, each with its origin; confidence of the primary. */
    public record Result(List<String> categories, List<String> origins, Double confidence) {
        public static final Result NONE = new Result(List.of(), List.of(), null);
    }

    private final CategoryModel model;
    private final MediaTopics topics;
    private final DeskRules rules;
    private final ForeignLexicon foreign = ForeignLexicon.bundled();

    public StoryClassifier(CategoryModel model, MediaTopics topics) {
        this(model, topics, DeskRules.NONE);
    }

    public StoryClassifier(CategoryModel model, MediaTopics topics, DeskRules rules) {
        this.model = model;
        this.topics = topics;
        this.rules = rules;
    }

    /** The shipped model and vocabulary. */
    public static StoryClassifier bundled() {
        return new StoryClassifier(CategoryModel.bundled(), MediaTopics.bundled());
    }

    private static final String DESK_WORDS = "/io/wirestream/classify/desk-words.tsv";
    /**
     * A feed's or desk's own category words (RSS and Atom categories, keywords, NITF's doc-scope: PA's "POLITICS",
     * "SOCCER", "SHOWBIZ"; an entertainment feed's "Music"; STT's department "Urheilu", a German feed's "Wirtschaft"),
     * team-written in {@code desk-words.tsv}.
     */
    private static final Map<String, String> CATEGORY_WORDS = categoryWords();

    private static Map<String, String> categoryWords() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = StoryClassifier.class.getResourceAsStream(DESK_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DESK_WORDS);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 2);
                for (String word : f[1].split(",")) {
                    String topic = "medtop:" + f[0].strip() + "000000";
                    String before = m.put(word.strip().toLowerCase(Locale.ROOT), topic);
                    if (before != null && !before.equals(topic)) {
                        throw new IllegalStateException(DESK_WORDS + ": '" + word.strip() + "' names two topics");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }

    /** Subject schemes that carry a wire's own category words: feed categories and keywords, NITF's doc-scope. */
    private static final Set<String> LABEL_SCHEMES = Set.of("keyword", "category", "doc-scope");

    /**
     * Whether a subject's scheme names a desk: the schemes above, or an agency's own section, department or desk
     * ("ritzau-section", STT's "sttdepartment"), whose code may be a number with the desk's name beside it.
     */
    private static boolean namesADesk(String scheme) {
        String s = scheme.toLowerCase(Locale.ROOT);
        return LABEL_SCHEMES.contains(s) || s.contains("section") || s.contains("department") || s.endsWith("desk")
                || s.contains("ressort");
    }

    /**
     * The topic a desk's name or code names: a category word, or (not for a keyword, where "FIN" may be Finland) the
     * three letters of a Subject Code family that EFE and AFP send as their category ("POL").
     */
    private static Optional<String> deskTopic(Subject subject) {
        String code = subject.getCode().strip();
        return Optional.ofNullable(CATEGORY_WORDS.get(code.toLowerCase(Locale.ROOT)))
                .or(() -> Optional.ofNullable(subject.getName())
                        .map(name -> CATEGORY_WORDS.get(name.strip().toLowerCase(Locale.ROOT))))
                .or(() -> subject.getScheme().equalsIgnoreCase("keyword") ? Optional.empty()
                        : Optional.ofNullable(MNEMONICS.get(code)));
    }

    public Result classify(EnrichedStory s) {
        return rules.apply(s, fromWireOrText(s));
    }

    private Result fromWireOrText(EnrichedStory s) {
        // codes first, then a category word of the wire's own (an Atom feed's "Music", PA's doc-scope "POLITICS")
        // the codes before a service's category letter (AAP sends "t", domestic sport, before the Subject Code)
        List<String> sent = new ArrayList<>();
        s.getSubjects().stream()
                .sorted(java.util.Comparator.comparing(subject -> SERVICE_LETTERS.contains(subject.getScheme().toLowerCase(Locale.ROOT))))
                .forEach(subject -> wireTopic(subject).ifPresent(sent::add));
        s.getSubjects().stream().filter(subject -> namesADesk(subject.getScheme()))
                .forEach(subject -> deskTopic(subject).ifPresent(sent::add));
        Map<String, String> found = new LinkedHashMap<>();
        List<String> deeper = new ArrayList<>();
        for (String q : sent) {
            topics.topLevel(q).ifPresent(top -> found.putIfAbsent(top, WIRE));
            topics.secondLevel(q).ifPresent(deeper::add);
        }
        if (!found.isEmpty()) {
            deeper.forEach(q -> found.putIfAbsent(q, WIRE));
            return result(found, 1.0);
        }
        String text = String.join("\n", s.getDescription() == null ? "" : s.getDescription(), String.join("\n", s.getBody()));
        String reading = readingLanguage(s.getLanguage(), s.getHeadline(), text);
        List<CategoryModel.Scored> scored = reading.equals("en") ? model.classify(s.getHeadline(), text)
                : foreign.classify(reading, s.getHeadline(), text);
        if (scored.isEmpty() || scored.get(0).confidence() == 0) {
            return Result.NONE;
        }
        CategoryModel.Scored best = scored.get(0);
        found.put(best.qcode(), TEXT);
        if (scored.size() > 1) {
            CategoryModel.Scored second = scored.get(1);
            if (second.confidence() > 0 && second.confidence() >= SECONDARY_SHARE * best.confidence()) {
                found.put(second.qcode(), TEXT);
            }
        }
        return result(found, best.confidence());
    }

    /** Whether the shipped model, trained on English, can read the story (see {@link #readingLanguage}). */
    static boolean readableInEnglish(String language, String headline, String text) {
        return readingLanguage(language, headline, text).equals("en");
    }

    /**
     * The language to read the story's text in: "en" for the shipped model, another primary subtag for the
     * {@link ForeignLexicon}, or "" when neither can (the story then gets no topic from its text: a wrong topic routes
     * it to the wrong desk). See {@link LanguageGuess#reading}; a story that names no language and whose text says too
     * little is read as English.
     */
    static String readingLanguage(String language, String headline, String text) {
        return LanguageGuess.reading(language, headline, text, "en");
    }

    private static Result result(Map<String, String> found, double confidence) {
        return new Result(List.copyOf(found.keySet()), List.copyOf(found.values()), confidence);
    }

    /** The Media Topic a wire subject stands for, if any. */
    Optional<String> wireTopic(Subject subject) {
        String scheme = subject.getScheme().toLowerCase(Locale.ROOT);
        String code = subject.getCode().trim();
        return switch (scheme) {
            case "medtop" -> {
                String q = "medtop:" + code;
                yield topics.knows(q) ? Optional.of(q) : Optional.empty();
            }
            case "subj" -> code.length() == 3 ? Optional.ofNullable(MNEMONICS.get(code.toUpperCase(Locale.ROOT)))
                    : topics.fromSubjectCode(code);
            case "anpa-category" -> Optional.ofNullable(ANPA.get(code.toLowerCase(Locale.ROOT)));
            case "aap-category" -> Optional.ofNullable(AAP.get(code.toLowerCase(Locale.ROOT)));
            // dpa's NewsML-G2 names the same Ressort its IPTC 7901 service sends: "dpacat:pl"
            case "iptc7901-category", "dpacat" -> Optional.ofNullable(IPTC7901.get(code.toLowerCase(Locale.ROOT)));
            default -> iptcCodeUnderOwnScheme(code);
        };
    }

    /**
     * An agency that files IPTC codes under a scheme of its own name (TT's "TT:02000000:LAG", its ninjs scheme
     * "http://tt.se/spec/subref/1.0" with 15000000 and 20001065): an 8-digit code the vocabulary knows as it stands, a
     * Media Topic (20...) or a Subject Code. Any other number of an agency's own is no IPTC code.
     */
    private Optional<String> iptcCodeUnderOwnScheme(String code) {
        if (!code.matches("\\d{8}")) {
            return Optional.empty();
        }
        String asMediaTopic = "medtop:" + code;
        if (code.startsWith("20") && topics.knows(asMediaTopic)) {
            return Optional.of(asMediaTopic);
        }
        return topics.isSubjectCode(code) ? topics.fromSubjectCode(code) : Optional.empty();
    }
}
