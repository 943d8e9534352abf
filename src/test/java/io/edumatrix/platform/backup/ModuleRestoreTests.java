package io.edumatrix.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.edumatrix.platform.crypto.MasterKey;
import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.FreshDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One module backed up and restored alone, online: a course deleted by SQL comes back from the courses module's
 * backup while the institutions module answers every request; the courses module answers 503 with Retry-After
 * during the swap, and an erasure the module handled after the backup is marked for redelivery and handled again.
 * Damaged files, another module's backup and a newer migration version are refused, changing nothing.
 */
@IntegrationTest
class ModuleRestoreTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ERASURES_HANDLED_BY_COURSES =
            "courses.event_inbox WHERE listener_id = 'courses.erasure'";

    @TempDir
    Path folder;

    @Test
    void a_course_deleted_by_sql_comes_back_from_the_courses_backup_while_institutions_serve_throughout() throws Exception {
        try (var database = FreshDatabase.create(); var application = database.launch().overHttp().start()) {
            var baseUrl = ApplicationLaunch.baseUrl(application);
            var world = World.onServer(baseUrl);
            var north = world.institution();
            var course = World.course(north.instructor().client(), north.id(), "BAK-1", "Backed up");
            var taught = World.course(north.instructor().client(), north.id(), "BAK-E", "Enrolled");
            World.enroll(north.student().client(), taught);
            var forgotten = world.member(north.admin(), north.id(), "STUDENT");
            World.enroll(forgotten.client(), taught);
            var file = folder.resolve("courses.backup");

            assertThat(command(database, "--backup-module=courses", "--to=" + file)).isZero();
            execute(database, "DELETE FROM courses.course WHERE id = '" + course + "'");
            // After the backup, the courses module handles two erasures; the restore takes them away. The first comes
            // back as a delivery again; the second's publications are gone (as after edumatrix.events.keep-completed),
            // so only the other modules' records of it can bring it back.
            var admin = world.platformAdmin();
            for (var person : java.util.List.of(north.student(), forgotten)) {
                assertThat(post(baseUrl, "/api/accounts/" + person.accountId() + "/erasure", admin.accessToken())
                        .statusCode()).isBetween(200, 299);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count(database, ERASURES_HANDLED_BY_COURSES) == 2
                    && count(database, "identity.erasure_request WHERE status = 'COMPLETED'") == 2);
            execute(database, "DELETE FROM identity.event_publication WHERE serialized_event::jsonb ->> 'accountId' = '"
                    + forgotten.accountId() + "'");
            assertThat(count(database, "courses.enrollment")).isZero();
            assertThat(get(baseUrl, "/api/courses/" + course, north.admin().accessToken()).statusCode()).isEqualTo(404);
            // The pool itself: the module's data source hands out a connection lazily, at its first statement.
            javax.sql.DataSource coursesPool = application.getBean(io.edumatrix.platform.data.ModuleBeans.dataAccess("courses"),
                    io.edumatrix.platform.data.ModuleDataAccess.class).pool();

            var restore = CompletableFuture.supplyAsync(() -> command(database, "--restore-module=courses", "--from=" + file));
            var coursesAnswers = new ArrayList<HttpResponse<String>>();
            var institutionsAnswers = new ArrayList<Integer>();
            CompletableFuture<Long> connectionDuringThePause = null;
            var servedWhilePaused = new ArrayList<Boolean>();
            while (!restore.isDone()) {
                // Whether the pool had handed out a connection before this request was asked: if so, a 503 to it
                // would mean a request was refused as paused after the pool served again.
                var servedBefore = connectionDuringThePause != null && connectionDuringThePause.isDone();
                var answer = get(baseUrl, "/api/courses?institutionId=" + north.id(), north.admin().accessToken());
                coursesAnswers.add(answer);
                if (answer.statusCode() == 503) {
                    if (connectionDuringThePause == null) {
                        connectionDuringThePause = CompletableFuture.supplyAsync(() -> {
                            try (var connection = coursesPool.getConnection()) {
                                return System.nanoTime();
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    } else {
                        servedWhilePaused.add(servedBefore);
                    }
                }
                institutionsAnswers.add(get(baseUrl, "/api/institutions/" + north.id(), north.admin().accessToken()).statusCode());
                Thread.sleep(50);
            }

            assertThat(restore.get()).isZero();
            assertThat(institutionsAnswers).isNotEmpty().containsOnly(200);
            assertThat(coursesAnswers).anySatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(answer.body()).contains("service-unavailable", "Module 'courses' is being restored");
            });
            assertThat(servedWhilePaused).as("the courses pool handed out no connection while paused").isNotEmpty()
                    .containsOnly(false);
            assertThat(connectionDuringThePause.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("once resumed")
                    .isPositive();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(get(baseUrl, "/api/courses/" + course, north.admin().accessToken()).body()).contains("Backed up"));
            assertThat(World.course(north.instructor().client(), north.id(), "BAK-2", "After the restore")).isNotNull();

            // No operator step: the instance that saw the module resume applies the erasures and delivers what it missed.
            await().atMost(Duration.ofSeconds(30)).until(() -> count(database, ERASURES_HANDLED_BY_COURSES) == 1
                    && count(database, "courses.enrollment") == 0);
            assertThat(count(database, "courses.erased_subject WHERE account_id IN ('" + north.student().accountId()
                    + "', '" + forgotten.accountId() + "')")).isEqualTo(2);
            assertThat(count(database, "courses.event_inbox WHERE listener_id = 'courses.erasure'"))
                    .as("the second erasure was not delivered again: its publication is gone").isEqualTo(1);
        }
    }

    @Test
    void a_damaged_file_another_modules_backup_and_a_newer_version_are_refused_and_change_nothing() throws Exception {
        try (var database = FreshDatabase.create(); var application = database.launch().start()) {
            var modules = modulesOf(database);
            var file = folder.resolve("courses.backup");
            new ModuleBackup(modules, "", "").backUp("courses", file);
            execute(database, "INSERT INTO courses.course VALUES (gen_random_uuid(), 0, gen_random_uuid(), 'NEW1', 'After',"
                    + " null, true, now(), now())");
            var restore = new ModuleRestore(modules, "", Optional.of(MasterKey.from(application.getEnvironment())));

            var truncated = folder.resolve("truncated.backup");
            var bytes = Files.readAllBytes(file);
            Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> restore.restore("courses", truncated)).isInstanceOf(BackupRefusedException.class)
                    .hasMessageContaining("damaged or truncated");

            var altered = folder.resolve("altered.backup");
            rewrite(file, altered, "schema.dump", dump -> { dump[dump.length / 2] ^= 0x5A; return dump; });
            assertThatThrownBy(() -> restore.restore("courses", altered)).isInstanceOf(BackupRefusedException.class)
                    .hasMessageContaining("is damaged: its dump's SHA-256");

            assertThatThrownBy(() -> restore.restore("jobs", file)).isInstanceOf(BackupRefusedException.class)
                    .hasMessageContaining("is a backup of module 'courses', not of 'jobs'");

            var newer = folder.resolve("newer.backup");
            rewrite(file, newer, "manifest.properties", manifest -> new String(manifest, StandardCharsets.UTF_8)
                    .replaceAll("module-version=\\d+", "module-version=99").getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> restore.restore("courses", newer)).isInstanceOf(BackupRefusedException.class)
                    .hasMessageContaining("taken at module version 99").hasMessageContaining("newer than this release knows");

            assertThat(new String(readEntry(file, "manifest.properties"), StandardCharsets.UTF_8))
                    .contains("master-keys=" + MasterKey.from(application.getEnvironment()).fingerprint());
            var olderKey = folder.resolve("older-key.backup");
            rewrite(file, olderKey, "manifest.properties", manifest -> new String(manifest, StandardCharsets.UTF_8)
                    .replaceAll("master-keys=[^\\n]*", "master-keys=mk-00112233aabbccdd").getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> restore.restore("courses", olderKey)).isInstanceOf(BackupRefusedException.class)
                    .hasMessageContaining("holds keys wrapped under master key mk-00112233aabbccdd, which is configured"
                            + " neither as edumatrix.security.key-wrapping-key nor as"
                            + " edumatrix.security.key-wrapping-key-previous");

            assertThat(count(database, "courses.course")).isEqualTo(1);
            assertThat(count(database, "information_schema.schemata WHERE schema_name = 'courses_before_restore'")).isZero();
        }
    }

    private static int command(FreshDatabase database, String... arguments) {
        try {
            return ModuleBackupCommand.run(Stream.concat(Arrays.stream(database.launch().arguments()), Arrays.stream(arguments))
                    .toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModuleDatabases modulesOf(FreshDatabase database) {
        try (var context = new SpringApplicationBuilder(ModuleBackupCommand.PropertiesOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(database.launch().arguments())) {
            return ModuleDatabases.of(context.getBean(EduMatrixProperties.class));
        }
    }

    private static HttpResponse<String> get(String baseUrl, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String baseUrl, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void execute(FreshDatabase database, String sql) throws SQLException {
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(FreshDatabase database, String from) throws SQLException {
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM " + from)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static byte[] readEntry(Path archive, String entry) throws Exception {
        try (var zip = new ZipFile(archive.toFile())) {
            return zip.getInputStream(zip.getEntry(entry)).readAllBytes();
        }
    }

    /** A copy of {@code source} with one entry changed. */
    private static void rewrite(Path source, Path target, String entry, java.util.function.UnaryOperator<byte[]> change)
            throws Exception {
        try (var in = new ZipFile(source.toFile()); var out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (var e : in.stream().toList()) {
                var content = in.getInputStream(e).readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(entry) ? change.apply(content) : content);
                out.closeEntry();
            }
        }
    }
}
