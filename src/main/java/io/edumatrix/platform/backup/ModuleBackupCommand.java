package io.edumatrix.platform.backup;

import io.edumatrix.platform.crypto.MasterKey;
import io.edumatrix.platform.data.CommandContext;
import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.data.ModuleStartupException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.modulith.NamedInterface;

/**
 * {@code java -jar edumatrix.jar --backup-module=<m> --to=FILE} and {@code --restore-module=<m> --from=FILE}: one
 * module's schema backed up and restored beside the running application, through the admin connection
 * ({@code DB_ADMIN_USER}; the restore needs a superuser, the backup makes its own role on first use). Optional
 * settings: {@code EDUMATRIX_BACKUP_PASSWORD} (the backup role's password) and {@code EDUMATRIX_PG_BIN} (the folder of
 * pg_dump, pg_restore and psql, if not on the PATH). Exit code 0 when done, 2 when refused: nothing changed.
 */
@NamedInterface("commands")
public final class ModuleBackupCommand {

    private static final String BACKUP = "--backup-module=";
    private static final String TO = "--to=";
    private static final String RESTORE = "--restore-module=";
    private static final String FROM = "--from=";

    private ModuleBackupCommand() {}

    public static boolean isRequested(String[] args) {
        return value(args, BACKUP).isPresent() || value(args, RESTORE).isPresent();
    }

    public static int run(String[] args) throws Exception {
        var backup = value(args, BACKUP);
        var file = backup.isPresent() ? value(args, TO) : value(args, FROM);
        if (file.isEmpty() || file.get().isBlank()) {
            System.err.println(backup.isPresent() ? "--backup-module needs --to=FILE" : "--restore-module needs --from=FILE");
            return 2;
        }
        var rest = Arrays.stream(args).filter(a -> List.of(BACKUP, TO, RESTORE, FROM).stream().noneMatch(a::startsWith))
                .toArray(String[]::new);
        try (var context = CommandContext.start(PropertiesOnly.class, rest)) {
            var modules = ModuleDatabases.of(context.getBean(EduMatrixProperties.class));
            var environment = context.getEnvironment();
            var pgBin = environment.getProperty("EDUMATRIX_PG_BIN", "");
            var lines = backup.isPresent()
                    ? new ModuleBackup(modules, environment.getProperty("EDUMATRIX_BACKUP_PASSWORD", ""), pgBin)
                            .backUp(backup.get(), Path.of(file.get()))
                    : new ModuleRestore(modules, pgBin, masterKey(environment)).restore(value(args, RESTORE).orElseThrow(), Path.of(file.get()));
            lines.forEach(System.out::println);
            return 0;
        } catch (BackupRefusedException e) {
            System.err.println("Refused: " + e.getMessage());
            return 2;
        }
    }

    /** The configured master keys; none when the settings are missing or unusable (the restore names what it needs). */
    private static Optional<MasterKey> masterKey(Environment environment) {
        try {
            return Optional.of(MasterKey.from(environment));
        } catch (ModuleStartupException e) {
            System.err.println("No usable master key: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> value(String[] args, String prefix) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }

    /** Not a {@code @Configuration}, so the application's component scan leaves it alone. */
    @EnableConfigurationProperties(EduMatrixProperties.class)
    static class PropertiesOnly {}
}
