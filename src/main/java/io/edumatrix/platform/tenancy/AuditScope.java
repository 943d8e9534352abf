package io.edumatrix.platform.tenancy;

import java.util.function.Supplier;

/**
 * Whether the module transactions begun by some work may read every entry of the audit trail, not only the tenant's:
 * for the platform's audit reader acting for a platform administrator, and for its own metrics. Carried to PostgreSQL
 * as {@code app.audit_scope}, signed like the tenant ({@link SettingsSigner}), with the transaction's other settings;
 * every other transaction sends it empty. Not part of the platform's published kernel: only the platform widens it.
 */
public final class AuditScope {

    static final String SETTING = "app.audit_scope";
    private static final String EVERY_ENTRY = "all";
    private static final ScopedValue<String> CURRENT = ScopedValue.newInstance();

    private AuditScope() {}

    /** Runs {@code work} so that the module transactions it begins see every entry of the audit trail. */
    public static <T> T everyEntry(Supplier<T> work) {
        return ScopedValue.where(CURRENT, EVERY_ENTRY).call(work::get);
    }

    /** The setting's value for a transaction begun now: empty unless widened. */
    static String current() {
        return CURRENT.orElse("");
    }
}
