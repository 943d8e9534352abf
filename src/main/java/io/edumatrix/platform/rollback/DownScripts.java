package io.edumatrix.platform.rollback;

import java.io.IOException;
import java.io.UncheckedIOException;
import io.edumatrix.platform.data.ModuleDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The down scripts of one Flyway location: {@code db-down/<folder>/D<n>__<description>.sql} undoes
 * {@code db/<folder>/V<n>__<description>.sql}. They live outside {@code db/}, where Flyway never runs them; the build
 * holds every versioned migration to its down script ({@code DownScriptCatalogTests}).
 */
final class DownScripts {

    private static final Pattern NAME = Pattern.compile("D(\\d+)__.+\\.sql");

    private final String folder;
    private final Map<Integer, Resource> byVersion;

    private DownScripts(String folder, Map<Integer, Resource> byVersion) {
        this.folder = folder;
        this.byVersion = byVersion;
    }

    /** The down scripts of {@code db/<folder>}: a module's name, or {@code platform}. */
    static DownScripts of(String folder) {
        try {
            var scripts = new TreeMap<Integer, Resource>();
            for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:db-down/" + folder + "/D*__*.sql")) {
                var name = NAME.matcher(String.valueOf(resource.getFilename()));
                if (name.matches()) {
                    scripts.put(Integer.parseInt(name.group(1)), resource);
                }
            }
            return new DownScripts(folder, scripts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> forVersion(int version) {
        return Optional.ofNullable(byVersion.get(version)).map(DownScripts::read);
    }

    /** The script with the placeholders the migrations have ({@code ModuleMigration}) filled in for {@code module}. */
    Optional<String> forVersion(int version, ModuleDatabase module) {
        var placeholders = Map.of("module", module.module(), "owner_role", module.ownerRole(), "app_role", module.appRole());
        return forVersion(version).map(sql -> {
            for (var placeholder : placeholders.entrySet()) {
                sql = sql.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
            }
            return sql;
        });
    }

    String describe(int version) {
        var script = byVersion.get(version);
        return "db-down/" + folder + "/" + (script == null ? "D" + version + "__*.sql" : script.getFilename());
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
