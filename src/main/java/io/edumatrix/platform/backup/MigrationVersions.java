package io.edumatrix.platform.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The versions of a module's two migration histories: in its schema, and the newest this release's code ships. */
record MigrationVersions(int module, int platform) {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    static MigrationVersions inSchema(Connection connection, String schema) throws SQLException {
        return new MigrationVersions(applied(connection, schema, "flyway_schema_history"),
                applied(connection, schema, "platform_schema_history"));
    }

    static MigrationVersions inCode(String module) {
        return new MigrationVersions(newest("db/" + module), newest("db/platform"));
    }

    boolean newerThan(MigrationVersions other) {
        return module > other.module || platform > other.platform;
    }

    @Override
    public String toString() {
        return "module version " + module + ", platform version " + platform;
    }

    private static int applied(Connection connection, String schema, String history) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT coalesce(max(version::integer), 0) FROM " + Sql.ident(schema) + "."
                        + Sql.ident(history) + " WHERE success AND version IS NOT NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int newest(String location) {
        try {
            int newest = 0;
            for (var script : new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/V*__*.sql")) {
                var name = VERSION.matcher(String.valueOf(script.getFilename()));
                if (name.matches()) {
                    newest = Math.max(newest, Integer.parseInt(name.group(1)));
                }
            }
            return newest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
