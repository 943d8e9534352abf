package io.edumatrix.identity.internal;

import io.edumatrix.platform.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the module answers with, whichever of its areas (accounts, sessions, keys, erasure) answers. */
public final class Views {

    private Views() {}

    public record AccountView(UUID id, String email, String displayName) {}

    public record MembershipView(UUID institutionId, Role role) {}

    /** {@code emailVerified}: whether the holder followed the link mailed to the current email. */
    public record Me(UUID id, String email, String displayName, boolean emailVerified, List<MembershipView> memberships) {}

    /** What a client receives from a login, a refresh or an institution switch. */
    public record TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType) {}

    public record RotatedKey(String kid) {}

    /** Everything every module holds about a person, by module. */
    public record Export(UUID accountId, Instant exportedAt, Map<String, Map<String, Object>> modules) {}

    public record ModuleStatus(String module, Instant confirmedAt) {}

    /** {@code status} is PENDING or COMPLETED; {@code modules} says which module confirmed its part, and when. */
    public record ErasureStatus(UUID id, UUID accountId, String status, Instant requestedAt, Instant completedAt,
            List<ModuleStatus> modules) {}
}
