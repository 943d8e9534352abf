package io.edumatrix.identity.internal.twofactor;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.security.Role;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an institution requires two-factor authentication of its staff (its admins and instructors), as its admins
 * set it. Enforced at login: a staff member without TOTP cannot get a token scoped to such an institution, only one
 * scoped to none, with which to turn TOTP on.
 */
@Service
@Transactional("identity")
public class StaffTwoFactorPolicy {

    private final StaffTwoFactorPolicyRepository policies;
    private final TwoFactor twoFactor;

    StaffTwoFactorPolicy(StaffTwoFactorPolicyRepository policies, TwoFactor twoFactor) {
        this.policies = policies;
        this.twoFactor = twoFactor;
    }

    void require(UUID institutionId, boolean required, UUID by) {
        policies.save(institutionId, required, Times.now(), by);
    }

    @Transactional(value = "identity", readOnly = true)
    boolean required(UUID institutionId) {
        return policies.findRequired(institutionId).orElse(false);
    }

    /** Whether the account, with these roles in the institution, lacks the second factor the institution requires. */
    @Transactional(value = "identity", readOnly = true)
    public boolean blocks(UUID accountId, UUID institutionId, Collection<Role> roles) {
        if (institutionId == null || !(roles.contains(Role.INSTITUTION_ADMIN) || roles.contains(Role.INSTRUCTOR))) {
            return false;
        }
        return required(institutionId) && !twoFactor.enabled(accountId);
    }
}
