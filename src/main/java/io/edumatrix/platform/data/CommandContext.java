package io.edumatrix.platform.data;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The context a command of the JAR runs in (printing the provisioning script, maintaining the audit log, backing up,
 * restoring or rolling back a module): the application's settings bound from the usual sources, no web server, none
 * of the application's beans, and only warnings logged, so that what the command prints is all the operator reads.
 */
public final class CommandContext {

    private CommandContext() {}

    /** @param settings a class that only enables the configuration properties the command reads */
    public static ConfigurableApplicationContext start(Class<?> settings, String[] args) {
        return new SpringApplicationBuilder(settings)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .bannerMode(Banner.Mode.OFF)
                .properties("logging.level.root=warn")
                .run(args);
    }
}
