package io.wirestream.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings that make a restart after a crash (kill -9, power loss) fast. Where the time went (issue 9,
 * 36-49 s to RUNNING): the group coordinator kept the dead member until its session timed out (45 s
 * by default) before it would rebalance the partitions to the new one. Now:
 *
 * <ul>
 *   <li><b>Static membership</b>: {@code group.instance.id} is the application id plus an id kept in
 *       the data dir ({@value #INSTANCE_ID_FILE}), the same on every start of one installation. A
 *       restarted instance takes over its old membership at once, with no rebalance and no wait.
 *       Two instances never share a data dir (Kafka Streams locks the state dir), so ids never clash.</li>
 *   <li><b>Session timeout {@value #SESSION_TIMEOUT_MS} ms</b> (Kafka's default 45 s): an instance
 *       that dies and does not come back hands its partitions to the others within that.</li>
 *   <li>The transaction of the dead instance is fenced at once by the new one: Kafka Streams keeps its
 *       process id in the state dir, so the transactional id is the same after the restart.</li>
 * </ul>
 * A {@code kafka.group.instance.id} or {@code kafka.session.timeout.ms} setting wins over these.
 */
public final class Recovery {

    public static final String INSTANCE_ID_FILE = "instance.id";
    public static final int SESSION_TIMEOUT_MS = 10_000;

    private Recovery() {
    }

    static void applyTo(Properties p, WirestreamConfig config) {
        if (!config.kafka().containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                    config.applicationId() + "-" + instanceId(config.dataDir()));
        }
        if (!config.kafka().containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), SESSION_TIMEOUT_MS);
        }
    }

    /** The installation's id, created on first use in the data dir. */
    public static synchronized String instanceId(Path dataDir) {
        Path file = dataDir.resolve(INSTANCE_ID_FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(dataDir);
            String id = UUID.randomUUID().toString().substring(0, 8);
            Path tmp = Files.createTempFile(dataDir, INSTANCE_ID_FILE, ".tmp");
            Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file, e);
        }
    }
}
