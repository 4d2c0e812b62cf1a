package io.wirestream.sameness;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.ClusterEntry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Years as evidence of which event a full text reports: read from its top, the year it was written in left out. */
class EventYearsTest {

    private static final Instant WRITTEN = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theLeadsYearsLessTheYearItWasWrittenIn() {
        List<String> body = List.of("The magnitude 7.1 quake of Dec. 12, 2008 killed 12 people, 2,009 were hurt and 1500 fled.",
                "x".repeat(EventYears.LEAD_CHARS), "In 1999 a smaller one hit the same coast; in 2019 and 2020 drills were held.");
        assertThat(EventYears.lead("Quake anniversary marked", body, WRITTEN)).containsExactly(2008);
        assertThat(EventYears.all("Quake anniversary marked", body, WRITTEN)).containsExactly(1999, 2008);
        assertThat(EventYears.lead("Storm hits coast", List.of("A storm hit the coast in 2026."), Instant.parse("2026-06-01T00:00:00Z")))
                .as("the year it was written in says nothing").isEmpty();
        assertThat(EventYears.all("Talks resume", List.of("Talks resume at 2030 GMT, after about 2000 protesters marched, the most"
                + " since 2011; flight 2013 and Flight #2012 were cancelled, the train at 1955 local time too. The 1999 treaty stands."), WRITTEN))
                .as("clock times, counts, baselines and flight numbers are no years").containsExactly(1999);
        assertThat(EventYears.all("Quake", List.of("The strongest since the 2016 Kaikoura quake, and more deaths than in 2011."),
                WRITTEN)).as("a baseline with its article or preposition").isEmpty();
        assertThat(EventYears.all("Vote", List.of("Labour won the 2009 local elections; the 2016 CETA deal and the 2010 PT Freeport"
                + " strike were recalled, in 2008 he said."), WRITTEN)).as("real years beside zone-like words")
                .containsExactly(2008, 2009, 2010, 2016);
    }

    @Test
    void yearsAreFoundWhereThePatternFindsThem() {
        // nextYear reads characters instead of running YEAR's look-behind at every position: the same matches, on
        // texts dense in the cases the pattern's edges decide (digits, points and commas either side, 1950 and 2039)
        java.util.Random random = new java.util.Random(7);
        String[] pieces = {"1", "2", "9", "0", "5", "3", "4", ".", ",", " ", "a", "19", "20", "195", "203", "204", "1949", "2039", "\n"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            java.util.regex.Matcher m = EventYears.YEAR.matcher(text);
            int from = 0;
            while (true) {
                boolean found = m.find();
                int at = EventYears.nextYear(text, from);
                assertThat(at).as("in \"%s\" from %d", text, from).isEqualTo(found ? m.start() : -1);
                if (!found) {
                    break;
                }
                from = m.end();
            }
        }
    }

    @Test
    void aYearAroundTheStorysOwnIsNoEvidenceOnEitherSide() {
        // a member written on 31 December 2025 names 2026 ("rules take effect in 2026"); a story of 1 January 2026
        // naming 2024 is not refused for it
        Instant newYear = Instant.parse("2026-01-01T09:00:00Z");
        assertThat(EventYears.agreement(List.of(2024), List.of(2026), false, newYear)).isZero();
        assertThat(EventYears.agreement(List.of(2008), List.of(2026, 2008), false, newYear)).isEqualTo(1);
        assertThat(EventYears.agreement(List.of(2008), List.of(2026, 2011), false, newYear)).isEqualTo(-1);
    }

    @Test
    void aClusterFilesTheYearsItsMembersNameMost() {
        Map<String, Integer> counts = EventYears.addTo(EventYears.addTo(Map.of(), List.of(2008, 2009)), List.of(2008));
        assertThat(counts).containsEntry("2008", 2).containsEntry("2009", 1);
        assertThat(EventYears.filed(counts)).containsExactly(2008, 2009);
        assertThat(EventYears.agreement(List.of(2008), List.of(2007, 2008), false, WRITTEN)).isEqualTo(1);
        assertThat(EventYears.agreement(List.of(2011), List.of(2007, 2008), false, WRITTEN)).isEqualTo(-1);
        assertThat(EventYears.agreement(List.of(), List.of(2008), false, WRITTEN)).isZero();
    }

    @Test
    void aDatedLeadDoubtsAClusterOfFullTextsThatNamesNoYear() {
        assertThat(EventYears.agreement(List.of(2008), List.of(), true, WRITTEN)).as("full texts, no year").isEqualTo(-1);
        assertThat(EventYears.agreement(List.of(2008), List.of(2020, 2021), true, WRITTEN)).as("only current years").isEqualTo(-1);
        assertThat(EventYears.agreement(List.of(2008), List.of(), false, WRITTEN)).as("headlines say no years").isZero();
        assertThat(EventYears.agreement(List.of(), List.of(), true, WRITTEN)).as("an undated lead").isZero();
        assertThat(EventYears.agreement(List.of(2008), List.of(2008), true, WRITTEN)).isEqualTo(1);

        SamenessSettings d = SamenessSettings.defaults();
        PackedVector story = PackedVector.of(Map.of("earthquake", 0.6f, "magnitude", 0.6f, "coast", 0.529f));
        Map<String, Float> centroid = Map.of("earthquake", 0.25f, "magnitude", 0.25f, "rescue", 0.935f); // cosine 0.3
        Map<String, Float> details = new java.util.HashMap<>();
        for (String m : List.of("qeshm", "bandar", "abbas", "hormozgan", "irna", "khamenei", "tehran", "friday", "40", "600")) {
            details.put(m, 0.316f);
        }
        ClusterEntry fullTexts = cluster("cl-undated", centroid, List.of(), PackedVector.of(details).packed());
        assertThat(BucketProcessor.fullTextScores(List.of(fullTexts), story, null, List.of(2005), T0, d))
                .as("a report dating its quake to 2005 and a cluster of full texts that never names a year").isEmpty();
        assertThat(BucketProcessor.fullTextScores(List.of(fullTexts), story, null, List.of(), T0, d)).containsOnlyKeys("cl-undated");
        ClusterEntry anAlert = cluster("cl-alert", centroid, List.of(), PackedVector.of(Map.of("qeshm", 0.7f, "40", 0.7f)).packed());
        assertThat(BucketProcessor.fullTextScores(List.of(anAlert), story, null, List.of(2005), T0, d))
                .as("a cluster of a short alert, a few marks and no room for a date, doubts no full report").containsOnlyKeys("cl-alert");
        assertThat(BucketProcessor.fullTextScores(List.of(cluster("cl-headlines", centroid, List.of())), story, null, List.of(2005), T0, d))
                .as("a cluster without marks (headline-only members)").containsOnlyKeys("cl-headlines");
    }

    private static ClusterEntry cluster(String id, Map<String, Float> centroid, List<Integer> years) {
        return cluster(id, centroid, years, ByteBuffer.allocate(0));
    }

    private static ClusterEntry cluster(String id, Map<String, Float> centroid, List<Integer> years, ByteBuffer marks) {
        return ClusterEntry.newBuilder().setClusterId(id).setLastSeen(T0).setCentroid(Map.of())
                .setTerms(PackedVector.of(centroid).packed()).setMarks(marks).setYears(years).build();
    }

    @Test
    void yearsDecideBetweenTwoEarthquakesTheWordsCannotTellApart() {
        SamenessSettings d = SamenessSettings.defaults();
        PackedVector story = PackedVector.of(Map.of("earthquake", 0.6f, "magnitude", 0.6f, "coast", 0.529f));
        // the same cosine (0.3) with two clusters: the 2008 quake's and the 2011 one's
        Map<String, Float> centroid = Map.of("earthquake", 0.25f, "magnitude", 0.25f, "rescue", 0.935f);
        List<ClusterEntry> two = List.of(cluster("cl-2008", centroid, List.of(2008)), cluster("cl-2011", centroid, List.of(2011)));
        Map<String, Double> scores = BucketProcessor.fullTextScores(two, story, null, List.of(2011), T0, d);
        assertThat(scores).containsOnlyKeys("cl-2011");
        // no years on the story's side: both stay candidates, ranked alike, as before
        assertThat(BucketProcessor.fullTextScores(two, story, null, List.of(), T0, d)).containsOnlyKeys("cl-2008", "cl-2011");
        // below the threshold (cosine 0.2), years that meet still let it join; without them it founds a cluster
        Map<String, Float> far = Map.of("earthquake", 0.167f, "magnitude", 0.167f, "rescue", 0.972f);
        List<ClusterEntry> one = List.of(cluster("cl-2011", far, List.of(2011)));
        Map<String, Double> floor = BucketProcessor.fullTextScores(one, story, null, List.of(2011), T0, d);
        assertThat(floor).containsOnlyKeys("cl-2011");
        assertThat(floor.get("cl-2011")).isGreaterThanOrEqualTo(d.clusterThreshold()).isLessThan(1.0);
        assertThat(BucketProcessor.fullTextScores(one, story, null, List.of(), T0, d)).isEmpty();
        // a candidate reaching the threshold ranks above one let in by the floor
        assertThat(BucketProcessor.fullTextScores(List.of(cluster("cl-far", far, List.of(2011)), cluster("cl-near", centroid, List.of())),
                story, null, List.of(2011), T0, d)).satisfies(s -> assertThat(s.get("cl-near")).isGreaterThan(s.get("cl-far")));
    }
}
