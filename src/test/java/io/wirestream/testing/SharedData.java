package io.wirestream.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's shared corpora and agency fixtures (../shared). They are copyrighted or research-only,
 * so they are read in place and never committed; tests that need them skip with a message when absent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder: system property wirestream.shared (set by the build), else ../shared. */
    public static Path root() {
        return Path.of(System.getProperty("wirestream.shared", "../shared")).toAbsolutePath().normalize();
    }

    /** A fixture file or folder under shared/fixtures; skips the test when it is not there. */
    public static Path fixture(String relative) {
        return require(root().resolve("fixtures").resolve(relative));
    }

    /** A corpus file under shared/data/corpora; skips the test when it is not there. */
    public static Path corpus(String name) {
        return require(root().resolve("data").resolve("corpora").resolve(name));
    }

    private static Path require(Path p) {
        assumeTrue(Files.exists(p), () -> "shared data not present, skipping: " + p);
        return p;
    }
}
