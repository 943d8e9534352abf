package io.edumatrix.architecture;

import java.util.List;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The module list of {@code application.yaml} ({@code edumatrix.modules}), read the way the application binds it. */
public final class ConfiguredModules {

    static final String ROOT_PACKAGE = "io.edumatrix";
    static final String MIGRATION_ROOT = "db";

    private ConfiguredModules() {}

    public static List<String> names() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        return new Binder(new MapConfigurationPropertySource(yaml.getObject()))
                .bind("edumatrix.modules", Bindable.listOf(String.class))
                .orElseThrow(() -> new IllegalStateException("application.yaml lists no edumatrix.modules"));
    }

    static IsolationRules rules() {
        return new IsolationRules(ROOT_PACKAGE, names());
    }
}
