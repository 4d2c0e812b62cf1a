package io.wirestream.testing;

import io.wirestream.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real embedded broker for the whole test run (a broker start costs seconds; tests isolate
 * themselves with unique topic prefixes and application ids instead).
 */
public final class TestBroker {

    private static EmbeddedKafkaBroker broker;

    private TestBroker() {
    }

    public static synchronized EmbeddedKafkaBroker get() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("wirestream-test-broker");
                broker = EmbeddedKafkaBroker.start(dir, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-broker-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker;
    }
}
