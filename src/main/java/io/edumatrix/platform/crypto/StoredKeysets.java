package io.edumatrix.platform.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.edumatrix.platform.Times;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A module's keysets in its table {@code module_keyset}, one row per purpose, each encrypted under the master key
 * with associated data that names the schema and the purpose: a keyset copied to another module or purpose does not
 * load. Callers run these in the module's transactions.
 */
final class StoredKeysets {

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
        jdbc.update("INSERT INTO module_keyset (purpose, encrypted_keyset, primary_key_id, created_at, updated_at)"
                + " VALUES (:purpose, :keyset, :primary, :now, :now) ON CONFLICT (purpose) DO NOTHING",
                Map.of("purpose", purpose.label(), "keyset", encrypt(purpose, created),
                        "primary", KeyIds.of(created.getPrimary()), "now", Timestamp.from(Times.now())));
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
        var current = load(purpose, " FOR UPDATE");
        KeysetHandle rotated;
        try {
            rotated = KeysetHandle.newBuilder(current)
                    .addEntry(KeysetHandle.generateEntryFromParameters(purpose.parameters()).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot add a key to the " + purpose.label() + " keyset of " + schema, e);
        }
        jdbc.update("UPDATE module_keyset SET encrypted_keyset = :keyset, primary_key_id = :primary, updated_at = :now"
                + " WHERE purpose = :purpose", Map.of("purpose", purpose.label(), "keyset", encrypt(purpose, rotated),
                "primary", KeyIds.of(rotated.getPrimary()), "now", Timestamp.from(Times.now())));
        return rotated;
    }

    private KeysetHandle load(KeyPurpose purpose, String lock) {
        var encrypted = jdbc.queryForObject("SELECT encrypted_keyset FROM module_keyset WHERE purpose = :purpose" + lock,
                Map.of("purpose", purpose.label()), byte[].class);
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(encrypted, masterKey.aead(), associatedData(purpose));
        } catch (GeneralSecurityException e) {
            throw masterKey.cannotUnwrap("Module '" + schema + "' keyset " + purpose.label(), e);
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
