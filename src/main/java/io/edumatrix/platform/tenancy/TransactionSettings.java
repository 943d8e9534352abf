package io.edumatrix.platform.tenancy;

import io.edumatrix.platform.Memo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The transaction-local settings of one transaction, as the SQL that sets them: the tenant, the acting account, the
 * request id, the data subject of a GDPR export or erasure, the audit scope, and the transaction's timeout as PostgreSQL's
 * {@code statement_timeout}. The values the row-level-security policies trust (all but the request id and the timeout)
 * are signed ({@link SettingsSigner}, ADR 0026), once per transaction when it begins (once per statement for a
 * statement that is a transaction of its own). The settings are meant to run in the same round trip as a statement:
 * {@link #prefix} goes in front of that statement's SQL, {@link #suffix} after it, and the settings' parameters come
 * first.
 *
 * @param statementTimeoutMillis the longest a statement may run, or null to keep the role's setting
 * @param framing whether the statement they go with is inside a transaction or a transaction of its own
 */
record TransactionSettings(String institutionId, String accountId, String requestId, String dataSubject,
        String auditScope, String statementTimeoutMillis, Framing framing) {

    /** {@code set_config(…, true)} is transaction-local; an empty value reads as no tenant (fail closed). */
    static final String SQL = "SELECT set_config('" + TenantPolicies.INSTITUTION_SETTING + "', ?, true), set_config('"
            + TenantPolicies.ACCOUNT_SETTING + "', ?, true), set_config('" + TenantPolicies.REQUEST_SETTING
            + "', ?, true), set_config('" + TenantPolicies.DATA_SUBJECT_SETTING + "', ?, true), set_config('"
            + AuditScope.SETTING
            + "', ?, true), set_config('statement_timeout', coalesce(?, current_setting('statement_timeout')), true)";
    static final int PARAMETERS = 6;

    /**
     * How many SQL texts the tenancy layer remembers what it derived from: the application's own few hundred
     * statements, which Spring Data and the repositories keep as the same {@code String} instances. Statements built
     * with literals in them would make the texts unbounded, hence a limit.
     */
    static final int SQL_TEXTS = 2_048;

    /**
     * Where the statement the settings go with runs. A statement that is a transaction of its own is framed by an
     * explicit {@code BEGIN … COMMIT} in its own round trip, never left to the implicit transaction that PostgreSQL
     * keeps until the next Sync: pgjdbc sends a Sync of its own between the settings and a statement it has described
     * and whose rows it cannot bound in size (to keep both sides' socket buffers from filling), and an implicit
     * transaction ends there, settings and all; the statement would then run with no tenant and see no rows. Seen on
     * the news list's keyset page once pgjdbc had prepared it on the server (ADR 0042).
     */
    enum Framing {
        /** Inside a transaction that has begun: the settings go in front of its first statement, once. */
        IN_TRANSACTION(null),
        /** A statement in auto-commit: a transaction of its own. */
        OWN_TRANSACTION("BEGIN"),
        /** A statement of a read-only transaction run statement by statement: a read-only transaction of its own. */
        OWN_READ_ONLY_TRANSACTION("BEGIN READ ONLY"),
        /**
         * A statement in auto-commit inside {@link AsynchronousCommit#run}: a transaction of its own that commits
         * without waiting for its WAL to reach the disk ({@code synchronous_commit} off for it alone).
         */
        OWN_TRANSACTION_COMMITTED_ASYNCHRONOUSLY("BEGIN", ", set_config('synchronous_commit', 'off', true)");

        private final boolean own;
        /** Made once: the prefix goes in front of every statement that carries settings. */
        private final String prefix;
        private final Memo<String, String> framed = new Memo<>(SQL_TEXTS, this::frame);

        Framing(String begin) {
            this(begin, "");
        }

        /** {@code moreSettings} extends the settings' SELECT list, so they still answer with one result. */
        Framing(String begin, String moreSettings) {
            this.own = begin != null;
            this.prefix = (own ? begin + "; " : "") + SQL + moreSettings + "; ";
        }

        /**
         * The statement loses any semicolons of its own at its end, which would make an empty statement before a
         * {@code COMMIT}; a statement of its own is followed by its {@code COMMIT} on a line of its own, so that a line
         * comment at the end of the statement cannot swallow it.
         */
        private String frame(String sql) {
            int end = sql.length();
            while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
                end--;
            }
            return prefix + sql.substring(0, end) + (own ? "\n; COMMIT" : "");
        }
    }

    /** The settings of a statement in auto-commit, signed now. */
    static TransactionSettings of(TenantContext context, SettingsSigner signer) {
        var framing = AsynchronousCommit.requested() ? Framing.OWN_TRANSACTION_COMMITTED_ASYNCHRONOUSLY
                : Framing.OWN_TRANSACTION;
        return new Unsigned(context, AuditScope.current(), 0, framing).sign(signer);
    }

    /** Whether the statement these settings go with begins and commits a transaction of its own. */
    boolean ownTransaction() {
        return framing.own;
    }

    /**
     * The statement's SQL with the settings in front of it and, if it is a transaction of its own, its {@code COMMIT}
     * after it. The same text for the same statement every time, so pgjdbc finds it in its statement cache with an
     * identity comparison.
     */
    String around(String sql) {
        return framing.framed.get(sql);
    }

    /** How many results come before the statement's own: the settings' and, if it is framed, the {@code BEGIN}'s. */
    int resultsBefore() {
        return ownTransaction() ? 2 : 1;
    }

    void bind(PreparedStatement statement) throws SQLException {
        statement.setObject(1, institutionId, Types.VARCHAR);
        statement.setObject(2, accountId, Types.VARCHAR);
        statement.setObject(3, requestId, Types.VARCHAR);
        statement.setObject(4, dataSubject, Types.VARCHAR);
        statement.setObject(5, auditScope, Types.VARCHAR);
        statement.setObject(6, statementTimeoutMillis, Types.VARCHAR);
    }

    /**
     * What a transaction's settings are made of, taken when it begins, to be signed when a statement carries them: a
     * signature is good for a minute after it was made ({@link SettingsSigner}), so a transaction whose statements each
     * run as a transaction of their own has them signed afresh for each one.
     */
    record Unsigned(TenantContext context, String auditScope, int timeoutSeconds, Framing framing) {

        /** The context and audit scope bound now, on the thread that begins the transaction. */
        static Unsigned now(int timeoutSeconds, Framing framing) {
            return new Unsigned(TenantContext.current(), AuditScope.current(), timeoutSeconds, framing);
        }

        /** The same settings for a transaction that from now on is an ordinary one, begun by pgjdbc. */
        Unsigned inTransaction() {
            return new Unsigned(context, auditScope, timeoutSeconds, Framing.IN_TRANSACTION);
        }

        TransactionSettings sign(SettingsSigner signer) {
            return new TransactionSettings(
                    signer.sign(TenantPolicies.INSTITUTION_SETTING, context.institutionId().map(Object::toString).orElse("")),
                    signer.sign(TenantPolicies.ACCOUNT_SETTING, context.accountId().map(Object::toString).orElse("")),
                    context.requestId().orElse(""),
                    signer.sign(TenantPolicies.DATA_SUBJECT_SETTING, context.dataSubject().map(Object::toString).orElse("")),
                    signer.sign(AuditScope.SETTING, auditScope),
                    timeoutSeconds > 0 ? String.valueOf(timeoutSeconds * 1000L) : null,
                    framing);
        }
    }
}
