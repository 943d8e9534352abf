package io.edumatrix.platform.security;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.tenancy.TenantContext;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How an endpoint that names an institution (in its path or body) reaches it. The token's own institution is the
 * tenant already. A platform administrator may act in any institution, so the work runs with that one as the tenant.
 * Anyone else is told the institution does not exist: another tenant's existence is not revealed (ADR 0012).
 */
public final class InstitutionScope {

    /**
     * Set on the request, to the institution's id, when that institution was answered as not found because it is
     * another tenant's: the metrics count such answers as security events (io.edumatrix.platform.observability).
     */
    public static final String OTHER_INSTITUTION = InstitutionScope.class.getName() + ".otherInstitution";

    private InstitutionScope() {}

    /** Runs {@code work} in the named institution, for its member or a platform administrator. */
    public static <T> T within(UUID institutionId, Supplier<T> work) {
        var caller = Callers.require();
        if (caller.belongsTo(institutionId)) {
            return work.get();
        }
        if (caller.platformAdmin()) {
            return TenantContext.inInstitution(institutionId, work);
        }
        throw otherInstitution(institutionId);
    }

    /** Requires the named institution to be the token's own. */
    public static void requireOwn(UUID institutionId) {
        if (!Callers.require().belongsTo(institutionId)) {
            throw otherInstitution(institutionId);
        }
    }

    private static DomainException otherInstitution(UUID institutionId) {
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(OTHER_INSTITUTION, institutionId, RequestAttributes.SCOPE_REQUEST);
        }
        return DomainException.notFound("Institution", institutionId);
    }
}
