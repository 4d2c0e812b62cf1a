package io.wirestream.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words of a text as the category model sees them: lower case ({@link Locale#ROOT}), letters and
 * digits only, no stop words or bare numbers, a light plural fold ({@code companies} → {@code company},
 * {@code films} → {@code film}) so a lexicon need not list both forms. The same function is used to
 * train and to classify; changing it needs a retrained model.
 */
public final class TextFeatures {

    private static final Set<String> STOP = Set.of(("a an the and or but if of in on at to for from by with about as into over after "
            + "before under between out up down off than then so such this that these those it its is are was were be been being "
            + "has have had do does did will would shall should can could may might must not no nor only own same too very s t "
            + "just don now he she they them his her their we our you your i me my mine who whom which what when where why how "
            + "all any both each few more most other some also said says say mr mrs ms one two three new year years last first "
            + "time people told").split(" "));

    private TextFeatures() {
    }

    /** The words of a text, in order, repeated as they occur. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String s = text.toLowerCase(Locale.ROOT);
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                add(out, s.substring(start, i));
            }
        }
        return out;
    }

    /** Term counts of a text. */
    public static Map<String, Integer> counts(String text) {
        Map<String, Integer> tf = new HashMap<>();
        for (String w : words(text)) {
            tf.merge(w, 1, Integer::sum);
        }
        return tf;
    }

    private static void add(List<String> out, String w) {
        if (w.length() < 2 || STOP.contains(w) || isNumber(w)) {
            return;
        }
        out.add(fold(w));
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The plural fold: -ies to -y, a final -s dropped except after s, u or i (press, virus, crisis). */
    static String fold(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
