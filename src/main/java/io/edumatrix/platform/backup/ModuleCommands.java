package io.edumatrix.platform.backup;

import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.data.ModuleLocation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** What the backup and the restore both need: the module named, and the admin connection. */
final class ModuleCommands {

    private ModuleCommands() {}

    static ModuleDatabase module(ModuleDatabases modules, String name) {
        var module = modules.find(name).orElseThrow(() -> new BackupRefusedException("No module '" + name + "'; the modules are "
                + modules.all().stream().map(ModuleDatabase::module).toList()));
        if (!module.location().samePlace(ModuleLocation.main(modules.settings()))) {
            // The commands read every module's outbox through one admin connection (EventCatchUp).
            throw new BackupRefusedException("Module '" + name + "' lives at " + module.location()
                    + ", not in the main database; backups and restores serve modules in the main database only");
        }
        return module;
    }

    static Connection admin(EduMatrixProperties.Database settings) throws SQLException {
        if (!settings.admin().configured()) {
            throw new BackupRefusedException("Module backups and restores need the admin connection (DB_ADMIN_USER)");
        }
        return DriverManager.getConnection(settings.jdbcUrl(), settings.admin().username(), settings.admin().password());
    }
}
