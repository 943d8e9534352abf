package io.edumatrix.platform.data;

import java.time.Duration;
import java.util.Optional;

/**
 * One module's place in the database, resolved from {@link EduMatrixProperties}: its schema, its two roles, its pool
 * and its configured {@link ModuleLocation}. Every name the platform uses for a module comes from here.
 *
 * @param primaryConnections what all instances of the module open on its PostgreSQL server (see
 *     {@link #primaryConnections(EduMatrixProperties.Database, int, int)})
 * @param replicaConnections what the pools of all instances open on its read replica, if it reads from one: a replica
 *     pool as large as its pool each
 * @param connectionLimit the app role's CONNECTION LIMIT, which a standby replays from the primary and enforces on its
 *     own connections: the larger of the two, the replica's with room for each instance's replica lag check (one
 *     session per instance, as the role of one of the modules reading there)
 */
public record ModuleDatabase(
        String module,
        ModuleLocation location,
        String ownerRole,
        String appRole,
        Optional<String> appPassword,
        int maximumPoolSize,
        int minimumIdle,
        Duration idleTimeout,
        Duration connectionTimeout,
        int dedicatedConnections,
        int primaryConnections,
        int replicaConnections,
        int connectionLimit) {

    public static ModuleDatabase of(String module, EduMatrixProperties.Database database) {
        var overrides = database.module().get(module);
        var pool = database.pool();
        int maximumPoolSize = firstNonNull(overrides == null ? null : overrides.maximumPoolSize(), pool.maximumPoolSize());
        int dedicated = firstNonNull(overrides == null ? null : overrides.dedicatedConnections(), 0);
        var location = ModuleLocation.of(module, database);
        int primary = primaryConnections(database, maximumPoolSize, dedicated);
        int replica = new ConnectionSettings(database).replica(module, location).isPresent()
                ? maximumPoolSize * database.instances() : 0;
        var located = database.modules().get(module);
        var password = located != null && located.appPassword() != null ? located.appPassword()
                : overrides != null && overrides.password() != null ? overrides.password() : database.appPassword();
        return new ModuleDatabase(
                module,
                location,
                database.rolePrefix() + module + "_owner",
                database.rolePrefix() + module + "_app",
                password.isBlank() ? Optional.empty() : Optional.of(password),
                maximumPoolSize,
                Math.min(maximumPoolSize, firstNonNull(overrides == null ? null : overrides.minimumIdle(), pool.minimumIdle())),
                firstNonNull(overrides == null ? null : overrides.idleTimeout(), pool.idleTimeout()),
                firstNonNull(overrides == null ? null : overrides.connectionTimeout(), pool.connectionTimeout()),
                dedicated,
                primary,
                replica,
                replica == 0 ? primary : Math.max(primary, replica + database.instances()));
    }

    /** The same module, placed at {@code elsewhere}: what a move provisions and migrates there. */
    public ModuleDatabase at(ModuleLocation elsewhere) {
        return new ModuleDatabase(module, elsewhere, ownerRole, appRole, appPassword, maximumPoolSize, minimumIdle,
                idleTimeout, connectionTimeout, dedicatedConnections, primaryConnections, replicaConnections, connectionLimit);
    }

    /**
     * What the module's role opens on PostgreSQL from all instances together: their pools and dedicated sessions, or,
     * behind a pooler, the pooler's server connections for the role (shared by the instances) and the dedicated
     * sessions, which bypass it.
     */
    private static int primaryConnections(EduMatrixProperties.Database database, int maximumPoolSize, int dedicated) {
        var pool = database.pool();
        if (!pool.pooled()) {
            return (maximumPoolSize + dedicated) * database.instances();
        }
        if (!pool.redirected()) {
            throw new ModuleStartupException("edumatrix.database.pool.server-connections (DB_POOL_SERVER_CONNECTIONS)"
                    + " declares a pooler, but edumatrix.database.pool.host/port (DB_POOL_HOST/DB_POOL_PORT) name none",
                    "Set DB_POOL_HOST/DB_POOL_PORT to PgBouncer's address, or leave DB_POOL_SERVER_CONNECTIONS empty.");
        }
        return pool.serverConnections() + dedicated * database.instances();
    }

    /**
     * The connections one instance of the module may hold: its pool's and its dedicated sessions. Behind a pooler these
     * reach the pooler, not PostgreSQL; {@link #primaryConnections} is what reaches PostgreSQL.
     */
    public int connections() {
        return maximumPoolSize + dedicatedConnections;
    }

    /** The schema carries the module's name, whatever the role prefix. */
    public String schema() {
        return module;
    }

    /** The package that holds the module's code. */
    public String basePackage() {
        return ModuleNames.basePackage(module);
    }

    /** The migration folder on the class path. */
    public String migrationLocation() {
        return "classpath:db/" + module;
    }

    private static <T> T firstNonNull(T override, T fallback) {
        return override != null ? override : fallback;
    }
}
