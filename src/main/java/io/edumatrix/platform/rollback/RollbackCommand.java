package io.edumatrix.platform.rollback;

import io.edumatrix.platform.data.CommandContext;
import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.ModuleDatabases;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.NamedInterface;

/**
 * {@code java -jar edumatrix.jar --rollback-module=<m> --to-version=<n> [--allow-data-loss]} runs the down scripts of
 * module {@code m}'s migrations above version {@code n} through the admin connection ({@code DB_ADMIN_USER}) and
 * prints what it did. It refuses, changing nothing, when that would drop a table or column holding data, unless
 * {@code --allow-data-loss} is given. Stop the application first and start the release that knows version {@code n}
 * after it: a release with the newer migrations would apply them again at its start.
 */
@NamedInterface("commands")
public final class RollbackCommand {

    private static final String MODULE = "--rollback-module=";
    private static final String VERSION = "--to-version=";
    private static final String ALLOW_DATA_LOSS = "--allow-data-loss";

    private RollbackCommand() {}

    public static boolean isRequested(String[] args) {
        return value(args, MODULE).isPresent();
    }

    /** @return the exit code: 0 done, 2 refused */
    public static int run(String[] args) throws SQLException {
        var module = value(args, MODULE).orElseThrow();
        var version = value(args, VERSION).filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt);
        if (version.isEmpty()) {
            System.err.println("--rollback-module needs --to-version=<n>, the version to return to (0 or more)");
            return 2;
        }
        var allowDataLoss = Arrays.asList(args).contains(ALLOW_DATA_LOSS);
        var rest = Arrays.stream(args).filter(a -> !a.startsWith(MODULE) && !a.startsWith(VERSION) && !a.equals(ALLOW_DATA_LOSS))
                .toArray(String[]::new);
        try (var context = CommandContext.start(PropertiesOnly.class, rest)) {
            var modules = ModuleDatabases.of(context.getBean(EduMatrixProperties.class));
            new ModuleRollback(modules).rollBack(module, version.get(), allowDataLoss).forEach(System.out::println);
            return 0;
        } catch (RollbackRefusedException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static Optional<String> value(String[] args, String prefix) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }

    /** Not a {@code @Configuration}, so the application's component scan leaves it alone. */
    @EnableConfigurationProperties(EduMatrixProperties.class)
    static class PropertiesOnly {}
}
