package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared fixture in anpa, iptc7901, ninjs and plain through {@link ParserRegistry#standard()} with
 * auto-detection. Expected outcome per file: a format id (parses to at least one story with a headline)
 * or "no story: ..." (the dead-letter reason it must start with). The dpa digitalwires JSON inputs are
 * ninjs-like and parse as ninjs; the one without text is an expected dead letter.
 */
class WireFixturesConformanceTest {

    private static final String NINJS = "ninjs";
    private static final String NO_MEDIA = "no story: ninjs";
    private static final String DW = "iptc7901/dpa-digitalwires-apache2/";
    private static final String V3 = "ninjs/iptc-newsinjson-examples-MIT/";

    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("anpa/anpa-1.tst", "anpa"),
            Map.entry("anpa/anpa-2.tst", "anpa"),
            Map.entry("anpa/ap_anpa-1.tst", "anpa"),
            Map.entry("anpa/ap_anpa-2.tst", "anpa"),
            Map.entry("anpa/ap_anpa-3.tst", "anpa"),
            Map.entry("anpa/ap_anpa-4.tst", "anpa"),
            Map.entry("anpa/ap_anpa-7.tst", "anpa"),
            Map.entry("iptc7901/IPTC7901.txt", "iptc7901"),
            Map.entry("iptc7901/IPTC7901_odd_charset.txt", "iptc7901"),
            Map.entry("iptc7901/dpa_copyright.txt", "iptc7901"),
            Map.entry("iptc7901/dpa_two_by_line.txt", "iptc7901"),
            Map.entry(DW + "dw-1.iptc", "iptc7901"),
            Map.entry(DW + "eil.iptc", "iptc7901"),
            Map.entry(DW + "lesestuecke.iptc", "iptc7901"),
            Map.entry(DW + "nsb-n1.iptc", "iptc7901"),
            Map.entry(DW + "spe-tab.iptc", "iptc7901"),
            Map.entry(DW + "tvo-pol.iptc", "iptc7901"),
            Map.entry(DW + "dw-1.json", NINJS),
            Map.entry(DW + "eil.json", NINJS),
            Map.entry(DW + "emptyParagraph.json", NINJS),
            Map.entry(DW + "hoerfunk.json", NINJS),
            Map.entry(DW + "lesestuecke.json", NINJS),
            Map.entry(DW + "noContent.json", "no story: dpa digitalwires item without text"),
            Map.entry(DW + "noNotepad.json", NINJS),
            Map.entry(DW + "nsb-n1.json", NINJS),
            Map.entry(DW + "rubix-multimedia-real.json", NINJS),
            Map.entry(DW + "rubix-multimedia-testartikel.json", NINJS),
            Map.entry(DW + "spe-tab.json", NINJS),
            Map.entry(DW + "spe2.json", NINJS),
            Map.entry(DW + "tvo-pol.json", NINJS),
            Map.entry("ninjs/bbc-ninjs-comp-test.json", NINJS),
            Map.entry("ninjs/bbc-ninjs-text-test.json", NINJS),
            Map.entry("ninjs/ninjs1.json", NINJS),
            Map.entry("ninjs/ninjs2.json", NINJS),
            Map.entry("ninjs/ninjs3.json", "no story: ninjs picture item"),
            Map.entry("ninjs/ninjs4.json", NINJS),
            Map.entry("ninjs/ninjsExMediumText1.json", NINJS),
            Map.entry("ninjs/ninjsExSimpleText1.json", NINJS),
            Map.entry(V3 + "3.0_20231004-UEFA-ChampionLeague.json", "no story: ninjs event item"),
            Map.entry(V3 + "3.0_20231005-65-addb-event.json", "no story: ninjs event item"),
            Map.entry(V3 + "3.0_20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json", NINJS),
            Map.entry(V3 + "3.0_20231016-addb-example-press-conference.json", "no story: ninjs event item"),
            Map.entry(V3 + "3.0_SIPA_image_3.json", "no story: ninjs picture item"),
            Map.entry(V3 + "3.0_ap_audio.json", "no story: ninjs audio item"),
            Map.entry(V3 + "3.0_ap_image.json", "no story: ninjs picture item"),
            Map.entry(V3 + "3.0_ap_video.json", "no story: ninjs video item"),
            Map.entry(V3 + "3.0_businesswire-newsml-20130605006126.json", NINJS),
            Map.entry(V3 + "3.0_businesswire-newsml-20130731006140.json", NINJS),
            Map.entry(V3 + "3.0_dpa_text.json", NINJS),
            Map.entry(V3 + "3.0_imageEncodedRights.json", "no story: ninjs picture item"),
            Map.entry(V3 + "3.0_imageLinkedRights.json", "no story: ninjs picture item"),
            Map.entry(V3 + "3.0_ninjsExSimpleText_3.json", NINJS),
            Map.entry(V3 + "3.0_ntb_text.json", NINJS),
            Map.entry(V3 + "3.0_simpleEvent.json", "no story: ninjs event item"),
            Map.entry(V3 + "3.0_tt_event_pressconference_3.0.json", "no story: ninjs event item"),
            Map.entry(V3 + "3.0_tt_text_image_3.json", NINJS),
            Map.entry("plain/web-scrape-iran-larijani.txt", "plain")));

    static Stream<Arguments> fixtures() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("fixtures")
    void parsesAsExpected(String file, String expected) throws Exception {
        byte[] payload = Files.readAllBytes(SharedData.fixture(file));
        ParserRegistry registry = ParserRegistry.standard();
        if (expected.startsWith("no story")) {
            assertThatThrownBy(() -> registry.parse(payload, "auto", FixtureSupport.CONTEXT))
                    .isInstanceOf(WireParseException.class).hasMessageStartingWith(expected);
            return;
        }
        List<ParsedStory> stories = registry.parse(payload, "auto", FixtureSupport.CONTEXT);
        assertThat(stories).isNotEmpty().allSatisfy(s -> {
            assertThat(s.format().id()).isEqualTo(expected);
            assertThat(s.headline()).isNotBlank();
            assertThat(s.storyKey()).isNotBlank();
            assertThat(FixtureSupport.texts(s)).allSatisfy(t -> assertThat(FixtureSupport.CONTROL.matcher(t).find()).as(t).isFalse());
        });
    }

    /** A fixture added to the shared folders must get an expected outcome here. */
    @Test
    void everyFixtureIsListed() throws Exception {
        Path root = SharedData.fixture(".");
        for (String dir : List.of("anpa", "iptc7901", "ninjs", "plain")) {
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                List<String> names = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(n -> !n.endsWith(".md")).toList();
                assertThat(EXPECTED.keySet()).containsAll(names);
            }
        }
    }
}
