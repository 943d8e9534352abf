package io.edumatrix.jobs.internal;

import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Postings, applications and callers of one institution, built in a line each for the unit tests of the rules. */
final class JobsFixtures {

    static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    static final UUID INSTITUTION = UUID.randomUUID();
    static final Caller POSTER = caller(Role.INSTRUCTOR);
    static final Caller OTHER_INSTRUCTOR = caller(Role.INSTRUCTOR);
    static final Caller ADMIN = caller(Role.INSTITUTION_ADMIN);
    static final Caller STUDENT = caller(Role.STUDENT);
    static final Caller OTHER_STUDENT = caller(Role.STUDENT);

    private JobsFixtures() {}

    static Caller caller(Role role) {
        return new Caller(UUID.randomUUID(), Optional.of(INSTITUTION), Set.of(role), Optional.empty());
    }

    /** {@link #POSTER}'s posting in {@code status}, closing a day after {@link #NOW}. */
    static JobPosting posting(JobPosting.Status status) {
        return posting(status, NOW.plus(Duration.ofDays(1)));
    }

    static JobPosting posting(JobPosting.Status status, Instant closesAt) {
        return new JobPosting(UUID.randomUUID(), 0L, INSTITUTION, POSTER.accountId(), "Lab assistant",
                "Helps in the lab", "Building 3", JobPosting.EmploymentType.PART_TIME, closesAt, status, NOW, NOW);
    }

    /** {@link #STUDENT}'s application in {@code status} to {@code posting}. */
    static JobApplication application(JobPosting posting, JobApplication.Status status) {
        return new JobApplication(UUID.randomUUID(), 0L, INSTITUTION, posting.id(), STUDENT.accountId(), new byte[0],
                status, NOW, NOW);
    }
}
