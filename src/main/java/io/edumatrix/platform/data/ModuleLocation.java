package io.edumatrix.platform.data;

import java.util.Optional;

/**
 * Where one module's schema lives and how the platform logs in there: a PostgreSQL server, a database on it, and the
 * admin connection that provisions and migrates it. Resolved here and nowhere else, from
 * {@code edumatrix.database.modules.<module>.*}, each setting defaulting to the global one ({@code DB_HOST},
 * {@code DB_PORT}, {@code DB_NAME}, {@code DB_ADMIN_USER}, {@code DB_ADMIN_PASSWORD}). Modules with equal locations
 * share a database; modules on one {@link #server()} share its connection limit.
 *
 * @param pooled whether the pools reach this location through {@code edumatrix.database.pool.host/port} (a pooler
 *     in front of the global server); a module placed elsewhere connects straight to its server
 */
public record ModuleLocation(String host, int port, String database, String adminUser, String adminPassword,
        boolean pooled, String poolHost, int poolPort) {

    /** The location {@code module} is configured at. */
    public static ModuleLocation of(String module, EduMatrixProperties.Database settings) {
        var own = settings.modules().get(module);
        if (own == null) {
            own = new EduMatrixProperties.Location(null, null, null, null, null, null);
        }
        var host = blankToNull(own.host()) == null ? settings.host() : own.host();
        var port = own.port() == null ? settings.port() : own.port();
        var database = blankToNull(own.database()) == null ? settings.name() : own.database();
        var adminUser = own.adminUser() == null ? settings.admin().username() : own.adminUser();
        var adminPassword = own.adminPassword() == null ? settings.admin().password() : own.adminPassword();
        var pool = settings.pool();
        var global = host.equals(settings.host()) && port == settings.port();
        var poolHost = global && blankToNull(pool.host()) != null ? pool.host() : host;
        var poolPort = global && pool.port() != null ? pool.port() : port;
        return new ModuleLocation(host, port, database, adminUser, adminPassword, global, poolHost, poolPort);
    }

    /** The main location: the global settings, where every module lives unless configured elsewhere. */
    public static ModuleLocation main(EduMatrixProperties.Database settings) {
        return of("", settings);
    }

    /** The same module elsewhere, as a move names it: another server and database, the same admin login. */
    public ModuleLocation at(String host, int port, String database) {
        return new ModuleLocation(host, port, database, adminUser, adminPassword, false, host, port);
    }

    /** Where provisioning, migrations and sessions outside the pool connect. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Where the module's pool connects. */
    public String poolJdbcUrl() {
        return "jdbc:postgresql://" + poolHost + ":" + poolPort + "/" + database;
    }

    /** The server, whose {@code max_connections} the modules placed on it share. */
    public String server() {
        return host + ":" + port;
    }

    /** The database on its server, which the modules placed in it share (provisioning, event triggers). */
    public String place() {
        return server() + "/" + database;
    }

    public boolean adminConfigured() {
        return !adminUser.isBlank();
    }

    /** Same server and database, whatever the credentials. */
    public boolean samePlace(ModuleLocation other) {
        return place().equals(other.place());
    }

    @Override
    public String toString() {
        return place();
    }

    static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
