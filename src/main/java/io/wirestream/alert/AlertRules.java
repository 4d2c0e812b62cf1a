package io.wirestream.alert;

import io.wirestream.avro.Alert;
import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Signal;
import io.wirestream.avro.StoryAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agency-priority rules (DOMAIN.md sections 2.6 and 4): a flash (urgency 1, ANPA f, 7901 Blitz)
 * or a bulletin/urgent (urgency 2, ANPA b, dpa Eil) raises an alert on the first version of a story
 * only, so the fifth copy or the write-thru does not ring again; a kill always alerts, because an
 * editor may already have used the story. Urgency 3 (AP's "u", which includes all corrections) is
 * too common to ring a bell on its own.
 */
public final class AlertRules {

    /** Highest urgency number that still alerts on its own: 1 flash, 2 bulletin/urgent. */
    static final int ALERT_URGENCY = 2;

    private AlertRules() {
    }

    /** The alert level this story raises, if any. */
    public static Optional<AlertLevel> levelOf(EnrichedStory s) {
        if (s.getAction() == StoryAction.KILL) {
            return Optional.of(AlertLevel.KILL);
        }
        if (s.getAction() != StoryAction.NEW) {
            return Optional.empty();
        }
        Integer u = s.getUrgency();
        if (falseFlash(s)) {
            return Optional.empty();
        }
        if ((u != null && u == 1) || s.getSignals().contains(Signal.FLASH)) {
            return Optional.of(AlertLevel.FLASH);
        }
        return u != null && u <= ALERT_URGENCY ? Optional.of(AlertLevel.URGENT) : Optional.empty();
    }

    /**
     * AP files some long features at ANPA priority f (DOMAIN.md section 8, the "f l" false flash).
     * From ANPA, urgency 1 therefore rings only when the parser saw a flash-like take (its FLASH
     * signal: a short take or the word flash), never for a 1,000-word lifestyle piece.
     */
    static boolean falseFlash(EnrichedStory s) {
        return "anpa".equals(s.getFormat()) && s.getUrgency() != null && s.getUrgency() == 1
                && !s.getSignals().contains(Signal.FLASH);
    }

    /** The story with its alert level set (a copy; records are not shared between branches). */
    public static EnrichedStory annotate(EnrichedStory s) {
        Optional<AlertLevel> level = levelOf(s);
        if (level.isEmpty()) {
            return s;
        }
        return EnrichedStory.newBuilder(s).setAlertLevel(level.get()).build();
    }

    /** The alert for an annotated story, if it raised one. */
    public static Optional<Alert> alertFor(EnrichedStory s) {
        if (s.getAlertLevel() == null) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        switch (s.getAlertLevel()) {
            case KILL -> reasons.add("story killed (pubStatus " + s.getPubStatus() + ")");
            case FLASH -> reasons.add("agency flash (urgency " + s.getUrgency() + ", priority " + s.getPriority() + ")");
            default -> reasons.add("agency urgent/bulletin (urgency " + s.getUrgency() + ", priority " + s.getPriority() + ")");
        }
        String cluster = s.getClusterId() != null ? s.getClusterId() : s.getStoryKey();
        List<String> sources = new ArrayList<>();
        sources.add(s.getAgency() != null ? s.getAgency() : s.getSource());
        return Optional.of(Alert.newBuilder()
                .setClusterId(cluster)
                .setStoryKey(s.getStoryKey())
                .setLevel(s.getAlertLevel())
                .setReasons(reasons)
                .setEvidence(List.of(s.getStoryKey()))
                .setHeadline(s.getHeadline())
                .setSources(sources)
                .setRegions(new ArrayList<>(s.getRegions()))
                .setFirstSeen(s.getVersionCreated())
                .setAlertedAt(s.getVersionCreated())
                .setLatencyMs(0L)
                .build());
    }
}
