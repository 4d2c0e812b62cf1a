package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderWatcherTest {

    private static final int LIMIT = 100 * 1024;

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();

    private DropFolderWatcher watcher(Duration stableFor) throws Exception {
        return new DropFolderWatcher(dir, new DropFolderWatcher.Settings("pti", "auto", LIMIT, Duration.ofMillis(200), stableFor),
                publisher);
    }

    @Test
    void subfoldersAndDanglingLinksAreNamedNotTaken() throws Exception {
        Files.createDirectories(dir.resolve("batch"));
        write("batch/inside.txt", "story");
        Files.createSymbolicLink(dir.resolve("gone.xml"), dir.resolve("nowhere.xml"));
        DropFolderWatcher w = watcher(Duration.ZERO);
        w.scanOnce();
        w.scanOnce();
        assertThat(publisher.published).isEmpty();
        assertThat(w.notTaken()).containsExactlyInAnyOrder(dir.toAbsolutePath().resolve("batch"), dir.toAbsolutePath().resolve("gone.xml"));
        Files.delete(dir.resolve("gone.xml"));
        w.scanOnce();
        assertThat(w.notTaken()).containsExactly(dir.toAbsolutePath().resolve("batch"));
    }

    @Test
    void theDeclaredContentTypeGoesWithEveryFile() throws Exception {
        write("latin1.txt", "story");
        DropFolderWatcher w = new DropFolderWatcher(dir, new DropFolderWatcher.Settings("pti", "auto", LIMIT, Duration.ofMillis(200),
                Duration.ZERO, "text/plain; charset=ISO-8859-1"), publisher);
        w.scanOnce();
        assertThat(w.scanOnce().published()).isEqualTo(1);
        assertThat(publisher.published.get(0).item().getContentType()).isEqualTo("text/plain; charset=ISO-8859-1");
    }

    @Test
    void publishesStableFilesInNameOrderAndMovesThemToDone() throws Exception {
        write("b.txt", "second story");
        write("a.txt", "first story");
        DropFolderWatcher w = watcher(Duration.ZERO);

        assertThat(w.scanOnce().published()).as("first look only notes the files").isZero();
        DropFolderWatcher.Pass pass = w.scanOnce();

        assertThat(pass.published()).isEqualTo(2);
        assertThat(publisher.keys()).containsExactly("pti:a.txt", "pti:b.txt");
        RawItems.Captured a = publisher.published.get(0);
        assertThat(new String(bytes(a), StandardCharsets.UTF_8)).isEqualTo("first story");
        assertThat(a.item().getSource()).isEqualTo("pti");
        assertThat(a.item().getFormat()).isEqualTo("auto");
        assertThat(a.item().getOrigin()).isEqualTo("file:" + dir.resolve("a.txt").toAbsolutePath());
        assertThat(a.item().getOriginalSize()).isEqualTo(-1);
        assertThat(names(dir.resolve("done"))).containsExactly("a.txt", "b.txt");
        assertThat(names(dir)).containsExactly("done", "error");
        assertThat(w.published()).isEqualTo(2);
    }

    @Test
    void skipsHiddenAndTemporaryFilesAndSubfolders() throws Exception {
        for (String n : List.of(".hidden.xml", "story.xml.tmp", "story.XML.PART", "story.xml~", "upload.Tmp")) {
            write(n, "not yet");
        }
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/inner.txt"), "in a subfolder");
        DropFolderWatcher w = watcher(Duration.ZERO);
        w.scanOnce();
        w.scanOnce();
        assertThat(publisher.published).isEmpty();
        assertThat(names(dir)).contains(".hidden.xml", "story.xml.tmp", "story.XML.PART", "story.xml~", "upload.Tmp", "sub");
        assertThat(DropFolderWatcher.ignored("a.xml")).isFalse();
    }

    @Test
    void waitsUntilAHalfWrittenFileStopsGrowing() throws Exception {
        write("wire.xml", "<nitf><head>");
        DropFolderWatcher w = watcher(Duration.ZERO);
        w.scanOnce();
        Files.writeString(dir.resolve("wire.xml"), "<title>more</title></head></nitf>", StandardOpenOption.APPEND);
        assertThat(w.scanOnce().published()).as("size changed since the last look").isZero();
        assertThat(w.scanOnce().published()).isEqualTo(1);
        assertThat(new String(bytes(publisher.published.get(0)), StandardCharsets.UTF_8))
                .isEqualTo("<nitf><head><title>more</title></head></nitf>");
    }

    @Test
    void aFileIsOnlyTakenAfterStableForHasPassed() throws Exception {
        write("slow.txt", "text");
        DropFolderWatcher w = watcher(Duration.ofHours(1));
        w.scanOnce();
        DropFolderWatcher.Pass pass = w.scanOnce();
        assertThat(pass.published()).isZero();
        assertThat(pass.waiting()).isEqualTo(1);
    }

    @Test
    void aFailedPublishMovesTheFileToError() throws Exception {
        write("good.txt", "fine");
        write("bad.txt", "broker says no");
        publisher.failing(c -> c.key().equals("pti:bad.txt"));
        DropFolderWatcher w = watcher(Duration.ZERO);
        w.scanOnce();
        DropFolderWatcher.Pass pass = w.scanOnce();
        assertThat(pass.published()).isEqualTo(1);
        assertThat(pass.failed()).isEqualTo(1);
        assertThat(names(dir.resolve("done"))).containsExactly("good.txt");
        assertThat(names(dir.resolve("error"))).containsExactly("bad.txt");
    }

    @Test
    void anOversizedFileIsSentAsAPreviewAndStillMovesToDone() throws Exception {
        Files.write(dir.resolve("huge.xml"), new byte[LIMIT * 2]);
        DropFolderWatcher w = watcher(Duration.ZERO);
        w.scanOnce();
        w.scanOnce();
        RawItems.Captured c = publisher.published.get(0);
        assertThat(c.item().getOriginalSize()).isEqualTo(LIMIT * 2L);
        assertThat(c.item().getPayload().remaining()).isEqualTo(RawItems.PREVIEW_BYTES);
        assertThat(names(dir.resolve("done"))).containsExactly("huge.xml");
    }

    @Test
    void aResentFileNameDoesNotOverwriteTheOneInDone() throws Exception {
        DropFolderWatcher w = watcher(Duration.ZERO);
        for (String text : List.of("take 1", "take 2", "take 3")) {
            write("story.txt", text);
            w.scanOnce();
            w.scanOnce();
        }
        assertThat(names(dir.resolve("done"))).containsExactly("story-1.txt", "story-2.txt", "story.txt");
        assertThat(Files.readString(dir.resolve("done/story-2.txt"))).isEqualTo("take 3");
    }

    @Test
    void runPublishesFilesThatArriveWhileWatching() throws Exception {
        write("before.txt", "there at start");
        DropFolderWatcher w = watcher(Duration.ofMillis(100));
        Thread t = new Thread(w, "test-watcher");
        t.start();
        try {
            await("file present at start published").atMost(Duration.ofSeconds(10)).until(() -> publisher.published.size() == 1);
            // A transfer tool writes under a temporary name and renames when complete.
            write("arriving.txt.part", "arrived later");
            Files.move(dir.resolve("arriving.txt.part"), dir.resolve("arriving.txt"));
            await("arriving file published and moved").atMost(Duration.ofSeconds(10))
                    .until(() -> Files.exists(dir.resolve("done/arriving.txt")));
            assertThat(publisher.keys()).containsExactly("pti:before.txt", "pti:arriving.txt");
        } finally {
            w.close();
            t.join(5000);
        }
        assertThat(t.isAlive()).isFalse();
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    private static byte[] bytes(RawItems.Captured c) {
        byte[] b = new byte[c.item().getPayload().remaining()];
        c.item().getPayload().duplicate().get(b);
        return b;
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
