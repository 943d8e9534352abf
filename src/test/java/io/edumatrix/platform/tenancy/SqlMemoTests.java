package io.edumatrix.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.tenancy.TransactionSettings.Framing;
import io.edumatrix.platform.testing.UnitTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What is derived from a statement's SQL is derived once per text and handed out as the same object after that, and a
 * flood of distinct texts does not grow the memo without end; the framed SQL of each framing is the statement between
 * its settings and, for a statement of its own, its {@code COMMIT}.
 */
@UnitTest
class SqlMemoTests {

    @Test
    void a_text_is_derived_once_and_the_same_result_handed_out_again() {
        var derivations = new AtomicInteger();
        var memo = new SqlMemo<>(sql -> {
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
        var memo = new SqlMemo<>(sql -> derivations.incrementAndGet());

        for (int i = 0; i < 5_000; i++) {
            memo.get("SELECT " + i);
        }
        memo.get("SELECT 0");

        assertThat(derivations.get()).as("SELECT 0 was forgotten and derived again").isEqualTo(5_001);
    }

    @Test
    void a_statement_of_its_own_is_framed_by_begin_and_a_commit_on_a_line_of_its_own_without_its_semicolons() {
        var framed = settings(Framing.OWN_READ_ONLY_TRANSACTION).around("SELECT * FROM course -- one course\n ;; ");

        assertThat(framed).startsWith("BEGIN READ ONLY; SELECT set_config(")
                .endsWith("; SELECT * FROM course -- one course\n; COMMIT");
        assertThat(settings(Framing.OWN_READ_ONLY_TRANSACTION).around("SELECT * FROM course -- one course\n ;; "))
                .isSameAs(framed);
    }

    @Test
    void a_statement_inside_a_transaction_gets_the_settings_in_front_and_nothing_after() {
        assertThat(settings(Framing.IN_TRANSACTION).around("UPDATE course SET title = ?;"))
                .startsWith("SELECT set_config(")
                .endsWith("; UPDATE course SET title = ?");
    }

    private static TransactionSettings settings(Framing framing) {
        return new TransactionSettings("", "", "", "", "", null, framing);
    }
}
