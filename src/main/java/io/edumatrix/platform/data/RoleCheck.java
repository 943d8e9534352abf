package io.edumatrix.platform.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Makes a missing role fail start-up with its name, instead of a pool that cannot log in. */
final class RoleCheck {

    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String INVALID_PASSWORD = "28P01";

    private final ModuleDatabases modules;

    RoleCheck(ModuleDatabases modules) {
        this.modules = modules;
    }

    void requireAll(Connection admin) throws SQLException {
        var expected = modules.all().stream().flatMap(m -> Stream.of(m.ownerRole(), m.appRole())).toList();
        var missing = new ArrayList<String>();
        try (var query = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            for (var role : expected) {
                query.setString(1, role);
                try (var rows = query.executeQuery()) {
                    if (!rows.next()) {
                        missing.add(role);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw missingRoles(missing);
        }
    }

    static ModuleStartupException missingRoles(List<String> roles) {
        return new ModuleStartupException(
                "Role" + (roles.size() > 1 ? "s " : " ") + String.join(", ", roles) + " missing in PostgreSQL",
                "Enable provisioning (edumatrix.database.provisioning.enabled=true with DB_ADMIN_USER), or have a DBA run "
                        + "the script printed by 'java -jar target/edumatrix-<version>.jar --print-provisioning-sql'.");
    }

    static ModuleStartupException loginFailed(ModuleDatabase module, DatabaseLocation location, SQLException e) {
        var state = e.getSQLState();
        if (INVALID_AUTHORIZATION.equals(state) && String.valueOf(e.getMessage()).contains("does not exist")) {
            return missingRoles(List.of(module.appRole()));
        }
        var hint = INVALID_PASSWORD.equals(state)
                ? "Set the app role's password: edumatrix.database.app-password (DB_APP_PASSWORD) or "
                        + "edumatrix.database.module." + module.module() + ".password."
                : "Check DB_HOST, DB_PORT and DB_NAME, and that role " + module.appRole() + " may connect.";
        return new ModuleStartupException(
                "Module '" + module.module() + "' cannot log in as " + module.appRole() + " at " + location + ": "
                        + ConnectionFailure.cause(e, location, module.appRole()), hint, e);
    }
}
