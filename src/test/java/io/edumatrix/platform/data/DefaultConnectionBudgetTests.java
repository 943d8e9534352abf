package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: with the shipped defaults, two application instances of all the configured modules fit a stock PostgreSQL
 * ({@code max_connections = 100}, 3 reserved for superusers), which {@code ConnectionBudget} checks at start-up.
 */
@UnitTest
class DefaultConnectionBudgetTests {

    private static final int STOCK_AVAILABLE = 100 - 3;

    @Test
    void two_instances_of_every_module_fit_a_stock_postgresql_with_the_default_settings() {
        var properties = ShippedSettings.properties();
        var modules = ModuleDatabases.of(properties);
        int perInstance = modules.totalConnections();
        int instances = properties.database().instances();

        System.out.printf("Default connection budget: %d modules, %d connections per instance, %d instances: %d of %d%n",
                modules.all().size(), perInstance, instances, perInstance * instances, STOCK_AVAILABLE);
        assertThat(properties.modules()).containsExactlyElementsOf(ConfiguredModules.names());
        assertThat(instances).as("instances the defaults are sized for").isEqualTo(2);
        assertThat(perInstance * instances).as("connections two instances may open").isLessThanOrEqualTo(STOCK_AVAILABLE);
        // Eleven modules, whatever the list holds today: the budget must still fit when the last ones arrive.
        int eleven = 11 * properties.database().pool().maximumPoolSize()
                + modules.all().stream().mapToInt(ModuleDatabase::dedicatedConnections).sum() + 1;
        assertThat(eleven * instances).as("eleven modules (one more LISTEN session)").isLessThanOrEqualTo(STOCK_AVAILABLE);
    }
}
