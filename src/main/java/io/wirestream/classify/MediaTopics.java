package io.wirestream.classify;

import io.wirestream.text.BundledText;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IPTC Media Topics hierarchy and the legacy Subject Code mapping, from the derived table
 * {@code mediatopics.tsv} shipped in the jar (qcode, parent, label, matching subject code), which
 * {@code wirestream train} derives from the IPTC vocabulary (CC BY 4.0, see NOTICE).
 */
public final class MediaTopics {

    /** The 17 top-level topics, in code order. */
    public static final List<String> TOP_LEVEL = List.of(
            "medtop:01000000", "medtop:02000000", "medtop:03000000", "medtop:04000000", "medtop:05000000",
            "medtop:06000000", "medtop:07000000", "medtop:08000000", "medtop:09000000", "medtop:10000000",
            "medtop:11000000", "medtop:12000000", "medtop:13000000", "medtop:14000000", "medtop:15000000",
            "medtop:16000000", "medtop:17000000");

    static final String RESOURCE = "/io/wirestream/classify/mediatopics.tsv";
    private static volatile MediaTopics bundled;

    private final Map<String, String> parent;
    private final Map<String, String> label;
    private final Map<String, String> bySubjectCode;

    MediaTopics(Map<String, String> parent, Map<String, String> label, Map<String, String> bySubjectCode) {
        this.parent = Map.copyOf(parent);
        this.label = Map.copyOf(label);
        this.bySubjectCode = Map.copyOf(bySubjectCode);
    }

    /** The table shipped in the jar. */
    public static MediaTopics bundled() {
        MediaTopics t = bundled;
        if (t == null) {
            t = BundledText.read(RESOURCE, MediaTopics::read);
            bundled = t;
        }
        return t;
    }

    /** Reads the derived table: qcode, parent qcode (empty at the top), label, subject code (may be empty). */
    static MediaTopics read(BufferedReader in) throws IOException {
        Map<String, String> parent = new HashMap<>();
        Map<String, String> label = new HashMap<>();
        Map<String, String> bySubject = new HashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            parent.put(f[0], f[1]);
            label.put(f[0], f[2]);
            if (f.length > 3 && !f[3].isEmpty()) {
                bySubject.putIfAbsent(f[3], f[0]);
            }
        }
        return new MediaTopics(parent, label, bySubject);
    }

    /** Whether the code is one of the 17 top-level topics. */
    public static boolean isTopLevel(String qcode) {
        return TOP_LEVEL.contains(qcode);
    }

    /** The top-level ancestor of a Media Topic ({@code medtop:NNNNNNNN}), if the code is known. */
    public Optional<String> topLevel(String qcode) {
        String q = qcode;
        for (int depth = 0; depth < 10 && q != null; depth++) {
            if (isTopLevel(q)) {
                return Optional.of(q);
            }
            String p = parent.get(q);
            q = p == null || p.isEmpty() ? null : p;
        }
        return Optional.empty();
    }

    /** The second-level ancestor (or the topic itself at level 2), if the code is known and below the top. */
    public Optional<String> secondLevel(String qcode) {
        String q = qcode;
        for (int depth = 0; depth < 10 && q != null; depth++) {
            String p = parent.get(q);
            if (p == null || p.isEmpty()) {
                return Optional.empty();
            }
            if (isTopLevel(p)) {
                return Optional.of(q);
            }
            q = p;
        }
        return Optional.empty();
    }

    /**
     * The Media Topic of a legacy IPTC Subject Code (8 digits): its exact match, else that of its
     * parent code (NNNNN000, then NN000000), as the Subject Codes nest by digits; last, the top-level
     * Media Topic with the family's number. The 17 Subject Code families became the 17 top-level
     * Media Topics under the same numbers, but the vocabulary states no match for some of them
     * (16000000 unrest, conflicts and war; 08000000 human interest) and matches 14000000 to nothing,
     * so a wire that sends only the family code would otherwise say nothing.
     */
    public Optional<String> fromSubjectCode(String code) {
        if (code == null || !code.matches("\\d{8}")) {
            return Optional.empty();
        }
        for (String c : List.of(code, code.substring(0, 5) + "000", code.substring(0, 2) + "000000")) {
            String m = bySubjectCode.get(c);
            if (m != null) {
                return Optional.of(m);
            }
        }
        String family = "medtop:" + code.substring(0, 2) + "000000";
        return isTopLevel(family) ? Optional.of(family) : Optional.empty();
    }

    /** Whether the code is a Subject Code the vocabulary matches, or one of the 17 family codes (NN000000). */
    public boolean isSubjectCode(String code) {
        return code != null && (bySubjectCode.containsKey(code)
                || code.matches("\\d{2}000000") && isTopLevel("medtop:" + code));
    }

    /** The English label, or the code itself. */
    public String label(String qcode) {
        return label.getOrDefault(qcode, qcode);
    }

    public boolean knows(String qcode) {
        return parent.containsKey(qcode);
    }
}
