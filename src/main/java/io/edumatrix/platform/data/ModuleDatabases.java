package io.edumatrix.platform.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.ClassUtils;
import java.util.Optional;

/** All modules' databases, in the order the modules are listed. */
public record ModuleDatabases(EduMatrixProperties.Database settings, List<ModuleDatabase> all) {

    public static ModuleDatabases of(EduMatrixProperties properties) {
        var database = properties.database();
        // A module left out of edumatrix.modules (a module test runs one module) may keep its settings; a name that
        // is no module's at all is a typo.
        var unknown = java.util.stream.Stream.concat(database.module().keySet().stream(), database.modules().keySet().stream())
                .filter(m -> !properties.modules().contains(m) && !isModulePackage(m)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("edumatrix.database.module(s) names " + unknown
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
        return all.stream().mapToInt(ModuleDatabase::primaryConnections).sum();
    }

    /** What all instances open on {@code replica}: the pools of the modules reading there and a lag check each. */
    public int replicaConnections(DatabaseLocation replica) {
        var connections = new ConnectionSettings(settings);
        var pools = all.stream().filter(m -> connections.replica(m.module(), m.location()).filter(replica::equals).isPresent())
                .mapToInt(ModuleDatabase::replicaConnections).sum();
        return pools == 0 ? 0 : pools + settings.instances();
    }

    public int totalConnections() {
        return all.stream().mapToInt(ModuleDatabase::connections).sum();
    }

    /**
     * The modules grouped by the database they are configured in (server and database name), in configuration order:
     * what one provisioning run and one set of database-wide objects serve.
     */
    public Map<String, ModuleDatabases> byPlace() {
        var places = new LinkedHashMap<String, List<ModuleDatabase>>();
        all.forEach(m -> places.computeIfAbsent(m.location().place(), p -> new ArrayList<>()).add(m));
        var result = new LinkedHashMap<String, ModuleDatabases>();
        places.forEach((place, modules) -> result.put(place, new ModuleDatabases(settings, List.copyOf(modules))));
        return result;
    }

    /** The modules grouped by server, whose connection limit they share. */
    public Map<String, ModuleDatabases> byServer() {
        var servers = new LinkedHashMap<String, List<ModuleDatabase>>();
        all.forEach(m -> servers.computeIfAbsent(m.location().server(), p -> new ArrayList<>()).add(m));
        var result = new LinkedHashMap<String, ModuleDatabases>();
        servers.forEach((server, modules) -> result.put(server, new ModuleDatabases(settings, List.copyOf(modules))));
        return result;
    }

    /** The location of the first module: for a group from {@link #byPlace()}, the group's. */
    public ModuleLocation location() {
        return all.getFirst().location();
    }
}
