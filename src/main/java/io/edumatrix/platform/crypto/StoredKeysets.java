package io.edumatrix.platform.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.edumatrix.platform.Times;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A module's keysets in its table {@code module_keyset}, one row per purpose, each encrypted under the master key
 * with associated data that names the schema and the purpose: a keyset copied to another module or purpose does not
 * load. Each row names the master key that wraps it (its fingerprint), so a master-key rotation re-wraps exactly what
 * is left. Callers run these in the module's transactions.
 */
final class StoredKeysets {

    /** Where a blind-index rotation stands: since when the new key is the primary, and the last row re-indexed. */
    record Reindex(Instant startedAt, String cursor) {}

    private final String schema;
    private final NamedParameterJdbcTemplate jdbc;
    private final MasterKey masterKey;

    StoredKeysets(String schema, NamedParameterJdbcTemplate jdbc, MasterKey masterKey) {
        this.schema = schema;
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** The keyset for the purpose, created with one key if the module has none yet; another instance may win the race. */
    KeysetHandle loadOrCreate(KeyPurpose purpose) {
        var created = generate(purpose.parameters());
        jdbc.update("INSERT INTO module_keyset (purpose, encrypted_keyset, primary_key_id, master_key, created_at, updated_at)"
                + " VALUES (:purpose, :keyset, :primary, :master, :now, :now) ON CONFLICT (purpose) DO NOTHING",
                Map.of("purpose", purpose.label(), "keyset", encrypt(purpose, created),
                        "primary", KeyIds.of(created.getPrimary()), "master", masterKey.fingerprint(),
                        "now", Timestamp.from(Times.now())));
        return load(purpose, "");
    }

    KeysetHandle load(KeyPurpose purpose) {
        return load(purpose, "");
    }

    /**
     * Adds a new primary key to the purpose's keyset; the older keys stay, so what they protect still decrypts. The row
     * stays locked until the transaction ends, so concurrent rotations on several instances take turns and none loses
     * another's key.
     */
    KeysetHandle rotate(KeyPurpose purpose) {
        return change(purpose, current -> {
            try {
                return KeysetHandle.newBuilder(current).addEntry(
                        KeysetHandle.generateEntryFromParameters(purpose.parameters()).withRandomId().makePrimary()).build();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot add a key to the " + purpose.label() + " keyset of " + schema, e);
            }
        });
    }

    /** Replaces the keyset by what {@code change} makes of it (read and written under the row's lock), as one update. */
    KeysetHandle change(KeyPurpose purpose, UnaryOperator<KeysetHandle> change) {
        var changed = change.apply(load(purpose, " FOR UPDATE"));
        write(purpose, changed);
        return changed;
    }

    /**
     * Re-wraps the purpose's keyset under the current master key if another one wraps it; the keys inside do not
     * change, so every instance's copy in memory stays valid. Returns whether it did.
     */
    boolean rewrap(KeyPurpose purpose) {
        var master = jdbc.queryForObject("SELECT coalesce(master_key, '') FROM module_keyset WHERE purpose = :purpose"
                + " FOR UPDATE", Map.of("purpose", purpose.label()), String.class);
        if (masterKey.fingerprint().equals(master)) {
            return false;
        }
        write(purpose, load(purpose, ""));
        return true;
    }

    /** How many of the module's keysets each master key wraps (the key "unknown" for those stored without one). */
    Map<String, Long> countsByMasterKey() {
        var counts = new HashMap<String, Long>();
        jdbc.query("SELECT coalesce(master_key, 'unknown'), count(*) FROM module_keyset GROUP BY 1",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    Optional<Reindex> reindex() {
        return jdbc.query("SELECT reindex_started_at, reindex_cursor FROM module_keyset WHERE purpose = :purpose"
                + " AND reindex_started_at IS NOT NULL", Map.of("purpose", KeyPurpose.BLIND_INDEX.label()),
                (row, i) -> new Reindex(row.getTimestamp(1).toInstant(), row.getString(2))).stream().findFirst();
    }

    /** How long ago the purpose's keyset row last changed (a new primary, or a re-wrap). */
    java.time.Duration age(KeyPurpose purpose) {
        var updated = jdbc.queryForObject("SELECT updated_at FROM module_keyset WHERE purpose = :purpose",
                Map.of("purpose", purpose.label()), Timestamp.class);
        return java.time.Duration.between(updated.toInstant(), Times.now());
    }

    /** The blind-index rotation in progress, its row locked until the transaction ends: one re-index batch at a time. */
    Optional<Reindex> lockReindex() {
        return jdbc.query("SELECT reindex_started_at, reindex_cursor FROM module_keyset WHERE purpose = :purpose"
                + " AND reindex_started_at IS NOT NULL FOR UPDATE", Map.of("purpose", KeyPurpose.BLIND_INDEX.label()),
                (row, i) -> new Reindex(row.getTimestamp(1).toInstant(), row.getString(2))).stream().findFirst();
    }

    /** Records the last row re-indexed; null for none yet, and no rotation at all when {@code startedAt} is null. */
    void recordReindex(Instant startedAt, String cursor) {
        var values = new HashMap<String, Object>();
        values.put("purpose", KeyPurpose.BLIND_INDEX.label());
        values.put("started", startedAt == null ? null : Timestamp.from(startedAt));
        values.put("cursor", cursor);
        jdbc.update("UPDATE module_keyset SET reindex_started_at = :started, reindex_cursor = :cursor"
                + " WHERE purpose = :purpose", values);
    }

    private void write(KeyPurpose purpose, KeysetHandle keyset) {
        jdbc.update("UPDATE module_keyset SET encrypted_keyset = :keyset, primary_key_id = :primary, master_key = :master,"
                + " updated_at = :now WHERE purpose = :purpose", Map.of("purpose", purpose.label(),
                "keyset", encrypt(purpose, keyset), "primary", KeyIds.of(keyset.getPrimary()),
                "master", masterKey.fingerprint(), "now", Timestamp.from(Times.now())));
    }

    private KeysetHandle load(KeyPurpose purpose, String lock) {
        var what = "Module '" + schema + "' keyset " + purpose.label();
        var row = jdbc.queryForMap("SELECT encrypted_keyset, master_key FROM module_keyset WHERE purpose = :purpose" + lock,
                Map.of("purpose", purpose.label()));
        var encrypted = (byte[]) row.get("encrypted_keyset");
        var aead = masterKey.aeadFor((String) row.get("master_key"), what);
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(encrypted, aead, associatedData(purpose));
        } catch (GeneralSecurityException e) {
            throw masterKey.cannotUnwrap(what, e);
        }
    }

    private byte[] encrypt(KeyPurpose purpose, KeysetHandle keyset) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey.aead(), associatedData(purpose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the " + purpose.label() + " keyset of " + schema, e);
        }
    }

    private byte[] associatedData(KeyPurpose purpose) {
        return AssociatedData.of("module-keyset", schema, purpose.label());
    }

    private static KeysetHandle generate(Parameters parameters) {
        try {
            return KeysetHandle.generateNew(parameters);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a keyset of " + parameters, e);
        }
    }
}
