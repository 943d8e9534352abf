package io.edumatrix.platform.tenancy;

/**
 * A connection that can hold a transaction's settings until the transaction's first statement, and then send them in
 * the same round trip. Implemented by the connections of {@link TenantAwareDataSource}.
 */
interface SettingsCarrier {

    /** Settings for the transaction that has just begun, sent with its first statement. */
    void carry(TransactionSettings settings);

    /**
     * A read-only transaction at READ COMMITTED that has just begun, to be run statement by statement: each statement a
     * read-only transaction of its own, begun and committed in the statement's round trip with the settings, and
     * nothing to send at the transaction's end. At READ COMMITTED each statement of a transaction reads its own
     * snapshot anyway, so what the statements see is the same.
     */
    void carryStatementwise(TransactionSettings.Unsigned settings);
}
