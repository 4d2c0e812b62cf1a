package io.wirestream.runtime;

import io.wirestream.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kafka's application reset tool does, for this application: the next {@code run} reprocesses
 * wire.raw from its first record with empty state. Kafka Streams' own reset tool lives in the
 * kafka-tools jar (not a dependency); the steps are few and all in the Admin API:
 * <ol>
 * <li>refuse while the consumer group has members (a running instance would commit over the reset);</li>
 * <li>delete the consumer group, so its committed offsets go and the next run starts at the earliest
 *     offset of wire.raw (Streams' {@code auto.offset.reset} is {@code earliest});</li>
 * <li>delete the internal topics ({@code <application.id>-...-repartition} and {@code -changelog}),
 *     so no state is restored from them;</li>
 * <li>delete this machine's local state directory of the application (what
 *     {@code KafkaStreams.cleanUp()} removes); every other instance must be reset with
 *     {@code --local-only} on its own machine, or have its state directory removed;</li>
 * <li>with {@code truncateOutputs}, delete the records of the output topics, so consumers reading
 *     from the beginning do not see each story twice after the replay.</li>
 * </ol>
 * wire.raw itself is never touched: it is the source of truth the replay reads.
 */
public final class ApplicationReset {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationReset.class);

    /** What a reset did (or, for a dry run, would do). */
    public record Plan(String applicationId, boolean groupExists, List<String> internalTopics, Path localState,
                       List<String> truncatedOutputs, boolean localOnly) {
        public String describe() {
            if (localOnly) {
                return "application " + applicationId + ": local state " + localState + " only (the cluster is not asked)";
            }
            return "application " + applicationId + ": consumer group " + (groupExists ? "deleted" : "absent")
                    + "; internal topics " + internalTopics + "; local state " + localState
                    + "; outputs emptied " + truncatedOutputs;
        }
    }

    private final Map<String, Object> clientProps;
    private final String applicationId;
    private final Path stateDir;
    private final Topics topics;

    public ApplicationReset(Map<String, Object> clientProps, String applicationId, Path stateDir, Topics topics) {
        this.clientProps = new HashMap<>(clientProps);
        this.applicationId = applicationId;
        this.stateDir = stateDir;
        this.topics = topics;
    }

    /**
     * Resets the application; with {@code dryRun} only says what it would do.
     *
     * @throws IllegalStateException when an instance of the application is still running
     */
    public Plan reset(boolean truncateOutputs, boolean localOnly, boolean dryRun) {
        Path localState = stateDir.resolve(applicationId);
        if (localOnly) {
            if (!dryRun) {
                deleteTree(localState);
            }
            return new Plan(applicationId, false, List.of(), localState, List.of(), true);
        }
        try (Admin admin = Admin.create(clientProps)) {
            boolean groupExists = checkNoMembers(admin);
            List<String> internal = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(applicationId + "-") && (t.endsWith("-repartition") || t.endsWith("-changelog")))
                    .sorted().toList();
            List<String> outputs = truncateOutputs ? outputsPresent(admin) : List.of();
            if (dryRun) {
                return new Plan(applicationId, groupExists, internal, localState, outputs, false);
            }
            if (groupExists) {
                admin.deleteConsumerGroups(List.of(applicationId)).all().get();
                LOG.info("Deleted consumer group {} (its committed offsets)", applicationId);
            }
            if (!internal.isEmpty()) {
                admin.deleteTopics(internal).all().get();
                LOG.info("Deleted internal topics {}", internal);
            }
            if (!outputs.isEmpty()) {
                emptyTopics(admin, outputs);
                LOG.info("Emptied output topics {}", outputs);
            }
            deleteTree(localState);
            return new Plan(applicationId, groupExists, internal, localState, outputs, false);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reset of " + applicationId + " failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during reset", e);
        }
    }

    /** True when the group exists; throws when it has members (an instance is running). */
    private boolean checkNoMembers(Admin admin) throws ExecutionException, InterruptedException {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId);
            if (!group.members().isEmpty()) {
                throw new IllegalStateException("application " + applicationId + " still has " + group.members().size()
                        + " running member(s) (" + group.members().iterator().next().host()
                        + "): stop every `wirestream run` of it first");
            }
            return group.groupState() != org.apache.kafka.common.GroupState.DEAD;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Output topics (accounted, alerts, mirrors, categories) that exist and are plain logs: a
     * compacted topic (alerts keyed by cluster, subscriptions) refuses record deletion, and its latest
     * value per key is what a replay rewrites anyway.
     */
    private List<String> outputsPresent(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<String> candidates = new ArrayList<>(topics.outputs());
        candidates.addAll(topics.mirrors());
        candidates.addAll(topics.categoryTopics());
        List<ConfigResource> resources = candidates.stream().filter(existing::contains)
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        List<String> outputs = new ArrayList<>();
        admin.describeConfigs(resources).all().get().forEach((resource, config) -> {
            ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                outputs.add(resource.name());
            }
        });
        outputs.sort(Comparator.naturalOrder());
        return outputs;
    }

    /** Deletes every record below each partition's end offset (the topic and its configs stay). */
    private static void emptyTopics(Admin admin, List<String> names) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get().forEach((name, d) -> d.partitions()
                .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        admin.listOffsets(latest).all().get()
                .forEach((tp, info) -> delete.put(tp, RecordsToDelete.beforeOffset(info.offset())));
        admin.deleteRecords(delete).all().get();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
            LOG.info("Deleted local state {}", dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete local state " + dir, e);
        }
    }
}
