package io.edumatrix.platform.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build fails when a versioned migration has no down script: every {@code db/<folder>/V<n>__<description>.sql}
 * of the main resources needs {@code db-down/<folder>/D<n>__<description>.sql}, and every down script its migration.
 * Shown to catch a migration without one, a down script left behind and one named after another migration.
 */
@UnitTest
class DownScriptCatalogTests {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+__.+\\.sql)");
    private static final Pattern DOWN = Pattern.compile("D(\\d+__.+\\.sql)");

    @Test
    void every_migration_has_its_down_script_and_every_down_script_its_migration() throws IOException {
        var resources = Path.of("src", "main", "resources");
        assertThat(mismatches(resources.resolve("db"), resources.resolve("db-down"))).isEmpty();
        assertThat(names(resources.resolve("db"), MIGRATION)).hasSizeGreaterThan(30);
    }

    @Test
    void a_migration_without_its_down_script_is_reported() throws IOException {
        var fixtures = Path.of("src", "test", "resources", "rollback-fixtures");
        assertThat(mismatches(fixtures.resolve("db"), fixtures.resolve("db-down"))).containsExactly(
                "db-down/alpha/D2__add_name.sql is missing: db/alpha/V2__add_name.sql cannot be undone",
                "db-down/beta/D1__create_other.sql is missing: db/beta/V1__create_other.sql cannot be undone",
                "db-down/alpha/D3__create_gone.sql undoes no migration",
                "db-down/beta/D1__create_another.sql undoes no migration");
    }

    static List<String> mismatches(Path migrations, Path downs) throws IOException {
        var up = names(migrations, MIGRATION);
        var down = names(downs, DOWN);
        var problems = new ArrayList<String>();
        up.stream().filter(name -> !down.contains(name)).forEach(name -> problems.add("db-down/" + file(name, "D")
                + " is missing: db/" + file(name, "V") + " cannot be undone"));
        down.stream().filter(name -> !up.contains(name)).forEach(name -> problems.add("db-down/" + file(name, "D")
                + " undoes no migration"));
        return problems;
    }

    /** {@code folder/<n>__<description>.sql} of every script, without its V or D. */
    private static Set<String> names(Path root, Pattern pattern) throws IOException {
        var names = new TreeSet<String>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                var name = pattern.matcher(file.getFileName().toString());
                if (name.matches()) {
                    names.add(root.relativize(file.getParent()) + "/" + name.group(1));
                }
            });
        }
        return names;
    }

    private static String file(String name, String prefix) {
        var slash = name.indexOf('/');
        return name.substring(0, slash + 1) + prefix + name.substring(slash + 1);
    }
}
