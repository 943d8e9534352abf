package io.edumatrix.news.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.news.internal.ArticleService.Filter;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.AppConnections;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.QueryPlans;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The published list's search and tag filter on a table of a few thousand articles: the plans PostgreSQL makes for the
 * listing's own SQL, as the module's app role, in one institution, under row-level security (EXPLAIN, no timings).
 *
 * <p>The query's optional filters are {@code (:x IS NULL OR …)}; with the values written in, as in the custom plans
 * PostgreSQL makes for each execution, the planner drops the ones not asked for. What the plans show: a GIN index
 * serves {@code search @@ query} and {@code tags @> array} only where PostgreSQL may test those operators before the
 * row-level security policy, which it allows for LEAKPROOF functions only. PostgreSQL ships {@code ts_match_vq} and
 * {@code arraycontains} unmarked; provisioning by a superuser marks them ({@code LeakproofOperators}, ADR 0016), and
 * the search and the tag filter read the GIN indexes. Unmarked again (inside a transaction that is rolled back), the
 * same SQL, role and policy fall back to the (institution, published_at) index and a filter over the institution's
 * published articles: the marks are what makes the difference.
 */
@HttpApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@IntegrationTest
class ArticleSearchPlanTests {

    private static final int ARTICLES = 4_000;
    private static final int ELSEWHERE = 1_000;
    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final String NOT_LEAKPROOF = "ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) NOT LEAKPROOF;"
            + " ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) NOT LEAKPROOF";

    private final ModuleDatabase news;
    private final String appRole;

    ArticleSearchPlanTests(@Autowired ModuleDatabases modules) {
        this.news = modules.find("news").orElseThrow();
        this.appRole = news.appRole();
    }

    @BeforeAll
    void aFewThousandPublishedArticlesWithARareWordAndARareTag() throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            // Seeding only: no audit rows for thousands of inserts. The other articles belong to four institutions,
            // not a thousand: under the signed tenant (an InitPlan parameter) the planner estimates an institution's
            // share as one in so many institutions, and a thousand made the tenant's index look as selective as the
            // rare word, so which index won was a coin toss.
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("INSERT INTO news.article (id, version, institution_id, status, title, body, tags,"
                    + " created_at, updated_at, published_at)"
                    + " SELECT gen_random_uuid(), 0, CASE WHEN n <= " + ARTICLES + " THEN '" + INSTITUTION
                    + "'::uuid ELSE md5('elsewhere' || n % 4)::uuid END, 'PUBLISHED',"
                    + " 'Notice ' || n || CASE WHEN n % 1000 = 7 THEN ' zyzzyva' ELSE '' END,"
                    + " 'Weekly news number ' || n || ' about ' || md5(n::text),"
                    + " CASE WHEN n % 1000 = 11 THEN ARRAY['rare', 'events'] ELSE ARRAY['events', 't' || n % 20] END,"
                    + " now(), now(), now() - n * interval '1 minute'"
                    + " FROM generate_series(1, " + (ARTICLES + ELSEWHERE) + ") n");
            admin.commit();
            // Outside a transaction: statistics are written transactionally, and VACUUM also moves the GIN indexes'
            // pending entries into the index proper, as autovacuum does in production.
            admin.setAutoCommit(true);
            statement.execute("VACUUM ANALYZE news.article, news.article_author");
        }
    }

    @Test
    void the_search_and_the_tag_filter_find_their_few_articles_among_thousands() throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            admin.setAutoCommit(false);
            asApp(admin);
            assertThat(QueryPlans.rows(admin, sql(new Filter("zyzzyva", null, null, null)))).isEqualTo(ARTICLES / 1000);
            assertThat(QueryPlans.rows(admin, sql(new Filter(null, "rare", null, null)))).isEqualTo(ARTICLES / 1000);
            assertThat(QueryPlans.rows(admin, sql(new Filter("weekly", null, null, null)))).isEqualTo(21);
            admin.rollback();
        }
    }

    @Test
    void as_provisioned_a_search_and_a_tag_filter_read_the_gin_indexes_under_row_level_security() throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            admin.setAutoCommit(false);
            asApp(admin);
            var search = QueryPlans.explain(admin, "", sql(new Filter("zyzzyva", null, null, null)));
            var tag = QueryPlans.explain(admin, "", sql(new Filter(null, "rare", null, null)));
            var both = QueryPlans.explain(admin, "", sql(new Filter("zyzzyva", "events", null, null)));
            admin.rollback();
            System.out.printf("Search and tag plans, as provisioned:%n%s%n%s%n", search, tag);
            assertThat(search).contains("Bitmap Index Scan on article_search_idx").doesNotContain("Seq Scan on article a ");
            assertThat(tag).contains("Bitmap Index Scan on article_tags_idx").doesNotContain("Seq Scan on article a ");
            assertThat(both).contains("article_search_idx");
        }
    }

    @Test
    void with_the_operators_unmarked_the_gin_indexes_are_not_used_under_row_level_security() throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            admin.setAutoCommit(false);
            try (var statement = admin.createStatement()) {
                statement.execute(NOT_LEAKPROOF);
            }
            asApp(admin);
            var search = QueryPlans.explain(admin, "", sql(new Filter("zyzzyva", null, null, null)));
            var tag = QueryPlans.explain(admin, "", sql(new Filter(null, "rare", null, null)));
            admin.rollback();
            System.out.printf("Search and tag plans, operators unmarked:%n%s%n%s%n", search, tag);
            assertThat(search).doesNotContain("article_search_idx").contains("search @@");
            assertThat(tag).doesNotContain("article_tags_idx");
        }
    }

    /** The rest of the transaction runs as the module's app role, in the institution, as a request's would. */
    private void asApp(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL ROLE " + appRole);
            statement.execute("SET LOCAL search_path = news");
        }
        AppConnections.setTenant(connection, news, INSTITUTION);
    }

    /** The repository's own SQL for a first page of 20 (21 rows asked), its parameters written in. */
    private static String sql(Filter filter) {
        return QueryPlans.queryOf(ListingRepository.class, "published", String.class, String.class, Instant.class,
                        Instant.class, UUID.class, int.class)
                .replace(":after", "NULL").replace(":limit", "21").replace(":from", "NULL").replace(":to", "NULL")
                .replace(":tag", filter.tag() == null ? "NULL" : "'" + filter.tag() + "'")
                .replace(":q", filter.query() == null ? "NULL" : "'" + filter.query() + "'");
    }
}
