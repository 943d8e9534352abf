package io.edumatrix.platform.events.crash;

import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;

/**
 * An empty database and a role prefix of this test's own on the run's server, dropped on close. The role prefix extends
 * the run's, so the run's own clean-up catches whatever a failed test leaves behind.
 */
final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final String rolePrefix;

    private ScratchDatabase(String name, String rolePrefix) {
        this.name = name;
        this.rolePrefix = rolePrefix;
    }

    static ScratchDatabase create() throws SQLException {
        var run = TestDatabase.get();
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var database = new ScratchDatabase(run.name() + "_crash" + suffix, run.rolePrefix() + "c" + suffix + "_");
        database.onServer("CREATE DATABASE " + database.name);
        return database;
    }

    /** The run's settings, pointed at this database and role prefix. */
    ApplicationLaunch launch() {
        return ApplicationLaunch.onTestDatabase()
                .with("edumatrix.database.name", name)
                .with("edumatrix.database.role-prefix", rolePrefix);
    }

    Connection connectAsAdmin() throws SQLException {
        var run = TestDatabase.get();
        var url = run.jdbcUrl().substring(0, run.jdbcUrl().lastIndexOf('/') + 1) + name;
        var settings = run.applicationProperties();
        return DriverManager.getConnection(url, (String) settings.get("edumatrix.database.admin.username"),
                (String) settings.get("edumatrix.database.admin.password"));
    }

    @Override
    public void close() throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        try (var admin = TestDatabase.get().connectAsAdmin();
                var roles = admin.prepareStatement("SELECT rolname FROM pg_roles WHERE rolname LIKE ?")) {
            roles.setString(1, rolePrefix.replace("_", "\\_") + "%");
            var names = new ArrayList<String>();
            try (var rows = roles.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            try (var drop = admin.createStatement()) {
                for (var role : names) {
                    drop.execute("DROP ROLE IF EXISTS \"" + role.replace("\"", "\"\"") + "\"");
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
