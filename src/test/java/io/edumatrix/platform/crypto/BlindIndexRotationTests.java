package io.edumatrix.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.privacy.BlindIndexedRows;
import io.edumatrix.platform.privacy.SealedColumn;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Sql;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A rotation of identity's blind-index key: new accounts are indexed under the new key at once, every account is found
 * by email throughout (lookups try both keys), the stored indexes are recomputed batch by batch with the cursor kept
 * in the keyset row, a batch that fails leaves the cursor where it was, the job resumes from it, and at the end the old
 * key leaves the keyset, so lookups compute one index again.
 */
@HttpApplicationTest
@IntegrationTest
class BlindIndexRotationTests {

    private static final SealedColumn EMAIL = SealedColumn.of("account", "email");

    @Autowired
    private ModuleVaults vaults;
    @Autowired
    private KeyMaintenance maintenance;
    @Autowired
    private List<BlindIndexedRows> blindIndexedRows;
    @Autowired
    private RestTestClient http;

    @Test
    void accounts_are_found_by_email_before_during_and_after_a_blind_index_rotation_that_resumes_from_its_cursor() {
        var world = new World(http);
        var before = world.outsider();
        var alsoBefore = world.outsider();
        var admin = world.platformAdmin().client();
        var keys = vaults.of("identity");
        var oldKey = keys.status().blindIndexPrimaryKeyId();
        var oldIndex = storedIndex(before.accountId());

        var rotated = admin.post().uri("/api/admin/keys/{module}/blind-index/rotation", "identity").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) rotated.get("blindIndexPrimaryKeyId")).longValue()).isNotEqualTo(oldKey);
        assertThat((List<?>) rotated.get("blindIndexKeyIds")).hasSize(2);
        assertThat(rotated.get("blindIndexRotationStartedAt")).isNotNull();
        admin.post().uri("/api/admin/keys/{module}/blind-index/rotation", "identity").exchange()
                .expectStatus().isEqualTo(409);

        var after = world.outsider();
        assertThat(storedIndex(after.accountId())).as("a new account, under the new key")
                .isEqualTo(vaults.vault("identity").blindIndex(EMAIL, after.email().toLowerCase()));
        assertThat(world.login(before.email(), World.PASSWORD, null).accessToken()).as("found under the old key")
                .isNotBlank();
        http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", before.email().toUpperCase(), "password", World.PASSWORD, "displayName", "Twin"))
                .exchange().expectStatus().isEqualTo(409);

        maintenance.reindex(keys);
        assertThat(storedIndex(before.accountId())).as("not before twice the refresh interval").isEqualTo(oldIndex);
        Sql.execute("UPDATE identity.module_keyset SET reindex_started_at = reindex_started_at - interval '1 minute'"
                + " WHERE purpose = 'blind-index'");

        var identityRows = blindIndexedRows.stream().filter(r -> r.module().equals("identity")).findFirst().orElseThrow();
        assertThatThrownBy(() -> keys.inTransaction(() -> {
            var started = keys.lockedReindex().orElseThrow();
            keys.recordReindexed(started.startedAt(), identityRows.reindex(null, 1).orElseThrow());
            throw new IllegalStateException("a crash after the first batch, before its commit");
        })).hasMessageContaining("a crash");
        assertThat(keys.reindexInProgress().orElseThrow().cursor()).as("rolled back with its batch").isNull();
        var first = keys.inTransaction(() -> {
            var started = keys.lockedReindex().orElseThrow();
            var cursor = identityRows.reindex(null, 1).orElseThrow();
            keys.recordReindexed(started.startedAt(), cursor);
            return cursor;
        });
        assertThat(keys.reindexInProgress().orElseThrow().cursor()).as("one batch committed").isEqualTo(first);
        assertThat(world.login(alsoBefore.email(), World.PASSWORD, null).accessToken()).isNotBlank();

        assertThat(maintenance.reindex(keys)).as("resumed from the cursor and finished").isTrue();

        var status = keys.status();
        assertThat(status.blindIndexKeyIds()).containsExactly(status.blindIndexPrimaryKeyId());
        assertThat(status.blindIndexRotationStartedAt()).isNull();
        for (var person : List.of(before, alsoBefore, after)) {
            assertThat(storedIndex(person.accountId())).as(person.email())
                    .isEqualTo(vaults.vault("identity").blindIndex(EMAIL, person.email().toLowerCase()));
            assertThat(world.login(person.email(), World.PASSWORD, null).accessToken()).isNotBlank();
        }
        assertThat(vaults.vault("identity").blindIndexes(EMAIL, before.email().toLowerCase())).hasSize(1);
        assertThat(Sql.count("SELECT count(*) FROM identity.login_attempt WHERE email_index = decode(?, 'hex')",
                java.util.HexFormat.of().formatHex(oldIndex))).as("the old index's attempts moved").isZero();
    }

    private static byte[] storedIndex(UUID account) {
        try (var admin = TestDatabase.get().connectAsAdmin();
                var query = admin.prepareStatement("SELECT email_index FROM identity.account WHERE id = ?")) {
            query.setObject(1, account);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
