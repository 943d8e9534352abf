package io.edumatrix.feedback.internal;

import io.edumatrix.courses.CoursesApi;
import io.edumatrix.feedback.SubjectType;
import io.edumatrix.jobs.JobsApi;
import io.edumatrix.platform.domain.DomainException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What can be rated, asked of the modules that own it through their published APIs. Those answer within the caller's
 * institution (row-level security), so another institution's course is not found, exactly like one that exists
 * nowhere. A job posting still in draft is not public yet, so it is not a subject either, and is answered the same.
 */
@Component
class Subjects {

    private static final String DRAFT = "DRAFT";

    private final CoursesApi courses;
    private final JobsApi jobs;

    Subjects(CoursesApi courses, JobsApi jobs) {
        this.courses = courses;
        this.jobs = jobs;
    }

    /** The subject id to store, once the subject is known to exist: the nil UUID for the platform. */
    UUID require(SubjectType type, UUID subjectId) {
        var stored = Feedback.storedSubjectId(type, subjectId);
        if (type == SubjectType.PLATFORM) {
            return stored;
        }
        var exists = switch (type) {
            case COURSE -> courses.findCourse(subjectId).isPresent();
            case JOB -> jobs.findPosting(subjectId).filter(posting -> !DRAFT.equals(posting.status())).isPresent();
            case PLATFORM -> true;
        };
        if (!exists) {
            throw DomainException.notFound(type == SubjectType.COURSE ? "Course" : "Job posting", subjectId);
        }
        return subjectId;
    }

    /** Whether the account took part in the subject: for a course, enrolled in it now or completed it. */
    boolean tookPart(SubjectType type, UUID subjectId, UUID accountId) {
        return type == SubjectType.COURSE && courses.hasTakenPart(subjectId, accountId);
    }
}
