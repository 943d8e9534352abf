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

/**
 * Each module's settings key ({@code db/platform/V6}, ADR 0026), read when the module's pool opens. With the admin
 * connection, acting as the module's owner, the first start of any instance creates it: 32 random bytes, stored
 * wrapped under the master key beside HMAC's padded keys for the database's verifier; a concurrent start may win the
 * race, and then its key is the one every instance reads. Without an admin connection the app role reads the wrapped
 * key, the only column it may read. Either way the key never reaches the database unwrapped but as the padded halves,
 * which only the owner role reads.
 */
final class StoredSettingsKeys implements SettingsKeys {

    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ModuleDatabases modules;
    private final MasterKey masterKey;

    StoredSettingsKeys(ModuleDatabases modules, MasterKey masterKey) {
        this.modules = modules;
        this.masterKey = masterKey;
    }

    @Override
    public SettingsSigner signerFor(String name) {
        var module = modules.find(name).orElseThrow(() -> new IllegalArgumentException("No module " + name));
        byte[] wrapped;
        try {
            wrapped = module.location().adminConfigured() ? createOrRead(module) : read(module);
        } catch (SQLException e) {
            throw new ModuleStartupException("Module '" + name + "' cannot read its settings key: " + e.getMessage(),
                    "Start once with an admin connection (DB_ADMIN_USER) that may SET ROLE " + module.ownerRole()
                            + ", so the migrations run and the key is created.", e);
        }
        try {
            return new SettingsSigner(masterKey.decrypt(wrapped, associatedData(module)));
        } catch (GeneralSecurityException e) {
            throw masterKey.cannotUnwrap("Module '" + name + "' settings key", e);
        }
    }

    private byte[] createOrRead(ModuleDatabase module) throws SQLException {
        var location = module.location();
        try (var connection = connect(module, location.adminUser(), location.adminPassword())) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE \"" + module.ownerRole() + "\"");
            }
            var wrapped = wrappedKey(connection, module);
            if (wrapped == null) {
                create(connection, module);
                wrapped = wrappedKey(connection, module);
            }
            connection.commit();
            return wrapped;
        }
    }

    private void create(Connection connection, ModuleDatabase module) throws SQLException {
        var key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        try (var insert = connection.prepareStatement("INSERT INTO \"" + module.schema() + "\".settings_key"
                + " (wrapped_key, inner_pad, outer_pad, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setBytes(1, masterKey.encrypt(key, associatedData(module)));
            insert.setBytes(2, SettingsSigner.innerPad(key));
            insert.setBytes(3, SettingsSigner.outerPad(key));
            insert.setTimestamp(4, Timestamp.from(Times.now()));
            insert.executeUpdate();
        }
    }

    private byte[] read(ModuleDatabase module) throws SQLException {
        try (var connection = connect(module, module.appRole(), module.appPassword().orElse(""))) {
            var wrapped = wrappedKey(connection, module);
            if (wrapped == null) {
                throw new SQLException("no settings key in schema " + module.schema());
            }
            return wrapped;
        }
    }

    /** The wrapped key, or null when the module has none yet. */
    private static byte[] wrappedKey(Connection connection, ModuleDatabase module) throws SQLException {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT wrapped_key FROM \"" + module.schema() + "\".settings_key")) {
            return row.next() ? row.getBytes(1) : null;
        }
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
