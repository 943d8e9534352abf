package io.edumatrix.courses.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What courses holds about a person: their enrollments, in every institution. Courses themselves name no person, and an
 * enrollment closure is about an institution; erasure deletes the enrollments.
 */
@Component
class CoursesPersonalData implements PersonalDataHolder {

    private final PersonalEnrollmentRepository enrollments;

    CoursesPersonalData(PersonalEnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    record EnrollmentData(UUID enrollmentId, UUID institutionId, UUID courseId, Instant enrolledAt) {}

    @Override
    public String module() {
        return "courses";
    }

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of("enrollments", enrollments.findByStudentId(accountId).stream()
                .map(e -> new EnrollmentData(e.id(), e.institutionId(), e.courseId(), e.enrolledAt())).toList());
    }

    @Override
    public void erase(UUID accountId) {
        enrollments.deleteByStudentId(accountId);
    }
}
