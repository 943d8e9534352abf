package io.edumatrix.platform.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** {@code edumatrix.*} as the shipped application.yaml sets it, without a database or a context. */
final class ShippedSettings {

    private ShippedSettings() {}

    static EduMatrixProperties properties() {
        return properties(java.util.Map.of());
    }

    /** The same with {@code overrides} (full property names) taking precedence. */
    static EduMatrixProperties properties(java.util.Map<String, Object> overrides) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("overrides", overrides));
        try {
            for (var source : new YamlPropertySourceLoader().load("application.yaml",
                    new ClassPathResource("application.yaml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(environment).bind("edumatrix", EduMatrixProperties.class).get();
    }

    /** The sessions a module holds outside its pool, as shipped. */
    static int dedicatedConnections(String module) {
        var overrides = properties().database().module().get(module);
        return overrides == null || overrides.dedicatedConnections() == null ? 0 : overrides.dedicatedConnections();
    }
}
