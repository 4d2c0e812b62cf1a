package io.wirestream.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What a run wrote to the broker, topic by topic: end offsets (records plus, under exactly-once,
 * one transaction marker per partition per commit) and bytes on disk, both per story. The full
 * topology's throughput is bounded by the broker as much as by the stream thread, and this is
 * the broker's side of the bill: which topics a story costs records on.
 */
final class TopicTraffic {

    private TopicTraffic() {
    }

    /** Per topic (its name without the run's prefixes): offsets per story and KB per story, with a total. */
    static Map<String, Object> perStory(Admin admin, List<String> prefixes, int stories)
            throws ExecutionException, InterruptedException {
        Set<String> all = admin.listTopics().names().get();
        List<String> names = all.stream().filter(n -> prefixes.stream().anyMatch(n::startsWith)).sorted().toList();
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        Map<String, Long> offsets = new TreeMap<>();
        ends.forEach((tp, info) -> offsets.merge(shortName(tp.topic(), prefixes), info.offset(), Long::sum));
        Map<String, Long> bytes = new HashMap<>();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers(admin)).allDescriptions().get().values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> r : dir.replicaInfos().entrySet()) {
                    if (names.contains(r.getKey().topic())) {
                        bytes.merge(shortName(r.getKey().topic(), prefixes), r.getValue().size(), Long::sum);
                    }
                }
            }
        }
        Map<String, Object> out = new TreeMap<>();
        long totalOffsets = 0;
        long totalBytes = 0;
        for (Map.Entry<String, Long> e : offsets.entrySet()) {
            long b = bytes.getOrDefault(e.getKey(), 0L);
            totalOffsets += e.getValue();
            totalBytes += b;
            out.put(e.getKey(), List.of(Bench.round((double) e.getValue() / stories, 2), Bench.round(b / 1024.0 / stories, 2)));
        }
        out.put("(total)", List.of(Bench.round((double) totalOffsets / stories, 2), Bench.round(totalBytes / 1024.0 / stories, 2)));
        return out;
    }

    /** Category copies (stories.arts, stories.crime, ...) are one line: they are one feature. */
    private static String shortName(String topic, List<String> prefixes) {
        String s = topic;
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                s = s.substring(p.length());
                break;
            }
        }
        if (s.startsWith("stories.") && !s.startsWith("stories.enriched") && !s.equals("stories.duplicates")) {
            return "stories.<category>";
        }
        return s;
    }

    private static List<Integer> brokers(Admin admin) throws ExecutionException, InterruptedException {
        List<Integer> ids = new ArrayList<>();
        admin.describeCluster().nodes().get().forEach(n -> ids.add(n.id()));
        return ids;
    }
}
