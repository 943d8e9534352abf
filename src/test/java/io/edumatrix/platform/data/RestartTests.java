package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Start-up is idempotent: started again on a database it provisioned and migrated before, the application changes no
 * schema, object, privilege, role or migration history, and serves what the first run stored.
 */
class RestartTests {

    @Test
    void a_second_start_on_the_same_database_changes_nothing_in_it_and_serves_the_first_runs_data() throws Exception {
        try (var database = FreshDatabase.create()) {
            UUID institution;
            UUID course;
            List<String> schemas;
            try (var first = database.launch().overHttp().start()) {
                schemas = first.getBean(ModuleDatabases.class).all().stream().map(ModuleDatabase::schema).toList();
                var http = client(first);
                institution = id(http.post().uri("/api/institutions").contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("name", "Restart University", "code", "RESTART")).retrieve().body(Map.class));
                course = id(http.post().uri("/api/courses").contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("institutionId", institution, "code", "RST-101", "title", "Surviving restarts"))
                        .retrieve().body(Map.class));
            }
            var afterFirstRun = snapshot(database, schemas);
            assertThat(afterFirstRun.facts()).containsKeys(schemas.stream().map(s -> "migration history of " + s).toArray(String[]::new));
            assertThat(afterFirstRun.get("relations")).isNotEmpty();

            try (var second = database.launch().overHttp().start()) {
                var http = client(second);

                assertThat(snapshot(database, schemas)).usingRecursiveComparison().isEqualTo(afterFirstRun);
                assertThat(http.get().uri("/api/institutions/{id}", institution).retrieve().body(Map.class))
                        .containsEntry("code", "RESTART").containsEntry("name", "Restart University");
                assertThat(http.get().uri("/api/courses/{id}", course).retrieve().body(Map.class))
                        .containsEntry("institutionId", institution.toString()).containsEntry("title", "Surviving restarts");
            }
        }
    }

    private static DatabaseSnapshot snapshot(FreshDatabase database, List<String> schemas) throws Exception {
        try (var admin = database.connectAsAdmin()) {
            return DatabaseSnapshot.of(admin, schemas, database.rolesLikePattern());
        }
    }

    private static RestClient client(ConfigurableApplicationContext application) {
        return RestClient.create("http://localhost:" + application.getEnvironment().getProperty("local.server.port"));
    }

    private static UUID id(Map<?, ?> body) {
        return UUID.fromString((String) body.get("id"));
    }
}
