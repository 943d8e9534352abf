package io.edumatrix.institutions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the institutions module. */
public interface InstitutionsApi {

    Optional<InstitutionSummary> findInstitution(UUID id);

    /**
     * Every membership of the account, in active institutions, across institutions: what it may log into. Readable for
     * the account itself only (the tenant context must name it as the acting account).
     */
    List<MembershipSummary> membershipsOf(UUID accountId);

    /** The account's membership of the current institution, if any. */
    Optional<MembershipSummary> membershipInCurrentInstitution(UUID accountId);
}
