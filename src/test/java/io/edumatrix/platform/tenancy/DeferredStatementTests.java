package io.edumatrix.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL that keeps a read-only transaction from running statement by statement is recognised in any letter case,
 * and nothing else is (ADR 0043).
 */
@UnitTest
class DeferredStatementTests {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT true FROM pg_advisory_xact_lock(hashtext(:key))",
        "SELECT PG_ADVISORY_XACT_LOCK(1)",
        "select pg_try_advisory_Xact_Lock_shared(1, 2)",
        "SELECT set_config('app.x', ?, true)",
        "SELECT Set_Config('app.x', ?, true)",
        "set_config",
        "SELECT 1 FROM t WHERE note = 'x' OR SET_CONFIG('a', 'b', true) IS NULL"})
    void a_transaction_scoped_lock_or_setting_is_recognised(String sql) {
        assertThat(DeferredStatement.mentionsTransactionState(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "SELECT * FROM course WHERE id = :id",
        "SELECT pg_advisory_lock(1)",
        "SELECT xact_loc, set_confi FROM t",
        "SELECT current_setting('app.institution_id', true)",
        "xact_loc",
        "set_confi"})
    void other_sql_is_not(String sql) {
        assertThat(DeferredStatement.mentionsTransactionState(sql)).isFalse();
    }
}
