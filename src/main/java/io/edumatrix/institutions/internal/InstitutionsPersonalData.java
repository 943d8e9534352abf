package io.edumatrix.institutions.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.security.Role;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What institutions holds about a person: their memberships, in every institution. Erasure deletes them all, the last
 * admin's membership of an institution included: the right to erasure is not conditional on the institution having
 * another admin, and a platform administrator can appoint one (ADR 0015). That case is logged for operators. It also
 * forgets the person's key of this module, so that a personal column sealed here later is shredded with no change here.
 */
@Component
class InstitutionsPersonalData implements PersonalDataHolder {

    private static final Logger log = LoggerFactory.getLogger(InstitutionsPersonalData.class);

    private final PersonalMembershipRepository memberships;
    private final InstitutionRepository institutions;
    private final PersonalDataVault vault;

    InstitutionsPersonalData(PersonalMembershipRepository memberships, InstitutionRepository institutions,
            @Qualifier("institutions") PersonalDataVault vault) {
        this.memberships = memberships;
        this.institutions = institutions;
        this.vault = vault;
    }

    record MembershipData(UUID institutionId, String institutionName, String institutionCode, Role role,
            Instant memberSince, Instant updatedAt) {}

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of("memberships", memberships.findByAccountId(accountId).stream().map(m -> {
            var institution = institutions.findById(m.institutionId());
            return new MembershipData(m.institutionId(), institution.map(Institution::name).orElse(null),
                    institution.map(Institution::code).orElse(null), m.role(), m.createdAt(), m.updatedAt());
        }).toList());
    }

    /**
     * Only the person's own rows are visible here, so whether they were an institution's last admin cannot be told;
     * every institution they administered is named in the log instead.
     */
    @Override
    public void erase(UUID accountId) {
        memberships.findByAccountId(accountId).stream().filter(m -> m.role() == Role.INSTITUTION_ADMIN)
                .forEach(m -> log.warn("Erasing account {}, an admin of institution {}; if it was the last one, a"
                        + " platform administrator must appoint another", accountId, m.institutionId()));
        memberships.deleteByAccountId(accountId);
        vault.forget(accountId);
    }
}
