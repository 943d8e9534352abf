package io.edumatrix.institutions;

import java.util.UUID;

/** The facts about an institution that other modules may rely on. */
public record InstitutionSummary(UUID id, String name, String code, boolean active) {}
