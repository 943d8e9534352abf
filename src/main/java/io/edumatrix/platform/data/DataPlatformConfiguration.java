package io.edumatrix.platform.data;

import java.util.LinkedHashMap;
import io.edumatrix.platform.data.replica.ReadReplicas;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.util.function.SingletonSupplier;

/**
 * Transaction management is switched on here rather than by Boot, whose condition looks for a transaction manager that
 * is a default candidate and finds none among the modules' managers. Its advice is ordered just above the lowest
 * precedence, so advice that must run inside a module's transaction (the event inbox) can sit below it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EduMatrixProperties.class)
@EnableTransactionManagement(order = DataPlatformConfiguration.TRANSACTION_ADVICE_ORDER)
class DataPlatformConfiguration {

    static final int TRANSACTION_ADVICE_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    static ModuleBeanRegistrar moduleBeanRegistrar() {
        return new ModuleBeanRegistrar();
    }

    @Bean
    ModuleDatabases moduleDatabases(EduMatrixProperties properties, ListableBeanFactory beans) {
        var databases = ModuleDatabases.of(properties);
        AheadOfTimeModules.check(databases, beans);
        return databases;
    }

    @Bean(DatabaseSetup.BEAN_NAME)
    DatabaseSetup databaseSetup(ModuleDatabases modules) {
        return new DatabaseSetup(modules);
    }

    @Bean
    ReadReplicas readReplicas(ModuleDatabases modules, ObjectProvider<MeterRegistry> registry) {
        return new ReadReplicas(modules, registry);
    }

    @Bean
    static ModuleTransactionGuard moduleTransactionGuard() {
        return new ModuleTransactionGuard();
    }

    /**
     * One health entry per module pool under "db", so a module that lost its database shows by name. Each finds its
     * pool at the first check: the web server's filters need this bean early, and a pool opens only once its module is
     * migrated, which would hold up the rest of the start-up.
     */
    @Bean
    HealthContributor db(ModuleDatabases modules, BeanFactory beans) {
        var pools = new LinkedHashMap<String, HealthContributor>();
        for (var module : modules.all()) {
            var indicator = SingletonSupplier.of(() -> new DataSourceHealthIndicator(
                    beans.getBean(ModuleBeans.dataAccess(module.module()), ModuleDataAccess.class).pool(), "SELECT 1"));
            pools.put(module.module(), (HealthIndicator) () -> indicator.obtain().health());
        }
        return CompositeHealthContributor.fromMap(pools);
    }
}
