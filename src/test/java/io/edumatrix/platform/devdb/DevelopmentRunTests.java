package io.edumatrix.platform.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Without the dev profile the development run adds nothing (java -jar stays as it was); with it, the master key and the
 * administrator are made once and kept, and settings the developer gives win.
 */
@UnitTest
class DevelopmentRunTests {

    @TempDir
    Path folder;

    @Test
    void without_the_dev_profile_nothing_is_added_and_nothing_is_written() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given",
                Map.of(DevelopmentRun.FOLDER_PROPERTY, folder.resolve("dev").toString())));
        var before = environment.getPropertySources().size();

        // The application itself is not consulted; only the environment and its profiles are.
        new DevelopmentRun(new DeferredLogs()).postProcessEnvironment(environment, null);

        assertThat(environment.getPropertySources().size()).isEqualTo(before);
        assertThat(folder.resolve("dev")).doesNotExist();
        assertThat(environment.getProperty("edumatrix.security.key-wrapping-key-file")).isNull();
    }

    @Test
    void the_master_key_and_the_administrator_are_made_once_and_kept_owner_only() throws Exception {
        var first = DevelopmentSecrets.prepare(new StandardEnvironment(), folder, new DeferredLogs().getLog(getClass()));
        var second = DevelopmentSecrets.prepare(new StandardEnvironment(), folder, new DeferredLogs().getLog(getClass()));

        assertThat(second).isEqualTo(first);
        var keyFile = Path.of((String) first.get("edumatrix.security.key-wrapping-key-file"));
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
        assertThat(Files.getPosixFilePermissions(keyFile).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(first).containsEntry("edumatrix.bootstrap.admin.email", DevelopmentSecrets.ADMIN_EMAIL);
        assertThat((String) first.get("edumatrix.bootstrap.admin.password"))
                .isEqualTo(Files.readString(folder.resolve("admin-password")).strip()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void a_key_or_an_administrator_the_developer_sets_wins() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", Map.of(
                "edumatrix.security.key-wrapping-key", "given-key",
                "edumatrix.bootstrap.admin.email", "me@example.com",
                "edumatrix.bootstrap.admin.password", "my-own-long-password")));

        var settings = DevelopmentSecrets.prepare(environment, folder, new DeferredLogs().getLog(getClass()));

        assertThat(settings).isEmpty();
        assertThat(folder.resolve("master-key")).doesNotExist();
        assertThat(folder.resolve("admin-password")).doesNotExist();
    }
}
