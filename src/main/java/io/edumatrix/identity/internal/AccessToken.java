package io.edumatrix.identity.internal;

import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.security.TokenClaims;
import io.edumatrix.platform.web.DomainException;
import io.edumatrix.platform.web.ProblemType;
import io.edumatrix.platform.web.ProblemType.Category;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/** The facts the identity endpoints read from the caller's verified access token. */
record AccessToken(UUID accountId, UUID sessionId, boolean platformAdmin) {

    static final ProblemType PLATFORM_ADMIN_REQUIRED =
            new ProblemType("platform-admin-required", Category.FORBIDDEN, "Forbidden");

    static AccessToken of(Jwt jwt) {
        var roles = Optional.ofNullable(jwt.getClaimAsStringList(TokenClaims.ROLES)).orElseGet(List::of);
        return new AccessToken(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaimAsString(TokenClaims.SESSION)),
                roles.contains(Role.PLATFORM_ADMIN.name()));
    }

    void requirePlatformAdmin() {
        if (!platformAdmin) {
            throw new DomainException(PLATFORM_ADMIN_REQUIRED, "Only a platform administrator may do this");
        }
    }
}
