package io.wirestream.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/** Development aid: prints what the registry makes of every fixture (run with main; not a test). */
final class FixtureDump {
    public static void main(String[] args) throws Exception {
        for (String dir : args) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    try {
                        for (ParsedStory s : ParserRegistry.standard().parse(Files.readAllBytes(f), "auto",
                                ParseContext.of("test", Instant.parse("2024-01-01T00:00:00Z")))) {
                            System.out.println("== " + f.getFileName() + " " + s.format() + "\n  key=" + s.storyKey() + " uri=" + s.uri()
                                    + " v=" + s.version() + " vc=" + s.versionCreated() + " urg=" + s.urgency() + " prio=" + s.priority()
                                    + " st=" + s.pubStatus() + " sig=" + s.signals() + " ag=" + s.agency()
                                    + "\n  hl=" + s.headline() + "\n  desc=" + s.description() + "\n  by=" + s.byline()
                                    + " dl=" + s.dateline() + " | " + s.datelinePlace() + " slug=" + s.slugline() + " subj=" + s.subjects()
                                    + "\n  body[" + s.body().size() + "]=" + (s.body().isEmpty() ? "" : s.body().get(0))
                                    + "\n  last=" + (s.body().isEmpty() ? "" : s.body().get(s.body().size() - 1)));
                        }
                    } catch (WireParseException e) {
                        System.out.println("== " + f.getFileName() + " FAIL " + e.getMessage());
                    }
                }
            }
        }
    }
}
