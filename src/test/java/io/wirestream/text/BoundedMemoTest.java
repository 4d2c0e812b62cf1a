package io.wirestream.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {

    @Test
    void computesATextOnceAndForgetsAllWhenFull() {
        AtomicInteger calls = new AtomicInteger();
        BoundedMemo<Integer> memo = new BoundedMemo<>(2);
        assertThat(memo.get("a", t -> calls.incrementAndGet())).isEqualTo(1);
        assertThat(memo.get("a", t -> calls.incrementAndGet())).isEqualTo(1);
        assertThat(memo.get("b", t -> calls.incrementAndGet())).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(2);
        // Full: the next new text clears what was known, so "a" is computed again afterwards.
        assertThat(memo.get("c", t -> calls.incrementAndGet())).isEqualTo(3);
        assertThat(memo.get("a", t -> calls.incrementAndGet())).isEqualTo(4);
    }
}
