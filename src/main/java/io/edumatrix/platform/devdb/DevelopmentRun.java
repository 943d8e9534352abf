package io.edumatrix.platform.devdb;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Completes the settings of the development run, once application.yaml and the profiles are read: the database
 * ({@link DevelopmentDatabase}), the master key and the first administrator ({@link DevelopmentSecrets}). Only what
 * is left unset is filled in, so a variable the developer sets still wins; without the {@code dev} profile it does
 * nothing. Registered in META-INF/spring.factories.
 */
class DevelopmentRun implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "dev";
    static final String FOLDER_PROPERTY = "edumatrix.dev.folder";
    private static final String DEFAULT_FOLDER = ".edumatrix-dev";

    private final Log log;

    DevelopmentRun(DeferredLogFactory logs) {
        this.log = logs.getLog(DevelopmentRun.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        var folder = Path.of(environment.getProperty(FOLDER_PROPERTY, DEFAULT_FOLDER)).toAbsolutePath();
        var settings = new LinkedHashMap<String, Object>();
        settings.putAll(DevelopmentDatabase.prepare(environment, folder, log));
        settings.putAll(DevelopmentSecrets.prepare(environment, folder, log));
        environment.getPropertySources().addFirst(new MapPropertySource("edumatrixDevelopmentRun", Map.copyOf(settings)));
    }

    /** After ConfigDataEnvironmentPostProcessor, which reads application.yaml and the active profiles. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
