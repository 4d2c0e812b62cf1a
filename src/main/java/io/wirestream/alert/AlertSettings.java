package io.wirestream.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the alert stage (configuration keys {@code alert.*}, README's settings table).
 *
 * @param corroborationSources distinct sources that make a cluster corroborated (default 3)
 * @param corroborationWindow  event-time window they must fall in (default 10 minutes)
 * @param sustainedSources     distinct sources that corroborate over the longer window (default: one more
 *                             than corroborationSources, so 4; 0: off)
 * @param sustainedWindow      the longer window (default: three times corroborationWindow, so 30 minutes):
 *                             coverage comes in a decaying burst, so a story that keeps drawing outlets
 *                             is corroborated even when no three of them fall in one ten-minute window
 *                             (docs/quality.md, "Sustained corroboration")
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
public record AlertSettings(int corroborationSources, Duration corroborationWindow, int sustainedSources,
                            Duration sustainedWindow, int flashSources,
                            double strongLanguage, double bulletinLanguage, double urgentLanguage,
                            Duration retention, BreakingPhrases phrases) {

    public AlertSettings {
        Objects.requireNonNull(corroborationWindow, "corroborationWindow");
        Objects.requireNonNull(sustainedWindow, "sustainedWindow");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(phrases, "phrases");
        if (corroborationSources < 1 || flashSources < corroborationSources) {
            throw new IllegalArgumentException("alert.corroboration.sources must be >= 1 and alert.flash.sources >= it");
        }
        if (corroborationWindow.isNegative() || corroborationWindow.isZero()) {
            throw new IllegalArgumentException("alert.corroboration.window must be positive, not " + corroborationWindow);
        }
        // The slower rule asks for more sources over a longer window; anything else would be a lower bar
        // than the main rule (one source would corroborate itself) or a rule that can never fire.
        if (sustainedSources != 0 && sustainedSources <= corroborationSources) {
            throw new IllegalArgumentException("alert.corroboration.sustained.sources must be 0 (off) or more than "
                    + "alert.corroboration.sources (" + corroborationSources + "), not " + sustainedSources);
        }
        if (sustainedSources != 0 && sustainedWindow.compareTo(corroborationWindow) <= 0) {
            throw new IllegalArgumentException("alert.corroboration.sustained.window must be longer than "
                    + "alert.corroboration.window (" + corroborationWindow + "), not " + sustainedWindow);
        }
    }

    /** The sustained rule's default sources: one more than the main rule's. */
    public static int sustainedSourcesFor(int corroborationSources) {
        return corroborationSources + 1;
    }

    /** The sustained rule's default window: three times the main rule's. */
    public static Duration sustainedWindowFor(Duration corroborationWindow) {
        return corroborationWindow.multipliedBy(3);
    }

    public static AlertSettings defaults() {
        int sources = 3;
        Duration window = Duration.ofMinutes(10);
        return new AlertSettings(sources, window, sustainedSourcesFor(sources), sustainedWindowFor(window),
                8, 3.0, 5.0, 2.0, Duration.ofDays(2), BreakingPhrases.bundled());
    }

    /** The same settings with the sustained rule set ({@code sources} 0 turns it off). */
    public AlertSettings withSustained(int sources, Duration window) {
        return new AlertSettings(corroborationSources, corroborationWindow, sources, window, flashSources, strongLanguage,
                bulletinLanguage, urgentLanguage, retention, phrases);
    }
}
