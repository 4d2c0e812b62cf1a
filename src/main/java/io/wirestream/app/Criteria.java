package io.wirestream.app;

import io.wirestream.avro.AlertLevel;
import io.wirestream.classify.MediaTopics;
import io.wirestream.enrich.DeskMap;
import io.wirestream.enrich.Gazetteer;
import io.wirestream.runtime.WirestreamConfig.ConfigException;
import io.wirestream.topology.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A desk subscription's criteria as an editor types them, checked against what alerts can carry: a
 * value no alert ever has ("--category politcs", "--desk Asia", "--region XX") would make a
 * subscription that never fires and never says why, so it is refused with the values that would do.
 * Values are written in the form alerts carry them (qcodes, ISO codes, the desk map's names).
 */
final class Criteria {

    /** UN M49's top regions, which alerts carry beside their countries (Alert.m49Region). */
    static final List<String> M49_REGIONS = List.of("Africa", "Americas", "Asia", "Europe", "Oceania");
    static final List<AlertLevel> LEVELS = List.of(AlertLevel.FLASH, AlertLevel.BULLETIN, AlertLevel.URGENT);

    private Criteria() {
    }

    /** Desks as the desk map names them (any case in, its case out). */
    static List<String> desks(List<String> given, DeskMap map) {
        List<String> out = new ArrayList<>();
        for (String d : given) {
            out.add(map.desks().stream().filter(x -> x.equalsIgnoreCase(d.strip())).findFirst()
                    .orElseThrow(() -> new ConfigException("unknown desk '" + d + "'; the desks are " + map.desks())));
        }
        return out;
    }

    /** ISO 3166 alpha-2 codes the gazetteer knows, or M49 regions. */
    static List<String> regions(List<String> given, Gazetteer gazetteer) {
        List<String> out = new ArrayList<>();
        for (String r : given) {
            String v = r.strip();
            Optional<String> m49 = M49_REGIONS.stream().filter(x -> x.equalsIgnoreCase(v)).findFirst();
            if (m49.isPresent()) {
                out.add(m49.get());
            } else if (v.length() == 2 && gazetteer.country(v.toUpperCase(Locale.ROOT)) != null) {
                out.add(v.toUpperCase(Locale.ROOT));
            } else {
                throw new ConfigException("unknown region '" + r + "': an ISO 3166 alpha-2 country code (DE, IN) or one of "
                        + M49_REGIONS);
            }
        }
        return out;
    }

    /** Media Topic qcodes the vocabulary knows; a top-level label ("politics") or category topic name ("conflict") becomes its qcode. */
    static List<String> categories(List<String> given, MediaTopics topics) {
        List<String> out = new ArrayList<>();
        for (String c : given) {
            String v = c.strip().toLowerCase(Locale.ROOT);
            if (topics.knows(v)) {
                out.add(v);
                continue;
            }
            Optional<String> named = Topics.DEFINITIONS.stream().filter(d -> d.qcode() != null)
                    .filter(d -> d.defaultName().equals("stories." + v) || topics.label(d.qcode()).equalsIgnoreCase(v))
                    .map(Topics.Definition::qcode).findFirst();
            out.add(named.orElseThrow(() -> new ConfigException("unknown category '" + c + "': a Media Topic qcode "
                    + "(medtop:16000000) or one of " + Topics.DEFINITIONS.stream().filter(d -> d.qcode() != null)
                    .map(d -> d.defaultName().substring("stories.".length())).toList())));
        }
        return out;
    }

    /** FLASH, BULLETIN or URGENT, in any case; null when not given. */
    static AlertLevel level(String given) {
        if (given == null) {
            return null;
        }
        return LEVELS.stream().filter(l -> l.name().equalsIgnoreCase(given.strip())).findFirst()
                .orElseThrow(() -> new ConfigException("unknown --level '" + given + "': one of " + LEVELS));
    }

    /**
     * An absolute http or https URL with a host, as the webhook sink can post to; null when not given. A
     * subscription whose webhook is no such URL would never be delivered.
     */
    static String webhook(String given) {
        if (given == null) {
            return null;
        }
        String url = given.strip();
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new ConfigException("--webhook '" + given + "' is not an http or https URL (http://host:port/path)");
    }

    /** json or slack; null when not given (json). */
    static String format(String given) {
        if (given == null) {
            return null;
        }
        String f = given.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("slack")) {
            throw new ConfigException("unknown --format '" + given + "': json or slack");
        }
        return f;
    }
}
