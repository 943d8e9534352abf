/**
 * Courses and enrollments. Every course belongs to an institution, which this module knows only through
 * {@link io.edumatrix.institutions.InstitutionsApi}.
 */
@ApplicationModule(allowedDependencies = {"platform", "institutions"})
package io.edumatrix.courses;

import org.springframework.modulith.ApplicationModule;
