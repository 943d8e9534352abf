package io.edumatrix.platform.data;

import io.edumatrix.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An empty database and a role prefix of one test's own, on the run's server, for tests that must watch the platform
 * provision from nothing or must not touch the run's shared database and roles. Closing drops both. The role prefix
 * extends the run's, so the run's clean-up catches whatever a failed test leaves behind.
 */
public final class FreshDatabase implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name;
    private final String rolePrefix;

    private FreshDatabase(String name, String rolePrefix) {
        this.name = name;
        this.rolePrefix = rolePrefix;
    }

    public static FreshDatabase create() throws SQLException {
        var run = TestDatabase.get();
        var number = COUNT.incrementAndGet();
        var database = new FreshDatabase(run.name() + "_f" + number, run.rolePrefix() + "f" + number + "_");
        database.onServer("CREATE DATABASE " + database.name);
        return database;
    }

    public String name() {
        return name;
    }

    public String rolePrefix() {
        return rolePrefix;
    }

    /** The run's settings, pointed at this database and role prefix. */
    public ApplicationLaunch launch() {
        return ApplicationLaunch.onTestDatabase()
                .with("edumatrix.database.name", name)
                .with("edumatrix.database.role-prefix", rolePrefix);
    }

    public Connection connectAsAdmin() throws SQLException {
        var run = TestDatabase.get();
        var url = run.jdbcUrl().substring(0, run.jdbcUrl().lastIndexOf('/') + 1) + name;
        var admin = run.applicationProperties();
        return DriverManager.getConnection(url, (String) admin.get("edumatrix.database.admin.username"),
                (String) admin.get("edumatrix.database.admin.password"));
    }

    /** Every role this database's installation uses or used: the ones named with its prefix. */
    public String rolesLikePattern() {
        return rolePrefix.replace("_", "\\_") + "%";
    }

    @Override
    public void close() throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        try (var admin = TestDatabase.get().connectAsAdmin();
                var roles = admin.prepareStatement("SELECT rolname FROM pg_roles WHERE rolname LIKE ? ORDER BY rolname")) {
            roles.setString(1, rolesLikePattern());
            try (var rows = roles.executeQuery(); var drop = admin.createStatement()) {
                while (rows.next()) {
                    drop.execute("DROP ROLE IF EXISTS " + ProvisioningScript.ident(rows.getString(1)));
                }
            }
        }
    }

    private void onServer(String sql) throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
