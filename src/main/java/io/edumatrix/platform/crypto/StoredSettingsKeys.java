package io.edumatrix.platform.crypto;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.data.ConnectionSettings;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.data.ModuleStartupException;
import io.edumatrix.platform.tenancy.SettingsKeys;
import io.edumatrix.platform.tenancy.SettingsSigner;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each module's settings key ({@code db/platform/V6}, ADR 0026), read when the module's pool opens. With the admin
 * connection, acting as the module's owner, the first start of any instance creates it: 32 random bytes, stored
 * wrapped under the master key beside HMAC's padded keys for the database's verifier; a concurrent start may win the
 * race, and then its key is the one every instance reads. Without an admin connection the app role reads the wrapped
 * key, the only column it may read. Either way the key never reaches the database unwrapped but as the padded halves,
 * which only the owner role reads.
 *
 * <p>The row names the master key that wraps it (its fingerprint, ADR 0027). A master-key rotation re-wraps it with the
 * keysets ({@link MasterKeyWrappedKeys}), and so does every start with the admin connection that finds it under the
 * previous key; a start without the key it names stops, naming that key.
 */
final class StoredSettingsKeys implements SettingsKeys, MasterKeyWrappedKeys {

    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ModuleDatabases modules;
    private final MasterKey masterKey;

    StoredSettingsKeys(ModuleDatabases modules, MasterKey masterKey) {
        this.modules = modules;
        this.masterKey = masterKey;
    }

    /** A row of a module's {@code settings_key}: the wrapped key and the fingerprint of the master key wrapping it. */
    private record Wrapped(byte[] key, String masterKey) {}

    @Override
    public SettingsSigner signerFor(String name) {
        var module = modules.find(name).orElseThrow(() -> new IllegalArgumentException("No module " + name));
        Wrapped wrapped;
        try {
            wrapped = module.location().adminConfigured() ? createOrRead(module) : read(module);
        } catch (SQLException e) {
            throw new ModuleStartupException("Module '" + name + "' cannot read its settings key: " + e.getMessage(),
                    "Start once with an admin connection (DB_ADMIN_USER) that may SET ROLE " + module.ownerRole()
                            + ", so the migrations run and the key is created.", e);
        }
        return new SettingsSigner(open(module, wrapped));
    }

    private byte[] open(ModuleDatabase module, Wrapped wrapped) {
        try {
            return masterKey.decrypt(wrapped.key(), associatedData(module), wrapped.masterKey());
        } catch (GeneralSecurityException e) {
            throw masterKey.cannotUnwrap("Module '" + module.module() + "' settings key", e);
        }
    }

    /** Creates the key on the first start, and re-wraps it under the current master key when another one wraps it. */
    private Wrapped createOrRead(ModuleDatabase module) throws SQLException {
        try (var connection = asOwner(module)) {
            var wrapped = wrappedKey(connection, module);
            if (wrapped == null) {
                create(connection, module);
                wrapped = wrappedKey(connection, module);
            } else if (!masterKey.fingerprint().equals(wrapped.masterKey())) {
                wrapped = rewrap(connection, module, wrapped);
            }
            connection.commit();
            return wrapped;
        }
    }

    private Connection asOwner(ModuleDatabase module) throws SQLException {
        var location = module.location();
        var connection = connect(module, location.adminUser(), location.adminPassword());
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL ROLE \"" + module.ownerRole() + "\"");
        }
        return connection;
    }

    private void create(Connection connection, ModuleDatabase module) throws SQLException {
        var key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        try (var insert = connection.prepareStatement("INSERT INTO \"" + module.schema() + "\".settings_key"
                + " (wrapped_key, master_key, inner_pad, outer_pad, created_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING")) {
            insert.setBytes(1, masterKey.encrypt(key, associatedData(module)));
            insert.setString(2, masterKey.fingerprint());
            insert.setBytes(3, SettingsSigner.innerPad(key));
            insert.setBytes(4, SettingsSigner.outerPad(key));
            insert.setTimestamp(5, Timestamp.from(Times.now()));
            insert.executeUpdate();
        }
    }

    /** The same key, wrapped under the current master key; the padded halves do not change. */
    private Wrapped rewrap(Connection connection, ModuleDatabase module, Wrapped wrapped) throws SQLException {
        var rewrapped = new Wrapped(masterKey.encrypt(open(module, wrapped), associatedData(module)),
                masterKey.fingerprint());
        try (var update = connection.prepareStatement("UPDATE \"" + module.schema() + "\".settings_key"
                + " SET wrapped_key = ?, master_key = ?")) {
            update.setBytes(1, rewrapped.key());
            update.setString(2, rewrapped.masterKey());
            update.executeUpdate();
        }
        return rewrapped;
    }

    private Wrapped read(ModuleDatabase module) throws SQLException {
        try (var connection = connect(module, module.appRole(), module.appPassword().orElse(""))) {
            var wrapped = wrappedKey(connection, module);
            if (wrapped == null) {
                throw new SQLException("no settings key in schema " + module.schema());
            }
            return wrapped;
        }
    }

    /** The wrapped key, or null when the module has none yet. */
    private static Wrapped wrappedKey(Connection connection, ModuleDatabase module) throws SQLException {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT wrapped_key, master_key FROM \"" + module.schema()
                        + "\".settings_key")) {
            return row.next() ? new Wrapped(row.getBytes(1), row.getString(2)) : null;
        }
    }

    @Override
    public String description() {
        return "settings keys";
    }

    /**
     * Read as the owner through the admin connection, which no CONNECTION LIMIT of an app role counts; without one the
     * keys are not counted, as nothing here could re-wrap them.
     */
    @Override
    public Map<String, Long> countsByMasterKey() {
        var counts = new LinkedHashMap<String, Long>();
        for (var module : modules.all()) {
            if (!module.location().adminConfigured()) {
                continue;
            }
            try (var connection = asOwner(module)) {
                var wrapped = wrappedKey(connection, module);
                if (wrapped != null) {
                    counts.merge(wrapped.masterKey() == null ? "unknown" : wrapped.masterKey(), 1L, Long::sum);
                }
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("Module '" + module.module() + "' settings key: " + e.getMessage(), e);
            }
        }
        return counts;
    }

    /** Module by module, as the owner; needs the admin connection of the module's location. */
    @Override
    public int rewrapBatch(int limit) {
        int done = 0;
        for (var module : modules.all()) {
            if (done == limit || !module.location().adminConfigured()) {
                continue;
            }
            try (var connection = asOwner(module)) {
                var wrapped = wrappedKey(connection, module);
                if (wrapped != null && !masterKey.fingerprint().equals(wrapped.masterKey())) {
                    rewrap(connection, module, wrapped);
                    done++;
                }
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("Module '" + module.module() + "' settings key: " + e.getMessage(), e);
            }
        }
        return done;
    }

    /** Where the module lives (its own server, after a move or by configuration), with the TLS settings. */
    private Connection connect(ModuleDatabase module, String user, String password) throws SQLException {
        var connections = new ConnectionSettings(modules.settings());
        return connections.open(ConnectionSettings.direct(module.location()), user, password, "edumatrix-setup");
    }

    /** A key copied into another module's table does not unwrap there. */
    private static byte[] associatedData(ModuleDatabase module) {
        return AssociatedData.of("settings-key", module.schema());
    }
}
