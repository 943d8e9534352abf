/**
 * Courses and enrollments. Every course belongs to an institution, which this module knows only through
 * {@link io.edumatrix.institutions.InstitutionsApi}.
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "institutions"})
@TenantOwned({"course", "enrollment", "enrollment_closure", "course_instructor", "course_section",
        "lesson", "lesson_progress"})
@Audited({"course", "enrollment", "enrollment_closure", "course_instructor", "course_section", "lesson",
        "lesson_progress"})
@DataSubjectColumns({"enrollment.student_id", "course_instructor.account_id", "lesson_progress.student_id"})
package io.edumatrix.courses;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
