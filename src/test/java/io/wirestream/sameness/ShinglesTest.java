package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.text.NormalisedText;
import org.junit.jupiter.api.Test;

class ShinglesTest {

    private static final String STORY = "The central bank kept its main interest rate unchanged on Thursday, saying inflation "
            + "was easing more slowly than it had expected and that growth in the second half of the year would be weaker. "
            + "The governor told reporters the bank was ready to act if prices rose again, and that wages were still climbing. "
            + "Markets had priced in a hold, and the currency barely moved after the decision was announced at noon.";

    private static Shingles of(String text) {
        return Shingles.ofNormalised(NormalisedText.of(text));
    }

    @Test
    void wordsAreCountedAsSplittingCountsThemUpToTheLimit() {
        java.util.Random random = new java.util.Random(11);
        String[] pieces = {"a", "bc", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "\u001C", "x"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = b.toString().strip();
            int split = t.split("\\s+").length;
            assertThat(Shingles.wordsUpTo(t, Shingles.SHORT_TEXT_WORDS)).as("\"%s\"", t).isEqualTo(Math.min(split, Shingles.SHORT_TEXT_WORDS));
        }
    }

    @Test
    void aResendOrACopyWithNewPunctuationIsContainedWhole() {
        assertThat(Shingles.containment(of(STORY), of(STORY.replace(",", "").toUpperCase(java.util.Locale.ROOT)))).isEqualTo(1.0);
    }

    @Test
    void aTrimmedTailIsStillContainedInTheOriginal() {
        String trimmed = STORY.substring(0, STORY.indexOf("Markets"));
        assertThat(Shingles.containment(of(trimmed), of(STORY))).isEqualTo(1.0);
    }

    @Test
    void anAddedDatelineAndAnInsertedSentenceKeepContainmentHigh() {
        String copy = "FRANKFURT (Reuters) - " + STORY.replace("Markets had", "Analysts said a cut was likely in the autumn. Markets had");
        assertThat(Shingles.containment(of(copy), of(STORY))).isGreaterThan(0.9);
    }

    @Test
    void theDatelineTheBodyOpensWithIsNoPartOfTheCopy() {
        String pti = Shingles.textOf("Metro runs late", java.util.List.of("NEW DELHI, Nov 28 (PTI) - " + STORY), "NEW DELHI, Nov 28 (PTI) -");
        String ani = Shingles.textOf("Late trains", java.util.List.of("NEW DELHI, Nov 28 (ANI) - " + STORY), "NEW DELHI, Nov 28 (ANI) -");
        assertThat(pti).isEqualTo(ani).isEqualTo(STORY);
        assertThat(Shingles.containment(of(pti), of(ani))).isEqualTo(1.0);
        assertThat(Shingles.textOf("Headline only", java.util.List.of(), "PARIS -")).isEqualTo("Headline only");
    }

    /** A teaser or stock line is too short to tell stories apart: the NYT's briefings all say "Here's what you need to know." */
    @Test
    void aShortTextIsComparedWithItsHeadline() {
        String monday = Shingles.textOf("Ukraine, Huawei, Soccer: Your Monday Briefing", java.util.List.of("Here's what you need to know."), null);
        String tuesday = Shingles.textOf("Your Tuesday Briefing", java.util.List.of("Here's what you need to know."), null);
        assertThat(Shingles.containment(of(monday), of(tuesday))).as("under the near-duplicate threshold, 0.92").isLessThan(0.9);
        assertThat(Shingles.containment(of(monday), of(monday))).isEqualTo(1.0);
        // dpa's desk notices: only their headlines differ, their one line is long German words
        String notice = "(Diese Informationen sind nicht zur Veröffentlichung bestimmt)";
        String cancelled = Shingles.textOf("Die bis 1830 angekündigte Meldung zum Kongress der CDU/CSU-Bundestagsfraktion entfällt",
                java.util.List.of(notice), null);
        String summary = Shingles.textOf("Zum Urteil im Hanauer Prozess sendet dpa eine Zusammenfassung von 35 Zeilen",
                java.util.List.of(notice), null);
        assertThat(Shingles.containment(of(cancelled), of(summary))).as("two notices, not one copy").isLessThan(0.9);
        String japanese = "日本政府は本日、新しい経済対策を発表し、物価上昇に苦しむ家計を支援するため、電気料金とガス料金の補助を来年春まで延長すると明らかにした。";
        assertThat(Shingles.textOf("経済対策", java.util.List.of(japanese), null)).as("unspaced script: copy by its length").isEqualTo(japanese);
        assertThat(Shingles.textOf("Fed holds", java.util.List.of(STORY), null)).as("a story's text alone").isEqualTo(STORY);
        // a brief of a sentence or two is compared by its text alone: its trimmed or retitled re-run is still its copy
        String brief = "The central bank kept its main interest rate unchanged on Thursday, saying inflation was easing more slowly "
                + "than it had expected and growth would slow.";
        String trimmed = "The central bank kept its main interest rate unchanged on Thursday, saying inflation was easing.";
        assertThat(Shingles.containment(of(Shingles.textOf("Rates on hold", java.util.List.of(brief), null)),
                of(Shingles.textOf("Bank holds rates", java.util.List.of(trimmed), null)))).isEqualTo(1.0);
    }

    @Test
    void aDatelineFieldOfThePlaceAloneLeavesNoAgencyCreditInTheCopy() {
        String ap = Shingles.textOf("Fed holds", java.util.List.of("NEW YORK (AP) _ " + STORY), "NEW YORK");
        String afp = Shingles.textOf("Fed on hold", java.util.List.of("NEW YORK (AFP) - " + STORY), null);
        assertThat(ap).isEqualTo(afp).isEqualTo(STORY);
        // A body that does not open with a credited dateline keeps its text; an uncredited one still goes when it is the field.
        assertThat(Shingles.textOf("h", java.util.List.of("Tehran: " + STORY), "Tehran:")).isEqualTo(" " + STORY);
        assertThat(Shingles.textOf("h", java.util.List.of(STORY), "NEW YORK")).isEqualTo(STORY);
    }

    @Test
    void differentStoriesShareAlmostNothing() {
        String other = "A strong earthquake shook northern Chile on Monday, swaying buildings in Antofagasta and cutting power to "
                + "thousands of homes, the national emergency office said, adding that there were no immediate reports of deaths.";
        assertThat(Shingles.containment(of(other), of(STORY))).isLessThan(0.1);
    }

    @Test
    void packsAndUnpacksToTheSameSketch() {
        Shingles s = of(STORY);
        assertThat(Shingles.unpack(s.packed(), s.count())).isEqualTo(s);
        assertThat(s.bandKeys(6)).hasSize(6).isSorted();
    }

    @Test
    void aCopyCutToItsOpeningSharesABandKeyWithTheOriginalThroughTheLeadKey() {
        int foundOnlyByTheLead = 0;
        for (int story = 0; story < 20; story++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                b.append("w").append(story).append('x').append(i).append(' ');
            }
            String original = b.toString();
            String opening = String.join(" ", java.util.Arrays.copyOf(original.split(" "), 45));
            int[] originalKeys = of(original).bandKeys(6);
            int[] copyKeys = of(opening).bandKeys(6);
            assertThat(copyKeys).as("story %d", story).containsAnyOf(originalKeys);
            int[] smallest = java.util.Arrays.copyOf(of(original).hashes(), 5);
            if (java.util.Arrays.stream(copyKeys).noneMatch(k -> java.util.Arrays.stream(smallest).anyMatch(h -> h == k))) {
                foundOnlyByTheLead++;
            }
        }
        // (1 - 45/300)^5 = 0.44 of such cuts keep none of the original's smallest hashes.
        assertThat(foundOnlyByTheLead).isGreaterThan(0);
    }

    @Test
    void aShortTextsBandKeysAreItsSmallestHashes() {
        Shingles s = of("Quake hits northern Chile, no deaths reported");
        assertThat(s.bandKeys(6)).containsExactly(s.hashes());
        // One band: the smallest hash, not the lead key alone.
        assertThat(of(STORY).bandKeys(1)).containsExactly(of(STORY).hashes()[0]);
    }

    @Test
    void longTextsAreEstimatedFromTheBottomSketch() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 900; i++) {
            b.append("word").append(i).append(' ');
        }
        Shingles whole = of(b.toString());
        assertThat(whole.hashes()).hasSize(Shingles.SKETCH);
        assertThat(whole.count()).isGreaterThan(Shingles.SKETCH);
        assertThat(Shingles.containment(whole, whole)).isEqualTo(1.0);
        Shingles half = of(b.substring(0, b.length() / 2));
        assertThat(Shingles.containment(half, whole)).isGreaterThan(0.85);
    }
}
