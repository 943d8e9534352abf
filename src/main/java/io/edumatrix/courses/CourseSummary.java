package io.edumatrix.courses;

import java.util.UUID;

/** The facts about a course that other modules may rely on. */
public record CourseSummary(UUID id, UUID institutionId, String code, String title, boolean enrollmentOpen) {}
