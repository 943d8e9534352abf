package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.World;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The build processed ahead of time (Spring AOT, ADR 0017) starts from the bean definitions generated for it, serves
 * every module, and refuses a module list other than the one it was processed for. The generated classes are on the
 * test class path because {@code process-aot} runs before the tests (pom.xml); the application runs in a JVM of its
 * own, since {@code spring.aot.enabled} is a JVM-wide switch.
 */
@ProcessTest
class AheadOfTimeStartTests {

    private static final List<String> AOT = List.of("-Dspring.aot.enabled=true");

    @Test
    void the_processed_build_starts_from_its_generated_definitions_and_works_across_modules() throws Exception {
        try (var database = FreshDatabase.create();
                var application = ApplicationProcess.start("aot-start", AOT, database.launch().arguments())) {
            assertThat(Files.readString(application.log(), StandardCharsets.UTF_8))
                    .contains("Starting AOT-processed EduMatrixApplication");

            var world = World.onServer(application.baseUrl());
            var north = world.institution();
            var course = north.admin().client().post().uri("/api/courses").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("institutionId", north.id(), "code", "AOT1", "title", "Generated beans"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            north.admin().client().get().uri("/api/courses/{id}", course.get("id")).exchange().expectStatus().isOk();
            // Counted by statistics from the courses module's outbox: listeners, inbox and transactions all run.
            awaitCourses(north, 1);
            // Row-level security holds too: another institution's admin does not see North's figures.
            world.institution().admin().client().get().uri("/api/statistics/institutions/{id}/overview", north.id())
                    .exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void a_module_list_other_than_the_processed_one_is_refused_naming_the_setting() throws Exception {
        try (var database = FreshDatabase.create();
                var application = ApplicationProcess.launch("aot-other-modules", AOT,
                        database.launch().with("edumatrix.modules", "institutions,courses").arguments())) {
            assertThat(application.awaitExit(Duration.ofMinutes(2))).as("exit code").isNotZero();

            assertThat(Files.readString(application.log(), StandardCharsets.UTF_8)).contains(
                    "APPLICATION FAILED TO START",
                    "Setting edumatrix.modules [institutions, courses] differs from the modules this build was processed"
                            + " ahead of time for " + ConfiguredModules.names(),
                    "Start without -Dspring.aot.enabled=true");
        }
    }

    private static void awaitCourses(World.Institution institution, long expected) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(30);
        long courses = -1;
        while (Instant.now().isBefore(deadline)) {
            var overview = institution.admin().client().get()
                    .uri("/api/statistics/institutions/{id}/overview", institution.id()).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            courses = ((Number) overview.get("courses")).longValue();
            if (courses == expected) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(courses).as("courses in the statistics overview after 30 s").isEqualTo(expected);
    }
}
