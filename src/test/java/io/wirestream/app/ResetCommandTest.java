package io.wirestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResetCommandTest {

    @Test
    void localOnlyDeletesThisMachinesStateWithoutAnyBroker(@TempDir Path dataDir) throws Exception {
        Path state = Files.createDirectories(dataDir.resolve("streams-state").resolve("wirestream").resolve("0_0"));
        Files.writeString(state.resolve("rocksdb.sst"), "state");
        // the cluster is unreachable and no embedded broker may start for it (it would write kafka-logs here)
        assertThat(WirestreamCli.execute("reset", "--local-only", "--data-dir", dataDir.toString(), "-b", "127.0.0.1:1")).isZero();
        assertThat(dataDir.resolve("streams-state").resolve("wirestream")).doesNotExist();
        assertThat(WirestreamCli.execute("reset", "--local-only", "--data-dir", dataDir.toString())).isZero();
        assertThat(dataDir.resolve("kafka-logs")).doesNotExist();
    }
}
