package io.wirestream.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the alert stage (configuration keys {@code alert.*}, README's settings table).
 *
 * @param corroborationSources distinct sources that make a cluster corroborated (default 3)
 * @param corroborationWindow  event-time window they must fall in (default 10 minutes)
 * @param flashSources         distinct sources in the window with which strong language makes a
 *                             FLASH without any wire flash (default 8: only a story everyone runs)
 * @param strongLanguage       breaking-language weight that counts as strong (default 3: one
 *                             head-of-state, war or coup phrase, or two ingredients)
 * @param bulletinLanguage     weight that makes a BULLETIN from a single story (default 5: a
 *                             head of state killed in a strike, not "actor dies")
 * @param urgentLanguage       weight that makes an URGENT on its own (default 2)
 * @param retention            how long a cluster's alert state is kept after its last story
 * @param phrases              the breaking-language list
 */
public record AlertSettings(int corroborationSources, Duration corroborationWindow, int flashSources,
                            double strongLanguage, double bulletinLanguage, double urgentLanguage,
                            Duration retention, BreakingPhrases phrases) {

    public AlertSettings {
        Objects.requireNonNull(corroborationWindow, "corroborationWindow");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(phrases, "phrases");
        if (corroborationSources < 1 || flashSources < corroborationSources) {
            throw new IllegalArgumentException("alert.corroboration.sources must be >= 1 and alert.flash.sources >= it");
        }
    }

    public static AlertSettings defaults() {
        return new AlertSettings(3, Duration.ofMinutes(10), 8, 3.0, 5.0, 2.0, Duration.ofDays(2), BreakingPhrases.bundled());
    }

    public AlertSettings withCorroboration(int sources, Duration window) {
        return new AlertSettings(sources, window, Math.max(flashSources, sources), strongLanguage, bulletinLanguage, urgentLanguage,
                retention, phrases);
    }
}
