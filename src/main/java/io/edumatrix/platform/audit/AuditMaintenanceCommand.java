package io.edumatrix.platform.audit;

import io.edumatrix.platform.data.CommandContext;
import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.ModuleDatabases;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.NamedInterface;

/**
 * {@code java -jar edumatrix.jar --maintain-audit-log} creates the coming months' audit log partitions and drops the
 * months past {@code edumatrix.audit.retention-months}, in every module schema, through the admin connection
 * ({@code DB_ADMIN_USER}) acting as each module's owner, and prints what it did. It starts no server and no module;
 * run it monthly (from cron, say) where the application is not restarted that often.
 */
@NamedInterface("commands")
public final class AuditMaintenanceCommand {

    private static final String FLAG = "--maintain-audit-log";

    private AuditMaintenanceCommand() {}

    public static boolean isRequested(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    public static void run(String[] args) throws SQLException {
        var rest = Arrays.stream(args).filter(a -> !a.equals(FLAG)).toArray(String[]::new);
        try (var context = CommandContext.start(PropertiesOnly.class, rest)) {
            var modules = ModuleDatabases.of(context.getBean(EduMatrixProperties.class));
            if (!modules.settings().admin().configured()) {
                throw new IllegalStateException("--maintain-audit-log needs the admin connection (DB_ADMIN_USER), which"
                        + " acts as each module's owner role");
            }
            for (var changes : new AuditMaintenance(modules, context.getBean(AuditProperties.class)).run(Clock.systemUTC())) {
                System.out.println(changes);
            }
        }
    }

    /** Not a {@code @Configuration}, so the application's component scan leaves it alone. */
    @EnableConfigurationProperties({EduMatrixProperties.class, AuditProperties.class})
    static class PropertiesOnly {}
}
