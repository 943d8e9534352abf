package io.edumatrix.platform.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The tier rules hold over every test class, and each fails on the deliberate violations under violations.tiers. */
@UnitTest
class TestTiersTests {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("io.edumatrix");

    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("violations.tiers");

    @Test
    void every_test_class_is_in_exactly_one_tier() {
        TestTiers.everyTestClassHasOneTier().check(TESTS);
    }

    @Test
    void unit_tests_start_no_spring_context_and_reach_no_database_or_process() {
        TestTiers.unitTestsStartNoSpringContextAndReachNoDatabaseOrProcess().check(TESTS);
    }

    @Test
    void a_test_class_without_a_tier_or_with_two_is_caught() {
        assertThatThrownBy(() -> TestTiers.everyTestClassHasOneTier().check(PLANTED))
                .hasMessageContaining("violations.tiers.Untiered has no tier")
                .hasMessageContaining("violations.tiers.TwoTiers has the tiers [UnitTest, ProcessTest]");
    }

    @Test
    void a_unit_test_starting_a_spring_context_is_caught() {
        assertThatThrownBy(() -> TestTiers.unitTestsStartNoSpringContextAndReachNoDatabaseOrProcess().check(PLANTED))
                .hasMessageContaining("violations.tiers.UnitStartingSpring");
    }

    @Test
    void a_unit_test_reaching_the_database_through_a_helper_is_caught() {
        assertThatThrownBy(() -> TestTiers.unitTestsStartNoSpringContextAndReachNoDatabaseOrProcess().check(PLANTED))
                .hasMessageContaining("violations.tiers.UnitThroughAHelper")
                .hasMessageContaining("reaches io.edumatrix.platform.testing.TestDatabase");
    }
}
