package io.edumatrix.platform.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The idempotent SQL that gives every module its schema and roles and locks everybody else out. The application runs
 * it through the admin connection; {@link ProvisioningScriptCommand} prints it for a DBA.
 */
final class ProvisioningScript {

    private final ModuleDatabases modules;

    ProvisioningScript(ModuleDatabases modules) {
        this.modules = modules;
    }

    /**
     * @param migrator the role that runs migrations and so must be able to {@code SET ROLE} to each owner role
     * @param withPasswords whether to set app role passwords; a printed script leaves them to the DBA
     */
    List<String> statements(String migrator, boolean withPasswords) {
        var database = ident(modules.location().database());
        var sql = new ArrayList<String>();
        sql.add("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        sql.add("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
        sql.add("GRANT CONNECT ON DATABASE " + database + " TO " + migrator);
        for (var module : modules.all()) {
            sql.addAll(moduleStatements(module, database, migrator, withPasswords));
        }
        return sql;
    }

    private List<String> moduleStatements(ModuleDatabase m, String database, String migrator, boolean withPasswords) {
        var owner = ident(m.ownerRole());
        var app = ident(m.appRole());
        var schema = ident(m.schema());
        var session = modules.settings().session();
        var sql = new ArrayList<String>();
        sql.add(createRoleIfMissing(m.ownerRole(), "NOLOGIN"));
        sql.add("ALTER ROLE " + owner + " NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
        sql.add("GRANT " + owner + " TO " + migrator);
        sql.add(createRoleIfMissing(m.appRole(), "LOGIN"));
        sql.add("ALTER ROLE " + app + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT "
                + m.connectionLimit()
                + (withPasswords ? m.appPassword().map(p -> " PASSWORD " + literal(p)).orElse("") : ""));
        sql.add("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + owner);
        sql.add("ALTER SCHEMA " + schema + " OWNER TO " + owner);
        sql.add("REVOKE ALL ON SCHEMA " + schema + " FROM PUBLIC");
        sql.add("GRANT USAGE ON SCHEMA " + schema + " TO " + app);
        sql.add("GRANT CONNECT ON DATABASE " + database + " TO " + app);
        sql.add("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + app);
        sql.add("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + app);
        sql.add(defaultPrivileges(owner, schema, "SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app));
        sql.add(defaultPrivileges(owner, schema, "USAGE, SELECT ON SEQUENCES TO " + app));
        sql.add(defaultPrivileges(owner, schema, "EXECUTE ON FUNCTIONS TO " + app));
        // After the grants, which a contribution may narrow (the audit trail is read-only to the app role).
        DatabaseContribution.all(ProvisioningScript.class.getClassLoader())
                .forEach(contribution -> sql.addAll(contribution.provisioning(m)));
        sql.add(roleSetting(app, database, "search_path", schema));
        sql.add(roleSetting(app, database, "statement_timeout", literal(session.statementTimeout().toMillis() + "ms")));
        sql.add(roleSetting(app, database, "lock_timeout", literal(session.lockTimeout().toMillis() + "ms")));
        sql.add(roleSetting(app, database, "idle_in_transaction_session_timeout",
                literal(session.idleInTransactionSessionTimeout().toMillis() + "ms")));
        return sql;
    }

    /** Tolerates a concurrent creator: roles are cluster-wide, so another installation may create the same one. */
    private static String createRoleIfMissing(String role, String login) {
        return "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + literal(role) + ") THEN CREATE ROLE "
                + ident(role) + " " + login + "; END IF; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
    }

    private static String defaultPrivileges(String owner, String schema, String grant) {
        return "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA " + schema + " GRANT " + grant;
    }

    private static String roleSetting(String role, String database, String setting, String value) {
        return "ALTER ROLE " + role + " IN DATABASE " + database + " SET " + setting + " = " + value;
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
