package io.edumatrix.platform.data;

import java.util.LinkedHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.BeanFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EduMatrixProperties.class)
class DataPlatformConfiguration {

    @Bean
    static ModuleBeanRegistrar moduleBeanRegistrar() {
        return new ModuleBeanRegistrar();
    }

    @Bean
    ModuleDatabases moduleDatabases(EduMatrixProperties properties) {
        return ModuleDatabases.of(properties);
    }

    @Bean(DatabaseSetup.BEAN_NAME)
    DatabaseSetup databaseSetup(ModuleDatabases modules) {
        return new DatabaseSetup(modules);
    }

    @Bean
    static ModuleTransactionGuard moduleTransactionGuard() {
        return new ModuleTransactionGuard();
    }

    /** One health entry per module pool under "db", so a module that lost its database shows by name. */
    @Bean
    HealthContributor db(ModuleDatabases modules, BeanFactory beans) {
        var pools = new LinkedHashMap<String, HealthContributor>();
        for (var module : modules.all()) {
            var dataAccess = beans.getBean(ModuleBeans.dataAccess(module.module()), ModuleDataAccess.class);
            pools.put(module.module(), new DataSourceHealthIndicator(dataAccess.dataSource(), "SELECT 1"));
        }
        return CompositeHealthContributor.fromMap(pools);
    }
}
