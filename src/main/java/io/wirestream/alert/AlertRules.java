package io.wirestream.alert;

import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.AlertState;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Signal;
import io.wirestream.avro.StoryAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The alert rules of issue 13, as plain functions over a cluster's {@link AlertState}. Four signals,
 * combined, each written into the alert's reasons:
 * <ul>
 *   <li>the wire's own urgency, per DOMAIN.md's crosswalk (section 2.6): IPTC/NITF urgency 1, ANPA f,
 *       7901 1 (Blitz) or a FLASH slug is a wire flash; urgency 2-3, ANPA b/u, 7901 2 (Eil, bells)
 *       or an APNewsAlert slug is a wire bulletin/urgent (urgency 3, AP's "u" with every correction, is
 *       too common to count). An ANPA f on a take the parser did not see
 *       as a flash (no FLASH signal: the "f l" lifestyle feature of anpa-1.tst) reads as urgent;</li>
 *   <li>breaking-news language in headline and lead ({@link BreakingPhrases});</li>
 *   <li>the source tier ({@link SourceTiers}: the story's catalogue records, else a table by agency);</li>
 *   <li>corroboration: distinct sources of the cluster whose latest wire falls within the window
 *       before the current story's event time; near-duplicate copies count for their outlet.</li>
 * </ul>
 * Levels: FLASH needs two signals to agree (a wire flash with corroboration or strong language, or
 * strong language with very wide corroboration), so a wire urgency alone never makes a FLASH;
 * BULLETIN is corroboration, very strong language, or a wire urgency that language or a second
 * source backs; URGENT is one signal alone. A kill is a KILL notice.
 */
public final class AlertRules {

    /** Story keys kept as evidence per cluster. */
    static final int MAX_EVIDENCE = 10;
    /** Highest wire urgency that counts as a signal: 1 flash, 2 bulletin/urgent (ANPA b, dpa Eil, APNewsAlert). */
    static final int URGENT_ALONE = 2;
    /** Characters of body read as the lead. */
    static final int LEAD_CHARS = 400;

    private AlertRules() {
    }

    /** A level and the reasons it was reached, in words. */
    public record Decision(AlertLevel level, List<String> reasons) {
    }

    /** Importance of a level: FLASH 3, BULLETIN 2, URGENT 1, anything else 0. */
    public static int rank(AlertLevel level) {
        if (level == null) {
            return 0;
        }
        return switch (level) {
            case FLASH -> 3;
            case BULLETIN -> 2;
            case URGENT -> 1;
            default -> 0;
        };
    }

    /** Whether the wire flagged the story as a flash (crosswalk row "Flash"), false flashes excepted. */
    static boolean wireFlash(EnrichedStory s) {
        if (s.getSignals().contains(Signal.FLASH)) {
            return true;
        }
        return s.getUrgency() != null && s.getUrgency() == 1 && !falseFlash(s);
    }

    /**
     * The wire's urgency on the IPTC scale as the alert rules read it: as sent, except that a false
     * flash says nothing (a feature is not news because of its priority letter) and an APNewsAlert
     * slug is a bulletin (2) whatever the priority.
     */
    static Integer wireUrgency(EnrichedStory s) {
        if (falseFlash(s)) {
            return null;
        }
        Integer u = s.getUrgency();
        String slug = s.getSlugline() == null ? "" : s.getSlugline().toLowerCase(Locale.ROOT);
        if (slug.contains("apnewsalert") && (u == null || u > 2)) {
            return 2;
        }
        return u;
    }

    /**
     * AP files some long features at ANPA priority f (DOMAIN.md section 8, the "f l" false flash):
     * from ANPA, urgency 1 is a flash only when the parser saw a flash-like take (its FLASH signal).
     */
    static boolean falseFlash(EnrichedStory s) {
        return "anpa".equals(s.getFormat()) && s.getUrgency() != null && s.getUrgency() == 1
                && !s.getSignals().contains(Signal.FLASH);
    }

    /** Headline, summary and the first {@value #LEAD_CHARS} characters of body: where breaking language counts. */
    static String headlineAndLead(EnrichedStory s) {
        StringBuilder b = new StringBuilder(s.getHeadline() == null ? "" : s.getHeadline());
        if (s.getDescription() != null) {
            b.append(". ").append(s.getDescription());
        }
        for (String p : lead(s.getBody())) {
            b.append(". ").append(p);
        }
        return b.toString();
    }

    /** The breaking-news language of a story's headline and lead, read by the rules of the language they are in. */
    static BreakingPhrases.Match phrasesOf(EnrichedStory s, BreakingPhrases phrases) {
        return phrases.match(headlineAndLead(s), s.getLanguage());
    }

    /** The body's first {@value #LEAD_CHARS} characters, paragraph by paragraph, the last one cut where they end. */
    private static List<String> lead(List<String> body) {
        List<String> lead = new ArrayList<>();
        int budget = LEAD_CHARS;
        for (String p : body) {
            if (budget <= 0) {
                break;
            }
            int end = Math.min(p.length(), budget);
            if (end < p.length() && Character.isHighSurrogate(p.charAt(end - 1))) {
                end--; // never half a character: a lone surrogate would reach the next hop as '?'
            }
            lead.add(p.substring(0, end));
            budget -= p.length();
        }
        return lead;
    }

    /**
     * The story as the alert stage needs it: the body cut to the lead {@link #headlineAndLead} reads, and
     * no HTML. The alert stage is one repartition hop away (alerts-by-cluster) and holds embargoed stories;
     * the whole body was most of what crossed and was stored there, for nothing.
     */
    public static EnrichedStory alertInput(EnrichedStory s) {
        List<String> lead = lead(s.getBody());
        if (s.getBodyHtml() == null && lead.equals(s.getBody())) {
            return s;
        }
        return EnrichedStory.newBuilder(s).setBody(lead).setBodyHtml(null).build();
    }

    /** Who the story counts for in corroboration: the agency that wrote it, else the outlet that sent it. */
    static String sourceOf(EnrichedStory s) {
        String who = s.getAgency() != null && !s.getAgency().isBlank() ? s.getAgency() : s.getSource();
        return who.trim().toLowerCase(Locale.ROOT);
    }

    /** A fresh state for the first story of a cluster. */
    static AlertState newState(EnrichedStory s, long eventTime) {
        return AlertState.newBuilder().setFirstSeen(Instant.ofEpochMilli(eventTime)).setFirstReceivedAt(s.getReceivedAt())
                .setLastSeen(Instant.ofEpochMilli(eventTime)).setSources(new HashMap<>()).setEvidence(new ArrayList<>())
                .setLanguageReasons(new ArrayList<>()).setRegions(new ArrayList<>()).setCategories(new ArrayList<>()).build();
    }

    /** Adds one story (new, update or near-duplicate copy) at an event time to its cluster's state. */
    static void include(AlertState st, EnrichedStory s, long eventTime, AlertSettings settings) {
        st.setMembers(st.getMembers() + 1);
        Map<String, Long> sources = new HashMap<>(st.getSources());
        sources.merge(sourceOf(s), eventTime, Math::max);
        st.setSources(sources);
        if (st.getEvidence().size() < MAX_EVIDENCE && !st.getEvidence().contains(s.getStoryKey())) {
            List<String> ev = new ArrayList<>(st.getEvidence());
            ev.add(s.getStoryKey());
            st.setEvidence(ev);
        }
        Integer u = wireUrgency(s);
        if (u != null && (st.getBestUrgency() == null || u < st.getBestUrgency())) {
            st.setBestUrgency(u);
        }
        st.setWireFlash(st.getWireFlash() || wireFlash(s));
        BreakingPhrases.Match m = phrasesOf(s, settings.phrases());
        if (m.weight() > st.getLanguage()) {
            st.setLanguage(m.weight());
            st.setLanguageReasons(new ArrayList<>(m.reasons()));
        }
        int tier = SourceTiers.tierOf(s);
        if (st.getBestTier() == null || tier < st.getBestTier()) {
            st.setBestTier(tier);
        }
        if (!s.getRegions().isEmpty()) {
            st.setRegions(new ArrayList<>(s.getRegions()));
            st.setDesk(s.getDesk());
            st.setM49Region(s.getM49Region());
        }
        if (!s.getCategories().isEmpty()) {
            st.setCategories(new ArrayList<>(s.getCategories()));
        }
        if (eventTime > st.getLastSeen().toEpochMilli()) {
            st.setLastSeen(Instant.ofEpochMilli(eventTime));
        }
    }

    /** Distinct sources whose latest wire in the cluster is within the corroboration window before {@code now}. */
    static List<String> sourcesInWindow(AlertState st, long now, AlertSettings settings) {
        return sourcesWithin(st, now, settings.corroborationWindow());
    }

    private static List<String> sourcesWithin(AlertState st, long now, Duration window) {
        long from = now - window.toMillis();
        TreeSet<String> in = new TreeSet<>();
        st.getSources().forEach((src, t) -> {
            if (t >= from) {
                in.add(src);
            }
        });
        return List.copyOf(in);
    }

    /** The level a cluster's state has reached at event time {@code now}, with the reasons; empty for none. */
    public static Optional<Decision> decide(AlertState st, long now, AlertSettings settings) {
        List<String> inWindow = sourcesInWindow(st, now, settings);
        int k = inWindow.size();
        // Coverage comes in a decaying burst: outlets pick a story up quickly, then ever more slowly. A
        // story still drawing sources over the longer window is corroborated too, even when no three of
        // them fall in one short window (docs/quality.md, "Sustained corroboration").
        boolean sustainedOn = settings.sustainedSources() > 0 && k < settings.corroborationSources();
        List<String> sustained = sustainedOn ? sourcesWithin(st, now, settings.sustainedWindow()) : List.of();
        boolean sustainedCorroboration = sustainedOn && sustained.size() >= settings.sustainedSources();
        boolean corroborated = k >= settings.corroborationSources() || sustainedCorroboration;
        double lang = st.getLanguage();
        boolean strong = lang >= settings.strongLanguage();
        boolean flash = st.getWireFlash();
        // Urgency 3 (AP's "u", which includes all corrections) is too common to count on its own.
        boolean urgent = st.getBestUrgency() != null && st.getBestUrgency() <= URGENT_ALONE;
        boolean tier1 = st.getBestTier() != null && st.getBestTier() == SourceTiers.GLOBAL;

        List<String> reasons = new ArrayList<>();
        if (flash) {
            reasons.add("wire flash (urgency " + st.getBestUrgency() + ")");
        } else if (urgent) {
            reasons.add("wire urgent/bulletin (urgency " + st.getBestUrgency() + ")");
        }
        if (lang > 0) {
            reasons.add(String.format(Locale.ROOT, "breaking language %.1f: %s", lang, String.join("; ", st.getLanguageReasons())));
        }
        if (sustainedCorroboration) {
            reasons.add(String.format(Locale.ROOT, "%d distinct sources within %d min (corroborated, sustained): %s",
                    sustained.size(), settings.sustainedWindow().toMinutes(), String.join(", ", sustained)));
        } else if (k >= 2) {
            reasons.add(String.format(Locale.ROOT, "%d distinct sources within %d min%s: %s", k,
                    settings.corroborationWindow().toMinutes(), corroborated ? " (corroborated)" : "", String.join(", ", inWindow)));
        }
        if (tier1) {
            reasons.add("a global agency (tier 1) carries it");
        }

        AlertLevel level = null;
        if ((flash && (corroborated || strong)) || (strong && k >= settings.flashSources())) {
            level = AlertLevel.FLASH;
        } else if (corroborated || lang >= settings.bulletinLanguage() || ((flash || urgent) && (lang > 0 || k >= 2))
                || (strong && tier1)) {
            level = AlertLevel.BULLETIN;
        } else if (flash || urgent || lang >= settings.urgentLanguage()) {
            level = AlertLevel.URGENT;
        }
        if (level == AlertLevel.URGENT && flash) {
            reasons.add("a wire flash alone is not a flash: no corroboration or breaking language agrees");
        }
        return level == null ? Optional.empty() : Optional.of(new Decision(level, reasons));
    }

    /**
     * The level one version raises on its own (EnrichedStory.alertLevel): KILL for a kill, else the
     * rules over a cluster of this story alone (no corroboration). The cluster's alert, on the alerts
     * topic, is the one editors get.
     */
    public static Optional<AlertLevel> levelOf(EnrichedStory s, AlertSettings settings) {
        if (s.getAction() == StoryAction.KILL) {
            return Optional.of(AlertLevel.KILL);
        }
        long t = s.getVersionCreated().toEpochMilli();
        AlertState st = newState(s, t);
        include(st, s, t, settings);
        return decide(st, t, settings).map(Decision::level);
    }

    /** The story with the level its own signals raise (a copy; records are not shared between branches). */
    public static EnrichedStory annotate(EnrichedStory s, AlertSettings settings) {
        Optional<AlertLevel> level = levelOf(s, settings);
        return level.isEmpty() ? s : EnrichedStory.newBuilder(s).setAlertLevel(level.get()).build();
    }
}
