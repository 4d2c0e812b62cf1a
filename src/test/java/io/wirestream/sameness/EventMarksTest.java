package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMarksTest {

    private final IdfTable idf = IdfTable.bundled();

    /** One title fight (invented), and another of the same champion against another opponent in another year. */
    static final String HALE_HEADLINE = "Borisenko stops Hale in sixth round to keep heavyweight titles";
    static final List<String> HALE_BODY = List.of("Viktor Borisenko kept his heavyweight titles on Saturday, stopping Marcus Hale in the "
            + "sixth round before 30,000 fans at the Stade de Berne.", "The champion, 36, dropped Hale twice in the sixth before the "
            + "referee waved the fight off. Hale, who took the bout on 12 days' notice in 2012, had not been stopped in 41 fights.");
    static final String SANTOS_HEADLINE = "Borisenko knocks out Santos to retain heavyweight crown";
    static final List<String> SANTOS_BODY = List.of("Viktor Borisenko retained his heavyweight crown on Saturday, knocking out Dario "
            + "Santos in the seventh round in Mannheim.", "Santos, 35, was down three times before his corner stopped the fight in 2008. "
            + "The champion has won 18 straight fights since his last defeat.");
    /** The Hale fight again, in other words: few of its terms, the same details. */
    static final String HALE_REWRITE_HEADLINE = "Ukrainian champion too strong for late substitute";
    static final List<String> HALE_REWRITE_BODY = List.of("The late substitute Hale, unbeaten in 41 professional contests, was no match "
            + "for the Ukrainian in Switzerland on Saturday night.", "Borisenko, 36, put the American down twice and the referee waved "
            + "it off, in front of a crowd of 30,000. The challenger had accepted on 12 days' notice.");

    private Map<String, Float> vector(String headline, List<String> body) {
        return TermVectors.of(headline, body, idf);
    }

    private Map<String, Float> marks(String headline, List<String> body) {
        return EventMarks.of(headline, body, vector(headline, body), idf);
    }

    @Test
    void marksAreNamesYearsAndNumbersBeyondTheStrongestTerms() {
        Map<String, Float> v = vector(HALE_HEADLINE, HALE_BODY);
        Map<String, Float> m = marks(HALE_HEADLINE, HALE_BODY);
        // Names, the year and the numbers; "Saturday" is a date word, "000" zero-padded; the champion, the
        // opponent and the venue are among the story's strongest terms, which the cosine already counts.
        assertThat(m).containsOnlyKeys("12", "30", "36", "41", "2012");
        assertThat(TermVectors.topTerms(v, EventMarks.SKIP_TERMS)).contains("borisenko", "hale", "berne");
        assertThat(m.values().stream().mapToDouble(x -> x * x).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void marksAtTheTopWeighThreeTimesThoseDeeperDown() {
        // the opponent named in the headline and the lead, the champion's earlier opponent only past the lead
        List<String> body = List.of("The champion stopped Hale in the sixth round at the Stade de Berne.",
                "x".repeat(EventYears.LEAD_CHARS), "It was his first fight since he beat Okafor in Mannheim.");
        Map<String, Float> m = EventMarks.of("Champion stops Hale", body, Map.of(), idf);
        assertThat(m).containsKeys("hale", "berne", "okafor", "mannheim");
        assertThat(m.get("hale") / m.get("okafor")).isCloseTo((float) (EventMarks.LEAD_WEIGHT * idf.idf("hale") / idf.idf("okafor")),
                org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(m.get("berne") / m.get("mannheim")).isCloseTo((float) (EventMarks.LEAD_WEIGHT * idf.idf("berne") / idf.idf("mannheim")),
                org.assertj.core.data.Offset.offset(1e-4f));
        // a name in the lead and again further down keeps its lead weight
        Map<String, Float> again = EventMarks.of("Champion stops Hale", List.of(body.get(0), body.get(1), body.get(2) + " Hale fell twice."),
                Map.of(), idf);
        assertThat(again.get("hale") / again.get("okafor")).isCloseTo(m.get("hale") / m.get("okafor"), org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void clockTimesAndPaddedNumbersAreNotMarksAndAHeadlineOnlyStoryHasNone() {
        List<String> body = List.of("Updated 09:45 on 05 June: the Wasilla council met Stenberg for 90 minutes after the 2013 vote.");
        Map<String, Float> m = EventMarks.of("Council meets", body, Map.of(), idf);
        assertThat(m).containsOnlyKeys("wasilla", "stenberg", "90", "2013");
        assertThat(EventMarks.of("Borisenko stops Hale in Berne", List.of(), Map.of(), idf)).isEmpty();
        assertThat(EventMarks.of("Borisenko stops Hale in Berne", null, Map.of(), idf)).isEmpty();
    }

    @Test
    void twoFightsOfOneChampionScoreADoubtfulJoinAndShareNoMarks() {
        double cosine = TermVectors.cosine(vector(HALE_HEADLINE, HALE_BODY), vector(SANTOS_HEADLINE, SANTOS_BODY));
        assertThat(cosine).as("enough to join on words alone").isGreaterThanOrEqualTo(SamenessSettings.defaults().clusterThreshold())
                .isLessThan(EventMarks.SURE_SCORE);
        PackedVector hale = PackedVector.of(marks(HALE_HEADLINE, HALE_BODY));
        ByteBuffer santos = PackedVector.of(EventMarks.filed(marks(SANTOS_HEADLINE, SANTOS_BODY))).packed();
        assertThat(EventMarks.agree(cosine, hale, santos)).isFalse();
    }

    @Test
    void aRewriteOfTheSameFightScoresADoubtfulJoinAndSharesItsMarks() {
        double cosine = TermVectors.cosine(vector(HALE_HEADLINE, HALE_BODY), vector(HALE_REWRITE_HEADLINE, HALE_REWRITE_BODY));
        assertThat(cosine).isGreaterThanOrEqualTo(SamenessSettings.defaults().clusterThreshold()).isLessThan(EventMarks.SURE_SCORE);
        PackedVector rewrite = PackedVector.of(marks(HALE_REWRITE_HEADLINE, HALE_REWRITE_BODY));
        ByteBuffer cluster = PackedVector.of(EventMarks.filed(marks(HALE_HEADLINE, HALE_BODY))).packed();
        assertThat(EventMarks.agree(cosine, rewrite, cluster)).isTrue();
    }

    @Test
    void aSureScoreOrMissingMarksSkipTheCheck() {
        PackedVector some = PackedVector.of(Map.of("hale", 1f));
        ByteBuffer other = PackedVector.of(Map.of("santos", 1f)).packed();
        assertThat(EventMarks.agree(0.3, some, other)).isFalse();
        assertThat(EventMarks.agree(EventMarks.SURE_SCORE, some, other)).isTrue();
        assertThat(EventMarks.agree(0.3, null, other)).isTrue();
        assertThat(EventMarks.agree(0.3, some, ByteBuffer.allocate(0))).isTrue();
    }

    @Test
    void aClusterKeepsItsStrongestSummedMarksAndFilesFewerUnitLength() {
        Map<String, Float> sum = Map.of();
        for (int i = 0; i < 3; i++) {
            java.util.Map<String, Float> member = new java.util.HashMap<>();
            for (int t = 0; t < 60; t++) {
                member.put("m" + i + "-" + t, 1f);
            }
            member.put("shared", 2f);
            sum = EventMarks.addTo(sum, member);
        }
        assertThat(sum).hasSize(EventMarks.CLUSTER_SUM_MARKS).containsEntry("shared", 6f);
        Map<String, Float> filed = EventMarks.filed(sum);
        assertThat(filed).hasSize(EventMarks.CLUSTER_MARKS).containsKey("shared");
        assertThat(filed.values().stream().mapToDouble(x -> x * x).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
}
