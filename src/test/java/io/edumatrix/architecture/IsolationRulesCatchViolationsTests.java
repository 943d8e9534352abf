package io.edumatrix.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.edumatrix.platform.testing.UnitTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import violations.alpha.AlphaApi;
import violations.alpha.AlphaRecord;
import violations.alpha.internal.AlphaCatalog;
import violations.alpha.internal.AlphaRepository;
import violations.beta.BetaUsesAlphaApi;
import violations.platform.PlatformOpensConnections;

/**
 * Every isolation rule fails on the deliberate violations under {@code violations} (src/test) and names the offender,
 * and passes on the fixtures that keep the rules.
 */
@UnitTest
class IsolationRulesCatchViolationsTests {

    private static final IsolationRules RULES = new IsolationRules("violations", List.of("alpha", "beta"));

    private static final JavaClasses ALL_FIXTURES = new ClassFileImporter().importPackages("violations");

    private static final JavaClasses CLEAN_FIXTURES = new ClassFileImporter().importClasses(AlphaApi.class,
            AlphaRecord.class, AlphaCatalog.class, AlphaRepository.class, BetaUsesAlphaApi.class,
            PlatformOpensConnections.class);

    @Test
    void a_module_using_another_modules_repository_is_caught() {
        assertThatThrownBy(() -> RULES.noModuleUsesAnotherModulesInternalsRepositoriesOrEntities().check(ALL_FIXTURES))
                .hasMessageContaining("<violations.beta.BetaReadsAlphaRepository")
                .hasMessageContaining("a repository of module alpha");
    }

    @Test
    void a_module_using_another_modules_entity_is_caught_even_in_its_api_package() {
        assertThatThrownBy(() -> RULES.noModuleUsesAnotherModulesInternalsRepositoriesOrEntities().check(ALL_FIXTURES))
                .hasMessageContaining("<violations.beta.BetaBuildsAlphaEntity")
                .hasMessageContaining("an entity of module alpha");
    }

    @Test
    void a_module_using_another_modules_internals_is_caught() {
        assertThatThrownBy(() -> RULES.noModuleUsesAnotherModulesInternalsRepositoriesOrEntities().check(ALL_FIXTURES))
                .hasMessageContaining("<violations.beta.BetaCallsAlphaInternals")
                .hasMessageContaining("an internal type of module alpha");
    }

    @Test
    void a_module_using_another_through_its_api_keeps_the_module_rule() {
        assertThatNoException().isThrownBy(
                () -> RULES.noModuleUsesAnotherModulesInternalsRepositoriesOrEntities().check(CLEAN_FIXTURES));
        assertThatThrownBy(() -> RULES.noModuleUsesAnotherModulesInternalsRepositoriesOrEntities().check(ALL_FIXTURES))
                .message().doesNotContain("BetaUsesAlphaApi");
    }

    @Test
    void a_table_mapped_to_another_modules_schema_is_caught() {
        assertThatThrownBy(() -> RULES.aModulesTableMappingsAndAnnotatedSqlNameOnlyItsOwnSchema().check(ALL_FIXTURES))
                .hasMessageContaining("<violations.beta.internal.BetaThingInAlphaSchema> @Table(schema) maps to schema alpha");
    }

    @Test
    void annotated_sql_naming_another_modules_schema_is_caught_quoted_or_not() {
        assertThatThrownBy(() -> RULES.aModulesTableMappingsAndAnnotatedSqlNameOnlyItsOwnSchema().check(ALL_FIXTURES))
                .hasMessageContaining("BetaQueriesAlphaSchema.countAlphaRecordsUnquoted()> @Query(value) line 1 names schema alpha")
                .hasMessageContaining("BetaQueriesAlphaSchema.countAlphaRecordsQuoted()> @Query(value) line 1 names schema alpha");
    }

    @Test
    void own_schema_mappings_and_sql_with_other_schemas_only_in_comments_keep_the_schema_rule() {
        assertThatNoException().isThrownBy(
                () -> RULES.aModulesTableMappingsAndAnnotatedSqlNameOnlyItsOwnSchema().check(CLEAN_FIXTURES));
        assertThatThrownBy(() -> RULES.aModulesTableMappingsAndAnnotatedSqlNameOnlyItsOwnSchema().check(ALL_FIXTURES))
                .message().doesNotContain("violations.alpha");
    }

    @Test
    void a_module_touching_a_data_source_or_jdbc_template_is_caught() {
        assertThatThrownBy(() -> RULES.onlyThePlatformTouchesDataSourcesAndJdbcTemplates().check(ALL_FIXTURES))
                .hasMessageContaining("<violations.beta.BetaOpensItsOwnConnection")
                .hasMessageContaining("javax.sql.DataSource")
                .hasMessageContaining("org.springframework.jdbc.core.JdbcTemplate");
    }

    @Test
    void the_platform_touching_a_data_source_keeps_the_data_source_rule() {
        assertThatNoException().isThrownBy(
                () -> RULES.onlyThePlatformTouchesDataSourcesAndJdbcTemplates().check(CLEAN_FIXTURES));
        assertThatThrownBy(() -> RULES.onlyThePlatformTouchesDataSourcesAndJdbcTemplates().check(ALL_FIXTURES))
                .message().doesNotContain("PlatformOpensConnections");
    }

    @Test
    void the_platform_depending_on_a_module_is_caught() {
        assertThatThrownBy(() -> RULES.thePlatformDependsOnNoModule().check(ALL_FIXTURES))
                .hasMessageContaining("<violations.platform.PlatformCallsAlphaApi")
                .message().doesNotContain("PlatformOpensConnections");
    }

    @Test
    void a_migration_script_naming_another_modules_schema_is_caught_quoted_or_not() {
        var rule = RULES.migrationScriptsNameNoOtherModulesSchema("violations/db");
        assertThatThrownBy(rule::check)
                .hasMessageContaining("violations/db/beta/V2__beta_reads_alpha_table.sql: line 2 names schema alpha")
                .hasMessageContaining("violations/db/beta/V3__beta_references_quoted_alpha_table.sql: line 2 names schema alpha");
    }

    @Test
    void a_migration_script_naming_other_schemas_only_in_comments_keeps_the_migration_rule() {
        var violations = RULES.migrationScriptsNameNoOtherModulesSchema("violations/db").violations();
        assertThat(violations).hasSize(2).noneMatch(v -> v.contains("/alpha/") || v.contains("V1__"));
    }
}
