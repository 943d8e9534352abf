package io.edumatrix.students.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.AppConnections;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.QueryPlans;
import io.edumatrix.platform.testing.Sql;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The feed's query at the size the issue names: one institution with 10 000 profiles and 100 000 posts, a reader who
 * follows 200 of them. Runs the repository's own SQL as the module's app role, under row-level security, with EXPLAIN
 * ANALYZE; asserts the plan reads posts through the (author, id) index rather than scanning the table, and prints the
 * execution time (the measurement the issue asks for; timings are not asserted, machines differ).
 */
@HttpApplicationTest
@IntegrationTest
class FeedPlanTests {

    private static final int PROFILES = 10_000;
    private static final int POSTS = 100_000;
    private static final int FOLLOWED = 200;

    private final ModuleDatabases modules;

    FeedPlanTests(@Autowired ModuleDatabases modules) {
        this.modules = modules;
    }

    @Test
    void a_feed_page_of_20_reads_the_followed_authors_posts_through_the_author_index() throws Exception {
        var institution = UUID.randomUUID();
        var reader = seed(institution);
        var sql = QueryPlans.queryOf(PostRepository.class, "findFeedPage", UUID.class, UUID.class, int.class)
                .replace(":followerProfileId", "'" + reader + "'")
                .replace(":before", "'ffffffff-ffff-ffff-ffff-ffffffffffff'")
                .replace(":limit", "21");

        var module = modules.find("students").orElseThrow();
        var times = new ArrayList<Double>();
        String plan = null;
        try (var app = AppConnections.connectIn(module, institution)) {
            assertThat(QueryPlans.rows(app, sql)).as("a full first page").isEqualTo(21);
            for (var run = 0; run < 5; run++) {
                plan = QueryPlans.explain(app, "ANALYZE, BUFFERS, FORMAT TEXT", sql);
                times.add(QueryPlans.executionTime(plan));
            }
            app.rollback();
        }
        times.sort(Double::compare);
        System.out.printf("Feed page of 20 (%d profiles, %d posts, %d followed): execution times %s ms, median %.3f ms%n%s",
                PROFILES, POSTS, FOLLOWED, times, times.get(times.size() / 2), plan);

        // The reader's 200 follows are few enough for any access path; the 100 000 posts are not.
        assertThat(plan).contains("Index Scan on post_author_newest").doesNotContain("Seq Scan on post");
    }

    /** The institution's profiles, posts spread evenly over them in time order, and a reader following 200. */
    private static UUID seed(UUID institution) throws SQLException {
        var reader = UUID.randomUUID();
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            // Seeding only: no audit rows or constraint triggers for 100 000 inserts.
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("CREATE TEMP TABLE seeded_profile ON COMMIT DROP AS SELECT n, gen_random_uuid() AS id,"
                    + " gen_random_uuid() AS account FROM generate_series(1, " + PROFILES + ") n");
            statement.execute("INSERT INTO students.profile SELECT id, 0, '" + institution + "', account,"
                    + " '\\x00'::bytea, NULL, NULL, NULL, now(), now() FROM seeded_profile");
            statement.execute("INSERT INTO students.profile VALUES ('" + reader + "', 0, '" + institution + "',"
                    + " gen_random_uuid(), '\\x00'::bytea, NULL, NULL, NULL, now(), now())");
            // Ids increase with n, as UUID v7 ids increase with time; each post is 48 bytes of stand-in ciphertext.
            statement.execute("INSERT INTO students.post SELECT (lpad(to_hex(p.n), 12, '0') || '7000'"
                    + " || '8000' || lpad(to_hex(p.n), 12, '0'))::uuid, 0, '" + institution + "', s.id, s.account,"
                    + " decode(repeat(md5(p.n::text), 3), 'hex'), now(), now()"
                    + " FROM generate_series(1, " + POSTS + ") p(n) JOIN seeded_profile s ON s.n = 1 + p.n % " + PROFILES);
            statement.execute("INSERT INTO students.follow SELECT gen_random_uuid(), '" + institution + "', '" + reader
                    + "', s.id, gen_random_uuid(), now() FROM seeded_profile s WHERE s.n % 50 = 0");
            admin.commit();
            statement.execute("ANALYZE students.profile, students.post, students.follow");
            assertThat(Sql.count(admin, "SELECT count(*) FROM students.follow WHERE follower_profile_id = '" + reader + "'"))
                    .isEqualTo(FOLLOWED);
        }
        return reader;
    }
}
