package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileErrorsTest {

    @Test
    void saysWhatIsWrongWithWhichFile() {
        assertThat(FileErrors.describe(new NoSuchFileException("/x"))).isEqualTo("no such file or folder: /x");
        assertThat(FileErrors.describe(new AccessDeniedException("/x"))).isEqualTo("permission denied: /x");
        assertThat(FileErrors.describe(new FileNotFoundException("/x (No such file or directory)")))
                .isEqualTo("cannot open /x (No such file or directory)");
    }

    @Test
    void anUncheckedWrapperKeepsItsOwnWordsAndAddsTheReason() {
        assertThat(FileErrors.describe(new UncheckedIOException("cannot read breaking phrases /x", new NoSuchFileException("/x"))))
                .isEqualTo("cannot read breaking phrases /x: no such file or folder");
        assertThat(FileErrors.describe(new UncheckedIOException(new NoSuchFileException("/x")))).isEqualTo("no such file or folder: /x");
    }

    @Test
    void whatIsNotAboutAFileIsLeftToTheCaller() {
        assertThat(FileErrors.describe(new IOException("category model: expected kind"))).isNull();
        assertThat(FileErrors.describe(new UncheckedIOException("bad", new IOException("parse")))).isNull();
        assertThat(FileErrors.describe(new IllegalStateException("bug"))).isNull();
        assertThat(FileErrors.reason(new IOException("category model: expected kind"))).isEqualTo("category model: expected kind");
        assertThat(FileErrors.reason(new FileNotFoundException("/x (Permission denied)"))).isEqualTo("Permission denied");
    }
}
