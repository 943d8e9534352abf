package io.edumatrix.platform.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.modulith.NamedInterface;

/**
 * Whom the current work is done for: the institution (the tenant), the acting account, the request id, and, during a
 * GDPR export or erasure only, the data subject (the person whose data it is). The platform binds it for each request
 * (from the access token) and each event delivery (from the event), and every module transaction carries it to
 * PostgreSQL as the transaction-local settings {@code app.institution_id}, {@code app.account_id},
 * {@code app.request_id} and {@code app.data_subject}, which the row-level-security policies read. Module code reads it
 * but never sets the database settings itself.
 *
 * <p>Nothing bound means nothing visible in a tenant-owned table (fail closed). Work that must act for an institution
 * other than the caller's own (a platform administrator managing an institution's members) narrows the scope
 * explicitly with {@link #inInstitution}, after checking that the caller may. A bound data subject opens that person's
 * rows in every institution, in the tables a module declares with
 * {@link io.edumatrix.platform.tables.DataSubjectColumns} (ADR 0015); only the platform's privacy helpers bind one.
 */
@NamedInterface("tenancy")
public record TenantContext(Optional<UUID> institutionId, Optional<UUID> accountId, Optional<String> requestId,
        Optional<UUID> dataSubject) {

    private static final ScopedValue<TenantContext> CURRENT = ScopedValue.newInstance();
    private static final TenantContext NONE =
            new TenantContext(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public static TenantContext current() {
        return CURRENT.isBound() ? CURRENT.get() : NONE;
    }

    public static Optional<UUID> currentInstitution() {
        return current().institutionId();
    }

    /** Runs {@code work} with this context bound, for the platform's entry points (requests, listeners, jobs). */
    public <T, X extends Throwable> T run(ScopedValue.CallableOp<T, X> work) throws X {
        return ScopedValue.where(CURRENT, this).call(work);
    }

    /** Runs {@code work} for another institution, as the same account and request. */
    public static <T> T inInstitution(UUID institutionId, Supplier<T> work) {
        var current = current();
        return new TenantContext(Optional.of(institutionId), current.accountId, current.requestId, current.dataSubject)
                .run(work::get);
    }

    /** Runs {@code work} for the given account acting with no institution, such as a login reading its memberships. */
    public static <T> T asAccount(UUID accountId, Supplier<T> work) {
        var current = current();
        return new TenantContext(Optional.empty(), Optional.of(accountId), current.requestId, current.dataSubject)
                .run(work::get);
    }

    /**
     * Runs {@code work} about one person only: no institution, and that person as the data subject, so a module's
     * transaction sees (and may delete) the person's rows in every institution and nobody else's. For the platform's
     * GDPR export and erasure (ADR 0015).
     */
    public static <T> T asDataSubject(UUID dataSubject, Supplier<T> work) {
        var current = current();
        return new TenantContext(Optional.empty(), current.accountId, current.requestId, Optional.of(dataSubject))
                .run(work::get);
    }

    public static TenantContext of(UUID institutionId, UUID accountId, String requestId) {
        return new TenantContext(Optional.ofNullable(institutionId), Optional.ofNullable(accountId),
                Optional.ofNullable(requestId), Optional.empty());
    }
}
