package io.wirestream.alert;

import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.Subscription;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Whether an alert is for a desk subscription. Generic over fields that may be absent: every
 * criterion the subscription sets must match (any of its values); a criterion on a field the alert
 * does not carry (no region tagged, no category) does not match, so a desk that asked for Europe
 * never gets untagged alerts by accident. Levels: at least {@code minLevel}; a KILL notice goes to
 * every subscription whose other criteria match, because its editors may have used the story.
 */
public final class SubscriptionMatcher {

    private SubscriptionMatcher() {
    }

    public static boolean matches(Subscription sub, Alert a) {
        if (a.getLevel() != AlertLevel.KILL && sub.getMinLevel() != null
                && AlertRules.rank(a.getLevel()) < AlertRules.rank(sub.getMinLevel())) {
            return false;
        }
        return anyOf(sub.getDesks(), a.getDesk() == null ? List.of() : List.of(a.getDesk()), SubscriptionMatcher::sameText)
                && anyOf(sub.getRegions(), regionsOf(a), SubscriptionMatcher::sameText)
                && anyOf(sub.getCategories(), a.getCategories(), (want, have) -> have.startsWith(topLevelPrefix(want)))
                && anyOf(sub.getSources(), a.getSources(), SubscriptionMatcher::sameText)
                && anyOf(sub.getKeywords(), List.of(a.getHeadline()), SubscriptionMatcher::containsWord);
    }

    private static List<String> regionsOf(Alert a) {
        if (a.getM49Region() == null) {
            return a.getRegions();
        }
        List<String> all = new java.util.ArrayList<>(a.getRegions());
        all.add(a.getM49Region());
        return all;
    }

    /** An empty criterion matches everything; else some wanted value matches some value the alert has. */
    private static boolean anyOf(List<String> wanted, List<String> have, BiPredicate<String, String> match) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (String w : wanted) {
            for (String h : have) {
                if (h != null && match.test(w, h)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameText(String a, String b) {
        return a.trim().equalsIgnoreCase(b.trim());
    }

    /** medtop:11000000 matches medtop:11xxxxxx: strip the trailing zero pairs of a broader code. */
    static String topLevelPrefix(String qcode) {
        String q = qcode.trim().toLowerCase(Locale.ROOT);
        while (q.endsWith("00") && q.length() > "medtop:00".length()) {
            q = q.substring(0, q.length() - 2);
        }
        return q;
    }

    /** Each keyword's pattern, compiled once: a desk has a few keywords, and every alert is matched against them. */
    private static final Map<String, Pattern> KEYWORDS = new ConcurrentHashMap<>();
    /** Past this many distinct keywords (subscriptions edited all day) the cache starts again rather than grow. */
    private static final int MAX_KEYWORDS = 10_000;

    private static boolean containsWord(String keyword, String text) {
        if (KEYWORDS.size() > MAX_KEYWORDS) {
            KEYWORDS.clear();
        }
        return KEYWORDS.computeIfAbsent(keyword, k -> Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(k.trim()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).matcher(text).find();
    }
}
