package bench.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A scratch database on the benchmark's server, created at start and dropped at the end. */
record BenchDatabase(String host, int port, String adminUser, String adminPassword, String name, String rolePrefix)
        implements AutoCloseable {

    static BenchDatabase create(String host, int port, String adminUser, String adminPassword, String name,
            String rolePrefix) throws SQLException {
        var database = new BenchDatabase(host, port, adminUser, adminPassword, name, rolePrefix);
        try (var server = database.connectToServer(); var statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return database;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), adminUser, adminPassword);
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (var server = connectToServer(); var statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            if (!rolePrefix.isEmpty()) {
                try (var roles = statement.executeQuery("SELECT rolname FROM pg_roles WHERE rolname LIKE '"
                        + rolePrefix.replace("_", "\\_") + "%'")) {
                    var names = new java.util.ArrayList<String>();
                    while (roles.next()) {
                        names.add(roles.getString(1));
                    }
                    for (var role : names) {
                        statement.execute("DROP ROLE IF EXISTS \"" + role + "\"");
                    }
                }
            }
        }
    }

    private Connection connectToServer() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", adminUser, adminPassword);
    }
}
