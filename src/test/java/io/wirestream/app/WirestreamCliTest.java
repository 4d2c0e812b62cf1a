package io.wirestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WirestreamCliTest {

    @Test
    void cliReportsConfigurationErrorsWithExitCode2() {
        assertThat(WirestreamCli.execute("produce", "--source", "x", "--format", "telex", "somefile")).isEqualTo(2);
    }

    @Test
    void aKafkaClientRefusingASettingIsAConfigurationErrorToo(@TempDir Path dir) throws Exception {
        // passed through to the clients as kafka.*: Kafka's own ConfigException, not a stack trace and exit 1
        Path config = Files.writeString(dir.resolve("wirestream.properties"), "kafka.security.protocol=BOGUS\n");
        assertThat(WirestreamCli.execute("run", "--config", config.toString(), "-b", "127.0.0.1:1", "--for", "PT1S")).isEqualTo(2);
    }
}
