package io.wirestream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameTrieTest {

    @Test
    void longestMatchFirstInOnePass() {
        NameTrie<String> trie = new NameTrie<>();
        trie.add(Tokens.keys("Guinea"), "GN");
        trie.add(Tokens.keys("Papua New Guinea"), "PG");
        trie.add(Tokens.keys("U.S."), "US");
        List<NameTrie.Match<String>> found = trie.scan(Tokens.of("Papua New Guinea and the US's Guinea"));
        assertEquals(List.of("PG", "US", "GN"), found.stream().map(m -> m.values().get(0)).toList());
    }

    @Test
    void keysIgnoreCaseAccentsDotsAndPossessives() {
        assertEquals(List.of("cote", "d", "ivoire"), Tokens.keys("Côte d’Ivoire"));
        assertEquals(List.of("us"), Tokens.keys("U.S."));
        assertEquals(List.of("britain"), Tokens.keys("Britain's"));
    }
}
