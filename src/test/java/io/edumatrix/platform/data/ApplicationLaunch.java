package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.fail;

import io.edumatrix.EduMatrixApplication;
import io.edumatrix.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application the way {@code java -jar} does, outside the test context cache, so a test can watch a
 * start-up succeed or fail under settings of its own. The settings are passed as command-line arguments, above
 * {@code application.yaml} and the environment.
 */
public final class ApplicationLaunch {

    private final Map<String, Object> properties;
    private final List<Class<?>> sources = new ArrayList<>(List.of(EduMatrixApplication.class));
    private WebApplicationType web = WebApplicationType.NONE;

    private ApplicationLaunch(Map<String, Object> properties) {
        this.properties = properties;
    }

    /** On the run's database, with the run's role prefix. */
    public static ApplicationLaunch onTestDatabase() {
        var properties = new LinkedHashMap<>(TestDatabase.get().applicationProperties());
        properties.put("spring.main.banner-mode", "off");
        return new ApplicationLaunch(properties);
    }

    public ApplicationLaunch with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /** Registers classes as beans besides the application's own, as if a module had declared them. */
    public ApplicationLaunch withBeans(Class<?>... classes) {
        sources.addAll(List.of(classes));
        return this;
    }

    /** Serves HTTP on a free port. */
    public ApplicationLaunch overHttp() {
        web = WebApplicationType.SERVLET;
        return with("server.port", 0);
    }

    public ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).web(web).run(arguments());
    }

    /** The port an application started {@link #overHttp()} serves on. */
    public static int port(ConfigurableApplicationContext application) {
        return Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Where an application started {@link #overHttp()} serves. */
    public static String baseUrl(ConfigurableApplicationContext application) {
        return "http://127.0.0.1:" + port(application);
    }

    /** The settings as the command line that {@link #start()} passes. */
    public String[] arguments() {
        return properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
    }

    /** The reason start-up was refused; fails the test if the application started or failed for another reason. */
    public ModuleStartupException refusal() {
        var failure = failure();
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModuleStartupException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("Start-up failed, but not with a ModuleStartupException", failure);
    }

    /** Whatever start-up failed with; fails the test if the application started. */
    public Throwable failure() {
        try (var context = start()) {
            return fail("The application started, but should have refused to: " + context.getId());
        } catch (RuntimeException e) {
            return e;
        }
    }
}
