package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.accounts.Account;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.institutions.MembershipSummary;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.tenancy.TenantContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What an account may log into, as the institutions module says; read afresh for every token issued. */
@Component
public class Memberships {

    /** The institution a token is scoped to (null: none) and the roles it carries. */
    record Scope(UUID institutionId, Set<Role> roles) {}

    private final InstitutionsApi institutions;

    Memberships(InstitutionsApi institutions) {
        this.institutions = institutions;
    }

    /** Row-level security shows an account its own memberships only when it acts as itself. */
    public List<MembershipSummary> of(UUID accountId) {
        return TenantContext.asAccount(accountId, () -> institutions.membershipsOf(accountId));
    }

    /**
     * The scope of a token for the account in the institution asked for. Without one, an account with exactly one
     * membership is scoped to it, and any other to no institution.
     */
    Scope scope(Account account, Optional<UUID> institutionId) {
        var memberships = of(account.id());
        var membership = institutionId.isPresent()
                ? Optional.of(memberships.stream().filter(m -> m.institutionId().equals(institutionId.get())).findFirst()
                        .orElseThrow(() -> new DomainException(IdentityProblems.NOT_A_MEMBER,
                                "The account is not a member of institution " + institutionId.get())))
                : memberships.size() == 1 ? Optional.of(memberships.getFirst()) : Optional.<MembershipSummary>empty();
        var roles = new LinkedHashSet<Role>();
        membership.ifPresent(m -> roles.add(m.role()));
        if (account.platformAdmin()) {
            roles.add(Role.PLATFORM_ADMIN);
        }
        return new Scope(membership.map(MembershipSummary::institutionId).orElse(null), roles);
    }
}
