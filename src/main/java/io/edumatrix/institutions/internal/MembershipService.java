package io.edumatrix.institutions.internal;

import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.observability.SecurityEvents;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.web.Page;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who belongs to an institution. Every method works in the current tenant: row-level security makes another
 * institution's members invisible and unwritable.
 */
@Service
@Transactional("institutions")
class MembershipService {

    private final MembershipRepository memberships;
    private final InstitutionRepository institutions;
    private final AccountDirectory accounts;
    private final SecurityEvents security;

    MembershipService(MembershipRepository memberships, InstitutionRepository institutions, AccountDirectory accounts,
            SecurityEvents security) {
        this.memberships = memberships;
        this.institutions = institutions;
        this.accounts = accounts;
        this.security = security;
    }

    Membership add(UUID institutionId, String email, Role role) {
        if (!institutions.existsById(institutionId)) {
            throw DomainException.notFound("Institution", institutionId);
        }
        var accountId = accounts.findAccountIdByEmail(email).orElseThrow(() -> InstitutionsProblems.UNKNOWN_ACCOUNT
                .exception("No account is registered with that email; the person must sign up first"));
        try {
            var added = memberships.save(Membership.of(institutionId, accountId, role));
            security.privilegeGranted(accountId, institutionId, role);
            return added;
        } catch (DuplicateKeyException e) {
            throw InstitutionsProblems.ALREADY_MEMBER.exception(
                    "Account " + accountId + " is already a member of institution " + institutionId);
        }
    }

    @Transactional(value = "institutions", readOnly = true)
    Page<Membership> list(UUID institutionId, UUID after, int limit) {
        if (!institutions.existsById(institutionId)) {
            throw DomainException.notFound("Institution", institutionId);
        }
        return Page.of(memberships.findPage(institutionId, Page.after(after), limit + 1), limit, Membership::id);
    }

    Membership changeRole(UUID institutionId, UUID accountId, Role role) {
        var membership = find(institutionId, accountId);
        membership.requireNotLastAdmin(role, () -> admins(institutionId));
        var changed = memberships.save(membership.withRole(role));
        security.privilegeGranted(accountId, institutionId, role);
        return changed;
    }

    void remove(UUID institutionId, UUID accountId) {
        var membership = find(institutionId, accountId);
        membership.requireNotLastAdmin(null, () -> admins(institutionId));
        memberships.delete(membership);
    }

    private Membership find(UUID institutionId, UUID accountId) {
        return memberships.findByInstitutionIdAndAccountId(institutionId, accountId)
                .orElseThrow(() -> DomainException.notFound("Member", accountId));
    }

    private long admins(UUID institutionId) {
        return memberships.countByInstitutionIdAndRole(institutionId, Role.INSTITUTION_ADMIN);
    }
}
