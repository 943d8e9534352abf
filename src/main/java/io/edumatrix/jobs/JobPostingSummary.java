package io.edumatrix.jobs;

import java.util.UUID;

/**
 * The facts about a job posting that other modules may rely on. {@code status} is DRAFT, OPEN or CLOSED;
 * {@code postedByAccountId} is null once the poster has been erased.
 */
public record JobPostingSummary(UUID id, UUID institutionId, String title, String status, UUID postedByAccountId) {}
