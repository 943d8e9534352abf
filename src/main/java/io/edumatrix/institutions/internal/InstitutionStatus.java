package io.edumatrix.institutions.internal;

enum InstitutionStatus {
    ACTIVE,
    DEACTIVATED;

    boolean active() {
        return this == ACTIVE;
    }
}
