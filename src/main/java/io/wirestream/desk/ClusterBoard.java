package io.wirestream.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Duplicate;
import io.wirestream.avro.DuplicateReason;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.StoryAction;
import io.wirestream.classify.MediaTopics;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The desk's "N sources" view (DESIGN.md decision 4): each event cluster with how many stories and re-run copies it
 * holds and which outlets carry it, from stories.enriched and stories.duplicates. What sets a story apart for an
 * editor is how many others have it, so a row grows as outlets pick the story up. At most {@code capacity} clusters,
 * the most recently changed ({@link Board}). Redeliveries and superseded versions add nothing (they are the same
 * story again).
 */
public final class ClusterBoard extends Board<ClusterBoard.Cluster> {

    /** One cluster as the board knows it. */
    static final class Cluster {
        final String id;
        String headline;
        String latestHeadline;
        final Set<String> storyKeys = new HashSet<>();
        int copies;
        final Set<String> sources = new LinkedHashSet<>();
        Instant firstAt;
        Instant lastAt;
        List<String> regions = List.of();
        List<String> categories = List.of();
        final Set<String> killed = new HashSet<>();

        Cluster(String id) {
            this.id = id;
        }
    }

    private final MediaTopics topics = MediaTopics.bundled();

    public ClusterBoard(int capacity) {
        super(capacity, "cluster", "lastAt");
    }

    /** A version on stories.enriched: a new story of its cluster, an update, or a kill. */
    public void story(EnrichedStory s) {
        if (s.getClusterId() == null) {
            return; // a kill of a story never seen here has no cluster
        }
        change(s.getClusterId(), Cluster::new, c -> {
            c.storyKeys.add(s.getStoryKey());
            seen(c, s);
            if (s.getAction() == StoryAction.KILL) {
                c.killed.add(s.getStoryKey()); // one outlet's kill; the others' copy stands
            } else {
                c.latestHeadline = s.getHeadline();
                if (c.headline == null) {
                    c.headline = s.getHeadline();
                }
                if (!s.getRegions().isEmpty()) {
                    c.regions = List.copyOf(s.getRegions());
                }
                if (!s.getCategories().isEmpty()) {
                    c.categories = List.copyOf(s.getCategories());
                }
            }
            return c;
        });
    }

    /** A record on stories.duplicates: a re-run copy counts for its outlet; redeliveries and superseded versions do not. */
    public void duplicate(Duplicate d) {
        if (d.getReason() != DuplicateReason.NEAR_DUPLICATE || d.getStory().getClusterId() == null) {
            return;
        }
        change(d.getStory().getClusterId(), Cluster::new, c -> {
            c.copies++;
            seen(c, d.getStory());
            if (c.headline == null) {
                c.headline = d.getStory().getHeadline(); // the copy came before its original
                c.latestHeadline = c.headline;
            }
            return c;
        });
    }

    private static void seen(Cluster c, EnrichedStory s) {
        c.sources.add(s.getSource());
        Instant at = s.getReceivedAt();
        c.firstAt = c.firstAt == null || at.isBefore(c.firstAt) ? at : c.firstAt;
        c.lastAt = c.lastAt == null || at.isAfter(c.lastAt) ? at : c.lastAt;
    }

    @Override
    ObjectNode row(Cluster c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("clusterId", c.id);
        n.put("headline", c.headline == null ? "" : c.headline);
        n.put("latestHeadline", c.latestHeadline == null ? "" : c.latestHeadline);
        n.put("stories", c.storyKeys.size());
        n.put("copies", c.copies);
        ArrayNode sources = n.putArray("sources");
        c.sources.forEach(sources::add);
        ArrayNode regions = n.putArray("regions");
        c.regions.forEach(regions::add);
        ArrayNode categories = n.putArray("categories");
        c.categories.forEach(q -> categories.add(topics.label(q)));
        n.put("firstAt", String.valueOf(c.firstAt));
        n.put("lastAt", String.valueOf(c.lastAt));
        n.put("killed", c.killed.size());
        return n;
    }
}
