package io.edumatrix.jobs.internal;

import io.edumatrix.platform.Times;
import java.time.Instant;
import java.util.UUID;

/** What the module answers with: its resources, with the cover letter opened. */
final class Views {

    private Views() {}

    /** {@code postedByAccountId} is null once the poster has been erased. */
    record PostingView(UUID id, UUID institutionId, UUID postedByAccountId, String title, String description,
            String location, JobPosting.EmploymentType employmentType, Instant closesAt, JobPosting.Status status,
            long version, Instant createdAt, Instant updatedAt) {

        /** With the status as of now: an open posting past its closing time is shown CLOSED. */
        static PostingView of(JobPosting p) {
            return new PostingView(p.id(), p.institutionId(), p.postedByAccountId(), p.title(), p.description(),
                    p.location(), p.employmentType(), p.closesAt(), p.statusAt(Times.now()), p.version(),
                    p.createdAt(), p.updatedAt());
        }
    }

    record ApplicationView(UUID id, UUID postingId, UUID applicantAccountId, String coverLetter,
            JobApplication.Status status, long version, Instant submittedAt, Instant updatedAt) {}
}
