/**
 * Courses and enrollments. Every course belongs to an institution, which this module knows only through
 * {@link io.edumatrix.institutions.InstitutionsApi}.
 */
@ApplicationModule(allowedDependencies = {"platform", "institutions"})
@TenantOwned({"course", "enrollment", "enrollment_closure"})
@Audited({"course", "enrollment", "enrollment_closure"})
package io.edumatrix.courses;

import io.edumatrix.platform.audit.Audited;
import io.edumatrix.platform.tenancy.TenantOwned;
import org.springframework.modulith.ApplicationModule;
