package io.edumatrix.institutions.internal;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.institutions.InstitutionRegistered;
import io.edumatrix.institutions.InstitutionSummary;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.institutions.MembershipSummary;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.web.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional("institutions")
class InstitutionService implements InstitutionsApi {

    private final InstitutionRepository institutions;
    private final MembershipRepository memberships;
    private final ApplicationEventPublisher events;

    InstitutionService(InstitutionRepository institutions, MembershipRepository memberships,
            ApplicationEventPublisher events) {
        this.institutions = institutions;
        this.memberships = memberships;
        this.events = events;
    }

    Institution register(String name, String code) {
        Institution institution;
        try {
            institution = institutions.save(Institution.register(name, code));
        } catch (DuplicateKeyException e) {
            throw InstitutionsProblems.duplicateCode("institution", code);
        }
        events.publishEvent(InstitutionRegistered.of(institution.id(), institution.name(), institution.code()));
        return institution;
    }

    /** Deactivating an inactive institution changes nothing and announces nothing. */
    Institution deactivate(UUID id) {
        var institution = get(id);
        if (!institution.deactivate()) {
            return institution;
        }
        var saved = institutions.save(institution);
        events.publishEvent(InstitutionDeactivated.of(id));
        return saved;
    }

    @Transactional(value = "institutions", readOnly = true)
    Institution get(UUID id) {
        return institutions.findById(id).orElseThrow(() -> DomainException.notFound("Institution", id));
    }

    @Transactional(value = "institutions", readOnly = true)
    Page<InstitutionListing> list(UUID after, int limit) {
        return Page.of(institutions.findPage(Page.after(after), limit + 1), limit, InstitutionListing::id);
    }

    Institution rename(UUID id, String name) {
        var institution = get(id);
        institution.rename(name);
        return institutions.save(institution);
    }

    Department addDepartment(UUID institutionId, String name, String code) {
        var institution = get(institutionId);
        var department = institution.addDepartment(name, code);
        try {
            institutions.save(institution);
        } catch (DuplicateKeyException e) {
            throw InstitutionsProblems.duplicateCode("department", code);
        }
        return department;
    }

    @Override
    @Transactional(value = "institutions", readOnly = true)
    public Optional<InstitutionSummary> findInstitution(UUID id) {
        return institutions.findListingById(id).map(InstitutionListing::summary);
    }

    @Override
    @Transactional(value = "institutions", readOnly = true)
    public List<MembershipSummary> membershipsOf(UUID accountId) {
        return memberships.findActiveByAccountId(accountId).stream().map(Membership::summary).toList();
    }

    @Override
    @Transactional(value = "institutions", readOnly = true)
    public Optional<MembershipSummary> membershipInCurrentInstitution(UUID accountId) {
        return TenantContext.currentInstitution()
                .flatMap(institution -> memberships.findByInstitutionIdAndAccountId(institution, accountId))
                .map(Membership::summary);
    }
}
