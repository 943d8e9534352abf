package io.edumatrix.institutions.internal;

import io.edumatrix.institutions.InstitutionSummary;
import java.time.Instant;
import java.util.UUID;

/** An institution as a list shows it. */
record InstitutionListing(UUID id, String name, String code, InstitutionStatus status, Instant createdAt) {

    InstitutionSummary summary() {
        return new InstitutionSummary(id, name, code, status.active());
    }
}
