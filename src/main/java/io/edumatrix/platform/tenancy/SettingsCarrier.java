package io.edumatrix.platform.tenancy;

/**
 * A connection that can hold a transaction's settings until the transaction's first statement, and then send them in
 * the same round trip. Implemented by the connections of {@link TenantAwareDataSource}.
 */
interface SettingsCarrier {

    /** Settings for the transaction that has just begun, sent with its first statement. */
    void carry(TransactionSettings settings);
}
