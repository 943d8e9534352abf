package io.edumatrix.institutions.remote;

import io.edumatrix.institutions.InstitutionSummary;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.institutions.MembershipSummary;
import io.edumatrix.platform.remote.RemoteModuleClients;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * {@link InstitutionsApi} while the institutions module runs in another process: its internal binding, version 1, over
 * HTTP. Scanned only when {@code edumatrix.remote.institutions.url} is set and institutions is not local (ADR 0035).
 */
@Component
class RemoteInstitutionsApi implements InstitutionsApi {

    /** Version 1 of the institutions module's internal binding. */
    @HttpExchange("/internal/v1/institutions")
    interface InstitutionsBinding {

        @GetExchange("/institutions/{id}")
        InstitutionSummary institution(@PathVariable UUID id);

        @GetExchange("/accounts/{accountId}/memberships")
        List<MembershipSummary> memberships(@PathVariable UUID accountId);

        @GetExchange("/accounts/{accountId}/current-membership")
        MembershipSummary currentMembership(@PathVariable UUID accountId);
    }

    private final InstitutionsBinding binding;

    RemoteInstitutionsApi(RemoteModuleClients clients) {
        this.binding = clients.client("institutions", InstitutionsBinding.class);
    }

    @Override
    public Optional<InstitutionSummary> findInstitution(UUID id) {
        return RemoteModuleClients.absentIfNotFound(() -> binding.institution(id));
    }

    @Override
    public List<MembershipSummary> membershipsOf(UUID accountId) {
        return binding.memberships(accountId);
    }

    @Override
    public Optional<MembershipSummary> membershipInCurrentInstitution(UUID accountId) {
        return RemoteModuleClients.absentIfNotFound(() -> binding.currentMembership(accountId));
    }
}
