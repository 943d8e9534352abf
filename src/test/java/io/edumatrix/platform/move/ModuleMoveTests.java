package io.edumatrix.platform.move;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.ThrowawayCluster;
import io.edumatrix.platform.testing.World;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The online move of a module (ADR 0030), with the application running: refusals that change nothing, a move that
 * fails mid-copy (as a crash would leave it) and is abandoned, another that is resumed after a cut-over given up
 * because a transaction outlasted the drain timeout, the module served from the target afterwards with its
 * encrypted data, audit trail, row-level security and role isolation, an instance configured with the old place
 * refused, and the move back. {@code jobs} starts on a server of the test's own (the run's server need not have
 * logical WAL) and moves to a second one.
 */
@ProcessTest
class ModuleMoveTests {

    private static final String DATABASE = "edumatrix_move";
    /** The first of the three ports its servers take; another checkout on the same machine may choose others. */
    private static final int PORTS = Integer.getInteger("edumatrix.test.move-ports", 15510);

    @Test
    void jobs_moves_to_another_server_and_back_while_the_application_runs() throws Exception {
        try (var source = ThrowawayCluster.start(PORTS, "logical");
                var target = ThrowawayCluster.start(PORTS + 1, "logical");
                var noLogical = ThrowawayCluster.start(PORTS + 2, "replica")) {
            for (var cluster : new ThrowawayCluster[] {source, target, noLogical}) {
                cluster.execute("postgres", "CREATE DATABASE " + DATABASE);
            }
            var launch = ApplicationLaunch.onTestDatabase().overHttp()
                    .with("edumatrix.database.modules.jobs.port", source.port())
                    .with("edumatrix.database.modules.jobs.database", DATABASE)
                    .with("edumatrix.database.modules.jobs.admin-user", "postgres")
                    .with("edumatrix.database.modules.jobs.admin-password", "");
            try (var application = launch.start()) {
                var world = World.onServer(ApplicationLaunch.baseUrl(application));
                var admin = world.platformAdmin().client();
                var school = world.institution();
                var staff = school.instructor().client();
                var student = school.student().client();
                var before = World.jobPosting(staff, "Before the move");
                Api.ok(Api.post(staff, "/api/jobs/" + before + "/status", Map.of("status", "OPEN")));
                var application1 = Api.id(Api.created(Api.post(student, "/api/jobs/" + before + "/applications",
                        Map.of("coverLetter", "Sealed before the move"))));

                // Refused before anything changes, naming the cause.
                assertRefused(admin, Map.of("host", "127.0.0.1", "port", PORTS + 7, "database", DATABASE), "unreachable");
                assertRefused(admin, target(noLogical), "wal_level = replica");
                target.execute(DATABASE, "CREATE SCHEMA jobs", "CREATE TABLE jobs.squatter (id int)");
                assertRefused(admin, target(target), "not empty");
                target.execute(DATABASE, "DROP SCHEMA jobs CASCADE");
                assertThat(jobsAt(application)).isEqualTo(source.port());

                // A move stopped mid-copy, as a crash there leaves it: the module goes on serving from the source.
                var moves = application.getBean(ModuleMoves.class);
                moves.stopAt(step -> {
                    if (step.equals("copying")) {
                        throw new IllegalStateException("crashed while copying");
                    }
                });
                var failed = awaitEnd(admin, startMove(admin, target(target)));
                assertThat(failed).containsEntry("state", "FAILED").containsEntry("phase", "copying");
                assertThat(jobsAt(application)).isEqualTo(source.port());

                // Abandoned: the copy, the subscription, the slot and the publication go; the source keeps its writes.
                var abandoned = Api.ok(Api.post(admin, "/api/admin/modules/jobs/move/abandon", target(target)));
                assertThat(String.valueOf(abandoned.get("result"))).startsWith("Abandoned the move of module jobs");
                try (var connection = target.connect(DATABASE); var statement = connection.createStatement()) {
                    assertThat(number(statement, "SELECT (SELECT count(*) FROM pg_subscription)"
                            + " + (SELECT count(*) FROM pg_namespace WHERE nspname = 'jobs')")).isZero();
                }
                try (var connection = source.connect(DATABASE); var statement = connection.createStatement()) {
                    assertThat(number(statement, "SELECT (SELECT count(*) FROM pg_publication)"
                            + " + (SELECT count(*) FROM pg_replication_slots)")).isZero();
                }
                World.jobPosting(staff, "After the abandon");

                // Stopped mid-copy again; this time resumed.
                failed = awaitEnd(admin, startMove(admin, target(target)));
                assertThat(failed).containsEntry("state", "FAILED").containsEntry("phase", "copying");
                var during = World.jobPosting(staff, "While the first attempt lay broken");
                assertThat(jobsAt(application)).isEqualTo(source.port());

                // Posted again, it resumes from the copy the subscription went on with.
                moves.stopAt(ModuleMove.MoveSteps.NONE);

                // A transaction of the module outlasting the drain timeout: the cut-over is given up, naming the
                // setting, and the source serves on.
                var jobs = application.getBean(ModuleBeans.dataAccess("jobs"), ModuleDataAccess.class);
                try (var held = jobs.dataSource().getConnection(); var statement = held.createStatement()) {
                    statement.execute("SELECT 1");
                    var givenUp = awaitEnd(admin, startMove(admin, target(target)));
                    assertThat(givenUp).containsEntry("state", "FAILED").containsEntry("phase", "cutting-over");
                    assertThat(String.valueOf(givenUp.get("error"))).contains("edumatrix.database.move.drain-timeout");
                }
                assertThat(jobsAt(application)).isEqualTo(source.port());
                World.jobPosting(staff, "After a cut-over given up");

                var done = awaitEnd(admin, startMove(admin, target(target)));
                assertThat(done).containsEntry("state", "DONE").containsEntry("phase", "done")
                        .containsKeys("pauseMs", "lagBytes");
                assertThat(jobsAt(application)).isEqualTo(target.port());

                // Served from the target: what was written before, the encrypted cover letter, new writes, the audit.
                assertThat(Api.read(student, "/api/jobs/" + before)).containsEntry("title", "Before the move");
                assertThat(Api.read(staff, "/api/jobs/" + during)).containsEntry("title", "While the first attempt lay broken");
                assertThat(Api.read(student, "/api/jobs/applications/" + application1))
                        .containsEntry("coverLetter", "Sealed before the move");
                var after = World.jobPosting(staff, "After the move");
                try (var connection = target.connect(DATABASE); var statement = connection.createStatement()) {
                    assertThat(number(statement, "SELECT count(*) FROM jobs.job_posting WHERE id IN ('" + before + "', '"
                            + during + "', '" + after + "')")).isEqualTo(3);
                    assertThat(number(statement, "SELECT count(*) FROM jobs.audit_log WHERE row_id = '" + after + "'"))
                            .as("audit entries of the posting created after the move").isPositive();
                    assertThat(text(statement, "SELECT cover_letter::text FROM jobs.job_application WHERE id = '"
                            + application1 + "'")).doesNotContain("Sealed before the move");
                    assertThat(text(statement, "SELECT bool_and(relrowsecurity AND relforcerowsecurity)::text FROM pg_class"
                            + " WHERE relname = 'job_posting' AND relnamespace = 'jobs'::regnamespace"))
                            .as("row-level security forced on the target").isEqualTo("true");
                }
                var appRole = TestDatabase.get().rolePrefix() + "jobs_app";
                try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + target.port() + "/"
                        + DATABASE, appRole, TestDatabase.get().appPassword()); var statement = connection.createStatement()) {
                    assertThat(number(statement, "SELECT count(*) FROM jobs.job_posting"))
                            .as("no tenant set: row-level security shows nothing").isZero();
                    assertThat(refusedSql(statement, "CREATE TABLE jobs.mine (id int)")).contains("permission denied");
                }

                // The source is read-only for the app role and marked; an instance configured with it refuses to start.
                try (var connection = source.connect(DATABASE); var statement = connection.createStatement()) {
                    assertThat(text(statement, "SELECT has_table_privilege('" + appRole + "', 'jobs.job_posting', 'INSERT')::text"))
                            .isEqualTo("false");
                    assertThat(text(statement, "SELECT obj_description('jobs'::regnamespace, 'pg_namespace')"))
                            .isEqualTo("edumatrix:moved-to 127.0.0.1:" + target.port() + "/" + DATABASE);
                    assertThat(number(statement, "SELECT (SELECT count(*) FROM pg_publication) + (SELECT count(*) FROM"
                            + " pg_replication_slots)")).as("publication and slot removed").isZero();
                }
                var refusal = ApplicationLaunch.onTestDatabase()
                        .with("edumatrix.database.modules.jobs.port", source.port())
                        .with("edumatrix.database.modules.jobs.database", DATABASE)
                        .with("edumatrix.database.modules.jobs.admin-user", "postgres").refusal();
                assertThat(refusal.getMessage()).startsWith("Module 'jobs' moved from 127.0.0.1:" + source.port());

                // Back: the old schema goes first, on purpose, then the same move in the other direction.
                var dropped = Api.ok(Api.post(admin, "/api/admin/modules/jobs/old-schema/drop", target(source)));
                assertThat(String.valueOf(dropped.get("result"))).startsWith("Dropped schema jobs");
                var back = awaitEnd(admin, startMove(admin, target(source)));
                assertThat(back).containsEntry("state", "DONE");
                assertThat(jobsAt(application)).isEqualTo(source.port());
                assertThat(Api.read(staff, "/api/jobs/" + after)).containsEntry("title", "After the move");
                World.jobPosting(staff, "Back home");
            }
        }
    }

    private static Map<String, Object> target(ThrowawayCluster cluster) {
        return Map.of("host", "127.0.0.1", "port", cluster.port(), "database", DATABASE);
    }

    private static int jobsAt(ConfigurableApplicationContext application) {
        return application.getBean(ModuleBeans.dataAccess("jobs"), ModuleDataAccess.class).location().port();
    }

    private static String startMove(RestTestClient admin, Map<String, Object> target) {
        var result = Api.post(admin, "/api/admin/modules/jobs/move", target).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult();
        return result.getResponseHeaders().getLocation().toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitEnd(RestTestClient admin, String location) throws InterruptedException {
        var until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Map<String, Object> status = admin.get().uri(location).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            if (!"RUNNING".equals(status.get("state")) || System.nanoTime() > until) {
                return status;
            }
            Thread.sleep(200);
        }
    }

    private static void assertRefused(RestTestClient admin, Map<String, Object> target, String cause) {
        var problem = Api.post(admin, "/api/admin/modules/jobs/move", target).expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(String.valueOf(problem.get("detail"))).contains(cause);
    }

    private static long number(Statement statement, String sql) throws SQLException {
        return Long.parseLong(text(statement, sql));
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String refusedSql(Statement statement, String sql) {
        try {
            statement.execute(sql);
            return "executed";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
