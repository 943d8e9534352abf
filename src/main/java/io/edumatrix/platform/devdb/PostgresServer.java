package io.edumatrix.platform.devdb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;

/** What the development run and the tests ask of a PostgreSQL server before the application provisions it. */
public final class PostgresServer {

    private static final int PROBE_TIMEOUT_MILLIS = 1_000;

    private PostgresServer() {}

    /** Whether something accepts connections at host:port; a server that answers but refuses the login is not hidden. */
    public static boolean answers(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the database unless the server has it; the application creates its schemas and roles itself. */
    static boolean createDatabaseIfMissing(String host, int port, String adminUser, String adminPassword, String name)
            throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                adminUser, adminPassword);
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (var found = exists.executeQuery()) {
                if (found.next()) {
                    return false;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + create.enquoteIdentifier(name, true));
            }
            return true;
        }
    }
}
