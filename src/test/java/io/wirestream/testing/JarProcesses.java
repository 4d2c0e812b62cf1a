package io.wirestream.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shipped jar run as separate JVMs, as a user runs it, with each process's output collected.
 * Close stops whatever is still running (SIGTERM, then SIGKILL after 30 s).
 */
public final class JarProcesses implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();

    /** A running jar and its output lines so far. */
    public record Output(Process process, List<String> out, List<String> err) {
        public String stdout() {
            synchronized (out) {
                return String.join("\n", out);
            }
        }

        public String stderr() {
            synchronized (err) {
                return String.join("\n", err);
            }
        }
    }

    /** Starts {@code java -jar target/wirestream.jar ARGS}. */
    public Output start(String... args) throws IOException {
        return startWith(List.of(), args);
    }

    /** Starts {@code java JVM-OPTIONS -jar target/wirestream.jar ARGS} (a heap limit, say). */
    public Output startWith(List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", System.getProperty("wirestream.jar", "target/wirestream.jar")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        started.add(p);
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        pump(p.getInputStream(), out);
        pump(p.getErrorStream(), err);
        return new Output(p, out, err);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void pump(InputStream in, List<String> into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    into.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.destroy(); // SIGTERM: the shutdown hook closes Streams and the broker
        }
        for (Process p : started) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
