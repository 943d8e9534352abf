package io.edumatrix.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.testing.UnitTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What is derived from a key is derived once and handed out as the same object after that, a flood of distinct keys
 * does not grow the memo without end, and a derivation that fails is not remembered.
 */
@UnitTest
class MemoTests {

    @Test
    void a_text_is_derived_once_and_the_same_result_handed_out_again() {
        var derivations = new AtomicInteger();
        var memo = new Memo<String, Object>(2_048, sql -> {
            derivations.incrementAndGet();
            return "derived " + sql;
        });

        var first = memo.get("SELECT 1");
        var again = memo.get(new String("SELECT 1"));

        assertThat(again).isSameAs(first).isEqualTo("derived SELECT 1");
        assertThat(derivations).hasValue(1);
    }

    @Test
    void past_its_bound_the_memo_starts_again_rather_than_growing() {
        var derivations = new AtomicInteger();
        var memo = new Memo<String, Integer>(2_048, sql -> derivations.incrementAndGet());

        for (int i = 0; i < 5_000; i++) {
            memo.get("SELECT " + i);
        }
        memo.get("SELECT 0");

        assertThat(derivations.get()).as("SELECT 0 was forgotten and derived again").isEqualTo(5_001);
    }

    @Test
    void a_derivation_that_throws_is_tried_again_next_time() {
        var derivations = new AtomicInteger();
        var memo = new Memo<String, Integer>(16, key -> {
            if (derivations.incrementAndGet() == 1) {
                throw new IllegalArgumentException("not a key: " + key);
            }
            return key.length();
        });

        assertThatThrownBy(() -> memo.get("sub")).isInstanceOf(IllegalArgumentException.class);
        assertThat(memo.get("sub")).isEqualTo(3);
        assertThat(derivations).hasValue(2);
    }

    @Test
    void a_limit_below_one_is_refused() {
        assertThatThrownBy(() -> new Memo<String, String>(0, key -> key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A memo's limit must be at least 1, was 0");
    }
}
