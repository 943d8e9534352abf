package io.edumatrix.platform.observability;

import io.edumatrix.platform.data.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A database and role prefix of {@link ObservedApplication}'s own. Its courses pool holds ten connections, and a
 * role's connection limit follows its pool: on the run's shared roles that would lower the limits under the other
 * cached contexts' feet. Dropped when the JVM ends, after the contexts are closed.
 */
final class ObservedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static FreshDatabase database;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var fresh = obtain();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("observedDatabase", Map.of(
                "edumatrix.database.name", fresh.name(),
                "edumatrix.database.role-prefix", fresh.rolePrefix())));
    }

    /** The admin's connection to the observed application's database, for a change made outside the application. */
    static Connection connectAsAdmin() throws SQLException {
        return obtain().connectAsAdmin();
    }

    private static synchronized FreshDatabase obtain() {
        if (database == null) {
            try {
                database = FreshDatabase.create();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the observed application's database", e);
            }
            var created = database;
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    created.close();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot drop " + created.name(), e);
                }
            });
        }
        return database;
    }
}
