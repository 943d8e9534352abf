package io.edumatrix.platform.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.World;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The development run as {@code ./mvnw spring-boot:run} starts it (the dev profile) on a machine where no PostgreSQL
 * answers: it starts one of its own, the application provisions and migrates it and serves, the administrator it
 * printed logs in; stopped and started again, it finds the same data, key and password. The configured port is one
 * nothing listens on, so no other server is touched.
 */
@ProcessTest
class EmbeddedDevelopmentRunTests {

    private final Path folder = Path.of("target", "dev-run-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void deleteTheFolder() throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void starts_its_own_postgresql_serves_and_keeps_the_data_across_a_restart() throws Exception {
        var arguments = new String[] {"--spring.profiles.active=" + DevelopmentRun.PROFILE,
                "--" + DevelopmentRun.FOLDER_PROPERTY + "=" + folder, "--edumatrix.database.host=127.0.0.1",
                "--edumatrix.database.port=" + closedPort()};
        String password;
        String code = "dev" + UUID.randomUUID().toString().substring(0, 8);
        try (var first = ApplicationProcess.start("dev-run-first", List.of(), arguments)) {
            password = Files.readString(folder.resolve("admin-password")).strip();
            assertThat(Files.readString(first.log()))
                    .contains("an embedded PostgreSQL runs on")
                    .contains(DevelopmentSecrets.ADMIN_EMAIL + " with the password " + password);
            var world = World.onServer(first.baseUrl());
            var admin = world.bearer(world.login(DevelopmentSecrets.ADMIN_EMAIL, password, null).accessToken());
            admin.post().uri("/api/institutions").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "Kept Across Restarts", "code", code))
                    .exchange().expectStatus().isCreated();
        }
        assertThat(folder.resolve("postgres").resolve("postmaster.pid"))
                .as("the embedded server stops with the application").doesNotExist();
        var key = Files.readString(folder.resolve("master-key"));

        try (var second = ApplicationProcess.start("dev-run-second", List.of(), arguments)) {
            assertThat(Files.readString(second.log()))
                    .doesNotContain("with the password")
                    .contains("its password in " + folder.resolve("admin-password"));
            var world = World.onServer(second.baseUrl());
            var admin = world.bearer(world.login(DevelopmentSecrets.ADMIN_EMAIL, password, null).accessToken());
            var institutions = admin.get().uri("/api/institutions").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(institutions).contains(code);
        }
        assertThat(Files.readString(folder.resolve("master-key"))).isEqualTo(key);
    }

    /** A port nothing listens on: taken from the system, then let go. */
    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
