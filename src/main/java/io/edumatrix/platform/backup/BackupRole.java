package io.edumatrix.platform.backup;

import io.edumatrix.platform.data.EduMatrixProperties;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The role module backups are taken as, and only they: {@code <prefix>edumatrix_backup}, a login that bypasses
 * row-level security (pg_dump turns it off and fails on forced RLS otherwise) and reads everything through
 * {@code pg_read_all_data}, and may do nothing else. Made or corrected on the first backup when the admin connection
 * may (granting BYPASSRLS needs a superuser); otherwise a superuser runs {@link #statements}.
 */
final class BackupRole {

    private final EduMatrixProperties.Database database;
    private final String password;

    BackupRole(EduMatrixProperties.Database database, String password) {
        this.database = database;
        this.password = password == null ? "" : password;
    }

    String name() {
        return database.rolePrefix() + "edumatrix_backup";
    }

    String password() {
        return password;
    }

    void ensure(Connection admin) throws SQLException {
        if (ready(admin)) {
            return;
        }
        try (var statement = admin.createStatement()) {
            statement.execute(statements());
        } catch (SQLException e) {
            throw new BackupRefusedException("The backup role " + name() + " is missing or incomplete and the admin connection"
                    + " cannot make it (" + e.getMessage() + "). As a superuser, run: " + statements());
        }
    }

    String statements() {
        var role = Sql.ident(name());
        return "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + Sql.literal(name()) + ") THEN"
                + " CREATE ROLE " + role + "; END IF; END $$;"
                + " ALTER ROLE " + role + " LOGIN BYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT"
                + (password.isBlank() ? "" : " PASSWORD " + Sql.literal(password)) + ";"
                + " GRANT pg_read_all_data TO " + role + ";"
                + " GRANT CONNECT ON DATABASE " + Sql.ident(database.name()) + " TO " + role;
    }

    private boolean ready(Connection admin) throws SQLException {
        try (var query = admin.prepareStatement("SELECT r.rolcanlogin AND r.rolbypassrls AND r.rolinherit AND pg_has_role(r.oid, 'pg_read_all_data', 'MEMBER')"
                + " AND has_database_privilege(r.oid, current_database(), 'CONNECT') FROM pg_roles r WHERE r.rolname = ?")) {
            query.setString(1, name());
            try (var rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1) && password.isBlank();
            }
        }
    }
}
