package io.edumatrix.institutions.binding;

import io.edumatrix.institutions.InstitutionSummary;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.institutions.MembershipSummary;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.InternalCaller;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link InstitutionsApi} for modules in other processes (ADR 0035): version 1 of its internal binding, apart from the
 * public API and answering only service tokens. The institution and the acting account are the token's, as the
 * in-process calls take them from the tenant context. None is a 404, which the client turns back into an empty answer.
 */
@RestController
@RequestMapping("/internal/v1/institutions")
class InstitutionsApiBinding {

    private final InstitutionsApi institutions;

    InstitutionsApiBinding(InstitutionsApi institutions) {
        this.institutions = institutions;
    }

    @GetMapping("/institutions/{id}")
    @InternalCaller
    InstitutionSummary institution(@PathVariable UUID id) {
        return institutions.findInstitution(id).orElseThrow(() -> DomainException.notFound("Institution", id));
    }

    @GetMapping("/accounts/{accountId}/memberships")
    @InternalCaller
    List<MembershipSummary> memberships(@PathVariable UUID accountId) {
        return institutions.membershipsOf(accountId);
    }

    @GetMapping("/accounts/{accountId}/current-membership")
    @InternalCaller
    MembershipSummary currentMembership(@PathVariable UUID accountId) {
        return institutions.membershipInCurrentInstitution(accountId)
                .orElseThrow(() -> DomainException.notFound("Membership of account", accountId));
    }
}
