package io.edumatrix.institutions;

import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the institutions module. */
public interface InstitutionsApi {

    Optional<InstitutionSummary> findInstitution(UUID id);
}
