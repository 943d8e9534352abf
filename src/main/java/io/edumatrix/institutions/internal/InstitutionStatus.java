package io.edumatrix.institutions.internal;

enum InstitutionStatus {
    ACTIVE,
    DEACTIVATED
}
