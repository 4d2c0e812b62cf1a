package io.wirestream.formats;

import static io.wirestream.formats.FixtureSupport.CONTEXT;
import static io.wirestream.formats.FixtureSupport.bytes;
import static io.wirestream.formats.FixtureSupport.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NinjsParserTest {

    private static final String V3 = "ninjs/iptc-newsinjson-examples-MIT/";
    private final NinjsParser parser = new NinjsParser();

    /** ninjs/ninjs1.json (Superdesk 1.x): urgency 3 and a separate Superdesk priority 6. */
    @Test
    void ninjs1Superdesk() throws Exception {
        ParsedStory s = one(parser, "ninjs/ninjs1.json");
        assertThat(s.headline()).isEqualTo("headline");
        assertThat(s.uri()).startsWith("urn:newsml:localhost:2017-08-24T14:37:19.783611:");
        assertThat(s.storyKey()).isEqualTo(s.uri());
        assertThat(s.version()).isEqualTo("2");
        assertThat(s.urgency()).isEqualTo(3);
        assertThat(s.priority()).isEqualTo("6");
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(s.description()).isEqualTo("abstract");
        assertThat(s.body()).containsExactly("The story so far.");
        assertThat(s.datelinePlace()).isEqualTo("Milton Keynes");
        assertThat(s.language()).isEqualTo("fr");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2017-08-24T04:38:34Z"));
    }

    /** PA's API sends results tables as HTML in body_text: read as HTML, not as lines of markup. */
    @Test
    void markupInBodyTextIsReadAsHtml() throws Exception {
        String json = "{\"uri\":\"urn:pa:1\",\"headline\":\"RUGBYU Tables Premiership\",\"body_text\":\"<table border=\\\"1\\\">\\n<tr>\\n"
                + "<td colspan=9><b>PREMIERSHIP</b></td>\\n</tr>\\n<tr><td>Bath</td><td>10</td><td>41</td></tr></table>\"}";
        ParsedStory s = parser.parse(json.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);
        assertThat(s.body()).containsExactly("PREMIERSHIP", "Bath | 10 | 41");
        assertThat(s.bodyHtml()).startsWith("<table");
        String plain = "{\"uri\":\"urn:pa:2\",\"headline\":\"Maths\",\"body_text\":\"If a < b and b > c, nothing follows.\"}";
        assertThat(parser.parse(plain.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0).body())
                .containsExactly("If a < b and b > c, nothing follows.");
    }

    /** ninjs/ninjs2.json: Reuters copy moved by AAP through Superdesk. */
    @Test
    void ninjs1Reuters() throws Exception {
        ParsedStory s = one(parser, "ninjs/ninjs2.json");
        assertThat(s.headline()).isEqualTo("Oil prices edge up on first drop in US drilling in months");
        assertThat(s.version()).isEqualTo("4");
        assertThat(s.urgency()).isEqualTo(3);
        assertThat(s.slugline()).isEqualTo("GLOBAL-OIL");
        assertThat(s.byline()).isEqualTo("By Henning Gloystein");
        assertThat(s.datelinePlace()).isEqualTo("Singapore");
        // Superdesk's "source" names the agency that wrote it, "copyrightholder" the distributor (AAP).
        assertThat(s.agency()).isEqualTo("Reuters");
        assertThat(s.provider()).isEqualTo("AAP");
    }

    /** ninjs/ninjsExSimpleText1.json: no located, so the dateline place comes from the body. */
    @Test
    void ninjs1DatelineFromBody() throws Exception {
        ParsedStory s = one(parser, "ninjs/ninjsExSimpleText1.json");
        assertThat(s.headline()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
        assertThat(s.uri()).isEqualTo("http://ninjs.example.com/newsitems/20130709simp123");
        assertThat(s.dateline()).isEqualTo("GROSSETO, Italy (AP) --");
        assertThat(s.datelinePlace()).isEqualTo("Grosseto, Italy");
        assertThat(s.urgency()).isNull();
    }

    /** 3.0_dpa_text.json: camelCase, headlines[]/bodies[] (html), versionCreated with offset. */
    @Test
    void ninjs3Dpa() throws Exception {
        ParsedStory s = one(parser, V3 + "3.0_dpa_text.json");
        assertThat(s.headline()).isEqualTo("Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
        assertThat(s.uri()).isEqualTo("urn:newsml:dpa.com:20090101:190510-99-167362");
        assertThat(s.version()).isEqualTo("2");
        assertThat(s.urgency()).isEqualTo(4);
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2019-05-10T14:02:28Z"));
        assertThat(s.byline()).isEqualTo("Von Christian Hollmann, dpa");
        assertThat(s.agency()).isEqualTo("dpa");
        assertThat(s.bodyHtml()).isNotNull();
        assertThat(s.body().get(0)).startsWith("Für Lucien Favre war es");
    }

    /** 3.0_ntb_text.json: descriptions[] but no bodies. */
    @Test
    void ninjs3Ntb() throws Exception {
        ParsedStory s = one(parser, V3 + "3.0_ntb_text.json");
        assertThat(s.headline()).isEqualTo("Google har kjøpt giganttomt i Skien");
        assertThat(s.version()).isEqualTo("6");
        assertThat(s.urgency()).isEqualTo(5);
        assertThat(s.slugline()).isEqualTo("skien-google");
        assertThat(s.description()).startsWith("IT-giganten Google har kjøpt en tomt");
        assertThat(s.agency()).isEqualTo("NTB");
        assertThat(s.language()).isEqualTo("nb-NO");
        assertThat(s.places()).contains("Telemark");
    }

    /** 3.0_ninjsExSimpleText_3.json: the 3.0 form of the 1.x example. */
    @Test
    void ninjs3Simple() throws Exception {
        ParsedStory s = one(parser, V3 + "3.0_ninjsExSimpleText_3.json");
        assertThat(s.headline()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
        assertThat(s.byline()).isEqualTo("Paulo Santalucia and Frances d'Emilio");
        assertThat(s.datelinePlace()).isEqualTo("Grosseto, Italy");
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2013-07-09T10:37:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ninjs/ninjs3.json", V3 + "3.0_ap_image.json", V3 + "3.0_ap_audio.json", V3 + "3.0_ap_video.json",
            V3 + "3.0_SIPA_image_3.json", V3 + "3.0_simpleEvent.json"})
    void mediaAndEventsAreNoStory(String file) {
        io.wirestream.testing.SharedData.fixture("ninjs"); // skip when the fixtures are absent (assumptions thrown inside assertThatThrownBy would be caught)
        assertThatThrownBy(() -> parser.parse(bytes(file), CONTEXT)).isInstanceOf(WireParseException.class)
                .hasMessageStartingWith("no story: ninjs");
    }

    /** BBC's API wraps ninjs items in {"total":..,"item":[...]}; each item is a story. */
    @Test
    void listEnvelope() throws Exception {
        ParsedStory s = one(parser, "ninjs/bbc-ninjs-text-test.json");
        assertThat(s.uri()).isEqualTo("https://www.example.com//12345");
        assertThat(s.headline()).isEqualTo("advisory");
    }

    /** dpa digitalwires is ninjs-like: urn, version_created, article_html, dateline. */
    @Test
    void dpaDigitalwires() throws Exception {
        ParsedStory s = one(parser, "iptc7901/dpa-digitalwires-apache2/eil.json");
        assertThat(s.uri()).isEqualTo("urn:newsml:dpa.com:20090101:240925-930-242744");
        assertThat(s.headline()).isEqualTo("Grünen-Spitze tritt nach Wahlniederlagen ab");
        assertThat(s.urgency()).isEqualTo(2);
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2024-09-25T08:37:24Z"));
        assertThat(s.datelinePlace()).isEqualTo("Berlin");
        assertThat(s.agency()).isEqualTo("dpa");
        // its subject as a Media Topic and its desk (Ressort) as dpa's 7901 category; wire and genre are no subjects
        assertThat(s.subjects()).extracting(SubjectCode::scheme, SubjectCode::code).containsExactly(
                tuple("medtop", "20000651"), tuple("iptc7901-category", "pl"));
        assertThatThrownBy(() -> parser.parse(bytes("iptc7901/dpa-digitalwires-apache2/noContent.json"), CONTEXT))
                .hasMessageStartingWith("no story: dpa digitalwires item without text");
        // dpa's signal is one value, not a list: "signal": "sig:correction"
        assertThat(one(parser, "iptc7901/dpa-digitalwires-apache2/dw-1.json").signals()).contains(Signal.CORRECTION);
        assertThat(s.signals()).doesNotContain(Signal.CORRECTION, Signal.UPDATE); // "signal": null
        String update = "{\"format\":\"digitalwires@0.9.1\",\"urn\":\"urn:x\",\"version\":2,\"signal\":\"sig:update\","
                + "\"place\":\"Berlin\",\"headline\":\"H\",\"article_html\":\"<section><p>Text.</p></section>\"}";
        ParsedStory u = parser.parse(update.getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);
        assertThat(u.signals()).contains(Signal.UPDATE);
        assertThat(u.places()).contains("Berlin");
    }

    /**
     * digitalwires' "urgency" is dpa's priority digit, the one dpa's converter writes into the IPTC 7901 header of the
     * same story: each pair of fixtures gets one urgency by the crosswalk (dpa 4 normal = IPTC 5), priority as sent.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nsb-n1", "lesestuecke", "dw-1", "eil", "spe-tab", "tvo-pol"})
    void dpaDigitalwiresUrgencyIsDpasPriority(String story) throws Exception {
        String dir = "iptc7901/dpa-digitalwires-apache2/";
        ParsedStory json = one(parser, dir + story + ".json");
        ParsedStory iptc = one(new Iptc7901Parser(), dir + story + ".iptc");
        assertThat(json.priority()).isEqualTo(iptc.priority());
        assertThat(json.urgency()).isEqualTo(iptc.urgency());
    }

    /** AP's ninjs sends the ANPA priority letter; without an urgency beside it, the letter's urgency by the crosswalk. */
    @Test
    void apsPriorityLetterGivesTheUrgencyWhenNoneIsSent() throws Exception {
        String item = "{\"uri\":\"http://ap.org/content/1\",\"type\":\"text\",\"headline\":\"Court strikes down law\","
                + "\"body_html\":\"<p>WASHINGTON (AP) - The court struck down the law.</p>\",\"editorialpriority\":\"%s\"%s}";
        ParsedStory flash = parser.parse(String.format(item, "f", "").getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);
        assertThat(flash.urgency()).isEqualTo(1);
        assertThat(flash.priority()).isEqualTo("f");
        assertThat(parser.parse(String.format(item, "b", "").getBytes(StandardCharsets.UTF_8), CONTEXT).get(0).urgency()).isEqualTo(2);
        assertThat(parser.parse(String.format(item, "r", "").getBytes(StandardCharsets.UTF_8), CONTEXT).get(0).urgency()).isEqualTo(5);
        assertThat(parser.parse(String.format(item, "f", ",\"urgency\":4").getBytes(StandardCharsets.UTF_8), CONTEXT).get(0).urgency())
                .as("a sent urgency wins").isEqualTo(4);
        assertThat(parser.parse(String.format(item, "r", ",\"urgency\":\"2\"").getBytes(StandardCharsets.UTF_8), CONTEXT).get(0).urgency())
                .as("an urgency sent as a string").isEqualTo(2);
    }

    /** ninjs 3 may name the agency only among its information sources. */
    @Test
    void theAgencyFromTheInformationSources() throws Exception {
        String item = "{\"uri\":\"http://tt.se/text/1\",\"type\":\"text\",\"headlines\":[{\"role\":\"main\",\"value\":\"Brand i G\u00f6teborg\"}],"
                + "\"bodies\":[{\"role\":\"main\",\"contentType\":\"text/plain\",\"value\":\"En brand.\"}],"
                + "\"%s\":[{\"name\":\"TT\",\"role\":\"originfo\"}]}";
        for (String field : new String[] {"infoSources", "infosources"}) {
            ParsedStory s = parser.parse(String.format(item, field).getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);
            assertThat(s.agency()).as(field).isEqualTo("TT");
        }
    }

    @Test
    void dpaDigitalwiresPriorityByTheCrosswalk() throws Exception {
        String item = "{\"format\":\"digitalwires@0.9.1\",\"urn\":\"urn:x\",\"urgency\":%s,"
                + "\"headline\":\"H\",\"article_html\":\"<section><p>Text.</p></section>\"}";
        int[][] crosswalk = {{1, 1}, {2, 2}, {3, 3}, {4, 5}, {5, 6}, {6, 7}};
        for (int[] row : crosswalk) {
            ParsedStory s = parser.parse(String.format(item, row[0]).getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);
            assertThat(s.urgency()).as("dpa priority %d", row[0]).isEqualTo(row[1]);
            assertThat(s.priority()).isEqualTo(String.valueOf(row[0]));
        }
        // outside dpa's scale: no urgency, the priority as sent
        ParsedStory odd = parser.parse(String.format(item, 9).getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);
        assertThat(odd.urgency()).isNull();
        assertThat(odd.priority()).isEqualTo("9");
        // plain ninjs' urgency is IPTC's already
        ParsedStory ninjs = parser.parse("{\"uri\":\"u\",\"urgency\":4,\"headline\":\"H\"}".getBytes(StandardCharsets.UTF_8), CONTEXT).get(0);
        assertThat(ninjs.urgency()).isEqualTo(4);
        // the real copy, last (skipped when the shared fixtures are absent)
        ParsedStory normal = one(parser, "iptc7901/dpa-digitalwires-apache2/nsb-n1.json");
        assertThat(normal.priority()).isEqualTo("4");
        assertThat(normal.urgency()).isEqualTo(5);
    }

    @Test
    void canceledAndMalformed() throws Exception {
        byte[] p = "{\"uri\":\"u1\",\"type\":\"text\",\"pubstatus\":\"canceled\",\"headline\":\"H\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(p, CONTEXT).get(0).pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThatThrownBy(() -> parser.parse("{\"uri\":".getBytes(StandardCharsets.UTF_8), CONTEXT))
                .hasMessageStartingWith("malformed JSON");
    }

    /**
     * ninjs 1.x's pattern properties: any role after headline_, body_ and description_ (the 1.6
     * examples send headline_main, body_main and body_richtext). Markup is kept as bodyHtml; a credit
     * line is not a description.
     */
    @Test
    void ninjs1RolePropertiesStandForHeadlineBodyAndDescription() throws Exception {
        ParsedStory rich = parser.parse(utf8("""
                {"uri": "http://example.com/items/1", "type": "text", "versioncreated": "2013-07-09T10:37:00Z",
                 "headline_main": "Captain of wrecked ship on trial",
                 "body_main": "ROME (AP) -- The trial began. It was adjourned.",
                 "body_richtext": "<p>ROME (AP) -- The trial began.</p><p>It was adjourned.</p>",
                 "description_creditline": "John Doe/AP", "description_summary": "A trial opens"}
                """), CONTEXT).get(0);
        assertThat(rich.headline()).isEqualTo("Captain of wrecked ship on trial");
        assertThat(rich.body()).containsExactly("ROME (AP) -- The trial began.", "It was adjourned.");
        assertThat(rich.bodyHtml()).contains("<p>It was adjourned.</p>");
        assertThat(rich.description()).isEqualTo("A trial opens");
        assertThat(rich.datelinePlace()).isEqualTo("Rome");

        ParsedStory plain = parser.parse(utf8("""
                {"uri": "u2", "type": "text", "headline_main": "H", "body_main": "First paragraph.\\n\\nSecond one."}
                """), CONTEXT).get(0);
        assertThat(plain.body()).containsExactly("First paragraph.", "Second one.");
        assertThat(plain.bodyHtml()).isNull();
    }

    /**
     * An AP Media API response wraps ninjs items in {"data": {"item": ...}} or {"data": {"items":
     * [{"meta", "item"}]}}: each text item is a story (its text is only a rendition link, so the
     * story is its headline and metadata), a picture is refused. AP's category code is the ANPA
     * letter, its editorial priority the ANPA priority, its provider the agency.
     */
    @Test
    void apMediaApiResponsesAreUnwrapped() throws Exception {
        String text = """
                {"uri": "https://api.example/content/abc", "type": "text", "urgency": 4, "editorialpriority": "r",
                 "versioncreated": "2019-07-03T04:05:12Z", "pubstatus": "usable", "headline": "Padres beat Giants",
                 "provider": "AP", "subject": [{"rels": ["category"], "creator": "Editorial", "code": "s", "name": "s"}],
                 "datelinelocation": {"city": "San Diego", "countrycode": "USA"},
                 "renditions": {"nitf": {"href": "https://api.example/content/abc/download"}}}
                """;
        ParsedStory one = parser.parse(utf8("{\"api_version\": \"1.1\", \"data\": {\"meta\": {}, \"item\": " + text + "}}"), CONTEXT).get(0);
        assertThat(one.headline()).isEqualTo("Padres beat Giants");
        assertThat(one.urgency()).isEqualTo(4);
        assertThat(one.priority()).isEqualTo("r");
        assertThat(one.agency()).isEqualTo("AP");
        assertThat(one.datelinePlace()).isEqualTo("San Diego");
        assertThat(one.body()).isEmpty();
        assertThat(one.subjects()).anySatisfy(sub -> {
            assertThat(sub.scheme()).isEqualTo("anpa-category");
            assertThat(sub.code()).isEqualTo("s");
        });

        String picture = "{\"uri\": \"p1\", \"type\": \"picture\", \"headline\": \"A photo\"}";
        assertThat(parser.parse(utf8("{\"data\": {\"items\": [{\"meta\": {}, \"item\": " + text + "}, {\"item\": " + picture + "}]}}"), CONTEXT))
                .extracting(ParsedStory::headline).containsExactly("Padres beat Giants");
        assertThatThrownBy(() -> parser.parse(utf8("{\"data\": {\"item\": " + picture + "}}"), CONTEXT))
                .hasMessage("no story: ninjs picture item");

        // An ingest that fetched the NITF rendition stores its text beside the response (Superdesk's "nitf"): the body.
        ParsedStory fetched = parser.parse(utf8("{\"api_version\": \"1.1\", \"data\": {\"item\": " + text + "}, \"nitf\": "
                + "{\"body_html\": \"<p>SAN DIEGO (AP) \\u2014 The Padres beat the Giants 4-2.</p><p>More follows.</p>\"}}"), CONTEXT).get(0);
        assertThat(fetched.body()).containsExactly("SAN DIEGO (AP) \u2014 The Padres beat the Giants 4-2.", "More follows.");
        assertThat(fetched.dateline()).isEqualTo("SAN DIEGO (AP) \u2014");
    }

    /** The ninjs 2.0 drafts named the lists "headline" and "body" and their entries' roles "name" (dpa's, TT's examples). */
    @Test
    void theDraftTwoPointZeroListsOfHeadlinesAndBodies() throws Exception {
        String draft = """
                {"uri": "urn:newsml:dpa.com:20090101:1", "versioncreated": "2019-05-10T16:02:28+02:00", "language": "de",
                 "headline": [{"name": "main", "value": "Derby ends in a draw"}],
                 "body": [{"name": "html", "value": "<section class=\\"main\\"><p>The derby ended 2:2.</p><p>Both sides scored late.</p></section>"}]}
                """;
        ParsedStory s = parser.parse(utf8(draft), CONTEXT).get(0);
        assertThat(s.headline()).isEqualTo("Derby ends in a draw");
        assertThat(s.body()).containsExactly("The derby ended 2:2.", "Both sides scored late.");

        // Reuters Connect's API item: "headLine", "bodyXhtml", "byLine" inside {"data": {"item"}}
        String connect = "{\"data\": {\"item\": {\"uri\": \"tag:reuters.com,2023:newsml_X1\", \"type\": \"text\", \"headLine\": "
                + "\"Club fined by FA\", \"byLine\": \"A Writer\", \"bodyXhtml\": \"<html xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><head>"
                + "<title/></head><body><p>April 14 (Reuters) - A club was fined.</p></body></html>\"}}}";
        ParsedStory r = parser.parse(utf8(connect), CONTEXT).get(0);
        assertThat(r.headline()).isEqualTo("Club fined by FA");
        assertThat(r.byline()).isEqualTo("A Writer");
        assertThat(r.body()).containsExactly("April 14 (Reuters) - A club was fined.");
    }

    /**
     * A bare cancel kills its uri (Superdesk kills every version of it): it is a KILL story, headed as withdrawn, not a
     * dead letter. An item with only a description is news with a derived headline. ninjs 1.x names a subject's
     * vocabulary by URI in "scheme".
     */
    @Test
    void bareCancelDescriptionOnlyAndSchemeUris() throws Exception {
        ParsedStory kill = parser.parse(utf8("{\"uri\": \"urn:example:story:7\", \"pubstatus\": \"canceled\"}"), CONTEXT).get(0);
        assertThat(kill.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.uri()).isEqualTo("urn:example:story:7");
        assertThat(kill.headline()).isEqualTo("Withdrawn: ninjs item urn:example:story:7");
        assertThat(kill.signals()).contains(Signal.NO_HEADLINE);

        ParsedStory described = parser.parse(utf8("{\"uri\": \"urn:example:story:8\", \"type\": \"text\", "
                + "\"description_text\": \"Floods closed the main road.\"}"), CONTEXT).get(0);
        assertThat(described.headline()).isEqualTo("Floods closed the main road.");

        ParsedStory coded = parser.parse(utf8("{\"uri\": \"urn:example:story:9\", \"headline\": \"Vote counted\", \"subject\": "
                + "[{\"scheme\": \"http://cv.iptc.org/newscodes/mediatopic/\", \"code\": \"20000737\", \"name\": \"elections\"}]}"),
                CONTEXT).get(0);
        assertThat(coded.subjects()).containsExactly(new SubjectCode("medtop", "20000737", "elections"));
        assertThatThrownBy(() -> parser.parse(utf8("{\"uri\": \"urn:example:story:10\"}"), CONTEXT))
                .isInstanceOf(WireParseException.class).hasMessageContaining("neither headline nor body");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An agency the catalogue does not know, named in "source" with no copyright holder, is the item's agency. */
    @Test
    void anUnknownSourceIsStillTheAgency() throws Exception {
        byte[] p = ("{\"uri\":\"urn:x:360\",\"type\":\"text\",\"source\":\"360info\",\"headline\":\"Trouble is brewing for beer\","
                + "\"body_text\":\"Brewers are pursuing ways to use less water.\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(p, CONTEXT).get(0).agency()).isEqualTo("360info");
    }
}
