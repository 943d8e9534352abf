package io.edumatrix.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant settings ride with a transaction's first statement: a module transaction costs the round trips of a plain
 * one (BEGIN with the first statement, then COMMIT), counted at the socket, and a read-only one, which runs statement
 * by statement, one round trip fewer; the settings are in force for every statement of the transaction and gone after
 * it. The trusted ones travel signed (the value, then the time and the
 * signature after '|'), with the HMAC that PostgreSQL's verifier recomputes from the padded keys (ADR 0026).
 */
@IntegrationTest
class TenantSettingsRoundTripTests {

    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final byte[] KEY = "a settings key of 32 bytes, test".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final SettingsSigner SIGNER = new SettingsSigner(KEY);
    private static SingleConnectionDataSource connection;

    @BeforeAll
    static void connect() {
        var database = TestDatabase.get();
        var driver = new PGSimpleDataSource();
        driver.setUrl(database.jdbcUrl());
        var admin = database.applicationProperties();
        driver.setUser((String) admin.get("edumatrix.database.admin.username"));
        driver.setPassword((String) admin.get("edumatrix.database.admin.password"));
        driver.setSocketFactory(CountingSocketFactory.class.getName());
        assertThat(driver.getUrl()).contains("socketFactory=");
        // One physical connection, so each variant is measured on a warmed connection and prepared statements.
        connection = new SingleConnectionDataSource(driver.getUrl(), driver.getUser(), driver.getPassword(), true);
    }

    @AfterAll
    static void disconnect() {
        connection.destroy();
    }

    @Test
    void a_read_in_a_tenant_transaction_costs_one_round_trip_fewer_than_a_plain_one() {
        var plain = roundTrips(connection, new JdbcTransactionManager(connection), true);
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var withTenant = roundTrips(tenantAware, new TenantAwareTransactionManager(tenantAware), true);

        assertThat(plain).isEqualTo(2);
        assertThat(withTenant).as("settings, statement and its end in one round trip: no COMMIT").isEqualTo(1);
    }

    @Test
    void every_statement_of_a_read_only_transaction_carries_the_settings_and_is_read_only() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var transaction = new TransactionTemplate(new TenantAwareTransactionManager(tenantAware));
        transaction.setReadOnly(true);
        var sql = "SELECT split_part(current_setting('app.institution_id', true), '|', 1) || ' '"
                + " || current_setting('transaction_read_only')";

        var seen = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> transaction.execute(status ->
                java.util.List.of(jdbc.queryForObject(sql, Map.of(), String.class),
                        jdbc.queryForObject(sql, Map.of(), String.class))));
        var write = org.assertj.core.api.Assertions.catchThrowable(() -> TenantContext.of(INSTITUTION, ACCOUNT, "r").run(
                () -> transaction.execute(status -> jdbc.update("CREATE TABLE refused_by_read_only (n int)", Map.of()))));
        var afterwards = jdbc.queryForObject("SELECT current_setting('transaction_read_only') || ' '"
                + " || coalesce(to_regclass('refused_by_read_only')::text, 'no table')", Map.of(), String.class);

        assertThat(seen).containsExactly(INSTITUTION + " on", INSTITUTION + " on");
        assertThat(write).isInstanceOf(org.springframework.dao.DataAccessException.class)
                .hasRootCauseMessage("ERROR: cannot execute CREATE TABLE in a read-only transaction");
        assertThat(afterwards).as("the connection is as it was").isEqualTo("off no table");
    }

    @Test
    void a_read_only_transaction_that_needs_to_span_statements_becomes_an_ordinary_one() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var transaction = new TransactionTemplate(new TenantAwareTransactionManager(tenantAware));
        transaction.setReadOnly(true);
        var began = "SELECT transaction_timestamp()::text || ' ' || current_setting('transaction_read_only') || ' '"
                + " || split_part(current_setting('app.institution_id', true), '|', 1)";
        var cursorRead = new org.springframework.jdbc.core.JdbcTemplate(tenantAware);
        cursorRead.setFetchSize(1);

        var statementwise = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> transaction.execute(status -> {
            var first = jdbc.queryForObject(began, Map.of(), String.class);
            sleepAMillisecond();
            return java.util.List.of(first, jdbc.queryForObject(began, Map.of(), String.class));
        }));
        var afterPlainStatement = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> transaction.execute(status -> {
            var first = jdbc.getJdbcOperations().queryForObject(began, String.class);
            sleepAMillisecond();
            return java.util.List.of(first, jdbc.queryForObject(began, Map.of(), String.class));
        }));
        var afterCursor = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> transaction.execute(status -> {
            var first = cursorRead.queryForList(began + " FROM generate_series(1, ?)", String.class, 3);
            sleepAMillisecond();
            return java.util.List.of(first.getFirst(), first.getLast(), jdbc.queryForObject(began, Map.of(), String.class));
        }));
        var afterLock = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> transaction.execute(status -> {
            jdbc.queryForObject("SELECT true FROM pg_advisory_xact_lock(:key)", Map.of("key", 42), Boolean.class);
            return jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND pid = pg_backend_pid() AND objid = 42", Map.of(), Long.class);
        }));

        assertThat(afterLock).as("the lock lasts to the end of the transaction").isEqualTo(1L);
        assertThat(statementwise).as("each statement a transaction of its own").doesNotHaveDuplicates()
                .allSatisfy(seen -> assertThat(seen).endsWith(" on " + INSTITUTION));
        assertThat(afterPlainStatement).as("one transaction from the plain statement on").hasSize(2)
                .containsOnly(afterPlainStatement.getFirst())
                .allSatisfy(seen -> assertThat(seen).endsWith(" on " + INSTITUTION));
        assertThat(afterCursor).as("one transaction from the cursor read on").hasSize(3)
                .containsOnly(afterCursor.getFirst())
                .allSatisfy(seen -> assertThat(seen).endsWith(" on " + INSTITUTION));
    }

    /**
     * pgjdbc puts a Sync of its own in front of a statement it has described (it describes one whose parameters include
     * a null of no declared type, once it prepares it on the server) and whose rows it cannot bound in size. A statement
     * that is a transaction of its own must keep its settings across that Sync: left to PostgreSQL's implicit
     * transaction, which ends at a Sync, it ran with no tenant from its sixth execution on (the news list's keyset page,
     * ADR 0042).
     */
    @Test
    void a_statement_that_is_a_transaction_of_its_own_keeps_its_settings_across_the_syncs_pgjdbc_adds() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var transaction = new TransactionTemplate(new TenantAwareTransactionManager(tenantAware));
        transaction.setReadOnly(true);
        var sql = "SELECT split_part(current_setting('app.institution_id', true), '|', 1) AS institution,"
                + " CAST(:nothing AS text) AS nothing";
        var parameters = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("nothing", null);

        var inReadOnlyTransactions = new java.util.ArrayList<String>();
        var inAutoCommit = new java.util.ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> {
                inReadOnlyTransactions.add(transaction.execute(status ->
                        jdbc.queryForMap(sql, parameters).get("institution").toString()));
                return inAutoCommit.add(jdbc.queryForMap(sql, parameters).get("institution").toString());
            });
        }

        assertThat(inReadOnlyTransactions).hasSize(10).containsOnly(INSTITUTION.toString());
        assertThat(inAutoCommit).hasSize(10).containsOnly(INSTITUTION.toString());
    }

    /** A statement that failed inside its own transaction leaves the connection in auto-commit, in no transaction. */
    @Test
    void a_statement_that_fails_in_a_transaction_of_its_own_leaves_no_transaction_open() throws Exception {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var transaction = new TransactionTemplate(new TenantAwareTransactionManager(tenantAware));
        transaction.setReadOnly(true);
        // A text column and an untyped null: from the sixth execution on, pgjdbc also syncs before the statement.
        var failing = "SELECT CAST(:nothing AS text) AS nothing, 1 / CAST(:zero AS int) AS never";
        var parameters = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("nothing", null)
                .addValue("zero", 0);
        var states = new java.util.ArrayList<String>();

        for (int i = 0; i < 8; i++) {
            TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> transaction.execute(status ->
                        jdbc.queryForMap(failing, parameters))).hasRootCauseMessage("ERROR: division by zero");
                states.add(transactionState());
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.queryForMap(failing, parameters))
                        .hasRootCauseMessage("ERROR: division by zero");
                return states.add(transactionState());
            });
        }
        var afterwards = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> jdbc.queryForObject(
                "SELECT split_part(current_setting('app.institution_id', true), '|', 1)", Map.of(), String.class));

        assertThat(states).hasSize(16).containsOnly("IDLE");
        assertThat(afterwards).isEqualTo(INSTITUTION.toString());
    }

    private static String transactionState() {
        try {
            return connection.getConnection().unwrap(org.postgresql.core.BaseConnection.class).getTransactionState().name();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepAMillisecond() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_write_in_a_tenant_transaction_costs_the_round_trips_of_a_plain_one() {
        var plain = roundTrips(connection, new JdbcTransactionManager(connection), false);
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var withTenant = roundTrips(tenantAware, new TenantAwareTransactionManager(tenantAware), false);

        assertThat(plain).isEqualTo(2);
        assertThat(withTenant).isEqualTo(plain);
    }

    @Test
    void the_settings_hold_for_every_statement_of_the_transaction_and_end_with_it() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var transaction = new TransactionTemplate(new TenantAwareTransactionManager(tenantAware));

        var seen = TenantContext.of(INSTITUTION, ACCOUNT, "request-1").run(() -> transaction.execute(status -> {
            var first = jdbc.queryForObject("SELECT split_part(current_setting('app.institution_id', true), '|', 1)", Map.of(), String.class);
            var second = jdbc.queryForObject("SELECT split_part(current_setting('app.account_id', true), '|', 1) || ' '"
                    + " || current_setting('app.request_id', true)", Map.of(), String.class);
            return first + " " + second;
        }));
        var afterwards = transaction.execute(status -> jdbc.queryForObject(
                "SELECT coalesce(split_part(current_setting('app.institution_id', true), '|', 1), '')", Map.of(), String.class));

        assertThat(seen).isEqualTo(INSTITUTION + " " + ACCOUNT + " request-1");
        assertThat(afterwards).as("a transaction with no tenant bound sets an empty one").isEmpty();
    }

    @Test
    void a_data_subject_rides_with_the_other_settings_at_no_extra_round_trip_and_ends_with_the_transaction() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var transaction = new TransactionTemplate(new TenantAwareTransactionManager(tenantAware));
        transaction.setReadOnly(true);
        var subject = UUID.randomUUID();
        var sql = "SELECT split_part(current_setting('app.data_subject', true), '|', 1) || ' institution:'"
                + " || split_part(current_setting('app.institution_id', true), '|', 1)";
        java.util.function.Supplier<String> read = () -> TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() ->
                TenantContext.asDataSubject(subject, () -> transaction.execute(
                        status -> jdbc.queryForObject(sql, Map.of(), String.class))));
        for (int i = 0; i < 10; i++) {
            read.get();
        }

        int before = CountingSocketFactory.FLUSHES.get();
        var seen = read.get();
        int roundTrips = CountingSocketFactory.FLUSHES.get() - before;
        var afterwards = transaction.execute(status -> jdbc.queryForObject(
                "SELECT split_part(current_setting('app.data_subject', true), '|', 1)", Map.of(), String.class));

        assertThat(seen).as("only the data subject is bound, no institution").isEqualTo(subject + " institution:");
        assertThat(roundTrips).as("a read-only transaction: one round trip").isEqualTo(1);
        assertThat(afterwards).as("a transaction with no data subject bound sets an empty one").isEmpty();
    }

    @Test
    void a_statement_outside_a_transaction_carries_the_tenant_of_its_connection_in_the_same_round_trip() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var sql = "SELECT split_part(current_setting('app.institution_id', true), '|', 1)";
        for (int i = 0; i < 10; i++) {
            TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> jdbc.queryForObject(sql, Map.of(), String.class));
        }

        int before = CountingSocketFactory.FLUSHES.get();
        var seen = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> jdbc.queryForObject(sql, Map.of(), String.class));
        int roundTrips = CountingSocketFactory.FLUSHES.get() - before;
        var withoutContext = jdbc.queryForObject(sql, Map.of(), String.class);

        assertThat(seen).isEqualTo(INSTITUTION.toString());
        assertThat(roundTrips).isEqualTo(1);
        assertThat(withoutContext).isEmpty();
    }

    /**
     * Inside {@link AsynchronousCommit#run}, a statement in auto-commit commits without waiting for its WAL flush, still
     * with its tenant and in the same single round trip; the next statement outside it commits synchronously again, as
     * does a transaction begun inside it.
     */
    @Test
    void a_statement_outside_a_transaction_commits_asynchronously_only_when_asked_and_only_itself() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var transaction = new TransactionTemplate(new TenantAwareTransactionManager(tenantAware));
        var sql = "SELECT current_setting('synchronous_commit') || ' '"
                + " || split_part(current_setting('app.institution_id', true), '|', 1)";
        java.util.function.Supplier<String> asynchronous = () -> TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() ->
                AsynchronousCommit.run(() -> jdbc.queryForObject(sql, Map.of(), String.class)));
        for (int i = 0; i < 10; i++) {
            asynchronous.get();
        }

        int before = CountingSocketFactory.FLUSHES.get();
        var seen = asynchronous.get();
        int roundTrips = CountingSocketFactory.FLUSHES.get() - before;
        jdbc.update("CREATE TEMP TABLE asynchronous_probe (n int)", Map.of());
        var inserted = AsynchronousCommit.run(() -> jdbc.update("INSERT INTO asynchronous_probe VALUES (1), (2)", Map.of()));
        jdbc.update("DROP TABLE asynchronous_probe", Map.of());
        var afterwards = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> jdbc.queryForObject(sql, Map.of(), String.class));
        var inTransaction = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> AsynchronousCommit.run(() ->
                transaction.execute(status -> jdbc.queryForObject(sql, Map.of(), String.class))));

        assertThat(seen).isEqualTo("off " + INSTITUTION);
        assertThat(roundTrips).isEqualTo(1);
        assertThat(inserted).as("the statement's own update count, not the settings'").isEqualTo(2);
        assertThat(afterwards).isEqualTo("on " + INSTITUTION);
        assertThat(inTransaction).isEqualTo("on " + INSTITUTION);
    }

    @Test
    void parameters_updates_and_batches_keep_working_behind_the_settings() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var transaction = new TransactionTemplate(new TenantAwareTransactionManager(tenantAware));

        var result = TenantContext.of(INSTITUTION, null, null).run(() -> transaction.execute(status -> {
            jdbc.getJdbcOperations().batchUpdate("CREATE TEMP TABLE probe (n int, t text) ON COMMIT DROP");
            var inserted = jdbc.update("INSERT INTO probe VALUES (:n, :t), (:n + 1, :t)", Map.of("n", 41, "t", "x"));
            var batch = jdbc.getJdbcOperations().batchUpdate("INSERT INTO probe VALUES (?, 'y')",
                    java.util.List.of(new Object[] {1}, new Object[] {2}));
            return java.util.List.of(inserted, batch.length,
                    jdbc.queryForObject("SELECT sum(n) FROM probe WHERE t = :t", Map.of("t", "x"), Integer.class),
                    jdbc.queryForObject("SELECT split_part(current_setting('app.institution_id'), '|', 1)", Map.of(), String.class));
        }));

        assertThat(result).containsExactly(2, 2, 83, INSTITUTION.toString());
    }

    @Test
    void the_transaction_timeout_is_enforced_by_the_server_as_a_transaction_local_statement_timeout() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var manager = new TenantAwareTransactionManager(tenantAware);
        manager.setDefaultTimeout(1);
        var transaction = new TransactionTemplate(manager);

        var timeout = transaction.execute(status -> jdbc.queryForObject("SELECT current_setting('statement_timeout')",
                Map.of(), String.class));
        var started = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transaction.executeWithoutResult(
                status -> jdbc.queryForObject("SELECT pg_sleep(3)", Map.of(), Object.class)))
                .isInstanceOf(org.springframework.dao.QueryTimeoutException.class);

        assertThat(timeout).isEqualTo("1s");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(3));
    }

    @Test
    void a_trusted_value_travels_signed_with_the_hmac_postgresql_computes_from_the_padded_keys() {
        var tenantAware = new TenantAwareDataSource(connection, SIGNER);
        var jdbc = new NamedParameterJdbcTemplate(tenantAware);
        var transaction = new TransactionTemplate(new TenantAwareTransactionManager(tenantAware));

        var checked = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> AuditScope.everyEntry(() -> transaction.execute(
                status -> jdbc.queryForList("SELECT s.name, split_part(s.signed, '|', 1) AS value,"
                        + " sha256(:outer || sha256(:inner || convert_to(s.name || '|' || split_part(s.signed, '|', 1)"
                        + " || '|' || split_part(s.signed, '|', 2), 'UTF8'))) = decode(split_part(s.signed, '|', 3), 'hex')"
                        + " AS verified FROM (SELECT name, current_setting(name) AS signed FROM unnest(ARRAY["
                        + " 'app.institution_id', 'app.account_id', 'app.audit_scope']) AS name) AS s",
                        Map.of("inner", SettingsSigner.innerPad(KEY), "outer", SettingsSigner.outerPad(KEY))))));
        var unsigned = TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> transaction.execute(status ->
                jdbc.queryForObject("SELECT current_setting('app.request_id') || ' ' || current_setting('app.audit_scope')"
                        + " || current_setting('app.data_subject')", Map.of(), String.class)));

        assertThat(checked).containsExactly(
                Map.of("name", "app.institution_id", "value", INSTITUTION.toString(), "verified", true),
                Map.of("name", "app.account_id", "value", ACCOUNT.toString(), "verified", true),
                Map.of("name", "app.audit_scope", "value", "all", "verified", true));
        assertThat(unsigned).as("the request id is not trusted, and empty values stay empty").isEqualTo("r ");
    }

    /** The round trips of one transaction that reads or writes one row, after a warm-up. */
    private static int roundTrips(DataSource dataSource, PlatformTransactionManager manager, boolean readOnly) {
        var jdbc = new NamedParameterJdbcTemplate(dataSource);
        var transaction = new TransactionTemplate(manager);
        transaction.setReadOnly(readOnly);
        var sql = readOnly ? "SELECT count(*) FROM pg_class WHERE relname = :name"
                : "SELECT count(*) FROM (SELECT txid_current()) AS x WHERE :name IS NOT NULL";
        Runnable work = () -> TenantContext.of(INSTITUTION, ACCOUNT, "r").run(() -> transaction.execute(
                status -> jdbc.queryForObject(sql, Map.of("name", "pg_class"), Long.class)));
        for (int i = 0; i < 10; i++) {
            work.run();
        }
        int before = CountingSocketFactory.FLUSHES.get();
        work.run();
        return CountingSocketFactory.FLUSHES.get() - before;
    }
}
