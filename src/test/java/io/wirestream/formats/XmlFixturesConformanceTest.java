package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in the four XML fixture folders, format auto-detected through {@link ParserRegistry#standard()}.
 * Each file is listed here with what it must give, so a regression (or a new fixture) shows up by name.
 */
class XmlFixturesConformanceTest {

    private static final String STORY = "story";

    /** Files that carry no text story: pictures, packages, video, and spec examples without content. */
    private static final Map<String, String> NO_STORY = Map.ofEntries(
            Map.entry("newsml-g2/picture.xml", "picture item"),
            Map.entry("newsml-g2/tag_reuters.com_0000_newsml_GM1EA7M13RP01_version_484616934", "picture item"),
            Map.entry("newsml-g2/tag_reuters.com_2014_newsml_LYNXMPEA6F0MS_version_2", "picture item"),
            Map.entry("newsml-g2/tag_reuters.com_2014_newsml_LYNXMPEA6F0MT_version_2", "picture item"),
            Map.entry("newsml-g2/tag_reuters.com_2014_newsml_LYNXMPEA6F13M_version_1", "picture item"),
            Map.entry("newsml-g2/tag_reuters.com_2014_newsml_KBN0FL0NM_version_10", "package item"),
            Map.entry("newsml-g2/snep.xml", "package item"),
            Map.entry("newsml-g2/LISTING 6 Simple NewsML-G2 Package.xml", "package item"),
            Map.entry("newsml-g2/iptc-newsml-g2-examples-CC-BY-4.0/LISTING_24_News_Message_conveying_a_complete_News_Package.xml", "package item"),
            Map.entry("newsml-g2/iptc-newsml-g2-examples-CC-BY-4.0/ap_metadata_example.xml", "video item"),
            Map.entry("newsml-g2/iptc-newsml-g2-examples-CC-BY-4.0/LISTING_29_Hop_History.xml", "neither headline nor text"),
            Map.entry("nitf/aap-finance-lite.xml", "neither headline nor text"));

    /**
     * Files that are not whole wire documents; they must fail with the given reason, never crash. A bare {@code
     * <contentSet>} that carries an NITF article (LISTING 25) is a story: the NITF parser reads it.
     */
    private static final Map<String, String> FAILS = Map.of(
            // a spec snippet: a bare <contentMeta>, no item around it and no text
            "newsml-g2/iptc-newsml-g2-examples-CC-BY-4.0/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml", "unrecognised format");
    // rss/nrk_rss_inline_from_rss_test.xml, extracted from a Python test's string literal (the closing """ follows
    // </rss>), parses: stray text after the root element is dropped (SafeXml.withoutTrailingText).

    @Test
    void everyXmlFixtureParsesOrIsExplainedNoStory() throws Exception {
        Path fixtures = SharedData.fixture(".");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String folder : List.of("newsml-g2", "nitf", "newsml-1.2", "rss")) {
            try (Stream<Path> files = Files.walk(fixtures.resolve(folder))) {
                for (Path p : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                    String name = fixtures.relativize(p).toString().replace('\\', '/');
                    String expected = NO_STORY.containsKey(name) ? "no story: ... " + NO_STORY.get(name)
                            : FAILS.containsKey(name) ? FAILS.get(name) : STORY;
                    String got;
                    try {
                        List<ParsedStory> stories = ParserRegistry.standard().parse(Files.readAllBytes(p), "auto",
                                ParseContext.of("conformance", null));
                        boolean ok = !stories.isEmpty() && stories.stream().allMatch(s -> !s.headline().isBlank());
                        got = ok ? STORY : "stories with a blank headline";
                    } catch (WireParseException e) {
                        got = e.getMessage();
                    }
                    boolean pass = expected.equals(STORY) ? got.equals(STORY)
                            : NO_STORY.containsKey(name) ? got.startsWith("no story") && got.contains(NO_STORY.get(name))
                            : got.startsWith(expected);
                    if (!pass) {
                        problems.add(name + ": expected " + expected + ", got " + got);
                    }
                    checked++;
                }
            }
        }
        assertThat(problems).as("fixtures checked: " + checked).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(40);
    }

    @Test
    void formatsAreDetectedByContent() throws Exception {
        ParserRegistry registry = ParserRegistry.standard();
        Map<String, WireFormat> expected = Map.of(
                "newsml-g2/stt1.xml", WireFormat.NEWSML_G2,
                "newsml-g2/TT_newsmlg2_sample_from_iptc-newsinjson_MIT.xml", WireFormat.NEWSML_G2,
                "nitf/nitf-fishing.xml", WireFormat.NITF,
                "nitf/ap_media_text_nitf.xml", WireFormat.NITF,
                "newsml-1.2/afp.xml", WireFormat.NEWSML_12,
                "rss/wordpress_wxr.xml", WireFormat.RSS);
        for (Map.Entry<String, WireFormat> e : expected.entrySet()) {
            assertThat(registry.detect(XmlTestSupport.fixture(e.getKey())).format()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
