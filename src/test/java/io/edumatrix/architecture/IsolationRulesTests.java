package io.edumatrix.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.edumatrix.platform.testing.ApplicationClasses;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The persistence-aware isolation rules, applied to the application's main code and migrations. */
@UnitTest
class IsolationRulesTests {

    private static final JavaClasses APPLICATION = ApplicationClasses.production();

    private static final IsolationRules RULES = ConfiguredModules.rules();

    @Test
    void no_module_uses_another_modules_internals_repositories_or_entities() {
        RULES.noModuleUsesAnotherModulesInternalsRepositoriesOrEntities().check(APPLICATION);
    }

    @Test
    void a_modules_table_mappings_and_annotated_sql_name_only_its_own_schema() {
        RULES.aModulesTableMappingsAndAnnotatedSqlNameOnlyItsOwnSchema().check(APPLICATION);
    }

    @Test
    void only_the_platform_touches_data_sources_and_jdbc_templates() {
        RULES.onlyThePlatformTouchesDataSourcesAndJdbcTemplates().check(APPLICATION);
    }

    @Test
    void the_platform_depends_on_no_module() {
        RULES.thePlatformDependsOnNoModule().check(APPLICATION);
    }

    @Test
    void migration_scripts_name_no_other_modules_schema() {
        RULES.migrationScriptsNameNoOtherModulesSchema(ConfiguredModules.MIGRATION_ROOT).check();
    }
}
