package io.edumatrix.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;

import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.institutions.InstitutionSummary;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.institutions.MembershipSummary;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The courses module on its own (with the platform it stands on), reacting to an institution's deactivation: the
 * institutions module is not started, its API is a stub, and its event is published as it would arrive. Without the
 * identity module, tokens would be verified against a published key set, as in a module extracted as a service.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@TestPropertySource(properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/.well-known/jwks.json")
@IntegrationTest
class InstitutionDeactivationModuleTests {

    @MockitoBean
    private InstitutionsApi institutions;

    /** What names a certificate's holder, which this test issues none of. */
    @MockitoBean
    private AccountDirectory accounts;

    @Autowired
    private CourseService courses;

    @Autowired
    private EnrollmentClosureRepository closures;

    @Test
    void a_deactivated_institution_closes_enrollment_in_its_courses_and_enrolling_then_is_a_422_enrollment_closed(
            Scenario scenario) {
        var deactivated = activeInstitution();
        var other = activeInstitution();
        var algebra = in(deactivated, () -> courses.create(deactivated, "ALG", "Algebra", null, null)).id();
        var biology = in(deactivated, () -> courses.create(deactivated, "BIO", "Biology", null, null)).id();
        var chemistry = in(other, () -> courses.create(other, "CHE", "Chemistry", null, null)).id();

        scenario.publish(InstitutionDeactivated.of(deactivated))
                .andWaitForStateChange(() -> in(deactivated, () -> closures.findByInstitutionId(deactivated)))
                .andVerify(found -> assertThat(found).singleElement().satisfies(closure -> {
                    assertThat(closure.closedCourses()).isEqualTo(2);
                    assertThat(closure.reason()).isEqualTo("institution deactivated");
                }));

        assertThat(in(deactivated, () -> courses.get(algebra)).enrollmentOpen()).isFalse();
        assertThat(in(deactivated, () -> courses.get(biology)).enrollmentOpen()).isFalse();
        assertThat(in(other, () -> courses.get(chemistry)).enrollmentOpen()).isTrue();
        assertThatThrownBy(() -> in(deactivated, () -> courses.enroll(algebra, UUID.randomUUID())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type().category()).isEqualTo(ProblemType.Category.RULE_VIOLATED);
                    assertThat(e.type().uri()).isEqualTo(URI.create("https://edumatrix.io/problems/enrollment-closed"));
                });
        assertThat(in(other, () -> courses.enroll(chemistry, UUID.randomUUID())).id()).isNotNull();
    }

    /** An active institution, in which every account asked about is a student. */
    private UUID activeInstitution() {
        var id = UUID.randomUUID();
        given(institutions.findInstitution(id)).willReturn(Optional.of(new InstitutionSummary(id, "Module University", "MU", true)));
        willAnswer(call -> Optional.of(new MembershipSummary(TenantContext.currentInstitution().orElseThrow(),
                call.getArgument(0), Role.STUDENT))).given(institutions).membershipInCurrentInstitution(any());
        return id;
    }

    private static <T> T in(UUID institution, Supplier<T> work) {
        return TenantContext.inInstitution(institution, work);
    }
}
