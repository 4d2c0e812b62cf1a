package io.wirestream.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgenciesTest {

    @Test
    void copyrightHoldersAndCodesBecomeOneShortName() {
        assertThat(Agencies.code("Thomson Reuters")).isEqualTo("Reuters");
        assertThat(Agencies.code("The Canadian Press. All rights reserved.")).isEqualTo("CP");
        assertThat(Agencies.code("Australian Associated Press")).isEqualTo("AAP");
        assertThat(Agencies.code("The Associated Press")).isEqualTo("AP");
        assertThat(Agencies.code("AP")).isEqualTo("AP");
        assertThat(Agencies.code("Press Association")).isEqualTo("PA");
        assertThat(Agencies.code("dpa")).isEqualTo("dpa");
        assertThat(Agencies.code("PTI")).isEqualTo("PTI");
        assertThat(Agencies.code("Copyright 2019 Acme News")).isEqualTo("Acme News");
        assertThat(Agencies.code("pti")).isEqualTo("PTI");
        assertThat(Agencies.code("ANSA")).isEqualTo("ANSA");
        assertThat(Agencies.code("Kansas City Star")).isEqualTo("Kansas City Star");
        assertThat(Agencies.code(null)).isNull();
    }
}
