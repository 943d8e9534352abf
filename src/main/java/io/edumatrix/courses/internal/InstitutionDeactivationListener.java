package io.edumatrix.courses.internal;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.events.ModuleListener;
import org.springframework.stereotype.Component;

/** A deactivated institution takes no new enrollments: its courses close enrollment. */
@Component
class InstitutionDeactivationListener {

    private final CourseRepository courses;
    private final EnrollmentClosureRepository closures;

    InstitutionDeactivationListener(CourseRepository courses, EnrollmentClosureRepository closures) {
        this.courses = courses;
        this.closures = closures;
    }

    @ModuleListener("courses")
    void on(InstitutionDeactivated event) {
        int closed = courses.closeEnrollmentOfInstitution(event.institutionId());
        closures.save(EnrollmentClosure.of(event.institutionId(), "institution deactivated", closed));
    }
}
