package io.wirestream.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseProcessorTest {

    /** A record another tool wrote names its item only by its key: "source:id", as our producers key theirs. */
    @Test
    void aForeignRecordsItemIdIsItsKeyWithoutTheSource() {
        assertThat(ParseProcessor.itemIdOfKey("pti:story-1", "pti")).isEqualTo("story-1");
        assertThat(ParseProcessor.itemIdOfKey("pti:2024:a:b", "pti")).isEqualTo("2024:a:b");
        assertThat(ParseProcessor.itemIdOfKey("story-1", "pti")).as("no source prefix: the key as it is").isEqualTo("story-1");
        assertThat(ParseProcessor.itemIdOfKey("reuters:story-1", "pti")).as("another source's prefix is part of the id")
                .isEqualTo("reuters:story-1");
        assertThat(ParseProcessor.itemIdOfKey("pti:", "pti")).as("nothing after the prefix").isEqualTo("pti:");
        assertThat(ParseProcessor.itemIdOfKey(null, "pti")).isNull();
        assertThat(ParseProcessor.itemIdOfKey("pti:1", null)).isEqualTo("pti:1");
    }
}
