package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatelineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NEW DELHI, Jan 1 (PTI) - The government said.|NEW DELHI, Jan 1 (PTI) -|New Delhi|PTI|The government said.",
        "WASHINGTON (AP) _ The Senate voted.|WASHINGTON (AP) _|Washington|AP|The Senate voted.",
        "LONDON, March 3 (Reuters) - Shares fell.|LONDON, March 3 (Reuters) -|London|Reuters|Shares fell.",
        "Berlin (dpa) - Die Regierung hat.|Berlin (dpa) -|Berlin|dpa|Die Regierung hat.",
        "SYDNEY March 22 AAP - Rain fell.|SYDNEY March 22 AAP -|Sydney|AAP|Rain fell.",
        "BUENOS AIRES, Argentina (AP) _ Cancer patients.|BUENOS AIRES, Argentina (AP) _|Buenos Aires, Argentina|AP|Cancer patients.",
        "Peine (dpa/lni) - Ein Baum.|Peine (dpa/lni) -|Peine|dpa/lni|Ein Baum.",
        "Tel Aviv/Beirut (dpa) - Israel.|Tel Aviv/Beirut (dpa) -|Tel Aviv/Beirut|dpa|Israel.",
    })
    void agencyDatelines(String paragraph, String text, String place, String agency, String remainder) {
        Dateline d = Dateline.find(paragraph).orElseThrow();
        assertThat(d.text()).isEqualTo(text);
        assertThat(d.place()).isEqualTo(place);
        assertThat(d.agency()).isEqualTo(agency);
        assertThat(d.remainder()).isEqualTo(remainder);
    }

    @Test
    void webCopyColon() {
        Dateline d = Dateline.find("Tehran: Ali Larijani dismissed reports.").orElseThrow();
        assertThat(d.text()).isEqualTo("Tehran:");
        assertThat(d.place()).isEqualTo("Tehran");
        assertThat(d.agency()).isNull();
    }

    @Test
    void notDatelines() {
        assertThat(Dateline.find("Update: the talks resumed on Monday.")).isEmpty();
        assertThat(Dateline.find("Taking to X, Larijani said he would not negotiate.")).isEmpty();
        assertThat(Dateline.find("Ihr Ansprechpartner: Thomas, Tel. 030")).isEmpty();
        assertThat(Dateline.find(null)).isEmpty();
    }
}
