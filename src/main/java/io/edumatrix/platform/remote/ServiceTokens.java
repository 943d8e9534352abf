package io.edumatrix.platform.remote;

import org.springframework.modulith.NamedInterface;

/**
 * The token this process presents when it calls a module in another process: short-lived, signed by the identity
 * module's keys (so the owner verifies it through the published JWKS, with no secret shared), scoped to the current
 * institution and naming the acting account of the current {@code TenantContext}. Implemented by the identity module
 * where it runs, and by its {@code remote} package elsewhere.
 */
@NamedInterface("remote-tokens")
public interface ServiceTokens {

    /** A bearer token for the current tenant context, valid for at least the next few seconds. */
    String current();
}
