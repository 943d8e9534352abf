package io.edumatrix.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.tenancy.TransactionSettings.Framing;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * The framed SQL of each framing is the statement between its settings and, for a statement of its own, its
 * {@code COMMIT}; it is made once per SQL text and handed out again as the same {@code String}.
 */
@UnitTest
class TransactionSettingsFramingTests {

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
