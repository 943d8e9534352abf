package io.edumatrix.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.institutions.InstitutionSummary;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.platform.web.DomainException;
import io.edumatrix.platform.web.ProblemType;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The courses module on its own (with the platform it stands on), reacting to an institution's deactivation: the
 * institutions module is not started, its API is a stub, and its event is published as it would arrive.
 */
@ApplicationModuleTest(extraIncludes = "platform")
class InstitutionDeactivationModuleTests {

    @MockitoBean
    private InstitutionsApi institutions;

    @Autowired
    private CourseService courses;

    @Autowired
    private EnrollmentClosureRepository closures;

    @Test
    void a_deactivated_institution_closes_enrollment_in_its_courses_and_enrolling_then_is_a_422_enrollment_closed(
            Scenario scenario) {
        var deactivated = activeInstitution();
        var other = activeInstitution();
        var algebra = courses.create(deactivated, "ALG", "Algebra", null).id();
        var biology = courses.create(deactivated, "BIO", "Biology", null).id();
        var chemistry = courses.create(other, "CHE", "Chemistry", null).id();

        scenario.publish(InstitutionDeactivated.of(deactivated))
                .andWaitForStateChange(() -> closures.findByInstitutionId(deactivated))
                .andVerify(found -> assertThat(found).singleElement().satisfies(closure -> {
                    assertThat(closure.closedCourses()).isEqualTo(2);
                    assertThat(closure.reason()).isEqualTo("institution deactivated");
                }));

        assertThat(courses.get(algebra).enrollmentOpen()).isFalse();
        assertThat(courses.get(biology).enrollmentOpen()).isFalse();
        assertThat(courses.get(chemistry).enrollmentOpen()).isTrue();
        assertThatThrownBy(() -> courses.enroll(algebra, UUID.randomUUID()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type().category()).isEqualTo(ProblemType.Category.RULE_VIOLATED);
                    assertThat(e.type().uri()).isEqualTo(URI.create("https://edumatrix.io/problems/enrollment-closed"));
                });
        assertThat(courses.enroll(chemistry, UUID.randomUUID()).id()).isNotNull();
    }

    private UUID activeInstitution() {
        var id = UUID.randomUUID();
        given(institutions.findInstitution(id)).willReturn(Optional.of(new InstitutionSummary(id, "Module University", "MU", true)));
        return id;
    }
}
