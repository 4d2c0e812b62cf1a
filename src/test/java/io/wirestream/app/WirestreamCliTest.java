package io.wirestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WirestreamCliTest {

    @Test
    void cliReportsConfigurationErrorsWithExitCode2() {
        assertThat(WirestreamCli.execute("produce", "--source", "x", "--format", "telex", "somefile")).isEqualTo(2);
    }
}
