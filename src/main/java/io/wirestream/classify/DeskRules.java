package io.wirestream.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wirestream.avro.EnrichedStory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The desk's overrides, applied after the wire codes and the model: a YAML file of rules, each naming
 * a Media Topic and what a story must have to get it: a slug prefix, a source, a keyword (a word or
 * phrase, whole words, any case, in the headline, standfirst or body), or several of these (all must
 * hold). By default a matching rule's topic becomes the primary category (origin "rule", confidence 1);
 * {@code as: secondary} adds it after the others instead. Rules are tried in file order; the first
 * primary rule that matches comes first.
 *
 * <pre>
 * rules:
 *   - slug: "SPO-"               # slugs starting SPO- are sport
 *     topic: medtop:15000000
 *   - source: "weather-office"
 *     topic: medtop:17000000
 *   - keyword: "climate change"
 *     topic: medtop:06000000
 *     as: secondary
 * </pre>
 *
 * A rule with a second-level topic also gives the story its top-level parent (categorised streams are
 * by top-level topic). A bad file fails at start-up with the rule's position, never per story.
 */
public final class DeskRules {

    /** No rules: categories as the wire and the model give them. */
    public static final DeskRules NONE = new DeskRules(List.of());

    public static final String RULE = "rule";

    /** A rule as written in the file. */
    record Rule(String slug, String source, String keyword, String topic, @JsonProperty("as") String as) {
    }

    /** The file: a list of rules. */
    record File(List<Rule> rules) {
    }

    private record Compiled(String slug, String source, Pattern keyword, String topic, String parent, boolean primary) {
    }

    private final List<Compiled> rules;

    private DeskRules(List<Compiled> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads and checks a rules file against the Media Topics vocabulary.
     *
     * @throws IllegalArgumentException naming the file and, for a problem inside a rule, its number
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static DeskRules load(Path file, MediaTopics topics) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File read;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = yaml.readValue(in, File.class);
        } catch (UnrecognizedPropertyException e) {
            // Jackson's own message spans lines and names our classes: the rule and the keys an operator can write
            throw new IllegalArgumentException(file + ": " + ruleOf(e) + "unknown key '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        } catch (JsonProcessingException e) {
            // SnakeYAML's messages quote the offending lines, indented, under what it was doing: keep the words
            String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines()
                    .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).collect(Collectors.joining(": "));
            boolean syntax = e instanceof JsonParseException || e.getCause() instanceof JsonParseException;
            throw new IllegalArgumentException(file + ": " + ruleOf(e) + (syntax ? "not valid YAML" : "not a rules file")
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")") + ": " + why);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read category rules " + file, e);
        }
        List<Compiled> out = new ArrayList<>();
        List<Rule> rules = read == null || read.rules() == null ? List.of() : read.rules();
        for (int i = 0; i < rules.size(); i++) {
            out.add(compile(rules.get(i), topics, file + ": rule " + (i + 1)));
        }
        return new DeskRules(out);
    }

    /** "rule 2: " when the problem is inside the second rule, else nothing. */
    private static String ruleOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            List<JsonMappingException.Reference> path = m.getPath();
            for (int i = 1; i < path.size(); i++) {
                if ("rules".equals(path.get(i - 1).getFieldName()) && path.get(i).getIndex() >= 0) {
                    return "rule " + (path.get(i).getIndex() + 1) + ": ";
                }
            }
        }
        return "";
    }

    private static Compiled compile(Rule r, MediaTopics topics, String where) {
        if (blank(r.slug()) && blank(r.source()) && blank(r.keyword())) {
            throw new IllegalArgumentException(where + ": give slug, source or keyword");
        }
        String topic = r.topic() == null ? "" : r.topic().trim();
        if (!topic.startsWith("medtop:")) {
            topic = "medtop:" + topic;
        }
        if (!topics.knows(topic)) {
            throw new IllegalArgumentException(where + ": not a Media Topic: " + r.topic());
        }
        String as = r.as() == null ? "primary" : r.as().trim().toLowerCase(Locale.ROOT);
        if (!as.equals("primary") && !as.equals("secondary")) {
            throw new IllegalArgumentException(where + ": as must be primary or secondary, not " + r.as());
        }
        String parent = topics.topLevel(topic).orElse(topic);
        Pattern keyword = blank(r.keyword()) ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(r.keyword().trim()) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new Compiled(blank(r.slug()) ? null : r.slug().trim().toLowerCase(Locale.ROOT),
                blank(r.source()) ? null : r.source().trim(), keyword, topic, parent, as.equals("primary"));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The categories after the rules: matching primary rules first, then what was there, then secondary rules. */
    public StoryClassifier.Result apply(EnrichedStory s, StoryClassifier.Result before) {
        if (rules.isEmpty()) {
            return before;
        }
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, String> last = new LinkedHashMap<>();
        String text = null;
        for (Compiled r : rules) {
            if (r.keyword() != null && text == null) {
                text = String.join("\n", nz(s.getHeadline()), nz(s.getDescription()), String.join("\n", s.getBody()));
            }
            if (matches(r, s, text)) {
                Map<String, String> into = r.primary() ? first : last;
                into.putIfAbsent(r.parent(), RULE);
                into.putIfAbsent(r.topic(), RULE);
            }
        }
        if (first.isEmpty() && last.isEmpty()) {
            return before;
        }
        Map<String, String> out = new LinkedHashMap<>(first);
        for (int i = 0; i < before.categories().size(); i++) {
            out.putIfAbsent(before.categories().get(i), before.origins().get(i));
        }
        last.forEach(out::putIfAbsent);
        Double confidence = first.isEmpty() ? before.confidence() : Double.valueOf(1.0);
        return new StoryClassifier.Result(List.copyOf(out.keySet()), List.copyOf(out.values()), confidence);
    }

    private static boolean matches(Compiled r, EnrichedStory s, String text) {
        if (r.slug() != null && (s.getSlugline() == null || !s.getSlugline().toLowerCase(Locale.ROOT).startsWith(r.slug()))) {
            return false;
        }
        if (r.source() != null && !r.source().equalsIgnoreCase(nz(s.getSource()))
                && !r.source().equalsIgnoreCase(Optional.ofNullable(s.getAgency()).orElse(""))) {
            return false;
        }
        return r.keyword() == null || r.keyword().matcher(text).find();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
