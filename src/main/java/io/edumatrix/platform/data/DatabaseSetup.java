package io.edumatrix.platform.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies the database before any module pool opens: provisions schemas and roles, checks that they exist and that
 * the connection budget fits, then migrates every module. The migrations run on threads of their own while the rest
 * of the context is built; each module's data access waits for its own ({@link #awaitMigrated}), so nothing reads a
 * module's tables before they are migrated, and all of it is done before the application serves a request.
 */
public class DatabaseSetup implements AutoCloseable {

    public static final String BEAN_NAME = "edumatrixDatabaseSetup";

    /** The comment a move puts on the schema it left behind, followed by the new location. */
    public static final String MOVED_MARK = "edumatrix:moved-to ";

    private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);

    private final ModuleDatabases modules;
    private final Map<String, Future<?>> migrations = new LinkedHashMap<>();
    private ExecutorService executor;

    public DatabaseSetup(ModuleDatabases modules) {
        this.modules = modules;
        run();
    }

    /**
     * Server by server, database by database: the connection budget of each server, then the modules' schemas and roles
     * in each database (provisioned through that location's admin connection, or only checked without one).
     */
    private void run() {
        for (var server : modules.byServer().values()) {
            var budgetChecked = false;
            for (var place : server.byPlace().values()) {
                var location = place.location();
                if (!location.adminConfigured()) {
                    log.info("No admin connection (DB_ADMIN_USER) for {}: the database must already be provisioned and"
                            + " migrated", location);
                }
                try (var connection = location.adminConfigured() ? connectAsAdmin(location) : connectAsApp(place.all().getFirst())) {
                    if (!budgetChecked) {
                        // Checked first: provisioning sets each role's CONNECTION LIMIT from the pool sizes.
                        new ConnectionBudget(server).check(connection);
                        budgetChecked = true;
                    }
                    refuseMovedAway(connection, place);
                    if (location.adminConfigured()) {
                        if (settingsOf().provisioning().enabled()) {
                            provision(connection, place);
                        }
                        new RoleCheck(place).requireAll(connection);
                    } else {
                        // Logging in as every app role names a missing one before anything else fails on it.
                        place.all().forEach(module -> close(connectAsApp(module)));
                    }
                } catch (SQLException e) {
                    throw unreachable(location, e);
                }
            }
        }
        startMigrations();
    }

    private EduMatrixProperties.Database settingsOf() {
        return modules.settings();
    }

    /**
     * A schema a move left behind is marked with a comment ({@link #MOVED_MARK}): an instance still configured with the
     * old location would write where nobody reads any more, so it refuses to start and names the setting to change.
     * Checked before provisioning, which would grant the app role its writes back.
     */
    private static void refuseMovedAway(Connection connection, ModuleDatabases place) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?")) {
            for (var module : place.all()) {
                query.setString(1, module.schema());
                try (var rows = query.executeQuery()) {
                    var comment = rows.next() ? rows.getString(1) : null;
                    if (comment != null && comment.startsWith(MOVED_MARK)) {
                        var target = comment.substring(MOVED_MARK.length()).trim();
                        throw new ModuleStartupException("Module '" + module.module() + "' moved from "
                                + module.location() + " to " + target,
                                "Set edumatrix.database.modules." + module.module() + ".host, .port and .database"
                                        + " (EDUMATRIX_DATABASE_MODULES_" + module.module().toUpperCase(java.util.Locale.ROOT)
                                        + "_HOST, _PORT, _DATABASE) to its new location " + target + ".");
                    }
                }
            }
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing a check connection failed", e);
        }
    }

    /**
     * Migrates the modules side by side, in configuration order, one thread per core: each works in its own schema
     * under its own roles and Flyway histories, so none waits for another, and on a restart most of the time is
     * Flyway's own, on the JVM's side.
     */
    private void startMigrations() {
        var settings = modules.settings();
        var threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, modules.all().size());
        executor = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("migrate-", 1).factory());
        for (var module : modules.all()) {
            var migration = new ModuleMigration(module, settings);
            if (module.location().adminConfigured()) {
                migrations.put(module.module(), executor.submit(migration::migrate));
            } else {
                migration.requireNothingPending();
                migrations.put(module.module(), CompletableFuture.completedFuture(null));
            }
        }
        executor.shutdown();
    }

    /**
     * Returns once {@code module} and every module listed before it are migrated. A failure is reported for the first
     * failing one of them in configuration order (the others' failures are attached as suppressed), whatever finished
     * first, so the start-up message does not depend on timing.
     */
    public void awaitMigrated(String module) {
        if (!migrations.containsKey(module)) {
            throw new IllegalArgumentException("No module " + module);
        }
        var failures = new ArrayList<RuntimeException>();
        for (var migration : migrations.entrySet()) {
            try {
                migration.getValue().get();
            } catch (ExecutionException e) {
                failures.add(e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while migrating the modules", e);
            }
            if (migration.getKey().equals(module)) {
                break;
            }
        }
        if (!failures.isEmpty()) {
            var first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** Returns once every module is migrated; see {@link #awaitMigrated}. */
    public void awaitAllMigrated() {
        awaitMigrated(modules.all().getLast().module());
    }

    /** A start-up that failed elsewhere drops the migrations not begun and waits for the running ones. */
    @Override
    public void close() {
        if (executor != null) {
            migrations.values().forEach(migration -> migration.cancel(false));
            executor.close();
        }
    }

    private static void provision(Connection admin, ModuleDatabases place) throws SQLException {
        var location = place.location();
        var migrator = ProvisioningScript.ident(location.adminUser());
        admin.setAutoCommit(false);
        try (var statement = admin.createStatement()) {
            // Two instances starting together provision one after the other.
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('edumatrix.provisioning'))");
            for (var sql : new ProvisioningScript(place).statements(migrator, true)) {
                statement.execute(sql);
            }
            installSuperuserParts(statement, location);
            admin.commit();
        } catch (SQLException e) {
            admin.rollback();
            throw new ModuleStartupException("Provisioning as '" + location.adminUser() + "' at " + location + " failed: "
                    + e.getMessage(), "Let the admin role (DB_ADMIN_USER) own the database and have CREATEROLE, "
                    + "or provision by hand and set edumatrix.database.provisioning.enabled=false.", e);
        } finally {
            admin.setAutoCommit(true);
        }
        log.info("Provisioned schemas and roles of {} modules in {}", place.all().size(), location);
    }

    /**
     * What only a superuser may do: the event trigger that audits schema changes, and the LEAKPROOF marks that let GIN
     * indexes serve searches under row-level security. Without a superuser both are left out, and the log says so once.
     */
    private static void installSuperuserParts(java.sql.Statement statement, ModuleLocation location) throws SQLException {
        try (var superuser = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (!superuser.next() || !superuser.getBoolean(1)) {
                log.warn("Schema changes are not audited, and full-text and tag searches read no GIN index under"
                        + " row-level security: both need a superuser, and {} is none; a superuser can install them with"
                        + " the end of --print-provisioning-sql", location.adminUser());
                return;
            }
        }
        for (var sql : superuserStatements()) {
            statement.execute(sql);
        }
    }

    private static Connection connectAsAdmin(ModuleLocation location) throws SQLException {
        return connect(location, location.adminUser(), location.adminPassword());
    }

    private static Connection connectAsApp(ModuleDatabase module) {
        try {
            return connect(module.location(), module.appRole(), module.appPassword().orElse(""));
        } catch (SQLException e) {
            throw RoleCheck.loginFailed(module, e);
        }
    }

    private static Connection connect(ModuleLocation location, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "edumatrix-setup");
        return DriverManager.getConnection(location.jdbcUrl(), properties);
    }

    private static ModuleStartupException unreachable(ModuleLocation location, SQLException e) {
        return new ModuleStartupException("Cannot use PostgreSQL at " + location.jdbcUrl() + ": " + e.getMessage(),
                "Check DB_HOST, DB_PORT, DB_NAME and DB_ADMIN_USER / DB_ADMIN_PASSWORD, or the module's "
                        + "edumatrix.database.modules.<module>.* settings.", e);
    }

    /**
     * Gives one module its schema and roles at {@code location} (with the database-wide statements and the superuser
     * parts there) and migrates it to the version this code knows: a move's target, or the old location given its
     * grants back after an abandoned move. Idempotent, like provisioning at start-up.
     */
    public static void provisionAndMigrate(ModuleDatabases modules, ModuleDatabase module, ModuleLocation location)
            throws SQLException {
        var placed = module.at(location);
        try (var admin = connectAsAdmin(location)) {
            provision(admin, new ModuleDatabases(modules.settings(), List.of(placed)));
        }
        new ModuleMigration(placed, modules.settings()).migrate();
    }

    /** What only a superuser may do, from the platform's {@link DatabaseContribution}s. */
    static List<String> superuserStatements() {
        return DatabaseContribution.all(DatabaseSetup.class.getClassLoader()).stream()
                .flatMap(contribution -> contribution.superuserStatements().stream()).toList();
    }
}
