package io.edumatrix.platform.data;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one place that turns a {@link DatabaseLocation}, a role and the TLS settings into a connection: a JDBC URL with
 * its properties, a plain connection, or a Hikari pool's configuration. Every connection the application opens to
 * PostgreSQL (module pools, replica pools, the admin connection, migrations, dedicated sessions, commands) is made here,
 * so TLS and pooler settings cannot be forgotten on one of them.
 */
public final class ConnectionSettings {

    private final EduMatrixProperties.Database settings;

    public ConnectionSettings(EduMatrixProperties.Database settings) {
        this.settings = settings;
    }

    /** The database itself: provisioning, migrations, commands and dedicated sessions go here, never via a pooler. */
    public static DatabaseLocation direct(EduMatrixProperties.Database settings) {
        return new DatabaseLocation(settings.host(), settings.port(), settings.name());
    }

    public DatabaseLocation direct() {
        return direct(settings);
    }

    /** Where the module pools connect: the pooler when there is one ({@code DB_POOL_HOST}), else the database. */
    public DatabaseLocation pooled() {
        var pool = settings.pool();
        if (!pool.redirected()) {
            return direct();
        }
        var host = pool.host() == null || pool.host().isBlank() ? settings.host() : pool.host();
        return new DatabaseLocation(host, pool.port() == null ? settings.port() : pool.port(), settings.name());
    }

    /** The database of a module's location itself: its admin connection, migrations and dedicated sessions. */
    public static DatabaseLocation direct(ModuleLocation location) {
        return new DatabaseLocation(location.host(), location.port(), location.database());
    }

    /**
     * Where a module's pool connects: the pooler for a module on the main server when there is one
     * ({@code DB_POOL_HOST}), else its database. A module placed on a server of its own connects straight to it.
     */
    public DatabaseLocation pooled(ModuleLocation location) {
        return new DatabaseLocation(location.poolHost(), location.poolPort(), location.database());
    }

    /** Whether a module's pool at {@code location} goes through a transaction pooler (no prepared statements). */
    public boolean viaPooler(ModuleLocation location) {
        return settings.pool().pooled() && location.pooled();
    }

    /**
     * The module's read replica, if it has one: its own setting first, then {@code DB_READ_HOST}, which serves only the
     * modules on the main server; the replica holds the module's database.
     */
    public Optional<DatabaseLocation> replica(String module, ModuleLocation location) {
        var overrides = settings.module().get(module);
        if (overrides != null && Boolean.FALSE.equals(overrides.readReplica())) {
            return Optional.empty();
        }
        var read = settings.read();
        var own = overrides != null && overrides.readHost() != null && !overrides.readHost().isBlank();
        if (!own && !location.pooled()) {
            return Optional.empty();
        }
        var host = own ? overrides.readHost() : read.host();
        if (host.isBlank()) {
            return Optional.empty();
        }
        var port = overrides != null && overrides.readPort() != null ? overrides.readPort()
                : read.port() != null ? read.port() : location.port();
        return Optional.of(new DatabaseLocation(host, port, location.database()));
    }

    /** The module's read replica on the main server ({@link #replica(String, ModuleLocation)}). */
    public Optional<DatabaseLocation> replica(String module) {
        return replica(module, ModuleLocation.of(module, settings));
    }

    /**
     * The connection properties of {@code role}: credentials, the name pg_stat_activity shows, and TLS with the role's
     * own client certificate when {@code DB_SSL_CERT_DIR} is set.
     *
     * @param viaPooler the connection goes through PgBouncer in transaction mode: no server-side prepared statements
     *     (a statement prepared on one server connection is unknown on the next)
     */
    public Properties properties(String role, String password, String applicationName, boolean viaPooler) {
        var properties = new Properties();
        properties.setProperty("user", role);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        tls(role).forEach(properties::setProperty);
        if (viaPooler) {
            properties.setProperty("prepareThreshold", "0");
        }
        return properties;
    }

    /** A new connection as {@code role}, straight to {@code location}. */
    public Connection open(DatabaseLocation location, String role, String password, String applicationName)
            throws SQLException {
        return DriverManager.getConnection(location.jdbcUrl(), properties(role, password, applicationName, false));
    }

    /** A new connection as the admin role ({@code DB_ADMIN_USER}) to the database itself. */
    public Connection openAsAdmin(String applicationName) throws SQLException {
        var admin = settings.admin();
        return open(direct(), admin.username(), admin.password(), applicationName);
    }

    /** A new connection as the admin role of {@code location} to its database. */
    public Connection openAsAdmin(ModuleLocation location, String applicationName) throws SQLException {
        return open(direct(location), location.adminUser(), location.adminPassword(), applicationName);
    }

    /** A pool of {@code module}'s app role connections to {@code location}, named {@code poolName}. */
    public HikariConfig pool(String poolName, DatabaseLocation location, ModuleDatabase module, boolean viaPooler) {
        var config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(location.jdbcUrl());
        config.setDataSourceProperties(properties(module.appRole(), module.appPassword().orElse(null), poolName, viaPooler));
        config.setMaximumPoolSize(module.maximumPoolSize());
        config.setMinimumIdle(module.minimumIdle());
        config.setIdleTimeout(module.idleTimeout().toMillis());
        config.setConnectionTimeout(module.connectionTimeout().toMillis());
        return config;
    }

    /** The same TLS settings for libpq's programs (pg_dump, pg_restore, psql), as their environment variables. */
    public Map<String, String> libpqEnvironment(String role) {
        var environment = new LinkedHashMap<String, String>();
        tls(role).forEach((key, value) -> environment.put("PG" + key.toUpperCase(java.util.Locale.ROOT), value));
        return environment;
    }

    /**
     * Refuses to start when a file the TLS settings name is missing or unreadable, naming the setting and the file,
     * rather than letting the first connection fail with a handshake error that names neither.
     */
    public void requireFiles(Iterable<String> roles) {
        var ssl = settings.ssl();
        if ("disable".equals(ssl.mode())) {
            return;
        }
        if (!ssl.rootCert().isBlank()) {
            requireReadable(Path.of(ssl.rootCert()), "edumatrix.database.ssl.root-cert (DB_SSL_ROOT_CERT)");
        }
        if (!ssl.certDir().isBlank()) {
            for (var role : roles) {
                requireReadable(certificate(role), "edumatrix.database.ssl.cert-dir (DB_SSL_CERT_DIR)");
                requireReadable(key(role), "edumatrix.database.ssl.cert-dir (DB_SSL_CERT_DIR)");
            }
        }
    }

    private static void requireReadable(Path file, String setting) {
        if (!Files.exists(file)) {
            throw new ModuleStartupException(setting + " names " + file + ", which does not exist",
                    "Put the file there or correct " + setting + ".");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ModuleStartupException(setting + " names " + file + ", which this process cannot read",
                    "Let the application's user read it (chmod/chown), or correct " + setting + ".");
        }
    }

    /** pgjdbc's property names; libpq's environment variables are the same names in upper case after "PG". */
    private Map<String, String> tls(String role) {
        var ssl = settings.ssl();
        var properties = new LinkedHashMap<String, String>();
        properties.put("sslmode", ssl.mode());
        if ("disable".equals(ssl.mode())) {
            return properties;
        }
        if (!ssl.rootCert().isBlank()) {
            properties.put("sslrootcert", ssl.rootCert());
        }
        if (!ssl.certDir().isBlank()) {
            properties.put("sslcert", certificate(role).toString());
            // pgjdbc reads a .key file as PKCS-8, DER or PEM ("BEGIN PRIVATE KEY").
            properties.put("sslkey", key(role).toString());
        }
        return properties;
    }

    private Path certificate(String role) {
        return Path.of(settings.ssl().certDir(), role + ".crt");
    }

    private Path key(String role) {
        return Path.of(settings.ssl().certDir(), role + ".key");
    }
}
