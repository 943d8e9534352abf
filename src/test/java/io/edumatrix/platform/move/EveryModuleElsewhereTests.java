package io.edumatrix.platform.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.Erasures;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.ThrowawayCluster;
import io.edumatrix.platform.testing.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every module works on a server of its own (issue 21): for each module in turn, one application start with that
 * module alone on a second PostgreSQL cluster (a database of its own there), and the README's cross-module walk
 * through it: an institution and its members, a course and an enrollment, a job taken to an offer, the statistics and
 * the notifications those events make, and an erasure that goes out to every module and comes back confirmed.
 */
@ProcessTest
class EveryModuleElsewhereTests {

    private static ThrowawayCluster second;

    @BeforeAll
    static void startSecondServer() throws Exception {
        second = ThrowawayCluster.start(15520, "replica");
    }

    @AfterAll
    static void stopSecondServer() throws Exception {
        if (second != null) {
            second.close();
        }
    }

    static List<String> modules() {
        return ConfiguredModules.names();
    }

    @ParameterizedTest(name = "{0} on a second server")
    @MethodSource("modules")
    void the_walk_through_works_with_one_module_on_a_second_server(String module) throws Exception {
        var database = "elsewhere_" + module;
        second.execute("postgres", "CREATE DATABASE " + database);
        long started = System.nanoTime();
        try (var application = ApplicationLaunch.onTestDatabase().overHttp()
                .with("edumatrix.database.modules." + module + ".port", second.port())
                .with("edumatrix.database.modules." + module + ".database", database)
                .with("edumatrix.database.modules." + module + ".admin-user", "postgres")
                .with("edumatrix.database.modules." + module + ".admin-password", "").start()) {
            var placed = application.getBean(ModuleBeans.dataAccess(module), ModuleDataAccess.class);
            assertThat(placed.jdbcOperations().queryForObject("SELECT current_setting('port')", Map.of(), String.class))
                    .isEqualTo(String.valueOf(second.port()));

            var world = World.onServer(ApplicationLaunch.baseUrl(application));
            var admin = world.platformAdmin().client();
            var school = world.institution();
            var staff = school.instructor().client();
            var student = world.member(school.admin(), school.id(), "STUDENT");

            var course = World.course(staff, school.id(), World.uniqueCode("E"), "Elsewhere");
            World.enroll(student.client(), course);

            var job = World.jobPosting(staff, "Tutor");
            Api.ok(Api.post(staff, "/api/jobs/" + job + "/status", Map.of("status", "OPEN")));
            var applied = Api.id(Api.created(Api.post(student.client(), "/api/jobs/" + job + "/applications",
                    Map.of("coverLetter", "I like algebra"))));
            for (var next : List.of("UNDER_REVIEW", "INTERVIEW", "OFFERED")) {
                Api.ok(Api.post(staff, "/api/jobs/applications/" + applied + "/status", Map.of("status", next)));
            }

            // Events from jobs reach statistics and notifications, wherever each of them lives.
            await("statistics counted the offer").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Api.read(school.admin().client(), "/api/statistics/institutions/" + school.id() + "/overview"),
                            overview -> String.valueOf(overview.get("applications")).contains("OFFERED=1"));
            await("notifications of the application").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Api.values(Api.read(student.client(), "/api/notifications"), "detail"),
                            details -> details.contains("OFFERED"));

            // An erasure goes out to every module and every module's confirmation comes back.
            var erased = Erasures.erase(admin, student.accountId());
            var state = Api.read(admin, "/api/erasures/{id}", erased);
            assertThat((List<?>) state.get("modules")).hasSize(ConfiguredModules.names().size());
        }
        System.out.printf("ELSEWHERE module=%s seconds=%.1f%n", module, (System.nanoTime() - started) / 1e9);
    }
}
