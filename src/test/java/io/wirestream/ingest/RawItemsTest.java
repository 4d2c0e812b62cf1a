package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawItemsTest {

    @TempDir
    Path dir;

    @Test
    void filesOfOneNameInTwoFoldersAreTwoItemsAndHiddenFoldersAreSkipped() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve("a/story.txt"), "Budget vote\n\nThe council voted.\n");
        Files.writeString(dir.resolve("b/story.txt"), "Harbour fire\n\nA warehouse burned.\n");
        Files.writeString(dir.resolve(".git/objects/ab12"), "x");
        Files.writeString(dir.resolve(".hidden.txt"), "x");
        Files.writeString(dir.resolve("top.xml"), "<nitf/>");

        List<RawItems.FileItem> items = RawItems.itemsUnder(dir);
        assertThat(items).extracting(RawItems.FileItem::itemId).containsExactly("a/story.txt", "b/story.txt", "top.xml");
        assertThat(RawItems.filesUnder(dir)).containsExactly(dir.resolve("a/story.txt"), dir.resolve("b/story.txt"), dir.resolve("top.xml"));
        // a file given itself keeps its name, as before
        assertThat(RawItems.itemsUnder(dir.resolve("b/story.txt"))).extracting(RawItems.FileItem::itemId).containsExactly("story.txt");

        RawItems.Captured a = RawItems.fromFile(items.get(0).file(), items.get(0).itemId(), "pti", "auto", java.time.Instant.EPOCH, 4096);
        RawItems.Captured b = RawItems.fromFile(items.get(1).file(), items.get(1).itemId(), "pti", "auto", java.time.Instant.EPOCH, 4096);
        assertThat(a.key()).isEqualTo("pti:a/story.txt");
        assertThat(b.key()).isNotEqualTo(a.key());
    }
}
