package io.edumatrix.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.AppConnections;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.QueryPlans;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The summary's query over 100 000 ratings of 1 000 courses in each of two institutions: run as the module's app role,
 * under row-level security, with EXPLAIN ANALYZE, it reads one course's ratings from the unique key's index alone
 * (subject, institution, rating included) and never scans the table. Prints the plan.
 */
@HttpApplicationTest
@IntegrationTest
class SummaryPlanTests {

    private static final int RATINGS = 100_000;
    private static final int COURSES = 1_000;

    private final ModuleDatabases modules;

    SummaryPlanTests(@Autowired ModuleDatabases modules) {
        this.modules = modules;
    }

    @Test
    void a_courses_summary_reads_its_ratings_from_the_index_not_the_table() throws Exception {
        var institution = UUID.randomUUID();
        var course = seed(institution);
        seed(UUID.randomUUID());
        var sql = QueryPlans.queryOf(FeedbackRepository.class, "distribution", String.class, UUID.class)
                .replace(":subjectType", "'COURSE'")
                .replace(":subjectId", "'" + course + "'");

        String plan;
        try (var app = AppConnections.connectIn(modules.find("feedback").orElseThrow(), institution)) {
            try (var statement = app.createStatement(); var rows = statement.executeQuery(sql)) {
                long total = 0;
                while (rows.next()) {
                    total += rows.getLong(1);
                }
                assertThat(total).as("the course's ratings in this institution").isEqualTo(RATINGS / COURSES);
            }
            plan = QueryPlans.explain(app, "ANALYZE, BUFFERS, FORMAT TEXT", sql);
            app.rollback();
        }
        System.out.printf("Feedback summary of one course (%d ratings of %d courses in each of two institutions):%n%s",
                RATINGS, COURSES, plan);

        assertThat(plan).contains("Index Only Scan using feedback_author_key").doesNotContain("Seq Scan on feedback");
    }

    /** Ratings of 1 to 5 spread over the institution's courses, by distinct accounts: one of the courses. */
    private static UUID seed(UUID institution) throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            // Seeding only: no audit rows for 100 000 inserts.
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("CREATE TEMP TABLE seeded_course ON COMMIT DROP AS SELECT n, gen_random_uuid() AS id"
                    + " FROM generate_series(0, " + (COURSES - 1) + ") n");
            statement.execute("INSERT INTO feedback.feedback SELECT gen_random_uuid(), 0, '" + institution + "', 'COURSE',"
                    + " c.id, gen_random_uuid(), 1 + (r.n / " + COURSES + ") % 5, NULL, 'VISIBLE', now(), now()"
                    + " FROM generate_series(1, " + RATINGS + ") r(n) JOIN seeded_course c ON c.n = r.n % " + COURSES);
            UUID course;
            try (var rows = statement.executeQuery("SELECT id FROM seeded_course WHERE n = 7")) {
                rows.next();
                course = (UUID) rows.getObject(1);
            }
            admin.commit();
            admin.setAutoCommit(true);
            // Sets the visibility map too, which lets the summary read the index alone.
            statement.execute("VACUUM ANALYZE feedback.feedback");
            return course;
        }
    }
}
