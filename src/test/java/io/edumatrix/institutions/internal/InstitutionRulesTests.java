package io.edumatrix.institutions.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.testing.UnitTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An institution's departments, its deactivation and its admins: {@link Institution} and {@link Membership}. */
@UnitTest
class InstitutionRulesTests {

    private static final UUID INSTITUTION = UUID.randomUUID();

    private static Membership member(Role role) {
        return Membership.of(INSTITUTION, UUID.randomUUID(), role);
    }

    @Test
    void an_institution_is_never_left_without_an_admin() {
        refusal(() -> member(Role.INSTITUTION_ADMIN).requireNotLastAdmin(Role.STUDENT, () -> 1),
                InstitutionsProblems.LAST_ADMIN);
        refusal(() -> member(Role.INSTITUTION_ADMIN).requireNotLastAdmin(null, () -> 1),
                InstitutionsProblems.LAST_ADMIN);
        assertThatCode(() -> member(Role.INSTITUTION_ADMIN).requireNotLastAdmin(null, () -> 2))
                .doesNotThrowAnyException();
    }

    @Test
    void the_admins_are_counted_only_when_an_admin_steps_down() {
        assertThatCode(() -> member(Role.STUDENT).requireNotLastAdmin(null, () -> fail("counted admins")))
                .doesNotThrowAnyException();
        assertThatCode(() -> member(Role.INSTITUTION_ADMIN).requireNotLastAdmin(Role.INSTITUTION_ADMIN,
                () -> fail("counted admins"))).doesNotThrowAnyException();
    }

    @Test
    void a_department_code_is_unique_within_its_institution_whatever_its_case() {
        var institution = Institution.register("North College", "NORTH");
        institution.addDepartment("Physics", "PHY");

        refusal(() -> institution.addDepartment("Physiology", "phy"), InstitutionsProblems.DUPLICATE_CODE);
    }

    @Test
    void an_institution_is_deactivated_once() {
        var institution = Institution.register("North College", "NORTH");

        assertThat(institution.deactivate()).isTrue();
        assertThat(institution.active()).isFalse();
        assertThat(institution.deactivate()).isFalse();
    }
}
