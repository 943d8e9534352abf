package io.edumatrix.institutions;

import io.edumatrix.platform.security.Role;
import java.util.UUID;

/** An account's membership of an institution, with the role it holds there. */
public record MembershipSummary(UUID institutionId, UUID accountId, Role role) {}
