package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up is idempotent: started again on a database it provisioned and migrated before, the application changes no
 * schema, object, privilege, role or migration history, and serves what the first run stored.
 */
@IntegrationTest
class RestartTests {

    @Test
    void a_second_start_on_the_same_database_changes_nothing_in_it_and_serves_the_first_runs_data() throws Exception {
        try (var database = FreshDatabase.create()) {
            UUID institution;
            UUID course;
            World.Person instructor;
            List<String> schemas;
            try (var first = database.launch().overHttp().start()) {
                schemas = first.getBean(ModuleDatabases.class).all().stream().map(ModuleDatabase::schema).toList();
                var world = world(first);
                var admin = world.platformAdmin();
                institution = World.registerInstitution(admin.client(), "Restart University", "RESTART");
                instructor = world.member(admin, institution, "INSTRUCTOR");
                course = World.course(instructor.client(), institution, "RST-101", "Surviving restarts");
            }
            var afterFirstRun = snapshot(database, schemas);
            assertThat(afterFirstRun.facts()).containsKeys(schemas.stream().map(s -> "migration history of " + s).toArray(String[]::new));
            assertThat(afterFirstRun.get("relations")).isNotEmpty();

            try (var second = database.launch().overHttp().start()) {
                var world = world(second);
                var admin = world.platformAdmin();
                // The first run's token still verifies: the signing keys are stored, not made up at each start.
                var instructorAgain = world.bearer(instructor.accessToken());

                assertThat(snapshot(database, schemas)).usingRecursiveComparison().isEqualTo(afterFirstRun);
                assertThat(admin.client().get().uri("/api/institutions/{id}", institution).exchange()
                        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
                        .containsEntry("code", "RESTART").containsEntry("name", "Restart University");
                assertThat(instructorAgain.get().uri("/api/courses/{id}", course).exchange()
                        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
                        .containsEntry("institutionId", institution.toString()).containsEntry("title", "Surviving restarts");
            }
        }
    }

    private static DatabaseSnapshot snapshot(FreshDatabase database, List<String> schemas) throws Exception {
        try (var admin = database.connectAsAdmin()) {
            return DatabaseSnapshot.of(admin, schemas, database.rolesLikePattern());
        }
    }

    private static World world(ConfigurableApplicationContext application) {
        return World.onServer(ApplicationLaunch.baseUrl(application));
    }
}
