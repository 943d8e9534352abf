package io.edumatrix.platform.devdb;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.Environment;

/**
 * The development run's database: the configured server ({@code DB_HOST}:{@code DB_PORT}, by default 127.0.0.1:5432)
 * when it answers, and otherwise an {@link EmbeddedPostgresServer} on the data in {@code <folder>/postgres}, stopped
 * after the application has closed. Either way the database ({@code DB_NAME}) is created if missing, and the admin
 * role defaults to {@code postgres}.
 */
final class DevelopmentDatabase {

    private static final String HOST = "edumatrix.database.host";
    private static final String PORT = "edumatrix.database.port";
    private static final String NAME = "edumatrix.database.name";
    private static final String ADMIN_USER = "edumatrix.database.admin.username";
    private static final String ADMIN_PASSWORD = "edumatrix.database.admin.password";

    private DevelopmentDatabase() {}

    /** The settings to add to the environment. */
    static Map<String, Object> prepare(Environment environment, Path folder, Log log) {
        var host = environment.getProperty(HOST, "127.0.0.1");
        var port = environment.getProperty(PORT, Integer.class, 5432);
        var name = environment.getProperty(NAME, "edumatrix");
        var adminUser = environment.getProperty(ADMIN_USER, "");
        var adminPassword = environment.getProperty(ADMIN_PASSWORD, "");
        var settings = new LinkedHashMap<String, Object>();
        if (PostgresServer.answers(host, port)) {
            if (adminUser.isBlank()) {
                adminUser = EmbeddedPostgresServer.SUPERUSER;
                settings.put(ADMIN_USER, adminUser);
            }
            log.info("Development database: the server at " + host + ":" + port + " answers; database " + name);
        } else {
            var server = EmbeddedPostgresServer.start(folder.resolve("postgres"), true);
            SpringApplication.getShutdownHandlers().add(server::close);
            host = server.host();
            port = server.port();
            adminUser = EmbeddedPostgresServer.SUPERUSER;
            adminPassword = "";
            settings.putAll(Map.of(HOST, host, PORT, port, ADMIN_USER, adminUser, ADMIN_PASSWORD, adminPassword));
            log.info("Development database: nothing answers at " + environment.getProperty(HOST) + ":"
                    + environment.getProperty(PORT) + ", so an embedded PostgreSQL runs on " + host + ":" + port
                    + " with the data in " + folder.resolve("postgres") + " (its log: " + server.log() + ")");
        }
        createDatabase(host, port, adminUser, adminPassword, name, log);
        return settings;
    }

    private static void createDatabase(String host, int port, String adminUser, String adminPassword, String name,
            Log log) {
        try {
            if (PostgresServer.createDatabaseIfMissing(host, port, adminUser, adminPassword, name)) {
                log.info("Development database: created database " + name);
            }
        } catch (SQLException e) {
            throw new DevelopmentRunException("Cannot create or find database " + name + " on " + host + ":" + port
                    + " as " + adminUser + ": " + e.getMessage(), "Set DB_ADMIN_USER and DB_ADMIN_PASSWORD to a role that"
                    + " may create databases, or point DB_HOST/DB_PORT elsewhere (or at nothing, for an embedded server).",
                    e);
        }
    }
}
