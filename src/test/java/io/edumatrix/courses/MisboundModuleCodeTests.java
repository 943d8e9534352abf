package io.edumatrix.courses;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.courses.startupfixture.ListensInInstitutionsTransaction;
import io.edumatrix.courses.startupfixture.ListensOutsideAnyTransaction;
import io.edumatrix.courses.startupfixture.ListensWithApplicationModuleListener;
import io.edumatrix.courses.startupfixture.NamesNoTransactionManager;
import io.edumatrix.courses.startupfixture.RepositoriesOnInstitutionsTemplate;
import io.edumatrix.courses.startupfixture.RunsInInstitutionsTransaction;
import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Courses code bound to another module's transaction manager or pool, or to none, stops start-up before any bean is
 * created, instead of silently running on the wrong connection when first called.
 */
@IntegrationTest
class MisboundModuleCodeTests {

    @Test
    void a_courses_bean_running_in_the_institutions_transaction_stops_start_up_naming_the_class_and_both_modules() {
        var refusal = ApplicationLaunch.onTestDatabase().withBeans(RunsInInstitutionsTransaction.class).refusal();

        assertThat(refusal.getMessage()).contains(
                "RunsInInstitutionsTransaction.closeEnrollment in module 'courses' uses transaction manager 'institutions'"
                        + " instead of 'courses'");
    }

    @Test
    void a_courses_bean_whose_transactional_names_no_module_stops_start_up() {
        var refusal = ApplicationLaunch.onTestDatabase().withBeans(NamesNoTransactionManager.class).refusal();

        assertThat(refusal.getMessage()).contains(
                "NamesNoTransactionManager.enroll in module 'courses' uses transaction manager (none named) instead of 'courses'");
    }

    @Test
    void a_courses_repository_on_the_institutions_aggregate_template_stops_start_up() {
        var refusal = ApplicationLaunch.onTestDatabase().withBeans(RepositoriesOnInstitutionsTemplate.class).refusal();

        assertThat(refusal.getMessage()).contains("repository strayRepository in module 'courses' uses aggregate template "
                + "'institutionsJdbcAggregateTemplate' instead of 'coursesJdbcAggregateTemplate'");
    }

    @Test
    void a_courses_listener_naming_the_institutions_module_stops_start_up_naming_the_class_and_both_modules() {
        var refusal = ApplicationLaunch.onTestDatabase().withBeans(ListensInInstitutionsTransaction.class).refusal();

        assertThat(refusal.getMessage()).contains(
                "ListensInInstitutionsTransaction.on in module 'courses' uses transaction manager 'institutions'"
                        + " instead of 'courses'");
    }

    @Test
    void a_courses_listener_on_modulith_application_module_listener_which_names_no_transaction_manager_stops_start_up() {
        var refusal = ApplicationLaunch.onTestDatabase().withBeans(ListensWithApplicationModuleListener.class).refusal();

        assertThat(refusal.getMessage()).contains(
                "ListensWithApplicationModuleListener.on in module 'courses' uses transaction manager (none named)"
                        + " instead of 'courses'");
    }

    @Test
    void a_courses_listener_that_is_no_module_listener_stops_start_up_naming_it() {
        var refusal = ApplicationLaunch.onTestDatabase().withBeans(ListensOutsideAnyTransaction.class).refusal();

        assertThat(refusal.getMessage()).contains("Event listeners in modules must be @ModuleListener: "
                + "ListensOutsideAnyTransaction.on");
    }
}
