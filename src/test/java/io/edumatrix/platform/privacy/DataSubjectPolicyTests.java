package io.edumatrix.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World.Institution;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data-subject binding (ADR 0015): with only a person bound, a module's transaction reaches that person's rows in
 * every institution, and nobody else's; without it, nothing changes. A person P is a student of two institutions and
 * enrolled in a course of each; their classmates are too.
 */
@HttpApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@IntegrationTest
class DataSubjectPolicyTests {

    @Autowired
    private RestTestClient http;
    @Autowired
    @Qualifier("courses")
    private NamedParameterJdbcTemplate coursesJdbc;
    @Autowired
    @Qualifier("courses")
    private PlatformTransactionManager coursesTransactions;
    @Autowired
    @Qualifier("institutions")
    private NamedParameterJdbcTemplate institutionsJdbc;
    @Autowired
    @Qualifier("institutions")
    private PlatformTransactionManager institutionsTransactions;
    @Autowired
    private ModuleDatabases modules;

    private Institution a;
    private Institution b;
    private UUID person;

    private record Row(UUID subject, UUID institution) {}

    @BeforeAll
    void aPersonEnrolledInTwoInstitutionsBesideOthers() {
        var world = new World(http);
        a = world.institution();
        b = world.institution();
        var inA = a.student();
        person = inA.accountId();
        b.admin().client().post().uri("/api/institutions/{id}/members", b.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", inA.email(), "role", "STUDENT")).exchange().expectStatus().isCreated();
        var inB = world.bearer(world.login(inA.email(), World.PASSWORD, b.id()).accessToken());
        var aCourse = World.course(a.instructor().client(), a.id(), "SUBJ1", "Subjects");
        enroll(inA.client(), aCourse);
        enroll(world.member(a.admin(), a.id(), "STUDENT").client(), aCourse);
        var bCourse = World.course(b.instructor().client(), b.id(), "SUBJ1", "Subjects");
        enroll(inB, bCourse);
        enroll(b.student().client(), bCourse);
    }

    @Test
    void with_only_the_data_subject_bound_a_module_reads_that_persons_rows_in_every_institution_and_nobody_elses() {
        var enrollments = asSubject(coursesTransactions, () -> rows(coursesJdbc,
                "SELECT student_id AS subject, institution_id FROM enrollment"));
        var memberships = asSubject(institutionsTransactions, () -> rows(institutionsJdbc,
                "SELECT account_id AS subject, institution_id FROM membership"));

        assertThat(enrollments).containsExactlyInAnyOrder(new Row(person, a.id()), new Row(person, b.id()));
        assertThat(memberships).containsExactlyInAnyOrder(new Row(person, a.id()), new Row(person, b.id()));
    }

    @Test
    void with_only_the_data_subject_bound_a_module_deletes_that_persons_rows_in_every_institution_and_nobody_elses()
            throws SQLException {
        var before = adminCount("SELECT count(*) FROM courses.enrollment WHERE institution_id IN (?, ?)");
        var deleted = new ArrayList<Row>();
        TenantContext.asDataSubject(person, () -> {
            var transaction = new TransactionTemplate(coursesTransactions);
            transaction.executeWithoutResult(status -> {
                deleted.addAll(rows(coursesJdbc,
                        "DELETE FROM enrollment RETURNING student_id AS subject, institution_id"));
                status.setRollbackOnly();
            });
            return null;
        });

        assertThat(deleted).containsExactlyInAnyOrder(new Row(person, a.id()), new Row(person, b.id()));
        assertThat(adminCount("SELECT count(*) FROM courses.enrollment WHERE institution_id IN (?, ?)"))
                .as("rolled back: everyone's enrollments are there").isEqualTo(before).isEqualTo(4);
    }

    @Test
    void without_a_data_subject_nothing_changes_the_tenant_alone_decides() {
        var none = new TransactionTemplate(coursesTransactions)
                .execute(status -> rows(coursesJdbc, "SELECT student_id AS subject, institution_id FROM enrollment"));
        var inA = TenantContext.inInstitution(a.id(), () -> new TransactionTemplate(coursesTransactions).execute(
                status -> rows(coursesJdbc, "SELECT student_id AS subject, institution_id FROM enrollment")));

        assertThat(none).isEmpty();
        assertThat(inA).hasSize(2).allSatisfy(row -> assertThat(row.institution()).isEqualTo(a.id()));
    }

    @Test
    void the_data_subject_policy_is_on_exactly_the_declared_tables() throws SQLException {
        var policies = new ArrayList<String>();
        try (var admin = TestDatabase.get().connectAsAdmin(); var rows = admin.createStatement().executeQuery(
                "SELECT schemaname || '.' || tablename || ' ' || cmd || ' ' || permissive FROM pg_policies"
                        + " WHERE policyname = 'data_subject' ORDER BY 1")) {
            while (rows.next()) {
                policies.add(rows.getString(1));
            }
        }

        var declared = new ArrayList<String>();
        for (var module : modules.all()) {
            for (var column : DataSubjectPolicies.declaredBy(module.basePackage(), getClass().getClassLoader())) {
                declared.add(module.schema() + "." + column.table() + " ALL PERMISSIVE");
            }
        }
        assertThat(declared).contains("courses.enrollment ALL PERMISSIVE", "institutions.membership ALL PERMISSIVE");
        assertThat(policies).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void a_data_subject_column_in_a_table_that_is_not_tenant_owned_is_refused() {
        assertThatThrownBy(() -> DataSubjectPolicies.declaredBy("io.edumatrix.platform.privacy.undeclaredfixture",
                getClass().getClassLoader()))
                .hasMessageContaining("names table 'account', which its @TenantOwned does not list");
    }

    private <T> T asSubject(PlatformTransactionManager manager, java.util.function.Supplier<T> work) {
        return TenantContext.asDataSubject(person, () -> {
            var transaction = new TransactionTemplate(manager);
            transaction.setReadOnly(true);
            return transaction.execute(status -> work.get());
        });
    }

    private static List<Row> rows(NamedParameterJdbcTemplate jdbc, String sql) {
        return jdbc.query(sql, Map.of(), (r, n) -> new Row(r.getObject("subject", UUID.class),
                r.getObject("institution_id", UUID.class)));
    }

    private long adminCount(String sql) throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var query = admin.prepareStatement(sql)) {
            query.setObject(1, a.id());
            query.setObject(2, b.id());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void enroll(RestTestClient student, UUID course) {
        student.post().uri("/api/courses/{id}/enrollments", course).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of()).exchange().expectStatus().isCreated();
    }
}
