package io.wirestream.classify;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Subject;
import java.util.ArrayList;
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
 *       speech is conflict and politics).</li>
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
    /** IPTC 7901 / dpa service categories (Ressorts). */
    private static final Map<String, String> IPTC7901 = Map.of(
            "pl", "medtop:11000000", "wi", "medtop:04000000", "sp", "medtop:15000000", "ku", "medtop:01000000",
            "vm", "medtop:08000000");

    /** Categories, best first, each with its origin; confidence of the primary. */
    public record Result(List<String> categories, List<String> origins, Double confidence) {
        public static final Result NONE = new Result(List.of(), List.of(), null);
    }

    private final CategoryModel model;
    private final MediaTopics topics;
    private final DeskRules rules;

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

    /**
     * A feed's or desk's own category words (RSS and Atom categories, keywords, NITF's doc-scope: PA's "POLITICS",
     * "SOCCER", "SHOWBIZ"; an entertainment feed's "Music"), team-written like the tables above. Only words that
     * name a news desk whatever the story: not "Labour" (a party), "Diet" (a parliament), "Metal" or "Nature".
     */
    private static final Map<String, String> CATEGORY_WORDS = categoryWords();

    private static Map<String, String> categoryWords() {
        Map<String, String> m = new java.util.HashMap<>();
        java.util.function.BiConsumer<String, String> put = (topic, words) -> {
            for (String w : words.split(",")) {
                m.put(w.strip(), "medtop:" + topic + "000000");
            }
        };
        put.accept("01", "arts, culture, entertainment, showbiz, music, film, films, movies, cinema, tv, television, books, celebrity");
        put.accept("02", "crime, crime and justice, courts");
        put.accept("03", "disaster, disasters, accidents");
        put.accept("04", "business, economy, finance, markets, money, companies");
        put.accept("05", "education");
        put.accept("06", "environment, climate");
        put.accept("07", "health");
        put.accept("08", "human interest, offbeat, odd news");
        put.accept("10", "lifestyle, travel, food");
        put.accept("11", "politics, election, elections");
        put.accept("12", "religion");
        put.accept("13", "science, technology, tech, science and technology");
        put.accept("14", "society");
        put.accept("15", "sport, sports, football, soccer, tennis, golf, cricket, rugby, baseball, basketball, motorsport, "
                + "athletics, cycling");
        put.accept("16", "conflict, war");
        put.accept("17", "weather");
        return Map.copyOf(m);
    }

    /** Subject schemes that carry a wire's own category words: feed categories and keywords, NITF's doc-scope. */
    private static final Set<String> LABEL_SCHEMES = Set.of("keyword", "category", "doc-scope");

    public Result classify(EnrichedStory s) {
        return rules.apply(s, fromWireOrText(s));
    }

    private Result fromWireOrText(EnrichedStory s) {
        // codes first, then a category word of the wire's own (an Atom feed's "Music", PA's doc-scope "POLITICS")
        List<String> sent = new ArrayList<>();
        s.getSubjects().forEach(subject -> wireTopic(subject).ifPresent(sent::add));
        s.getSubjects().stream().filter(subject -> LABEL_SCHEMES.contains(subject.getScheme().toLowerCase(Locale.ROOT)))
                .forEach(subject -> Optional.ofNullable(CATEGORY_WORDS.get(subject.getCode().strip().toLowerCase(Locale.ROOT)))
                        .ifPresent(sent::add));
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
        if (!readableInEnglish(s.getLanguage(), s.getHeadline(), text)) {
            return Result.NONE;
        }
        List<CategoryModel.Scored> scored = model.classify(s.getHeadline(), text);
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

    /** English words that make up a good part of any English prose, and little of other languages'. */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "of", "and", "to", "a", "in", "is", "that", "for", "on",
            "with", "as", "was", "by", "at", "it", "from", "be", "has", "have", "had", "said", "are", "an", "will", "his", "her",
            "their", "this", "not", "but", "or", "after", "were", "which", "who", "been");
    /**
     * The same for the languages of Europe's agencies (German, French, Spanish, Italian, Dutch, the Nordic
     * languages, Finnish, Portuguese), leaving out every word that is English too ("die", "war", "met", "per")
     * or common in names ("al", "da", "van").
     */
    private static final Set<String> OTHER_WORDS = Set.of("der", "das", "und", "ist", "nicht", "mit", "sich", "auf", "für", "dem",
            "des", "ein", "eine", "einer", "von", "im", "sie", "wird", "wurde", "auch", "bei", "nach", "aus", "le", "les", "et",
            "est", "une", "du", "dans", "pour", "que", "qui", "sur", "pas", "au", "aux", "avec", "ce", "cette", "sont", "il",
            "elle", "ont", "été", "el", "los", "las", "y", "es", "del", "una", "por", "para", "se", "su", "lo", "como", "más",
            "pero", "sus", "fue", "gli", "della", "delle", "che", "è", "nel", "alla", "anche", "het", "een", "en", "niet", "op",
            "voor", "zijn", "dat", "aan", "bij", "ook", "werd", "og", "er", "det", "af", "av", "på", "som", "ikke", "fra", "var",
            "att", "och", "är", "inte", "ja", "ei", "että", "oli", "hän", "ovat", "myös", "kuin", "mutta", "os", "um", "uma",
            "não", "em");
    /** Below this many words a text says too little about its language. */
    static final int LANGUAGE_MIN_WORDS = 30;
    /** The first this many words say enough about a text's language. */
    static final int LANGUAGE_MAX_WORDS = 150;
    /** Prose of a language has at least this share of its function words (English: a quarter and more). */
    static final double LANGUAGE_MIN_SHARE = 0.08;
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\p{L}+");

    /**
     * Whether the shipped model, trained on English, can read the story. A story in another language is left
     * without a topic from the text: a Danish flash or a Norwegian fact-check read as English came out as sport or
     * science, and a wrong topic routes it to the wrong desk. The language as sent decides unless the text says
     * otherwise (ANSA's English service declares Italian): a text of {@link #LANGUAGE_MIN_WORDS} words or more
     * whose function words are another language's is not English, one whose function words are English's is.
     * Tables and lists, with few function words of any language, are read as their language says, or as English.
     */
    static boolean readableInEnglish(String language, String headline, String text) {
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        // "und", "mul", "zxx", "mis": undetermined, several, none, uncoded (Drupal sends "und")
        boolean declared = !lang.isEmpty() && !NO_LANGUAGE.contains(lang.split("[-_]", 2)[0]);
        boolean english = declared && (lang.startsWith("en") || lang.equals("eng"));
        java.util.regex.Matcher m = WORD.matcher((headline == null ? "" : headline) + "\n" + text);
        int words = 0;
        int englishWords = 0;
        int other = 0;
        while (words < LANGUAGE_MAX_WORDS && m.find()) {
            words++;
            String w = m.group().toLowerCase(Locale.ROOT);
            englishWords += ENGLISH_WORDS.contains(w) ? 1 : 0;
            other += OTHER_WORDS.contains(w) ? 1 : 0;
        }
        boolean enough = words >= LANGUAGE_MIN_WORDS;
        if (enough && englishWords >= LANGUAGE_MIN_SHARE * words && englishWords > other) {
            return true;
        }
        if (enough && other >= LANGUAGE_MIN_SHARE * words && other > englishWords) {
            return false; // whatever was declared: WordPress feeds say "en-US" of Danish posts
        }
        return !declared || english;
    }

    private static final Set<String> NO_LANGUAGE = Set.of("und", "mul", "zxx", "mis");

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
            case "subj" -> topics.fromSubjectCode(code);
            case "anpa-category" -> Optional.ofNullable(ANPA.get(code.toLowerCase(Locale.ROOT)));
            case "iptc7901-category" -> Optional.ofNullable(IPTC7901.get(code.toLowerCase(Locale.ROOT)));
            default -> Optional.empty();
        };
    }
}
