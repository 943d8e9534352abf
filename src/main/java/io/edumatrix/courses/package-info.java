/**
 * Courses, their sections and lessons, enrollments, students' progress and certificates. Every course belongs to an
 * institution, which this module knows only through {@link io.edumatrix.institutions.InstitutionsApi} (and its
 * accounts' display names through {@link io.edumatrix.institutions.AccountDirectory}).
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "institutions"})
@TenantOwned({"course", "enrollment", "enrollment_closure", "course_instructor", "course_section",
        "lesson", "lesson_progress", "certificate"})
@Audited({"course", "enrollment", "enrollment_closure", "course_instructor", "course_section", "lesson",
        "lesson_progress", "certificate"})
@DataSubjectColumns({"enrollment.student_id", "course_instructor.account_id", "lesson_progress.student_id",
        "certificate.student_id"})
package io.edumatrix.courses;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
