package io.edumatrix.platform.data;

import java.util.List;
import org.springframework.util.ClassUtils;
import java.util.Optional;

/** All modules' databases, in the order the modules are listed. */
public record ModuleDatabases(EduMatrixProperties.Database settings, List<ModuleDatabase> all) {

    public static ModuleDatabases of(EduMatrixProperties properties) {
        var database = properties.database();
        // A module left out of edumatrix.modules (a module test runs one module) may keep its settings; a name that
        // is no module's at all is a typo.
        var unknown = database.module().keySet().stream()
                .filter(m -> !properties.modules().contains(m) && !isModulePackage(m)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("edumatrix.database.module names " + unknown
                    + ", which are not in edumatrix.modules " + properties.modules());
        }
        return new ModuleDatabases(database, properties.modules().stream().map(m -> ModuleDatabase.of(m, database)).toList());
    }

    public Optional<ModuleDatabase> find(String module) {
        return all.stream().filter(m -> m.module().equals(module)).findFirst();
    }

    private static boolean isModulePackage(String module) {
        return ClassUtils.isPresent("io.edumatrix." + module + ".package-info", ModuleDatabases.class.getClassLoader());
    }

    /** What all instances of all modules open on PostgreSQL itself (through a pooler or not). */
    public int serverConnections() {
        return all.stream().mapToInt(ModuleDatabase::connectionLimit).sum();
    }

    public int totalConnections() {
        return all.stream().mapToInt(ModuleDatabase::connections).sum();
    }
}
