package io.edumatrix.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.privacy.SealedColumn;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotation of a module's person-key wrapping key: new person keys are wrapped under the new key, old ones still
 * unwrap, the job moves every one over and reports it, concurrent rotations lose no key, another instance picks the
 * new key up, and logins by email work throughout.
 */
@HttpApplicationTest
@IntegrationTest
class KeyRotationTests {

    private static final String MODULE = "institutions";
    private static final SealedColumn NAME = SealedColumn.of("profile", "name");

    @Autowired
    private ModuleVaults vaults;
    @Autowired
    private KeyMaintenance maintenance;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private MasterKey masterKey;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private RestTestClient http;

    @Test
    void after_a_rotation_new_keys_use_the_new_primary_old_values_still_open_and_the_job_rewraps_every_key() throws Exception {
        var keys = vaults.of(MODULE);
        var vault = vaults.vault(MODULE);
        var before = Ids.next();
        var row = Ids.next();
        var sealedBefore = vault.seal(before, NAME, row, "sealed before the rotation");
        var oldPrimary = keys.status().primaryKeyId();
        assertThat(wrappedBy(before)).isEqualTo(oldPrimary);

        try (var pin = TestDatabase.get().connectAsAdmin()) {
            // The row stays locked while the job runs, so it is certain to be still under the old key afterwards.
            pin.setAutoCommit(false);
            pin.createStatement().execute("SELECT 1 FROM institutions.person_key WHERE subject_id = '" + before
                    + "' FOR UPDATE");

            var rotated = keys.rotate();
            var after = Ids.next();
            var sealedAfter = vault.seal(after, NAME, row, "sealed after the rotation");

            assertThat(rotated.primaryKeyId()).isNotEqualTo(oldPrimary);
            assertThat(rotated.keyIds()).contains(oldPrimary, rotated.primaryKeyId());
            assertThat(wrappedBy(after)).isEqualTo(rotated.primaryKeyId());
            assertThat(uncached(keys).open(before, NAME, row, sealedBefore)).contains("sealed before the rotation");

            maintenance.rewrap(keys);

            assertThat(wrappedBy(before)).as("locked, so skipped").isEqualTo(oldPrimary);
            assertThat(keys.status().underOlderKeys()).isPositive();
            pin.rollback();

            maintenance.rewrap(keys);

            var status = keys.status();
            assertThat(status.underOlderKeys()).isZero();
            assertThat(status.personKeys()).isPositive();
            assertThat(meters.get(ModuleVaults.GAUGE).tag("module", MODULE).gauge().value()).isZero();
            assertThat(wrappedBy(before)).isEqualTo(rotated.primaryKeyId());
            assertThat(uncached(keys).open(before, NAME, row, sealedBefore)).contains("sealed before the rotation");
            assertThat(uncached(keys).open(after, NAME, row, sealedAfter)).contains("sealed after the rotation");
        }
    }

    @Test
    void another_instance_unwraps_a_key_wrapped_under_a_primary_it_has_not_loaded_yet() {
        var here = vaults.of(MODULE);
        var otherInstance = newModuleKeys();
        here.rotate();
        var subject = Ids.next();
        var row = Ids.next();
        var sealed = vaults.vault(MODULE).seal(subject, NAME, row, "from this instance");

        var opened = new ModuleVault(otherInstance, noCache()).open(subject, NAME, row, sealed);

        assertThat(opened).contains("from this instance");
        assertThat(otherInstance.status().primaryKeyId()).isEqualTo(here.status().primaryKeyId());
    }

    @Test
    void another_instance_wraps_new_person_keys_under_the_new_primary_once_its_keyset_is_older_than_the_interval()
            throws Exception {
        var current = newModuleKeys(Duration.ZERO);
        var loadedLately = newModuleKeys(Duration.ofHours(1));
        var rotated = vaults.of(MODULE).rotate();

        var subject = Ids.next();
        new ModuleVault(current, noCache()).seal(subject, NAME, Ids.next(), "wrapped by an up-to-date instance");
        var laggard = Ids.next();
        new ModuleVault(loadedLately, noCache()).seal(laggard, NAME, Ids.next(), "wrapped by a lagging instance");

        assertThat(wrappedBy(subject)).isEqualTo(rotated.primaryKeyId());
        assertThat(wrappedBy(laggard)).as("keyset read less than the interval ago: not read again")
                .isNotEqualTo(rotated.primaryKeyId());
    }

    @Test
    void the_rewrap_job_leaves_a_module_alone_once_nothing_is_left_under_an_older_key_until_a_rotation() {
        var keys = vaults.of(MODULE);
        vaults.vault(MODULE).seal(Ids.next(), NAME, Ids.next(), "a person key to re-wrap");
        maintenance.rewrap(keys);
        assertThat(keys.rewrapPending()).isFalse();
        var otherInstance = newModuleKeys();
        otherInstance.status();
        assertThat(otherInstance.rewrapPending()).isFalse();

        keys.rotate();
        assertThat(keys.rewrapPending()).as("after a rotation made here").isTrue();
        otherInstance.refresh();
        assertThat(otherInstance.rewrapPending()).as("after a rotation seen here").isTrue();

        maintenance.rewrap(otherInstance);
        assertThat(otherInstance.rewrapPending()).isFalse();
    }

    @Test
    void two_instances_rotating_at_once_take_turns_on_the_keyset_row_and_lose_no_key() throws Exception {
        var first = vaults.of(MODULE);
        var second = newModuleKeys();
        var before = first.status().keyIds();
        Callable<List<Long>> fiveRotations1 = () -> rotations(first, 5);
        Callable<List<Long>> fiveRotations2 = () -> rotations(second, 5);
        var added = new ArrayList<Long>();
        try (var executor = Executors.newFixedThreadPool(2)) {
            var a = executor.submit(fiveRotations1);
            var b = executor.submit(fiveRotations2);
            added.addAll(a.get());
            added.addAll(b.get());
        }

        first.refresh();
        var keyIds = first.status().keyIds();
        assertThat(added).doesNotHaveDuplicates().hasSize(10);
        assertThat(keyIds).hasSize(before.size() + 10).containsAll(before).containsAll(added);
    }

    @Test
    void logging_in_by_email_works_after_a_rotation_of_every_module_and_after_the_rewrap_over_http() {
        var world = new World(http);
        var email = "Rotating-" + UUID.randomUUID() + "@edumatrix.test";
        http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", World.PASSWORD, "displayName", "Rota"))
                .exchange().expectStatus().isCreated();
        var admin = world.platformAdmin().client();

        var rotated = admin.post().uri("/api/admin/keys/rotation").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).returnResult()
                .getResponseBody();

        assertThat(rotated).extracting(module -> module.get("module")).contains("identity", "institutions", "courses");
        assertThat(world.login(email.toUpperCase(), World.PASSWORD, null).accessToken()).isNotBlank();
        var identity = admin.get().uri("/api/admin/keys").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).returnResult()
                .getResponseBody().stream().filter(module -> module.get("module").equals("identity")).findFirst()
                .orElseThrow();
        assertThat(identity).containsKeys("primaryKeyId", "keyIds", "personKeys", "underOlderKeys");
        assertThat(((Number) identity.get("underOlderKeys")).longValue()).isPositive();

        maintenance.rewrapEverywhere();

        var me = world.bearer(world.login(email, World.PASSWORD, null).accessToken()).get().uri("/api/accounts/me")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(me).containsEntry("email", email).containsEntry("displayName", "Rota");
        admin.get().uri("/api/admin/keys").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).value(modules ->
                        assertThat(modules).allSatisfy(module ->
                                assertThat(((Number) module.get("underOlderKeys")).longValue()).isZero()));
        admin.post().uri("/api/admin/keys/{module}/rotation", "identity").exchange().expectStatus().isOk();
        admin.post().uri("/api/admin/keys/{module}/rotation", "nonesuch").exchange().expectStatus().isNotFound();
    }

    @Test
    void older_wrapping_keys_are_retired_once_nothing_is_wrapped_under_them_and_the_retirement_can_be_repeated()
            throws Exception {
        var keys = vaults.of(MODULE);
        var admin = new World(http).platformAdmin().client();
        var subject = Ids.next();
        var row = Ids.next();
        var sealed = vaults.vault(MODULE).seal(subject, NAME, row, "sealed under a key to retire");
        var rotated = keys.rotate();

        try (var pin = TestDatabase.get().connectAsAdmin()) {
            // The subject's key stays locked, so the re-wrap the retirement starts with cannot move it.
            pin.setAutoCommit(false);
            pin.createStatement().execute("SELECT 1 FROM institutions.person_key WHERE subject_id = '" + subject
                    + "' FOR UPDATE");
            admin.post().uri("/api/admin/keys/{module}/retirement", MODULE).exchange().expectStatus().isEqualTo(409)
                    .expectBody(Map.class).value(problem -> assertThat((String) problem.get("detail"))
                            .contains("changed", "ago"));
            ageKeyset();
            admin.post().uri("/api/admin/keys/{module}/retirement", MODULE).exchange().expectStatus().isEqualTo(409)
                    .expectBody(Map.class).value(problem -> assertThat((String) problem.get("detail"))
                            .contains("still wrapped under an older key"));
            assertThat(keys.status().keyIds()).as("nothing retired").hasSizeGreaterThan(1);
            pin.rollback();
        }

        var retired = admin.post().uri("/api/admin/keys/{module}/retirement", MODULE).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(((Number) retired.get("primaryKeyId")).longValue()).isEqualTo(rotated.primaryKeyId());
        assertThat((List<?>) retired.get("keyIds")).hasSize(1);
        assertThat(wrappedBy(subject)).isEqualTo(rotated.primaryKeyId());
        assertThat(newModuleKeys().status().keyIds()).as("as another instance loads it").hasSize(1);
        assertThat(uncached(newModuleKeys()).open(subject, NAME, row, sealed)).contains("sealed under a key to retire");
        admin.post().uri("/api/admin/keys/{module}/retirement", MODULE).exchange().expectStatus().isOk();
    }

    /** As if the primary had been made long enough ago that no instance still wraps under an older key. */
    private static void ageKeyset() {
        io.edumatrix.platform.testing.Sql.execute("UPDATE " + MODULE + ".module_keyset SET updated_at = updated_at"
                + " - interval '1 minute' WHERE purpose = 'person-key-wrapping'");
    }

    private static List<Long> rotations(ModuleKeys keys, int times) {
        var added = new ArrayList<Long>();
        for (var i = 0; i < times; i++) {
            added.add(keys.rotate().primaryKeyId());
        }
        return added;
    }

    /** The same module's keys as a second application instance would hold them: its own copy, loaded now. */
    private ModuleKeys newModuleKeys() {
        return newModuleKeys(Duration.ofSeconds(5));
    }

    private ModuleKeys newModuleKeys(Duration refreshInterval) {
        var jdbc = context.getBean(ModuleBeans.jdbcOperations(MODULE), NamedParameterJdbcTemplate.class);
        var transactions = new TransactionTemplate(
                context.getBean(ModuleBeans.transactionManager(MODULE), PlatformTransactionManager.class));
        return new ModuleKeys(MODULE, new StoredKeysets(MODULE, jdbc, masterKey), new PersonKeyTable(jdbc), transactions,
                refreshInterval);
    }

    /** A vault over the keys that caches nothing, so every open unwraps the stored person key. */
    private static ModuleVault uncached(ModuleKeys keys) {
        return new ModuleVault(keys, noCache());
    }

    private static PersonKeyCache noCache() {
        return new PersonKeyCache(new CryptoProperties.PersonKeyCacheSettings(0, Duration.ZERO));
    }

    private static long wrappedBy(UUID subject) throws SQLException {
        try (var connection = TestDatabase.get().connectAsAdmin();
                var query = connection.prepareStatement(
                        "SELECT wrapped_by FROM " + MODULE + ".person_key WHERE subject_id = ?")) {
            query.setObject(1, subject);
            try (var result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getLong(1);
            }
        }
    }
}
