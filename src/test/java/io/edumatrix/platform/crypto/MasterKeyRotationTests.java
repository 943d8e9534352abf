package io.edumatrix.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.CrashHarness;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The master key replaced without downtime: started with the new key and the old one as the previous, the application
 * serves requests while its key maintenance re-wraps every module keyset and signing key; killed (SIGKILL) part-way, it
 * refuses to start without the old key, naming the setting and the old key's fingerprint, and with both it carries on
 * where it stopped; once nothing is left the old key can go, and everything still opens.
 */
@ProcessTest
class MasterKeyRotationTests {

    private static final List<String> MODULES = List.of("identity", "institutions", "courses", "students", "freelancing",
            "community", "news", "jobs", "feedback", "statistics", "notifications");
    private static final String OLD_KEY = (String) TestDatabase.get().applicationProperties().get(MasterKey.SETTING);
    private static final String NEW_KEY = Base64.getEncoder().encodeToString(
            "a new master key, 32 bytes long!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final String OLD = MasterKey.fingerprintOf(Base64.getDecoder().decode(OLD_KEY));
    private static final String NEW = MasterKey.fingerprintOf(Base64.getDecoder().decode(NEW_KEY));
    /** Locked by the test, so that the re-wrap stops part-way: the modules before it are done, it and those after not. */
    private static final String HELD_MODULE = "news";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @AutoClose
    private final CrashHarness harness = CrashHarness.create(getClass());

    @Test
    void the_master_key_is_replaced_while_requests_are_served_and_the_rewrap_resumes_after_a_sigkill() throws Exception {
        var first = start("old-key", OLD_KEY, null);
        var world = World.onServer(first.baseUrl());
        var person = world.outsider();
        var admin = world.platformAdmin().client();
        admin.post().uri("/api/identity/signing-keys/rotation").exchange().expectStatus().isOk();
        assertThat(underOtherThan(OLD)).as("everything under the old key, recorded as such").isZero();
        first.close();

        try (var pin = harness.connectAsAdmin()) {
            pin.setAutoCommit(false);
            pin.createStatement().execute("SELECT 1 FROM " + HELD_MODULE + ".module_keyset FOR UPDATE");

            var rotating = start("rotating", NEW_KEY, OLD_KEY);
            harness.await("identity's keysets re-wrapped under the new key", TIMEOUT, () ->
                    harness.count("SELECT count(*) FROM identity.module_keyset WHERE master_key = ?", NEW) == 2);
            var served = World.onServer(rotating.baseUrl());
            var me = served.bearer(served.login(person.email(), World.PASSWORD, null).accessToken()).get()
                    .uri("/api/accounts/me").exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                    .getResponseBody();
            assertThat(me).as("served during the rotation").containsEntry("email", person.email());
            var status = served.platformAdmin().client().get().uri("/api/admin/keys/master").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(status).containsEntry("current", NEW).containsEntry("previous", OLD);
            assertThat(((Number) status.get("left")).longValue()).as("left under the old key").isPositive();
            assertThat(harness.count("SELECT count(*) FROM " + HELD_MODULE + ".module_keyset WHERE master_key = ?", OLD))
                    .isEqualTo(2);

            assertThat(rotating.kill()).as("exit code of a JVM killed by SIGKILL").isEqualTo(128 + 9);
            pin.rollback();
        }
        var left = underOtherThan(NEW);
        assertThat(left).as("left after the crash").isPositive();

        var refusal = harness.launch().with(MasterKey.SETTING, NEW_KEY).refusal();
        assertThat(refusal.getMessage()).doesNotContain("\n").contains(OLD).contains(MasterKey.PREVIOUS_SETTING);

        var resumed = start("resumed", NEW_KEY, OLD_KEY);
        harness.await("nothing left under the old key", TIMEOUT, () -> underOtherThan(NEW) == 0);
        var done = World.onServer(resumed.baseUrl()).platformAdmin().client().get().uri("/api/admin/keys/master")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) done.get("left")).longValue()).isZero();
        resumed.close();

        var newKeyOnly = start("new-key-only", NEW_KEY, null);
        var after = World.onServer(newKeyOnly.baseUrl());
        var tokens = after.login(person.email(), World.PASSWORD, null);
        assertThat(after.bearer(tokens.accessToken()).get().uri("/api/accounts/me").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody()).containsEntry("email", person.email());
        assertThat(after.platformAdmin().client().get().uri("/api/admin/keys").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody()).hasSize(MODULES.size());
    }

    /** Module keysets and signing keys wrapped under another master key than {@code fingerprint}, or none recorded. */
    private long underOtherThan(String fingerprint) throws java.sql.SQLException {
        var keysets = MODULES.stream().map(m -> "SELECT master_key FROM " + m + ".module_keyset")
                .collect(Collectors.joining(" UNION ALL "));
        return harness.count("SELECT count(*) FROM (" + keysets + " UNION ALL SELECT master_key FROM identity.signing_key)"
                + " k WHERE master_key IS DISTINCT FROM ?", fingerprint);
    }

    private ApplicationProcess start(String name, String key, String previous) throws Exception {
        return harness.start(name, launch -> launch
                .with(MasterKey.SETTING, key)
                .with(MasterKey.PREVIOUS_SETTING, previous == null ? "" : previous)
                .with("edumatrix.crypto.rewrap.interval", "1s")
                .with("edumatrix.database.instances", 1));
    }
}
