package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Subject;
import io.wirestream.formats.WireFormat;
import io.wirestream.ingest.RawItems;
import io.wirestream.testing.SharedData;
import io.wirestream.testing.TopologyHarness;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Categories of real agency files (../shared/fixtures, read in place, skipped when absent), through
 * the whole topology as {@code inspect} runs it.
 */
class FixtureCategoriesTest {

    private static List<EnrichedStory> stories(Path path) throws Exception {
        try (TopologyHarness h = new TopologyHarness()) {
            Instant now = Instant.parse("2026-03-02T12:00:00Z");
            for (Path f : RawItems.filesUnder(path)) {
                RawItems.Captured c = RawItems.fromFile(f, "fixture", WireFormat.AUTO, now);
                h.send(c.key(), c.item());
            }
            return new ArrayList<>(h.enrichedSeen);
        }
    }

    /**
     * A story whose wire sends IPTC Subject Codes gets the top-level Media Topic of each: the 17
     * Subject Code families (first two digits) are the 17 top-level Media Topics, same numbers.
     */
    @Test
    void everyFixtureWithSubjectCodesGetsTheirTopLevelTopics() throws Exception {
        List<EnrichedStory> all = stories(SharedData.fixture(""));
        int checked = 0;
        for (EnrichedStory s : all) {
            for (Subject subject : s.getSubjects()) {
                String code = subject.getCode().trim();
                if (!subject.getScheme().toLowerCase(Locale.ROOT).equals("subj") || !code.matches("\\d{8}")) {
                    continue;
                }
                String top = "medtop:" + code.substring(0, 2) + "000000";
                assertThat(s.getCategories()).as("%s (%s) with subject code %s", s.getHeadline(), s.getUri(), code)
                        .contains(top);
                assertThat(s.getCategoryOrigins().get(s.getCategories().indexOf(top))).isEqualTo(StoryClassifier.WIRE);
                checked++;
            }
        }
        assertThat(checked).as("subject codes found in the fixtures").isPositive();
    }

    /**
     * Agency copy in other languages: dpa's digitalwires desk and Media Topics, STT's department ("Urheilu") are the
     * wire's word; German and French copy with no code a table maps is read by the foreign lexicon.
     */
    @Test
    void agencyCopyInOtherLanguagesGetsItsTopic() throws Exception {
        assertPrimary("iptc7901/dpa-digitalwires-apache2/eil.json", "medtop:11000000", StoryClassifier.WIRE);
        assertPrimary("iptc7901/dpa-digitalwires-apache2/spe2.json", "medtop:15000000", StoryClassifier.WIRE);
        assertPrimary("iptc7901/dpa-digitalwires-apache2/rubix-multimedia-real.json", "medtop:16000000", StoryClassifier.WIRE);
        assertPrimary("newsml-g2/stt_archive_newsml_test.xml", "medtop:15000000", StoryClassifier.WIRE);
        assertPrimary("ninjs/iptc-newsinjson-examples-MIT/3.0_dpa_text.json", "medtop:15000000", StoryClassifier.TEXT);
        assertPrimary("newsml-1.2/afp20.xml", "medtop:02000000", StoryClassifier.TEXT);
    }

    private static void assertPrimary(String fixture, String topic, String origin) throws Exception {
        List<EnrichedStory> s = stories(SharedData.fixture(fixture));
        assertThat(s).as(fixture).hasSize(1);
        assertThat(s.get(0).getCategories()).as(fixture).startsWith(topic);
        assertThat(s.get(0).getCategoryOrigins().get(0)).as(fixture).isEqualTo(origin);
    }

    /** A web scrape about a war and a security official's refusal to negotiate: conflict and politics. */
    @Test
    void larijaniScrapeIsConflictAndPolitics() throws Exception {
        List<EnrichedStory> s = stories(SharedData.fixture("plain/web-scrape-iran-larijani.txt"));
        assertThat(s).hasSize(1);
        List<String> categories = s.get(0).getCategories();
        assertThat(categories.size()).isGreaterThanOrEqualTo(2);
        assertThat(categories.subList(0, 2)).containsExactlyInAnyOrder("medtop:16000000", "medtop:11000000");
        assertThat(s.get(0).getCategoryOrigins().subList(0, 2)).containsOnly(StoryClassifier.TEXT);
    }
}
