package io.edumatrix.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.AppConnections;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.QueryPlans;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The text search's query as the module's app role runs it, under row-level security, over 20 000 postings of one
 * institution (and as many of another): its words are found through the (institution, word) index, with both bounds
 * of the prefix range in the index condition, rather than by reading the institution's postings and filtering them,
 * which is what a GIN index would come to under the policy (see V2__create_job_posting_word.sql).
 */
@HttpApplicationTest
@IntegrationTest
class SearchPlanTests {

    private static final int POSTINGS = 20_000;

    private final ModuleDatabases modules;

    SearchPlanTests(@Autowired ModuleDatabases modules) {
        this.modules = modules;
    }

    @Test
    void a_search_reads_the_words_through_their_index_with_the_prefix_range_as_its_condition() throws Exception {
        var institution = UUID.randomUUID();
        seed(institution);
        seed(UUID.randomUUID());
        var sql = QueryPlans.queryOf(JobPostingRepository.class, "search", String.class, Collection.class, UUID.class,
                        int.class)
                .replace(":query", "'Welder'")
                .replace(":statuses", "'OPEN'")
                .replace(":after", "'00000000-0000-0000-0000-000000000000'")
                .replace(":limit", "21");

        var module = modules.find("jobs").orElseThrow();
        String plan;
        try (var app = AppConnections.connectIn(module, institution)) {
            plan = QueryPlans.explain(app, "ANALYZE, FORMAT TEXT", sql);
            assertThat(QueryPlans.rows(app, sql)).as("the welders of the institution, one page").isEqualTo(21);
            app.rollback();
        }
        System.out.printf("Job posting search over %d postings of the institution:%n%s", POSTINGS, plan);

        assertThat(plan).contains("job_posting_word_prefix").containsPattern("Index Cond: .*word >= .*word < ")
                .doesNotContain("Seq Scan on job_posting_word");
    }

    /** Postings with varied words; one in a hundred mentions welding. Words are written as the trigger writes them. */
    private static void seed(UUID institution) throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            // Seeding only: no audit rows or word triggers for 20 000 inserts; the words are inserted below.
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("INSERT INTO jobs.job_posting SELECT gen_random_uuid(), 0, '" + institution + "',"
                    + " 'Job ' || n || CASE WHEN n % 100 = 0 THEN ' welder' ELSE '' END,"
                    + " 'Work ' || md5(n::text) || ' shift' || (n % 500), 'Campus', 'FULL_TIME',"
                    + " now() + interval '30 days', 'OPEN', now(), now() FROM generate_series(1, " + POSTINGS + ") n");
            statement.execute("INSERT INTO jobs.job_posting_word SELECT DISTINCT p.institution_id, p.id, w"
                    + " FROM jobs.job_posting p, unnest(tsvector_to_array(to_tsvector('simple', p.title || ' '"
                    + " || p.description))) AS w WHERE p.institution_id = '" + institution + "'");
            admin.commit();
            statement.execute("ANALYZE jobs.job_posting, jobs.job_posting_word");
        }
    }
}
