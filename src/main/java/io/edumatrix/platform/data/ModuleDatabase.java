package io.edumatrix.platform.data;

import java.time.Duration;
import java.util.Optional;

/**
 * One module's place in the database, resolved from {@link EduMatrixProperties}: its schema, its two roles, its pool
 * and its configured {@link ModuleLocation}. Every name the platform uses for a module comes from here.
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
        int connectionLimit) {

    public static ModuleDatabase of(String module, EduMatrixProperties.Database database) {
        var overrides = database.module().get(module);
        var pool = database.pool();
        int maximumPoolSize = firstNonNull(overrides == null ? null : overrides.maximumPoolSize(), pool.maximumPoolSize());
        int dedicated = firstNonNull(overrides == null ? null : overrides.dedicatedConnections(), 0);
        var located = database.modules().get(module);
        var password = located != null && located.appPassword() != null ? located.appPassword()
                : overrides != null && overrides.password() != null ? overrides.password() : database.appPassword();
        return new ModuleDatabase(
                module,
                ModuleLocation.of(module, database),
                database.rolePrefix() + module + "_owner",
                database.rolePrefix() + module + "_app",
                password.isBlank() ? Optional.empty() : Optional.of(password),
                maximumPoolSize,
                Math.min(maximumPoolSize, firstNonNull(overrides == null ? null : overrides.minimumIdle(), pool.minimumIdle())),
                firstNonNull(overrides == null ? null : overrides.idleTimeout(), pool.idleTimeout()),
                firstNonNull(overrides == null ? null : overrides.connectionTimeout(), pool.connectionTimeout()),
                dedicated,
                (maximumPoolSize + dedicated) * database.instances());
    }

    /** The same module, placed at {@code elsewhere}: what a move provisions and migrates there. */
    public ModuleDatabase at(ModuleLocation elsewhere) {
        return new ModuleDatabase(module, elsewhere, ownerRole, appRole, appPassword, maximumPoolSize, minimumIdle,
                idleTimeout, connectionTimeout, dedicatedConnections, connectionLimit);
    }

    /** The connections one instance of the module may hold: its pool's and its dedicated sessions. */
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
