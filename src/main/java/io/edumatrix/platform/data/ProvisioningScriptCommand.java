package io.edumatrix.platform.data;

import java.util.Arrays;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.NamedInterface;

/**
 * {@code java -jar edumatrix.jar --print-provisioning-sql [--edumatrix.database.admin.username=<migrator>]} prints the
 * provisioning SQL for a DBA, from the same configuration the application reads, and connects to nothing.
 */
@NamedInterface("commands")
public final class ProvisioningScriptCommand {

    private static final String FLAG = "--print-provisioning-sql";

    private ProvisioningScriptCommand() {}

    public static boolean isRequested(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    public static void run(String[] args) {
        var rest = Arrays.stream(args).filter(a -> !a.equals(FLAG)).toArray(String[]::new);
        try (var context = CommandContext.start(PropertiesOnly.class, rest)) {
            System.out.print(render(ModuleDatabases.of(context.getBean(EduMatrixProperties.class))));
        }
    }

    static String render(ModuleDatabases modules) {
        var script = new StringBuilder();
        modules.byPlace().values().forEach(place -> render(place, script));
        return script.toString();
    }

    /** The script of one database: modules placed elsewhere get one each (edumatrix.database.modules.*). */
    private static void render(ModuleDatabases modules, StringBuilder script) {
        var location = modules.location();
        var migrator = location.adminConfigured() ? ProvisioningScript.ident(location.adminUser()) : "CURRENT_USER";
        script.append("-- EduMatrix provisioning for database ").append(location.database())
                .append(modules.location().samePlace(ModuleLocation.main(modules.settings())) ? ""
                        : " on " + location.server() + " (modules " + modules.all().stream().map(ModuleDatabase::module).toList() + ")")
                .append(". Idempotent: run it again after adding a module.\n")
                .append("-- Run as a role with CREATEROLE that owns the database. Migrations later run as ")
                .append(migrator).append(", which may SET ROLE to every owner role.\n")
                .append("BEGIN;\n");
        for (var statement : new ProvisioningScript(modules).statements(migrator, false)) {
            script.append(statement).append(";\n");
        }
        script.append("COMMIT;\n-- As a superuser (event triggers need one): record every schema change in the schema's audit log,\n")
                .append("-- and let GIN indexes serve searches under row-level security (ADR 0016).\n")
                .append("BEGIN;\n");
        for (var statement : DatabaseSetup.superuserStatements()) {
            script.append(statement).append(";\n");
        }
        script.append("COMMIT;\n-- Then give each app role its password:\n");
        modules.all().forEach(m -> script.append("-- ALTER ROLE ").append(ProvisioningScript.ident(m.appRole()))
                .append(" PASSWORD '…';\n"));
    }

    /** Not a {@code @Configuration}, so the application's component scan leaves it alone. */
    @EnableConfigurationProperties(EduMatrixProperties.class)
    static class PropertiesOnly {}
}
