package io.edumatrix.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migration scripts under {@code <migrationRoot>/<module>/} (read from the class path) name no other module's schema.
 * It is not an ArchUnit rule because it reads SQL files, not classes.
 */
final class MigrationScriptRule {

    private final String migrationRoot;
    private final List<String> modules;

    MigrationScriptRule(String migrationRoot, List<String> modules) {
        this.migrationRoot = migrationRoot;
        this.modules = modules;
    }

    void check() {
        var violations = violations();
        if (!violations.isEmpty()) {
            throw new AssertionError("Migration scripts name another module's schema (" + violations.size() + " times):\n"
                    + String.join("\n", violations));
        }
    }

    /** One line per reference, naming the script and the line; fails if there are no scripts, so it never passes empty. */
    List<String> violations() {
        var violations = new ArrayList<String>();
        int scripts = 0;
        for (var module : modules) {
            var others = modules.stream().filter(m -> !m.equals(module)).toList();
            for (var script : scriptsOf(module)) {
                scripts++;
                var name = migrationRoot + "/" + module + "/" + script.getFilename();
                SchemaReferences.find(read(script), others).forEach(reference -> violations.add(name + ": " + reference));
            }
        }
        if (scripts == 0) {
            throw new AssertionError("No migration scripts found under classpath:" + migrationRoot + "/" + modules);
        }
        return violations;
    }

    private List<Resource> scriptsOf(String module) {
        try {
            return List.of(new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + migrationRoot + "/" + module + "/**/*.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource script) {
        try {
            return script.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + script, e);
        }
    }
}
