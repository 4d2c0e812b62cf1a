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
}
