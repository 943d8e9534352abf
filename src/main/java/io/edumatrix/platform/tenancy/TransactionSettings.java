package io.edumatrix.platform.tenancy;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The transaction-local settings of one transaction, as the SQL that sets them: the tenant, the acting account, the
 * request id, the data subject of a GDPR export or erasure, the audit scope, and the transaction's timeout as PostgreSQL's
 * {@code statement_timeout}. The values the row-level-security policies trust (all but the request id and the timeout)
 * are signed ({@link SettingsSigner}, ADR 0026), once per transaction when it begins. The statement is meant to run in
 * the same round trip as the transaction's first statement: {@link #PREFIX} goes in front of that statement's SQL, and
 * its parameters come first.
 *
 * @param statementTimeoutMillis the longest a statement may run, or null to keep the role's setting
 */
record TransactionSettings(String institutionId, String accountId, String requestId, String dataSubject,
        String auditScope, String statementTimeoutMillis) {

    /** {@code set_config(…, true)} is transaction-local; an empty value reads as no tenant (fail closed). */
    static final String SQL = "SELECT set_config('" + TenantPolicies.INSTITUTION_SETTING + "', ?, true), set_config('"
            + TenantPolicies.ACCOUNT_SETTING + "', ?, true), set_config('" + TenantPolicies.REQUEST_SETTING
            + "', ?, true), set_config('" + TenantPolicies.DATA_SUBJECT_SETTING + "', ?, true), set_config('"
            + AuditScope.SETTING
            + "', ?, true), set_config('statement_timeout', coalesce(?, current_setting('statement_timeout')), true)";
    static final String PREFIX = SQL + "; ";
    static final int PARAMETERS = 6;

    static TransactionSettings of(TenantContext context, int timeoutSeconds, SettingsSigner signer) {
        return new TransactionSettings(
                signer.sign(TenantPolicies.INSTITUTION_SETTING, context.institutionId().map(Object::toString).orElse("")),
                signer.sign(TenantPolicies.ACCOUNT_SETTING, context.accountId().map(Object::toString).orElse("")),
                context.requestId().orElse(""),
                signer.sign(TenantPolicies.DATA_SUBJECT_SETTING, context.dataSubject().map(Object::toString).orElse("")),
                signer.sign(AuditScope.SETTING, AuditScope.current()),
                timeoutSeconds > 0 ? String.valueOf(timeoutSeconds * 1000L) : null);
    }

    void bind(PreparedStatement statement) throws SQLException {
        statement.setObject(1, institutionId, Types.VARCHAR);
        statement.setObject(2, accountId, Types.VARCHAR);
        statement.setObject(3, requestId, Types.VARCHAR);
        statement.setObject(4, dataSubject, Types.VARCHAR);
        statement.setObject(5, auditScope, Types.VARCHAR);
        statement.setObject(6, statementTimeoutMillis, Types.VARCHAR);
    }
}
