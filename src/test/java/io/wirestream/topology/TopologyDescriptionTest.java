package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.metrics.PipelineMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Pins the shape of the full topology: {@code Topology.describe()} must equal the committed
 * src/test/resources/topology.txt. Any change of processors, stores or internal topics then shows in
 * review as a diff of that file. Renaming a store or a repartition topic loses its state on
 * upgrade, so such a change must be deliberate: regenerate the file with
 * <pre>mvn -B -o test -Dtest=TopologyDescriptionTest -Dwirestream.topology.update=true</pre>
 * and commit it with the change, saying why.
 */
class TopologyDescriptionTest {

    static final Path FILE = Path.of("src/test/resources/topology.txt");
    static final String UPDATE = "wirestream.topology.update";

    @Test
    void theTopologyIsTheOneCommitted() throws IOException {
        String actual = describe();
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, actual, StandardCharsets.UTF_8);
            System.out.println("TopologyDescriptionTest: rewrote " + FILE.toAbsolutePath());
            return;
        }
        String hint = "The topology's shape changed (processors, stores or internal topics). A renamed store or "
                + "repartition topic loses its state on upgrade. If the change is deliberate, regenerate " + FILE
                + " with: mvn -B -o test -Dtest=TopologyDescriptionTest -D" + UPDATE + "=true and commit it with the change.";
        assertThat(Files.exists(FILE)).as("%s is missing. %s", FILE, hint).isTrue();
        String expected = Files.readString(FILE, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertThat(actual).as(hint).isEqualTo(expected);
    }

    static String describe() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "wirestream");
        return WirestreamTopology.build(Topics.defaults(), WirestreamTopology.Settings.defaults(), p, PipelineMetrics.inMemory())
                .describe().toString().replace("\r\n", "\n");
    }
}
