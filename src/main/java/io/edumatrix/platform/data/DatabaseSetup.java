package io.edumatrix.platform.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);

    private final ModuleDatabases modules;
    private final ConnectionSettings connections;
    private final Map<String, Future<?>> migrations = new LinkedHashMap<>();
    private ExecutorService executor;

    public DatabaseSetup(ModuleDatabases modules) {
        this.modules = modules;
        this.connections = new ConnectionSettings(modules.settings());
        run();
    }

    private void run() {
        var settings = modules.settings();
        var roles = new ArrayList<String>(modules.all().stream().map(ModuleDatabase::appRole).toList());
        if (settings.admin().configured()) {
            roles.add(settings.admin().username());
        }
        connections.requireFiles(roles);
        if (!settings.admin().configured()) {
            log.info("No admin connection (DB_ADMIN_USER): the database must already be provisioned and migrated");
            // Logging in as every app role names a missing one before anything else fails on it.
            for (var module : modules.all()) {
                try (var connection = connectAsApp(module)) {
                    if (module == modules.all().getFirst()) {
                        new ConnectionBudget(modules).check(connection);
                    }
                } catch (SQLException e) {
                    throw unreachable(e);
                }
            }
            modules.all().forEach(module -> new ModuleMigration(module, settings).requireNothingPending());
            modules.all().forEach(module -> migrations.put(module.module(), CompletableFuture.completedFuture(null)));
            return;
        }
        try (var admin = connectAsAdmin()) {
            // Checked first: provisioning sets each role's CONNECTION LIMIT from the pool sizes.
            new ConnectionBudget(modules).check(admin);
            if (settings.provisioning().enabled()) {
                provision(admin);
            }
            new RoleCheck(modules).requireAll(admin);
        } catch (SQLException e) {
            throw unreachable(e);
        }
        startMigrations();
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
            migrations.put(module.module(), executor.submit(() -> new ModuleMigration(module, settings).migrate()));
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

    private void provision(Connection admin) throws SQLException {
        var migrator = ProvisioningScript.ident(modules.settings().admin().username());
        admin.setAutoCommit(false);
        try (var statement = admin.createStatement()) {
            // Two instances starting together provision one after the other.
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('edumatrix.provisioning'))");
            for (var sql : new ProvisioningScript(modules).statements(migrator, true)) {
                statement.execute(sql);
            }
            installSuperuserParts(statement);
            admin.commit();
        } catch (SQLException e) {
            admin.rollback();
            throw new ModuleStartupException("Provisioning as '" + modules.settings().admin().username() + "' failed: "
                    + e.getMessage(), "Let the admin role (DB_ADMIN_USER) own the database and have CREATEROLE, "
                    + "or provision by hand and set edumatrix.database.provisioning.enabled=false.", e);
        } finally {
            admin.setAutoCommit(true);
        }
        log.info("Provisioned schemas and roles of {} modules in database {}", modules.all().size(), modules.settings().name());
    }

    /**
     * What only a superuser may do: the event trigger that audits schema changes, and the LEAKPROOF marks that let GIN
     * indexes serve searches under row-level security. Without a superuser both are left out, and the log says so once.
     */
    private void installSuperuserParts(java.sql.Statement statement) throws SQLException {
        try (var superuser = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (!superuser.next() || !superuser.getBoolean(1)) {
                log.warn("Schema changes are not audited, and full-text and tag searches read no GIN index under"
                        + " row-level security: both need a superuser, and {} is none; a superuser can install them with"
                        + " the end of --print-provisioning-sql", modules.settings().admin().username());
                return;
            }
        }
        for (var sql : superuserStatements()) {
            statement.execute(sql);
        }
    }

    private Connection connectAsAdmin() throws SQLException {
        return connections.openAsAdmin("edumatrix-setup");
    }

    private Connection connectAsApp(ModuleDatabase module) {
        try {
            return connections.open(connections.direct(), module.appRole(), module.appPassword().orElse(""),
                    "edumatrix-setup");
        } catch (SQLException e) {
            throw RoleCheck.loginFailed(module, connections.direct(), e);
        }
    }

    private ModuleStartupException unreachable(SQLException e) {
        var settings = modules.settings();
        var location = connections.direct();
        var role = settings.admin().configured() ? settings.admin().username() : modules.all().getFirst().appRole();
        return new ModuleStartupException("Cannot use PostgreSQL at " + location + " (admin connection, "
                + role + "): " + ConnectionFailure.cause(e, location, role),
                "Check DB_HOST, DB_PORT, DB_NAME, DB_ADMIN_USER / DB_ADMIN_PASSWORD and the DB_SSL_* settings.", e);
    }

    /** What only a superuser may do, from the platform's {@link DatabaseContribution}s. */
    static List<String> superuserStatements() {
        return DatabaseContribution.all(DatabaseSetup.class.getClassLoader()).stream()
                .flatMap(contribution -> contribution.superuserStatements().stream()).toList();
    }
}
