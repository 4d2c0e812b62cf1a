package io.wirestream.alert;

import io.wirestream.avro.Alert;
import io.wirestream.classify.MediaTopics;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One readable terminal line per alert ({@code wirestream alerts}): time, level, headline, number of
 * sources, region, category and how late it was. For example
 * <pre>
 * 2026-11-28 12:02:00Z BULLETIN  MPs approve budget bill | 3 sources | DE desk europe | politics | +2m00s after first wire, 35 ms in pipeline
 * 2026-11-28 12:03:00Z BULLETIN~ Budget passes | 4 sources | ...   (~ marks an update of an alert already sent)
 * </pre>
 */
public final class AlertLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AlertLine() {
    }

    public static String format(Alert a) {
        String level = a.getLevel() + (a.getUpdate() ? "~" : "");
        return String.format(Locale.ROOT, "%s %-9s %s | %d source%s | %s | %s | %s", TIME.format(a.getAlertedAt()), level,
                a.getHeadline(), a.getSourceCount(), a.getSourceCount() == 1 ? "" : "s", region(a), category(a.getCategories()),
                lateness(a));
    }

    private static String region(Alert a) {
        StringBuilder b = new StringBuilder(a.getRegions().isEmpty() ? "-" : String.join(",", a.getRegions().subList(0,
                Math.min(3, a.getRegions().size()))));
        if (a.getDesk() != null) {
            b.append(" desk ").append(a.getDesk());
        }
        return b.toString();
    }

    /** The first category by its IPTC label, as an editor reads it ("politics"), the code when the vocabulary lacks it. */
    private static String category(List<String> qcodes) {
        return qcodes.isEmpty() ? "-" : MediaTopics.bundled().label(qcodes.get(0));
    }

    /** How late: from the cluster's first wire to the alert, and the pipeline's own delay. */
    static String lateness(Alert a) {
        return "+" + human(Duration.ofMillis(a.getLatencyMs())) + " after first wire, " + a.getLatencyFromTriggerMs()
                + " ms in pipeline";
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%d.%03ds", s, d.toMillisPart());
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
