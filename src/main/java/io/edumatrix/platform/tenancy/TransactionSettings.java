package io.edumatrix.platform.tenancy;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The transaction-local settings of one transaction, as the SQL that sets them. The statement is meant to run in the
 * same round trip as the transaction's first statement: {@link #PREFIX} goes in front of that statement's SQL, and its
 * three parameters come first.
 */
record TransactionSettings(String institutionId, String accountId, String requestId) {

    /** {@code set_config(…, true)} is transaction-local; an empty value reads as no tenant (fail closed). */
    static final String SQL = "SELECT set_config('" + TenantPolicies.INSTITUTION_SETTING + "', ?, true), set_config('"
            + TenantPolicies.ACCOUNT_SETTING + "', ?, true), set_config('" + TenantPolicies.REQUEST_SETTING
            + "', ?, true)";
    static final String PREFIX = SQL + "; ";
    static final int PARAMETERS = 3;

    static TransactionSettings of(TenantContext context) {
        return new TransactionSettings(
                context.institutionId().map(Object::toString).orElse(""),
                context.accountId().map(Object::toString).orElse(""),
                context.requestId().orElse(""));
    }

    void bind(PreparedStatement statement) throws SQLException {
        statement.setObject(1, institutionId, Types.VARCHAR);
        statement.setObject(2, accountId, Types.VARCHAR);
        statement.setObject(3, requestId, Types.VARCHAR);
    }
}
