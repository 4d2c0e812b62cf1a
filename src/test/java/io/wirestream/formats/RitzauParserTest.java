package io.wirestream.formats;

import static io.wirestream.formats.FixtureSupport.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Signal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ritzau's RBNews XML, written here in its conventions (Danish field names, escaped HTML, nil elements). */
class RitzauParserTest {

    private final RitzauParser parser = new RitzauParser();

    private static String item(String id, String hist, String headline, String flags, String extra) {
        return "<RBNews xmlns=\"\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<NewsID>" + id + "</NewsID><PublishDate>2018-07-02T17:32:18.397</PublishDate>"
                + "<strapline>NU/FLASH-U</strapline>" + headline + "<subtitle i:nil=\"true\"/><town>Haag</town>"
                + "<origin>/ritzau/</origin><section>Udland</section><version>2</version><format>Flash</format>"
                + "<content>&lt;p&gt;Forskere har testet udstødningsgas på dyr. Det siger de selv.&lt;/p&gt;&lt;p&gt;Anden del.&lt;/p&gt;</content>"
                + (hist == null ? "<HistID i:nil=\"true\"/>" : "<HistID>" + hist + "</HistID>") + "<Priority>3</Priority>"
                + "<IPTCList xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\"><a:int>15000000</a:int></IPTCList>"
                + flags + "<byLine>Peder Top Poulsen</byLine>" + extra + "</RBNews>";
    }

    private static byte[] xml(String s) {
        return ("<?xml version=\"1.0\"?>" + s).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFlashWithoutHeadline() throws Exception {
        String flags = "<Annuleret>false</Annuleret><NyVersion>true</NyVersion><Korrektion>false</Korrektion><InfoFlash>false</InfoFlash>";
        String note = "<TilRedaktionen>&lt;p&gt;Første linje.&lt;br /&gt;Anden linje.&lt;/p&gt;</TilRedaktionen>";
        byte[] payload = xml(item("9a6955fc", "PTP-1834828", "<headline i:nil=\"true\"/>", flags, note));
        assertThat(parser.sniff(payload, new String(payload, StandardCharsets.UTF_8))).isTrue();
        ParsedStory s = parser.parse(payload, CONTEXT).get(0);
        assertThat(s.uri()).isEqualTo("Ritzau:9a6955fc");
        assertThat(s.storyKey()).isEqualTo("Ritzau:PTP-1834828");
        assertThat(s.version()).isEqualTo("2");
        assertThat(s.headline()).isEqualTo("Forskere har testet udstødningsgas på dyr.");
        assertThat(s.signals()).contains(Signal.NO_HEADLINE, Signal.FLASH, Signal.UPDATE, Signal.ZONE_INFERRED);
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2018-07-02T15:32:18.397Z")); // Copenhagen summer time
        assertThat(s.urgency()).isEqualTo(3);
        assertThat(s.body()).containsExactly("Forskere har testet udstødningsgas på dyr. Det siger de selv.", "Anden del.");
        assertThat(s.datelinePlace()).isEqualTo("Haag");
        assertThat(s.byline()).isEqualTo("Peder Top Poulsen");
        assertThat(s.slugline()).isEqualTo("NU/FLASH-U");
        assertThat(s.agency()).isEqualTo("Ritzau");
        assertThat(s.edNote()).isEqualTo("Første linje. Anden linje.");
        assertThat(s.subjects()).extracting(SubjectCode::scheme, SubjectCode::code)
                .contains(org.assertj.core.groups.Tuple.tuple("subj", "15000000"), org.assertj.core.groups.Tuple.tuple("ritzau-section", "Udland"));
    }

    /** Ritzau sends Subject Codes as integers (4000000 for 04000000) and its subtitle may hold markup as text. */
    @Test
    void integerSubjectCodesKeepTheirLeadingZeroAndTheSubtitleLosesItsMarkup() throws Exception {
        String flags = "<Annuleret>false</Annuleret><NyVersion>false</NyVersion><Korrektion>false</Korrektion>";
        String xml = item("7b1", "PTP-1", "<headline>Aktier stiger</headline>", flags, "")
                .replace("<a:int>15000000</a:int>", "<a:int>4000000</a:int>")
                .replace("<subtitle i:nil=\"true\"/>", "<subtitle>Markedet steg i dag.&lt;br /&gt;</subtitle>");
        ParsedStory s = parser.parse(xml(xml), CONTEXT).get(0);
        assertThat(s.subjects()).extracting(SubjectCode::scheme, SubjectCode::code).contains(org.assertj.core.groups.Tuple.tuple("subj", "04000000"));
        assertThat(s.description()).isEqualTo("Markedet steg i dag.");
    }

    @Test
    void aQueueResponseGivesEveryItemAndACancelledOneIsAKill() throws Exception {
        String live = "<Annuleret>false</Annuleret><NyVersion>false</NyVersion><Korrektion>false</Korrektion>";
        String cancelled = "<Annuleret>true</Annuleret><NyVersion>false</NyVersion><Korrektion>false</Korrektion>";
        byte[] payload = xml("<XMLNewsQueuedResponse xmlns=\"http://tempuri.org/\"><XMLNewsQueuedResult><error xmlns=\"\">0</error>"
                + "<ListOfRBNews xmlns=\"\">" + item("a1", null, "<headline>Kort om sport</headline>", live, "")
                + item("b2", "MLM-1", "<headline>Aflyst</headline>", cancelled, "") + "</ListOfRBNews></XMLNewsQueuedResult></XMLNewsQueuedResponse>");
        List<ParsedStory> stories = parser.parse(payload, CONTEXT);
        assertThat(stories).extracting(ParsedStory::headline).containsExactly("Kort om sport", "Aflyst");
        assertThat(stories.get(0).storyKey()).isEqualTo("Ritzau:a1");
        assertThat(stories.get(0).pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(stories.get(1).pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(stories.get(1).signals()).contains(Signal.KILL);
        assertThat(ParserRegistry.standard().parse(payload, "auto", CONTEXT)).hasSize(2);
    }
}
