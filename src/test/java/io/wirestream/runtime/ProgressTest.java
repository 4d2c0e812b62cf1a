package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** produce --watch said "1 published" after publishing 11 files (issue 9): the last line is the total. */
    @Test
    void unboundedWorkEndsWithItsTotal() {
        PrintStream err = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Progress p = Progress.unbounded("produce");
            for (int i = 0; i < 11; i++) {
                p.step();
            }
            p.done();
        } finally {
            System.setErr(err);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\\R");
        assertThat(lines[lines.length - 1]).startsWith("produce: 11 published");
    }
}
