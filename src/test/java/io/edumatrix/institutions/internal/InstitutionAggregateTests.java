package io.edumatrix.institutions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * An institution loads with its departments (a {@code @MappedCollection}) through the institutions pool: Spring Data
 * JDBC resolves the child rows with the module's own data access, not with whatever the context holds by type.
 */
@HttpApplicationTest
@IntegrationTest
class InstitutionAggregateTests {

    @Autowired
    private InstitutionService service;

    @Autowired
    private InstitutionRepository institutions;

    @Autowired
    @Qualifier("courses")
    private NamedParameterJdbcTemplate coursesJdbc;

    @Test
    void an_institution_loads_with_its_departments_through_the_institutions_pool() {
        var code = "AGG" + UUID.randomUUID().toString().substring(0, 8);
        var id = service.register("Aggregate University", code).id();
        // Departments belong to the institution: they are written and read in its tenant.
        var physics = TenantContext.inInstitution(id, () -> service.addDepartment(id, "Physics", "PHY"));
        var history = TenantContext.inInstitution(id, () -> service.addDepartment(id, "History", "HIS"));

        var loaded = TenantContext.inInstitution(id, () -> institutions.findById(id)).orElseThrow();
        var withoutTenant = institutions.findById(id).orElseThrow();

        assertThat(loaded.departments()).extracting(Department::id, Department::name, Department::code)
                .containsExactlyInAnyOrder(tuple(physics.id(), "Physics", "PHY"), tuple(history.id(), "History", "HIS"));
        assertThat(loaded.version()).isEqualTo(2L);
        assertThat(withoutTenant.departments()).as("departments outside the institution's tenant").isEmpty();
    }

    /** Which is why a load that returns departments cannot have gone through another module's pool. */
    @Test
    void departments_cannot_be_read_through_another_modules_pool() {
        assertThatThrownBy(() -> coursesJdbc.queryForObject("SELECT count(*) FROM institutions.department", Map.of(), Long.class))
                .isInstanceOf(BadSqlGrammarException.class)
                .rootCause().hasMessageContaining("permission denied for schema institutions");
    }
}
