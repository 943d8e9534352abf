package io.edumatrix.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is making the current request, as the verified access token says: the account, the institution the token is
 * scoped to, and the roles held there.
 */
public record Caller(UUID accountId, Optional<UUID> institutionId, Set<Role> roles, Optional<UUID> sessionId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean platformAdmin() {
        return has(Role.PLATFORM_ADMIN);
    }

    public boolean staff() {
        return roles.stream().anyMatch(Role::staff);
    }

    /** Whether the token is scoped to this institution. */
    public boolean belongsTo(UUID institution) {
        return institutionId.filter(institution::equals).isPresent();
    }
}
