package io.edumatrix.platform.data;

import java.util.Arrays;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Refuses a start whose {@code edumatrix.modules} differs from the modules whose beans exist. Without Spring AOT they
 * always agree, since {@link ModuleBeanRegistrar} registers from the same setting. With it
 * ({@code -Dspring.aot.enabled=true}), the beans were fixed when the build was processed ahead of time, for the module
 * list of that build's configuration (ADR 0017), and another list at run time would half-start.
 */
final class AheadOfTimeModules {

    private AheadOfTimeModules() {}

    static void check(ModuleDatabases databases, ListableBeanFactory beans) {
        var listed = databases.all().stream().map(ModuleDatabase::module).toList();
        var registered = Arrays.stream(beans.getBeanNamesForType(ModuleDataAccess.class, true, false))
                .map(name -> name.substring(0, name.length() - ModuleBeans.dataAccess("").length()))
                .toList();
        if (!registered.equals(listed)) {
            throw new ModuleStartupException("Setting edumatrix.modules " + listed
                    + " differs from the modules this build was processed ahead of time for " + registered,
                    "Start without -Dspring.aot.enabled=true, or list the modules the build was processed for");
        }
    }
}
