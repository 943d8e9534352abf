package io.edumatrix.courses.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What courses holds about a person: their enrollments (with their progress through lessons and their certificates, whose codes then verify nothing) and the courses they teach, in every institution. Courses
 * themselves name no person (their instructors are rows of their own, deleted with the person), and an
 * enrollment closure is about an institution. Erasure deletes the enrollments and forgets the person's key of this
 * module, so that a personal column sealed here later is shredded with no change to this class.
 */
@Component
class CoursesPersonalData implements PersonalDataHolder {

    private final PersonalEnrollmentRepository enrollments;
    private final CourseInstructorRepository instructors;
    private final ProgressRepository progress;
    private final CertificateRepository certificates;
    private final PersonalDataVault vault;

    CoursesPersonalData(PersonalEnrollmentRepository enrollments, CourseInstructorRepository instructors,
            ProgressRepository progress, CertificateRepository certificates, @Qualifier("courses") PersonalDataVault vault) {
        this.enrollments = enrollments;
        this.instructors = instructors;
        this.progress = progress;
        this.certificates = certificates;
        this.vault = vault;
    }

    record EnrollmentData(UUID enrollmentId, UUID institutionId, UUID courseId, Instant enrolledAt) {}

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of("enrollments", enrollments.findByStudentId(accountId).stream()
                .map(e -> new EnrollmentData(e.id(), e.institutionId(), e.courseId(), e.enrolledAt())).toList(),
                "coursesTaught", instructors.coursesTaughtBy(accountId),
                "lessonProgress", progress.findByStudentId(accountId),
                "certificates", certificates.codesOf(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        var codes = certificates.codesOf(accountId);
        if (!codes.isEmpty()) {
            certificates.unindex(codes);
        }
        certificates.deleteByStudentId(accountId);
        progress.deleteByStudentId(accountId);
        enrollments.deleteByStudentId(accountId);
        instructors.deleteByAccountId(accountId);
        vault.forget(accountId);
    }
}
