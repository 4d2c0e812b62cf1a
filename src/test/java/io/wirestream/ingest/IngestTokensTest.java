package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTokensTest {

    private static final String PTI = "pti-0123456789abcdef";
    private static final String PTI_NEXT = "pti-fedcba9876543210";
    private static final String AFP = "afp+/=0123456789ABCDEF";

    @Test
    void aTokenEntitlesItsSourceByBearerOrByBasicWithThatSourceAsUser(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# agencies that push\n\npti " + PTI + "\npti\t" + PTI_NEXT + "   \n  afp   " + AFP + "\n");
        IngestTokens tokens = IngestTokens.load(file);

        assertThat(tokens.sources()).containsExactly("afp", "pti");
        assertThat(tokens.sourceFor("Bearer " + PTI)).isEqualTo("pti");
        assertThat(tokens.sourceFor("bearer   " + PTI_NEXT + " ")).as("a second token of one source: rotation").isEqualTo("pti");
        assertThat(tokens.sourceFor("Bearer " + AFP)).isEqualTo("afp");
        assertThat(tokens.sourceFor(basic("afp:" + AFP))).isEqualTo("afp");
        assertThat(tokens.sourceFor(basic("pti:" + AFP))).as("Basic's user is not the token's source").isNull();
        IngestTokens colon = IngestTokens.parse(java.util.List.of("ap:us " + PTI), "t");
        assertThat(colon.sourceFor(basic("ap:us:" + PTI))).as("a source id with ':' by Basic").isEqualTo("ap:us");
        assertThat(colon.sourceFor(basic("ap:" + PTI))).isNull();
        assertThat(tokens.sourceFor(basic(AFP))).isNull();
        assertThat(tokens.sourceFor("Basic %%%")).isNull();
        assertThat(tokens.sourceFor("Bearer " + PTI.substring(1))).isNull();
        assertThat(tokens.sourceFor("Bearer " + PTI + "x")).isNull();
        assertThat(tokens.sourceFor(PTI)).as("no scheme").isNull();
        assertThat(tokens.sourceFor("Digest " + PTI)).isNull();
        assertThat(tokens.sourceFor(null)).isNull();
    }

    @Test
    void mistakesInTheFileAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> IngestTokens.parse(List.of("pti " + PTI, "afp " + PTI), "t"))
                .hasMessage("t line 2: the token of 'afp' is already the token of 'pti': every token must be different");
        assertThatThrownBy(() -> IngestTokens.parse(List.of("afp short"), "t"))
                .hasMessageContaining("t line 1: the token of 'afp' must be at least 16 printable ASCII characters");
        assertThatThrownBy(() -> IngestTokens.parse(List.of("afp\u00a0" + PTI), "t")).hasMessageContaining("line 1: expected 'SOURCE TOKEN'");
        assertThatThrownBy(() -> IngestTokens.parse(List.of("afp " + PTI + " extra"), "t")).hasMessageContaining("found 3 fields");
        assertThatThrownBy(() -> IngestTokens.parse(List.of("a/fp " + PTI), "t")).hasMessageContaining("source must be a plain id");
        assertThatThrownBy(() -> IngestTokens.parse(List.of("# nobody", ""), "t")).hasMessageContaining("t holds no token");
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
