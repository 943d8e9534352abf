package io.edumatrix.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import io.edumatrix.EduMatrixApplication;
import io.edumatrix.platform.testing.ApplicationClasses;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADR 0018: the platform is a closed module whose kernel, the types modules may use, is published as named interfaces;
 * inside it, the packages depend on each other one way only, and the domain building blocks know nothing of HTTP.
 */
@UnitTest
class PlatformKernelTests {

    private static final String PLATFORM = "io.edumatrix.platform";

    private static final String FIXTURE = "/io/edumatrix/unpublishedkernelfixture/";

    @Test
    void a_module_reaching_a_platform_type_outside_the_published_kernel_fails_verification() {
        ImportOption withFixture = location -> IsolationRules.PRODUCTION_CODE.includes(location)
                || location.contains(FIXTURE);
        var modules = ApplicationModules.of(EduMatrixApplication.class, withFixture);

        assertThatThrownBy(modules::verify)
                .hasMessageContaining("Module 'unpublishedkernelfixture' depends on non-exposed type "
                        + "io.edumatrix.platform.data.ModuleDataAccess within module 'platform'")
                .message().doesNotContain("io.edumatrix.platform.Ids");
    }

    @Test
    void the_platforms_packages_are_free_of_cycles() {
        slices().matching(PLATFORM + ".(*)..").should().beFreeOfCycles().check(platformClasses());
    }

    @Test
    void the_platforms_domain_building_blocks_know_nothing_of_http() {
        noClasses().that().resideInAPackage(PLATFORM + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(PLATFORM + ".web..", "org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..")
                .check(platformClasses());
    }

    /**
     * ADR 0018: they stay beside what they administer; this is where they are seen together. ADR 0035 adds the one
     * internal binding every holder module shares: its part of a person's data export, for another process.
     */
    @Test
    void the_platforms_only_endpoints_are_its_admin_endpoints_and_the_internal_binding_of_personal_data_exports() {
        var endpoints = platformClasses().stream()
                .filter(type -> type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Endpoint.class))
                .map(JavaClass::getName).toList();

        assertThat(endpoints).containsExactlyInAnyOrder(PLATFORM + ".audit.AuditController",
                PLATFORM + ".crypto.KeyAdministrationController", PLATFORM + ".events.EventPublicationsEndpoint",
                PLATFORM + ".move.ModuleMoveController", PLATFORM + ".privacy.PersonalDataBinding");
    }

    private static JavaClasses platformClasses() {
        return ApplicationClasses.production().that(resideInAPackage(PLATFORM + ".."));
    }
}
